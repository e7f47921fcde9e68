"""Ledger rows as response models."""

from __future__ import annotations

from sqlmodel import Session, select

from ..tools.models import Approval, InboundMessage, OutgoingNotice, Task
from .schemas import ApprovalOut, MessageOut, NoticeOut, TaskOut


def approval_out(row: Approval) -> ApprovalOut:
    p = row.proposal or {}
    assert row.id is not None
    return ApprovalOut(
        id=row.id,
        message_id=row.message_id,
        status=row.status,
        customer=p.get("customer"),
        sender=p.get("from"),
        subject=p.get("subject"),
        reasons=list(row.reasons or []),
        findings=list(p.get("findings") or []),
        actions=list(p.get("actions") or []),
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        decision=row.decision,
        slack_channel=row.slack_channel,
        slack_ts=row.slack_ts,
        created_at=row.created_at,
    )


def message_out(session: Session, row: InboundMessage) -> MessageOut:
    triage = row.triage or {}
    approval = session.exec(select(Approval).where(Approval.message_id == row.message_id)).first()
    assert row.id is not None
    return MessageOut(
        id=row.id,
        message_id=row.message_id,
        from_addr=row.from_addr,
        subject=row.subject,
        status=row.status,
        customer_id=row.customer_id,
        match_method=row.match_method,
        received_at=row.received_at,
        parse_error=row.parse_error,
        findings=list(triage.get("findings") or []),
        actions=list(triage.get("actions") or []),
        approval_reasons=list(triage.get("approval_reasons") or []),
        approval=approval_out(approval) if approval else None,
    )


def notice_out(row: OutgoingNotice) -> NoticeOut:
    return NoticeOut.model_validate(row, from_attributes=True)


def task_out(row: Task) -> TaskOut:
    return TaskOut.model_validate(row, from_attributes=True)
