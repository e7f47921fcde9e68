"""Disputes and deductions (short pays) on single invoices.

Every action follows `tools.actions`: keyword-only, idempotent under ``key``,
validated before it writes, one audit row.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from .audit import ActionResult, finish, replay
from .enums import DisputeStatus, Reason
from .errors import InvalidAmount, InvalidTransition, InvalidValue
from .lookup import amount, choice, get_customer, get_invoices, get_record, optional_amount
from .models import Deduction, Dispute, pk, utcnow

ACTOR = "arbox"
"""Who acts when no person does."""


def tag_dispute(
    session: Session,
    *,
    key: str | None,
    customer: str | int,
    invoice: str,
    reason: str,
    disputed_amount: Any = None,
    note: str = "",
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """Mark one invoice as disputed (an open dispute keeps it out of dunning)."""
    if done := replay(session, key, "tag_dispute"):
        return done
    cust = get_customer(session, customer)
    [inv] = get_invoices(session, cust, [invoice])
    why = choice(Reason, reason, name="reason")
    disputed = optional_amount(disputed_amount, name="disputed_amount")
    if disputed is not None and disputed > inv.amount:
        raise InvalidAmount(
            f"disputed amount {disputed} exceeds invoice {inv.number} ({inv.amount})"
        )
    existing = session.exec(
        select(Dispute).where(Dispute.invoice_id == inv.id, Dispute.status == "open")
    ).first()
    if existing is not None:
        return finish(
            session,
            action="tag_dispute",
            target=f"invoice:{inv.number}",
            key=key,
            actor=actor,
            changed=False,
            after=existing,
            record_id=existing.id,
            message=f"{inv.number} already has open dispute #{existing.id}",
        )
    row = Dispute(
        customer_id=pk(cust),
        invoice_id=pk(inv),
        reason=why.value,
        disputed_amount=disputed,
        note=note,
        source_message=source_message,
    )
    session.add(row)
    session.flush()
    return finish(
        session,
        action="tag_dispute",
        target=f"invoice:{inv.number}",
        key=key,
        actor=actor,
        after=row,
        record_id=row.id,
        message=f"{inv.number} disputed ({why.value})",
    )


def resolve_dispute(
    session: Session,
    *,
    key: str | None,
    dispute_id: int,
    outcome: str = "resolved",
    note: str = "",
    actor: str = ACTOR,
) -> ActionResult:
    """Close a dispute as `resolved` (customer was right) or `rejected`."""
    return _close(
        session,
        Dispute,
        "resolve_dispute",
        key=key,
        record_id=dispute_id,
        outcome=outcome,
        note=note,
        actor=actor,
    )


def open_deduction(
    session: Session,
    *,
    key: str | None,
    customer: str | int,
    invoice: str,
    deducted_amount: Any,
    paid_amount: Any = None,
    reason: str = "other",
    note: str = "",
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """Record a short pay: the customer deducted ``deducted_amount`` from ``invoice``."""
    if done := replay(session, key, "open_deduction"):
        return done
    cust = get_customer(session, customer)
    [inv] = get_invoices(session, cust, [invoice])
    deducted = amount(deducted_amount, name="deducted_amount")
    paid = optional_amount(paid_amount, name="paid_amount")
    if deducted > inv.amount:
        raise InvalidAmount(f"deduction {deducted} exceeds invoice {inv.number} ({inv.amount})")
    if paid is not None and paid + deducted > inv.amount:
        raise InvalidAmount(f"paid {paid} + deducted {deducted} exceed invoice {inv.number}")
    why = choice(Reason, reason, name="reason")
    row = Deduction(
        customer_id=pk(cust),
        invoice_id=pk(inv),
        deducted_amount=deducted,
        paid_amount=paid,
        reason=why.value,
        note=note,
        source_message=source_message,
    )
    session.add(row)
    session.flush()
    return finish(
        session,
        action="open_deduction",
        target=f"invoice:{inv.number}",
        key=key,
        actor=actor,
        after=row,
        record_id=row.id,
        message=f"deduction of {deducted} opened on {inv.number} ({why.value})",
    )


def resolve_deduction(
    session: Session,
    *,
    key: str | None,
    deduction_id: int,
    outcome: str = "resolved",
    note: str = "",
    actor: str = ACTOR,
) -> ActionResult:
    """Close a deduction: `resolved` (accepted or recovered) or `rejected`."""
    return _close(
        session,
        Deduction,
        "resolve_deduction",
        key=key,
        record_id=deduction_id,
        outcome=outcome,
        note=note,
        actor=actor,
    )


def _close(
    session: Session,
    model: type[Dispute] | type[Deduction],
    action: str,
    *,
    key: str | None,
    record_id: int,
    outcome: str,
    note: str,
    actor: str,
) -> ActionResult:
    """Close an open dispute or deduction; both share the open/resolved/rejected states."""
    if done := replay(session, key, action):
        return done
    status = choice(DisputeStatus, outcome, name="outcome")
    if status is DisputeStatus.open:
        raise InvalidValue("outcome must be resolved or rejected")
    row = get_record(session, model, record_id)
    label = model.__name__.lower()
    if row.status != DisputeStatus.open:
        raise InvalidTransition(f"{label} #{record_id} is already {row.status}")
    before = row.model_dump()
    row.status, row.closed_at, row.note = status.value, utcnow(), note or row.note
    session.add(row)
    return finish(
        session,
        action=action,
        target=f"{label}:{record_id}",
        key=key,
        actor=actor,
        before=before,
        after=row,
        record_id=record_id,
        message=f"{label} #{record_id} {status.value}",
    )
