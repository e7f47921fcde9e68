"""Real-time pushes from cash application and the ERP, each in one transaction.

A payment, an invoice change, a dispute or a credit can take invoices out of
a notice that is drafted but not sent. In the same transaction as the push,
`trim_notices` reads the customer's unsent notices again (the notices room's
send-time re-read): invoices now paid, disputed or covered drop out and the
text is rendered again from the ledger; a notice with nothing left is cancelled.
So a notice can never go out for money that arrived a second earlier.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from sqlmodel import Session, col, select

from ..agent.tones import render_draft, tone_for
from ..tools import notices as store
from ..tools.audit import ActionResult, finish, jsonable, record, replay
from ..tools.disputes import resolve_dispute, tag_dispute
from ..tools.errors import IdempotencyConflict, InvalidValue
from ..tools.locking import lock_for_customers
from ..tools.lookup import get_customer, get_record
from ..tools.models import CreditMemo, Dispute, Invoice, OutgoingNotice, Payment
from ..tools.payments import post_payment
from .ledger_schemas import CreditIn, DisputeIn, InvoiceIn, NoticeChange, PaymentIn

Pushed = Literal["created", "updated", "unchanged"]
ACTOR = "erp"
"""Who the audit log names for pushes from the ERP and cash application."""


def trim_notices(session: Session, customer_id: int, today: date) -> list[NoticeChange]:
    """Re-read the customer's unsent notices; cancel or trim those the ledger has overtaken."""
    changes: list[NoticeChange] = []
    notices = session.exec(
        select(OutgoingNotice)
        .where(
            OutgoingNotice.customer_id == customer_id,
            col(OutgoingNotice.status).in_(store.OPEN),
        )
        .order_by(col(OutgoingNotice.id))
    ).all()
    for notice in notices:
        assert notice.id is not None
        fresh = store.reread(session, notice, today)
        if not fresh.changed:
            continue
        if fresh.due is None:
            store.set_status(
                session,
                notice.id,
                "cancelled",
                allowed_from=store.OPEN,
                actor="arbox.sync",
                note=f"nothing left to dun: {fresh.dropped}",
            )
            changes.append(
                NoticeChange(notice_id=notice.id, status="cancelled", dropped=fresh.dropped)
            )
            continue
        draft = render_draft(fresh.due, today=today)
        before = {"invoices": notice.invoices, "total": notice.total}
        notice.subject = draft.fill(draft.subject)
        notice.body = draft.compose(draft.fill(draft.variants[tone_for(fresh.due.segment)]))
        notice.invoices = [i.number for i in fresh.due.invoices]
        notice.total = fresh.due.total
        notice.guardrail = jsonable(
            dict(notice.guardrail or {})
            | {
                "balances": {i.number: i.balance for i in fresh.due.invoices},
                "stages": {i.number: i.stage for i in fresh.due.invoices},
            }
        )
        session.add(notice)
        record(
            session,
            actor="arbox.sync",
            action="notice.trimmed",
            target=f"notice:{notice.id}",
            key=None,
            before=before,
            after={"invoices": notice.invoices, "total": notice.total, "dropped": fresh.dropped},
        )
        changes.append(
            NoticeChange(notice_id=notice.id, status=notice.status, dropped=fresh.dropped)
        )
    return changes


def apply_payment(
    session: Session, body: PaymentIn, today: date
) -> tuple[Payment, bool, list[NoticeChange]]:
    """Post a payment (idempotent on its reference) and trim the customer's notices."""
    key = f"cash_app:payment:{body.reference}"
    # Invoices, then notices, before anything is written: the one lock order.
    lock_for_customers(session, [body.customer], [a.invoice for a in body.applications])
    result = post_payment(
        session,
        key=key,
        reference=body.reference,
        received_on=body.received_on,
        amount=body.amount,
        customer=body.customer,
        payer_name=body.payer_name,
        method=body.method,
        memo=body.memo,
        applications=[(a.invoice, a.amount) for a in body.applications],
        actor="cash_app",
    )
    pay = session.exec(select(Payment).where(Payment.reference == body.reference)).first()
    if pay is None:  # the key was used, but not by this reference's payment
        raise IdempotencyConflict(f"reference {body.reference!r} was used for something else")
    if result.replayed and (pay.amount != body.amount or pay.received_on != body.received_on):
        raise IdempotencyConflict(
            f"payment {body.reference} was already posted with amount {pay.amount} "
            f"received {pay.received_on}"
        )
    customers = {pay.customer_id} if pay.customer_id else set()
    if body.applications:
        customers |= set(
            session.exec(
                select(Invoice.customer_id).where(
                    col(Invoice.number).in_([a.invoice for a in body.applications])
                )
            ).all()
        )
    changes = [c for cid in sorted(customers) for c in trim_notices(session, cid, today)]
    return pay, result.replayed, changes


