"""Analyst corrections as eval cases: a team's real mistakes become tomorrow's regression tests.

Every decided approval and every relabel is a candidate. The labels come from a
person: a relabel's intents, or, for an approval accepted or edited as proposed,
the intents the classifier found (the analyst confirmed them). A rejected
approval says the proposal was wrong but not what is right: it becomes a case
only once someone relabels it, and is counted as skipped until then.

With ``redact`` (the default of the command) e-mail addresses, phone numbers and
the sender's name are replaced, so the file can be shared; amounts, dates and
invoice numbers stay, since the eval checks them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from arbox.tools.models import Approval, InboundMessage, LabelCorrection

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.,])\+?\(?\d{1,4}\)?(?:[ .-]\(?\d{2,5}\)?){2,4}(?![\w,]|\.\d)")
DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


@dataclass
class Export:
    """What an export wrote and left out."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(message id, why) for candidates that could not become a case."""


def export_corrections(session: Session, *, redact: bool = True) -> Export:
    """Dataset lines (CONTRACTS.md section 2) from decided approvals and relabels."""
    out = Export()
    relabels: dict[str, LabelCorrection] = {}
    for row in session.exec(select(LabelCorrection).order_by(col(LabelCorrection.id))):
        relabels[row.message_id] = row  # the latest relabel wins
    decided = {
        a.message_id: a for a in session.exec(select(Approval).where(Approval.status != "pending"))
    }
    for message_id in sorted(set(relabels) | set(decided)):
        message = session.exec(
            select(InboundMessage).where(InboundMessage.message_id == message_id)
        ).first()
        if message is None or not message.parsed:
            out.skipped.append((message_id, "the message text is not stored"))
            continue
        approval = decided.get(message_id)
        predicted = _predicted(approval, message)
        if message_id in relabels:
            fix = relabels[message_id]
            labels, why = (
                fix.labels,
                f"relabelled by {fix.by}" + (f": {fix.note}" if fix.note else ""),
            )
        elif approval is not None and approval.status in ("accepted", "edited"):
            labels, why = predicted, f"{approval.status} by {approval.decided_by}"
        else:
            out.skipped.append((message_id, "rejected and not relabelled: no labels to trust"))
            continue
        if not labels:
            out.skipped.append((message_id, "no intents to label it with"))
            continue
        out.cases.append(_case(message_id, message.parsed, labels, predicted, why, redact=redact))
    return out


def _predicted(approval: Approval | None, message: InboundMessage) -> list[str]:
    findings = ((approval.proposal if approval else None) or message.triage or {}).get(
        "findings"
    ) or []
    return list(dict.fromkeys(str(f.get("intent")) for f in findings if f.get("intent")))


def _case(
    message_id: str,
    parsed: dict[str, Any],
    labels: list[str],
    predicted: list[str],
    why: str,
    *,
    redact: bool,
) -> dict[str, Any]:
    name, addr = str(parsed.get("from_name") or ""), str(parsed.get("from_addr") or "")
    body = str(parsed.get("body_text") or parsed.get("reply_text") or "")
    subject = str(parsed.get("subject") or "")
    sender = f"{name} <{addr}>" if name else addr
    if redact:
        body, subject = _redact(body, name), _redact(subject, name)
        domain = addr.rpartition("@")[2] or "example.com"
        sender = f"Customer <customer@{_mask_domain(domain)}>"
    case: dict[str, Any] = {
        "id": "c-" + hashlib.sha256(message_id.encode()).hexdigest()[:10],
        "from": sender,
        "subject": subject,
        "body": body,
        "labels": labels,
        "note": f"analyst correction ({why}); the classifier said {', '.join(predicted) or '-'}",
    }
    if parsed.get("date"):
        case["date"] = str(parsed["date"])
    return case


def _mask_domain(domain: str) -> str:
    return "customer-" + hashlib.sha256(domain.lower().encode()).hexdigest()[:6] + ".example"


def _phone(match: re.Match[str]) -> str:
    found = match.group(0)
    if sum(ch.isdigit() for ch in found) < 9 or DATE_LIKE.fullmatch(found.strip()):
        return found  # a date, an amount or a short reference: kept
    return "+1 555 0100"


def _redact(text: str, sender_name: str) -> str:
    text = EMAIL.sub(lambda m: f"contact@{_mask_domain(m.group(0).rpartition('@')[2])}", text)
    text = PHONE.sub(_phone, text)
    for part in sender_name.replace(",", " ").split():
        if len(part) > 2 and part[0].isupper():
            text = re.sub(rf"\b{re.escape(part)}\b", "Sender", text)
    return text
