"""Ledger writes pushed by the ERP and cash application, each idempotent and audited.

Every function returns what it wrote and the customers whose unsent notices the
change may overtake; the caller (the API) hands those to the notice pipeline's
trim in the same transaction, so a notice never goes out for money that arrived
a second earlier. Nothing here renders or re-checks a notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from sqlmodel import Session, col, select

from .audit import ActionResult, finish, record, replay
from .disputes import resolve_dispute, tag_dispute
from .errors import IdempotencyConflict, InvalidValue
from .lookup import get_customer, get_record
from .models import CreditMemo, Dispute, Invoice, Payment
from .payments import post_payment

Pushed = Literal["created", "updated", "unchanged"]
ACTOR = "erp"
"""Who the audit log names for pushes from the ERP."""
CASH_APP = "cash_app"
"""Who the audit log names for payments from cash application."""


@dataclass
class PaymentPosted:
    """A payment as the ledger holds it after a push."""

    payment: Payment
    replayed: bool
    """The reference was posted before: nothing new was written."""
    customers: list[int]
    """Customers whose invoices the payment touched (their notices may need a trim)."""


def apply_payment(
    session: Session,
    *,
    reference: str,
    received_on: date,
    amount: Decimal,
    customer: str | None = None,
    payer_name: str = "",
    method: str = "other",
    memo: str = "",
    applications: Sequence[tuple[str, Decimal]] = (),
) -> PaymentPosted:
    """Post a payment, idempotent on its reference (a repeat with other values is refused)."""
    result = post_payment(
        session,
        key=f"cash_app:payment:{reference}",
        reference=reference,
        received_on=received_on,
        amount=amount,
        customer=customer,
        payer_name=payer_name,
        method=method,
        memo=memo,
        applications=list(applications),
        actor=CASH_APP,
    )
    pay = session.exec(select(Payment).where(Payment.reference == reference)).first()
    if pay is None:  # the key was used, but not by this reference's payment
        raise IdempotencyConflict(f"reference {reference!r} was used for something else")
    if result.replayed and (pay.amount != amount or pay.received_on != received_on):
        raise IdempotencyConflict(
            f"payment {reference} was already posted with amount {pay.amount} "
            f"received {pay.received_on}"
        )
    customers = {pay.customer_id} if pay.customer_id else set()
    if applications:
        numbers = [number for number, _ in applications]
        customers |= set(
            session.exec(select(Invoice.customer_id).where(col(Invoice.number).in_(numbers))).all()
        )
    return PaymentPosted(pay, result.replayed, sorted(c for c in customers if c is not None))


def upsert_invoice(
    session: Session,
    *,
    number: str,
    customer: str,
    issue_date: date,
    due_date: date,
    amount: Decimal,
    balance: Decimal | None = None,
    po: str | None = None,
    project: str | None = None,
    currency: str | None = None,
) -> tuple[Pushed, Invoice]:
    """Create or update an invoice from the ERP (the number is the key), audited."""
    cust = get_customer(session, customer)
    if amount <= 0:
        raise InvalidValue("amount must be positive (credits are credit memos)")
    if due_date < issue_date:
        raise InvalidValue(f"due_date {due_date} is before issue_date {issue_date}")
    inv = session.exec(select(Invoice).where(Invoice.number == number)).first()
    if inv is not None and inv.customer_id != cust.id:
        raise InvalidValue(f"invoice {number} belongs to another customer")
    if balance is None:
        balance = inv.balance if inv else amount
    if not Decimal(0) <= balance <= amount:
        raise InvalidValue(f"balance {balance} must be between 0 and the amount {amount}")
    values: dict[str, Any] = {
        "customer_id": cust.id,
        "issue_date": issue_date,
        "due_date": due_date,
        "amount": amount,
        "balance": balance,
        "po": po,
        "project": project,
        "currency": (currency or cust.currency).upper(),
    }
    if inv is None:
        inv = Invoice(number=number, **values)
        outcome: Pushed = "created"
        before = None
    else:
        before = inv.model_dump()
        changed = {k: v for k, v in values.items() if getattr(inv, k) != v}
        if not changed:
            return "unchanged", inv
        for k, v in changed.items():
            setattr(inv, k, v)
        outcome = "updated"
    session.add(inv)
    session.flush()
    record(
        session,
        actor=ACTOR,
        action=f"invoice.{outcome}",
        target=f"invoice:{inv.number}",
        key=None,
        before=before,
        after=inv,
    )
    return outcome, inv


def push_dispute(
    session: Session,
    *,
    reference: str,
    customer: str,
    invoice: str,
    reason: str,
    disputed_amount: Decimal | None = None,
    note: str = "",
) -> tuple[ActionResult, int]:
    """Open a dispute (keyed on the ERP's reference); returns it and the customer's id."""
    result = tag_dispute(
        session,
        key=f"erp:dispute:{reference}",
        customer=customer,
        invoice=invoice,
        reason=reason,
        disputed_amount=disputed_amount,
        note=note,
        actor=ACTOR,
    )
    cust = get_customer(session, customer)
    assert cust.id is not None
    return result, cust.id


def close_dispute(
    session: Session, dispute_id: int, *, reference: str, outcome: str, note: str
) -> ActionResult:
    """Close a dispute as resolved or rejected (keyed on the ERP's reference)."""
    get_record(session, Dispute, dispute_id)
    return resolve_dispute(
        session,
        key=f"erp:resolve:{reference}",
        dispute_id=dispute_id,
        outcome=outcome,
        note=note,
        actor=ACTOR,
    )


def push_credit(
    session: Session,
    *,
    number: str,
    customer: str,
    amount: Decimal,
    issued_on: date,
    reason: str = "other",
    invoice: str | None = None,
) -> tuple[ActionResult, int | None]:
    """Record a credit memo (the number is the key); dunning counts it against balances.

    Returns the result and the customer's id, or None for a replay (nothing changed).
    """
    key = f"erp:credit:{number}"
    if done := replay(session, key, "credit_memo"):
        return done, None
    cust = get_customer(session, customer)
    if amount <= 0:
        raise InvalidValue("a credit memo's amount must be positive")
    if session.exec(select(CreditMemo).where(CreditMemo.number == number)).first():
        raise IdempotencyConflict(f"credit memo {number} exists but was not pushed here")
    assert cust.id is not None
    invoice_id = None
    if invoice:
        inv = session.exec(select(Invoice).where(Invoice.number == invoice)).first()
        if inv is None or inv.customer_id != cust.id:
            raise InvalidValue(f"invoice {invoice} is not one of {cust.external_id}'s")
        invoice_id = inv.id
    memo = CreditMemo(
        number=number,
        customer_id=cust.id,
        invoice_id=invoice_id,
        amount=amount,
        remaining=amount,
        issued_on=issued_on,
        reason=reason,
    )
    session.add(memo)
    session.flush()
    result = finish(
        session,
        action="credit_memo",
        target=f"customer:{cust.external_id}",
        key=key,
        actor=ACTOR,
        after=memo,
        record_id=memo.id,
        message=f"credit memo {memo.number} of {memo.amount} recorded",
    )
    return result, cust.id
