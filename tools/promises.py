"""Promises to pay and their lifecycle.

A promise covers some invoices (all the customer's open ones when none are
named), pauses their dunning until ``promised_on + tolerance_days``, and is
judged once that date has passed: `kept` when the covered balances fell by the
promised amount, `partial` when they fell by less, `broken` when nothing came.
A broken or partial promise ends its pauses and opens a `collections` task.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from .audit import ActionResult, finish, replay
from .errors import InvalidTransition, InvalidValue
from .lookup import get_customer, get_invoices, get_record, optional_amount
from .models import DunningPause, Invoice, Promise, PromiseInvoice, Task, pk, utcnow

ACTOR = "arbox"
"""Who acts when no person does."""
DEFAULT_TOLERANCE_DAYS = 3


def record_promise(
    session: Session,
    *,
    key: str | None,
    customer: str | int,
    promised_on: date,
    invoices: Sequence[str] = (),
    amount: Any = None,
    tolerance_days: int = DEFAULT_TOLERANCE_DAYS,
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """Record a promise to pay ``amount`` (default: the covered balances) by ``promised_on``."""
    if done := replay(session, key, "record_promise"):
        return done
    cust = get_customer(session, customer)
    if not isinstance(promised_on, date):
        raise InvalidValue(f"promised_on must be a date, got {promised_on!r}")
    if not 0 <= tolerance_days <= 60:
        raise InvalidValue(f"tolerance_days must be between 0 and 60, got {tolerance_days}")
    covered = (
        get_invoices(session, cust, invoices)
        if invoices
        else list(
            session.exec(
                select(Invoice)
                .where(Invoice.customer_id == cust.id, Invoice.balance > 0)
                .order_by(col(Invoice.due_date))
            )
        )
    )
    covered = [i for i in covered if i.balance > 0]
    if not covered:
        raise InvalidValue(f"customer {cust.external_id} has no open balance to promise")
    promised = optional_amount(amount) or sum((i.balance for i in covered), Decimal("0.00"))
    row = Promise(
        customer_id=pk(cust),
        amount=promised,
        promised_on=promised_on,
        tolerance_days=tolerance_days,
        source_message=source_message,
    )
    session.add(row)
    session.flush()
    until = promised_on + timedelta(days=tolerance_days)
    for inv in covered:
        session.add(
            PromiseInvoice(promise_id=pk(row), invoice_id=pk(inv), balance_at_promise=inv.balance)
        )
        session.add(
            DunningPause(
                customer_id=pk(cust),
                invoice_id=inv.id,
                until=until,
                reason=f"promise #{row.id}",
                promise_id=row.id,
                source_message=source_message,
            )
        )
    session.flush()
    numbers = [i.number for i in covered]
    return finish(
        session,
        action="record_promise",
        target=f"customer:{cust.external_id}",
        key=key,
        actor=actor,
        record_id=row.id,
        after={**row.model_dump(), "invoices": numbers},
        message=f"promise #{row.id}: {promised} by {promised_on} for {', '.join(numbers)}",
    )


def cancel_promise(
    session: Session, *, key: str | None, promise_id: int, note: str = "", actor: str = ACTOR
) -> ActionResult:
    """Withdraw an open promise and end its pauses."""
    if done := replay(session, key, "cancel_promise"):
        return done
    row = get_record(session, Promise, promise_id)
    if row.status != "open":
        raise InvalidTransition(f"promise #{promise_id} is already {row.status}")
    before = row.model_dump()
    row.status = "cancelled"
    session.add(row)
    _end_pauses(session, promise_id)
    return finish(
        session,
        action="cancel_promise",
        target=f"promise:{promise_id}",
        key=key,
        actor=actor,
        before=before,
        after=row,
        record_id=promise_id,
        message=note or f"promise #{promise_id} cancelled",
    )


@dataclass
class PromiseReview:
    """What `evaluate_promises` decided, by outcome."""

    kept: list[int] = field(default_factory=list)
    partial: list[int] = field(default_factory=list)
    broken: list[int] = field(default_factory=list)
    tasks: list[int] = field(default_factory=list)


def evaluate_promises(session: Session, *, today: date, actor: str = ACTOR) -> PromiseReview:
    """Settle open promises: kept as soon as paid; partial or broken once past due + tolerance.

    Idempotent by construction (only `open` promises are looked at) and keyed
    per promise, so two workers running it at once settle each promise once.
    """
    review = PromiseReview()
    promises = session.exec(select(Promise).where(Promise.status == "open")).all()
    paid_by = _paid_since_promises(session) if promises else {}
    for promise in promises:
        paid = paid_by.get(pk(promise), Decimal("0.00"))
        deadline = promise.promised_on + timedelta(days=promise.tolerance_days)
        if paid >= promise.amount:
            outcome = "kept"
        elif today <= deadline:
            continue
        else:
            outcome = "partial" if paid > 0 else "broken"
        before = promise.model_dump()
        promise.status, promise.settled_on, promise.paid_amount = outcome, today, paid
        session.add(promise)
        getattr(review, outcome).append(promise.id)
        key = f"promise-eval:{promise.id}"
        if outcome == "kept":
            _end_pauses(session, promise.id)
            finish(
                session,
                action="settle_promise",
                target=f"promise:{promise.id}",
                key=key,
                actor=actor,
                before=before,
                after=promise,
                record_id=promise.id,
                message=f"promise #{promise.id} kept ({paid} paid)",
            )
            continue
        _end_pauses(session, promise.id)
        invoices = [inv.number for inv in _covered(session, promise.id)]
        task = Task(
            queue="collections",
            customer_id=promise.customer_id,
            invoices=invoices,
            summary=f"Promise #{promise.id} {outcome}: {paid} of {promise.amount} "
            f"promised by {promise.promised_on} received; follow up.",
            source_message=promise.source_message,
        )
        session.add(task)
        session.flush()
        review.tasks.append(task.id)  # type: ignore[arg-type]
        finish(
            session,
            action="settle_promise",
            target=f"promise:{promise.id}",
            key=key,
            actor=actor,
            before=before,
            after={**promise.model_dump(), "task_id": task.id},
            record_id=promise.id,
            message=f"promise #{promise.id} {outcome}; pauses ended, task #{task.id} opened",
        )
    return review


def _covered(session: Session, promise_id: int | None) -> list[Invoice]:
    return list(
        session.exec(
            select(Invoice)
            .join(PromiseInvoice, PromiseInvoice.invoice_id == Invoice.id)  # type: ignore[arg-type]
            .where(PromiseInvoice.promise_id == promise_id)
        )
    )


def _paid_since_promises(session: Session) -> dict[int, Decimal]:
    """open promise id -> how much its invoices' balances fell since it was made (no
    invoice counts as paid below zero), for every open promise in one query."""
    rows = session.exec(
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            PromiseInvoice.promise_id, PromiseInvoice.balance_at_promise, Invoice.balance
        )
        .join(Invoice, PromiseInvoice.invoice_id == Invoice.id)
        .join(Promise, PromiseInvoice.promise_id == Promise.id)
        .where(Promise.status == "open")
    ).all()
    paid: dict[int, Decimal] = {}
    for promise_id, at_promise, balance in rows:
        fell = max(at_promise - balance, Decimal("0"))
        paid[promise_id] = paid.get(promise_id, Decimal("0.00")) + fell
    return paid


def _end_pauses(session: Session, promise_id: int | None) -> None:
    for pause in session.exec(
        select(DunningPause).where(
            DunningPause.promise_id == promise_id, col(DunningPause.active).is_(True)
        )
    ):
        pause.active, pause.ended_at = False, utcnow()
        session.add(pause)
