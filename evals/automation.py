"""Would the product act on a case with no person? Asked of the real policy, not re-implemented.

The eval has no ledger, so each case is put in the most favourable standing the policy
knows: a `standard` customer matched by the sender's address (its domain is the
customer's), every invoice the findings name open on that customer's ledger. What still
sends the reply to a person (low confidence, distress, a contact change, a promise with
no date, an amount over the limit, ...) is the policy's own reasons.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parseaddr
from typing import Any

from arbox.agent.classifier import Reply
from arbox.agent.findings import Triage
from arbox.agent.policy import Context, PolicyConfig, canonical, plan_actions

EVAL_CUSTOMER = {"external_id": "EVAL", "name": "Eval Customer", "segment": "standard"}


def automation(
    triage: Triage, reply: Reply, config: PolicyConfig | None = None
) -> tuple[bool, list[str]]:
    """``(automatic, reasons)``: True when the policy plans with no approval needed."""
    sender = parseaddr(reply.sender)[1].lower()
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else ""
    named = [n for f in triage.findings for n in f.invoices]
    today = (reply.sent_at or datetime.now(UTC)).date()
    ctx = Context(
        message_id="eval",
        today=today,
        customer=dict(EVAL_CUSTOMER, domains=[domain] if domain else []),
        invoices={canonical(n): n for n in named},
        sender_email=sender,
        customer_domains=(domain,) if domain else (),
        match_method="contact",  # the contract's case: matched by a known address
        text=reply.text,  # fields and the second opinion are checked against the words
        subject=reply.subject,
        sent_on=today,
    )
    actions, reasons = plan_actions(triage, ctx, config or PolicyConfig())
    automatic = not reasons and not any(a.needs_approval for a in actions)
    return automatic, reasons


def automation_summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Automation rate, and the share of automatic cases whose label set is wrong, overall
    and per predicted intent."""
    auto = [r for r in results if r.get("automatic")]
    wrong = [r for r in auto if set(r["expected"]) != set(r["predicted"])]
    per: dict[str, dict[str, Any]] = {}
    for r in auto:
        for intent in r["predicted"]:
            row = per.setdefault(intent, {"automatic": 0, "wrong": 0})
            row["automatic"] += 1
            row["wrong"] += set(r["expected"]) != set(r["predicted"])
    for row in per.values():
        row["wrong_rate"] = round(row["wrong"] / row["automatic"], 4)
    return {
        "automation_rate": round(len(auto) / len(results), 4) if results else 0.0,
        "automatic": len(auto),
        "automatic_wrong": len(wrong),
        "automatic_wrong_rate": round(len(wrong) / len(auto), 4) if auto else 0.0,
        "per_intent": dict(sorted(per.items())),
    }
