"""Would the product act on a case with no person? Asked of the real policy, not re-implemented.

The eval has no ledger, so each case is put in the most favourable standing the policy
knows: a `standard` customer matched by the sender's address (its domain is the
customer's), every invoice the findings name open on that customer's ledger. What still
sends the reply to a person (low confidence, distress, a contact change to another
domain, a promise with no date, an amount over the limit, a label set that may be
incomplete, ...) is the policy's own reasons.

Beside the verdict each case keeps the policy's label-set estimate and whether anything
else asks a person, so `automation_curve` can replay the policy at any threshold without
classifying again: a case is automatic at threshold ``t`` exactly when nothing else asks
and its estimate is at least ``t`` (`agent.policy.label_set_reason`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parseaddr
from typing import Any

from arbox.agent.classifier import Reply
from arbox.agent.findings import Triage
from arbox.agent.label_set import label_set_estimate
from arbox.agent.policy import Context, PolicyConfig, canonical, plan_actions

EVAL_CUSTOMER = {"external_id": "EVAL", "name": "Eval Customer", "segment": "standard"}

TARGET_WRONG = 0.02
"""Issue 15's target: wrong automatic actions at most this share of automatic cases ..."""
TARGET_AUTOMATIC = 0.50
"""... while at least this share of replies is automatic."""


@dataclass(frozen=True)
class Automation:
    """The policy's verdict on one case."""

    automatic: bool
    reasons: list[str]
    label_set: float | None
    """The estimate that the whole label set is right (None: nothing was understood)."""
    blocked: bool
    """A person is asked whatever the label-set threshold."""


def automation(triage: Triage, reply: Reply, config: PolicyConfig | None = None) -> Automation:
    """The real policy's answer for ``triage`` of ``reply`` in the contract's standing."""
    config = config or PolicyConfig()
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
        auto_reply=reply.auto_reply,
    )
    actions, reasons = plan_actions(triage, ctx, config)
    automatic = not reasons and not any(a.needs_approval for a in actions)
    # The same plan with the label-set check off: does anything else ask a person?
    _, others = plan_actions(triage, ctx, replace(config, autonomy_threshold=0.0))
    live = [f for f in triage.findings if not f.abstained]
    estimate = (
        label_set_estimate(
            live, text=reply.text, subject=reply.subject, sent_on=today, auto_reply=reply.auto_reply
        )
        if live
        else None
    )
    return Automation(automatic, reasons, estimate, bool(others) or estimate is None)


def _wrong(case: dict[str, Any]) -> bool:
    return set(case["expected"]) != set(case["predicted"])


def automation_summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Automation rate, and the share of automatic cases whose label set is wrong, overall
    and per predicted intent."""
    auto = [r for r in results if r.get("automatic")]
    per: dict[str, dict[str, Any]] = {}
    for r in results:
        for intent in r["predicted"]:
            row = per.setdefault(intent, {"replies": 0, "automatic": 0, "wrong": 0})
            row["replies"] += 1
            row["automatic"] += bool(r.get("automatic"))
            row["wrong"] += bool(r.get("automatic")) and _wrong(r)
    for row in per.values():
        row["automation_rate"] = round(row["automatic"] / row["replies"], 4)
        row["wrong_rate"] = round(row["wrong"] / row["automatic"], 4) if row["automatic"] else 0.0
    return {**_rates(results, auto), "per_intent": dict(sorted(per.items()))}


def _rates(results: Sequence[dict[str, Any]], auto: Sequence[dict[str, Any]]) -> dict[str, Any]:
    wrong = sum(_wrong(r) for r in auto)
    return {
        "automation_rate": round(len(auto) / len(results), 4) if results else 0.0,
        "automatic": len(auto),
        "automatic_wrong": wrong,
        "automatic_wrong_rate": round(wrong / len(auto), 4) if auto else 0.0,
    }


def automatic_at(case: dict[str, Any], threshold: float) -> bool:
    """Whether the policy acts alone on ``case`` (a `per_case` entry) at ``threshold``."""
    estimate = case.get("label_set")
    return not case.get("blocked", True) and estimate is not None and estimate >= threshold


def automation_curve(
    results: Sequence[dict[str, Any]], thresholds: Iterable[float]
) -> list[dict[str, Any]]:
    """Automation rate and wrong-automatic share at each label-set threshold, with whether
    the target is met: a team picks its operating point from this table."""
    rows = []
    for t in thresholds:
        auto = [r for r in results if automatic_at(r, t)]
        rates = _rates(results, auto)
        rates["meets_target"] = bool(auto) and (
            rates["automatic_wrong_rate"] <= TARGET_WRONG
            and rates["automation_rate"] >= TARGET_AUTOMATIC
        )
        rows.append({"threshold": round(t, 4), **rates})
    return rows


def operating_point(curve: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The lowest threshold (most automation) from which every higher threshold keeps the
    wrong-automatic share within the target; None when none does. A row of fewer than
    ``1 / TARGET_WRONG`` automatic replies can not break the chain: one mistake among 24
    is 4% by arithmetic, not a sign that the estimate is worse up there."""
    best = None
    for row in sorted(curve, key=lambda r: r["threshold"], reverse=True):
        small = row["automatic"] * TARGET_WRONG < 1
        if row["automatic"] and row["automatic_wrong_rate"] > TARGET_WRONG and not small:
            break
        if small:
            continue
        if row["automatic"]:
            best = row
    return best
