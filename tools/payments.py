"""Cash: payments, their application to invoices, suspense, and customers' payment claims.

A payment's money is either applied to invoices (lowering their balance) or
unapplied, in suspense. When a customer says "we paid", `record_payment_claim`
looks in suspense for the money by amount, date window and reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz
from sqlmodel import Session, col, or_, select

from .audit import ActionResult, finish, replay
from .enums import PaymentMethod
from .errors import InvalidAmount, InvalidTransition, InvalidValue
from .lookup import amount as check_amount
from .lookup import choice, get_customer, get_invoices, get_record, optional_amount
from .models import Customer, Invoice, Payment, PaymentApplication, PaymentClaim, pk

ACTOR = "arbox"
"""Who acts when no person does."""
MATCH_THRESHOLD = 60.0
"""Minimum score (0-100) for a suspense payment to count as the claimed one."""
ZERO = Decimal("0.00")


def post_payment(
    session: Session,
    *,
    key: str | None,
    reference: str,
    received_on: date,
    amount: Any,
    customer: str | int | None = None,
    payer_name: str = "",
    method: str = "other",
    memo: str = "",
    applications: Sequence[tuple[str, Any]] = (),
    actor: str = "cash_app",
) -> ActionResult:
    """Record money received and apply it to invoices; whatever is left sits in suspense."""
    if done := replay(session, key, "post_payment"):
        return done
    total = check_amount(amount)
    if not reference.strip():
        raise InvalidValue("a payment needs a reference")
    if session.exec(select(Payment).where(Payment.reference == reference)).first():
        raise InvalidValue(f"payment {reference!r} already exists")
    cust = get_customer(session, customer) if customer is not None else None
    pairs = _applications(session, cust, applications)
    applied = sum((a for _, a in pairs), ZERO)
    if applied > total:
        raise InvalidAmount(f"applications ({applied}) exceed the payment ({total})")
    pay = Payment(
        reference=reference.strip(),
        received_on=received_on,
        amount=total,
        applied=applied,
        unapplied=total - applied,
        customer_id=cust.id if cust else None,
        payer_name=payer_name,
        method=choice(PaymentMethod, method, name="method").value,
        memo=memo,
    )
    session.add(pay)
    session.flush()
    for inv, part in pairs:
        inv.balance -= part
        session.add(inv)
        session.add(PaymentApplication(payment_id=pk(pay), invoice_id=pk(inv), amount=part))
    session.flush()
    return finish(
        session,
        action="post_payment",
        target=f"payment:{pay.reference}",
        key=key,
        actor=actor,
        after={**pay.model_dump(), "applied_to": {i.number: a for i, a in pairs}},
        record_id=pay.id,
        message=f"payment {pay.reference}: {applied} applied, {pay.unapplied} unapplied",
    )


def apply_payment(
    session: Session,
    *,
    key: str | None,
    reference: str,
    invoice: str,
    amount: Any,
    actor: str = "cash_app",
) -> ActionResult:
    """Apply part of a payment's unapplied (suspense) money to an invoice."""
    if done := replay(session, key, "apply_payment"):
        return done
    pay = session.exec(select(Payment).where(Payment.reference == reference)).first()
    if pay is None:
        raise InvalidValue(f"unknown payment {reference!r}")
    part = check_amount(amount)
    if part > pay.unapplied:
        raise InvalidAmount(f"{part} exceeds the unapplied {pay.unapplied} of {reference}")
    cust = get_customer(session, pay.customer_id) if pay.customer_id else None
    if cust is None:
        inv = session.exec(select(Invoice).where(Invoice.number == invoice)).first()
        cust = get_customer(session, inv.customer_id) if inv else None
    [(inv, part)] = _applications(session, cust, [(invoice, part)])
    before = pay.model_dump()
    pay.applied, pay.unapplied = pay.applied + part, pay.unapplied - part
    pay.customer_id = pay.customer_id or inv.customer_id
    inv.balance -= part
    session.add_all(
        [pay, inv, PaymentApplication(payment_id=pk(pay), invoice_id=pk(inv), amount=part)]
    )
    return finish(
        session,
        action="apply_payment",
        target=f"payment:{reference}",
        key=key,
        actor=actor,
        before=before,
        after=pay,
        record_id=pay.id,
        message=f"{part} of {reference} applied to {inv.number}",
    )