def upsert_invoice(
    session: Session, body: InvoiceIn, today: date
) -> tuple[Pushed, Invoice, list[NoticeChange]]:
    """Create or update an invoice from the ERP (the number is the key), audited."""
    lock_for_customers(session, [body.customer], [body.number])  # the one lock order
    cust = get_customer(session, body.customer)
    if body.amount <= 0:
        raise InvalidValue("amount must be positive (credits are credit memos)")
    if body.due_date < body.issue_date:
        raise InvalidValue(f"due_date {body.due_date} is before issue_date {body.issue_date}")
    inv = session.exec(select(Invoice).where(Invoice.number == body.number)).first()
    if inv is not None and inv.customer_id != cust.id:
        raise InvalidValue(f"invoice {body.number} belongs to another customer")
    balance = body.balance if body.balance is not None else (inv.balance if inv else body.amount)
    if not Decimal(0) <= balance <= body.amount:
        raise InvalidValue(f"balance {balance} must be between 0 and the amount {body.amount}")
    values: dict[str, Any] = {
        "customer_id": cust.id,
        "issue_date": body.issue_date,
        "due_date": body.due_date,
        "amount": body.amount,
        "balance": balance,
        "po": body.po,
        "project": body.project,
        "currency": (body.currency or cust.currency).upper(),
    }
    if inv is None:
        inv = Invoice(number=body.number, **values)
        outcome: Pushed = "created"
        before = None
    else:
        before = inv.model_dump()
        changed = {k: v for k, v in values.items() if getattr(inv, k) != v}
        if not changed:
            return "unchanged", inv, []
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
    assert cust.id is not None
    return outcome, inv, trim_notices(session, cust.id, today)


def push_dispute(
    session: Session, body: DisputeIn, today: date
) -> tuple[ActionResult, list[NoticeChange]]:
    lock_for_customers(session, [body.customer], [body.invoice])  # the one lock order
    result = tag_dispute(
        session,
        key=f"erp:dispute:{body.reference}",
        customer=body.customer,
        invoice=body.invoice,
        reason=body.reason,
        disputed_amount=body.disputed_amount,
        note=body.note,
        actor=ACTOR,
    )
    cust = get_customer(session, body.customer)
    assert cust.id is not None
    return result, trim_notices(session, cust.id, today)


def close_dispute(
    session: Session, dispute_id: int, *, reference: str, outcome: str, note: str
) -> ActionResult:
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
    session: Session, body: CreditIn, today: date
) -> tuple[ActionResult, list[NoticeChange]]:
    """Record a credit memo (the number is the key); dunning counts it against balances."""
    key = f"erp:credit:{body.number}"
    if done := replay(session, key, "credit_memo"):
        return done, []
    lock_for_customers(session, [body.customer], [body.invoice] if body.invoice else [])
    cust = get_customer(session, body.customer)
    if body.amount <= 0:
        raise InvalidValue("a credit memo's amount must be positive")
    if session.exec(select(CreditMemo).where(CreditMemo.number == body.number)).first():
        raise IdempotencyConflict(f"credit memo {body.number} exists but was not pushed here")
    assert cust.id is not None
    invoice_id = None
    if body.invoice:
        inv = session.exec(select(Invoice).where(Invoice.number == body.invoice)).first()
        if inv is None or inv.customer_id != cust.id:
            raise InvalidValue(f"invoice {body.invoice} is not one of {cust.external_id}'s")
        invoice_id = inv.id
    memo = CreditMemo(
        number=body.number,
        customer_id=cust.id,
        invoice_id=invoice_id,
        amount=body.amount,
        remaining=body.amount,
        issued_on=body.issued_on,
        reason=body.reason,
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
    assert cust.id is not None
    return result, trim_notices(session, cust.id, today)
