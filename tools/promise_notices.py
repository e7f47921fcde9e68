"""Promise follow-through: a reminder the day before a promise falls due, and the next
stage at once when a promise is broken, naming the promise.

`lapsed_promises` lists the promises broken (or partly kept) and not yet followed up by
a notice: `dunning.select_due` sends their invoices the next stage at once. An open
promise past its date plus tolerance with nothing paid counts too, so a dry run sees
what the real run (which settles promises first) will do. `promise_reminders` builds
the day-before reminders for segments whose cadence has ``promise_reminder = true``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from .models import Invoice, OutgoingNotice, Promise, PromiseInvoice, as_utc

if TYPE_CHECKING:
    from .dunning import Cadence, DueNotice

FOLLOW_UP_DAYS = 14
"""A promise broken longer ago than this is no longer followed up as such."""
REMINDER_STAGE = "promise_reminder"


@dataclass(frozen=True)
class PromiseRef:
    """A promise to pay that a notice names: one falling due, or one that was broken."""

    id: int
    promised_on: date
    made_on: date
    broken: bool


def _followed_up(session: Session) -> set[int]:
    """Promises a notice (not cancelled) has already named as broken (only those two
    entries of each notice's guardrail record are read: the database extracts them)."""
    extra = col(OutgoingNotice.guardrail)
    rows = session.exec(
        select(extra["promise_id"].as_integer(), extra["promise_broken"].as_boolean())
        .where(col(OutgoingNotice.status) != "cancelled")
        .where(extra["promise_id"].as_integer().is_not(None))
    ).all()
    return {int(promise_id) for promise_id, broken in rows if broken}


def lapsed_promises(session: Session, today: date) -> dict[int, PromiseRef]:
    """invoice id -> the broken promise that covered it, for promises not followed up yet."""
    rows = session.exec(
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            Promise.id,
            Promise.promised_on,
            Promise.tolerance_days,
            Promise.status,
            Promise.settled_on,
            Promise.created_at,
            PromiseInvoice.invoice_id,
        )  # columns, not Promise rows: a run reads every open promise
        .join(PromiseInvoice, col(PromiseInvoice.promise_id) == col(Promise.id))
        .where(col(Promise.status).in_(("open", "broken", "partial")))
        .where(Promise.promised_on >= today - timedelta(days=FOLLOW_UP_DAYS + 60))
    ).all()
    if not rows:
        return {}
    done = _followed_up(session)
    out: dict[int, PromiseRef] = {}
    for promise_id, on, tolerance, status, settled_on, created, invoice_id in rows:
        if promise_id is None or promise_id in done:
            continue
        deadline = on + timedelta(days=tolerance)
        if status == "open" and today <= deadline:
            continue
        settled = settled_on or deadline
        if (today - settled).days > FOLLOW_UP_DAYS:
            continue
        out[invoice_id] = PromiseRef(promise_id, on, as_utc(created).date(), True)
    return out


def promise_reminders(
    session: Session, today: date, cadences: dict[str, Cadence], skip: set[int]
) -> list[DueNotice]:
    """Reminders for open promises due tomorrow (customers in ``skip`` already have a
    notice today)."""
    from .dunning import DueInvoice, DueNotice, Stage, billing_contacts, recipient_locale
    from .models import Customer

    rows = session.exec(
        select(Promise, Invoice)
        .join(PromiseInvoice, col(PromiseInvoice.promise_id) == col(Promise.id))
        .join(Invoice, col(Invoice.id) == col(PromiseInvoice.invoice_id))
        .where(Promise.status == "open", Promise.promised_on == today + timedelta(days=1))
        .where(Invoice.balance > 0)
        .order_by(col(Promise.id), col(Invoice.due_date))
    ).all()
    by_promise: dict[int, tuple[Promise, list[Invoice]]] = {}
    for p, inv in rows:
        by_promise.setdefault(p.id or 0, (p, []))[1].append(inv)
    if not by_promise:
        return []
    contacts = billing_contacts(session)
    out: list[DueNotice] = []
    seen: set[int] = set(skip)
    for p, invoices in by_promise.values():
        cust = session.get(Customer, p.customer_id)
        if cust is None or cust.id in seen:
            continue
        cadence = cadences.get(cust.segment) or cadences["standard"]
        if not cadence.promise_reminder:
            continue
        seen.add(cust.id or 0)
        stage = Stage(REMINDER_STAGE, 0, REMINDER_STAGE, 0)
        contact = contacts.get(cust.id or 0)
        language, locale = recipient_locale(cust, contact)
        out.append(
            DueNotice(
                cust.id or 0,
                cust.name,
                cust.external_id,
                cust.segment,
                cust.currency,
                cadence,
                stage,
                [
                    DueInvoice(
                        i.id or 0,
                        i.number,
                        i.amount,
                        i.balance,
                        i.due_date,
                        i.po,
                        i.project,
                        REMINDER_STAGE,
                        (today - i.due_date).days,
                    )
                    for i in invoices
                ],
                contact.email if contact else None,
                contact.name if contact else "",
                language=language,
                locale=locale,
                promise=PromiseRef(p.id or 0, p.promised_on, as_utc(p.created_at).date(), False),
            )
        )
    return out