def _applications(
    session: Session, cust: Customer | None, applications: Sequence[tuple[str, Any]]
) -> list[tuple[Invoice, Decimal]]:
    if not applications:
        return []
    if cust is None:
        raise InvalidValue("applications need the paying customer")
    invs = get_invoices(session, cust, [n for n, _ in applications])
    pairs = []
    for inv, (_, raw) in zip(invs, applications, strict=True):
        part = check_amount(raw, name=f"application to {inv.number}")
        if part > inv.balance:
            raise InvalidAmount(f"{part} exceeds the open balance {inv.balance} of {inv.number}")
        pairs.append((inv, part))
    return pairs


@dataclass(frozen=True)
class SuspenseMatch:
    payment: Payment
    score: float
    """0-100: amount, payer, reference and date agreement (not money)."""


def find_suspense_match(
    session: Session,
    *,
    customer: Customer,
    amount: Decimal | None,
    paid_on: date | None,
    reference: str = "",
    invoices: Sequence[Invoice] = (),
    window_days: int = 10,
) -> SuspenseMatch | None:
    """The unapplied payment that best fits a customer's claim, if any fits well enough."""
    query = select(Payment).where(
        Payment.unapplied > 0,
        or_(Payment.customer_id == customer.id, col(Payment.customer_id).is_(None)),
    )
    if paid_on is not None:
        query = query.where(
            Payment.received_on >= paid_on - timedelta(days=3),
            Payment.received_on <= paid_on + timedelta(days=window_days),
        )
    targets = {amount} if amount is not None else set()
    if invoices:
        targets |= {i.balance for i in invoices} | {sum((i.balance for i in invoices), ZERO)}
    best: SuspenseMatch | None = None
    for pay in session.exec(query):
        score = 0.0
        if pay.unapplied in targets or pay.amount in targets:
            score += 50
        elif targets and any(abs(pay.unapplied - t) <= t * Decimal("0.01") for t in targets):
            score += 20
        if pay.customer_id == customer.id:
            score += 25
        elif pay.payer_name:
            score += 25 * fuzz.token_set_ratio(customer.name, pay.payer_name) / 100
        haystack = f"{pay.reference} {pay.memo}"
        if reference.strip():
            score += 15 * fuzz.partial_ratio(reference.strip(), haystack) / 100
        if any(i.number in haystack for i in invoices):
            score += 10
        if best is None or score > best.score:
            best = SuspenseMatch(pay, round(score, 1))
    return best if best and best.score >= MATCH_THRESHOLD else None


def record_payment_claim(
    session: Session,
    *,
    key: str | None,
    customer: str | int,
    invoices: Sequence[str] = (),
    amount: Any = None,
    paid_on: date | None = None,
    method: str = "other",
    reference: str = "",
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """Record "we paid" and look for the money in suspense. Never marks anything paid."""
    if done := replay(session, key, "record_payment_claim"):
        return done
    cust = get_customer(session, customer)
    invs = get_invoices(session, cust, invoices)
    claimed = optional_amount(amount)
    how = choice(PaymentMethod, method or "other", name="method")
    match = find_suspense_match(
        session, customer=cust, amount=claimed, paid_on=paid_on, reference=reference, invoices=invs
    )
    row = PaymentClaim(
        customer_id=pk(cust),
        invoices=[i.number for i in invs],
        amount=claimed,
        paid_on=paid_on,
        method=how.value,
        reference=reference.strip(),
        source_message=source_message,
        matched_payment_id=match.payment.id if match else None,
        match_score=match.score if match else None,
        status="matched" if match else "open",
    )
    session.add(row)
    session.flush()
    found = (
        f"; matches suspense payment {match.payment.reference} (score {match.score})"
        if match
        else "; no matching payment in suspense"
    )
    return finish(
        session,
        action="record_payment_claim",
        target=f"customer:{cust.external_id}",
        key=key,
        actor=actor,
        record_id=row.id,
        after={**row.model_dump(), "matched_reference": match.payment.reference if match else None},
        message=f"payment claim #{row.id} recorded{found}",
    )


def close_payment_claim(
    session: Session, *, key: str | None, claim_id: int, note: str = "", actor: str = ACTOR
) -> ActionResult:
    """Close a claim once cash application has confirmed or refuted it."""
    if done := replay(session, key, "close_payment_claim"):
        return done
    row = get_record(session, PaymentClaim, claim_id)
    if row.status == "closed":
        raise InvalidTransition(f"payment claim #{claim_id} is already closed")
    before = row.model_dump()
    row.status = "closed"
    session.add(row)
    return finish(
        session,
        action="close_payment_claim",
        target=f"claim:{claim_id}",
        key=key,
        actor=actor,
        before=before,
        after=row,
        record_id=claim_id,
        message=note or f"payment claim #{claim_id} closed",
    )
