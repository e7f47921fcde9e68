"""Outgoing notices in the ledger: records, the review queue, and the send-time re-read.

Statuses: ``draft`` (ready to send) and ``held`` (waits for a person) are written by a
dunning run; ``approved`` by a person; ``sent``, ``cancelled`` (nothing left to dun at
send time) and ``rejected`` are final. Every change writes an audit row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, insert, update
from sqlmodel import Session, col, select

from .audit import audit_row, record, record_many
from .dunning import (
    Cadence,
    DueInvoice,
    DueNotice,
    Stage,
    billing_contacts,
    load_cadences,
    load_exclusions,
    recipient_locale,
)
from .errors import InvalidTransition, UnknownRecord
from .models import Customer, InboundMessage, Invoice, OutgoingNotice, utcnow
from .promise_notices import REMINDER_STAGE, PromiseRef

NOTICE: Table = OutgoingNotice.__table__  # type: ignore[attr-defined]
SENDABLE = ("draft", "approved")
OPEN = ("draft", "held", "approved")
ACTOR = "arbox.dunning"


def create_notice(
    session: Session, notice: OutgoingNotice, *, actor: str = ACTOR
) -> OutgoingNotice:
    """Add ``notice`` unless its customer already has one for that run date (then return that)."""
    existing = session.exec(
        select(OutgoingNotice).where(
            OutgoingNotice.customer_id == notice.customer_id,
            OutgoingNotice.run_date == notice.run_date,
        )
    ).first()
    if existing is not None:
        return existing
    session.add(notice)
    session.flush()
    record(
        session,
        actor=actor,
        action="notice.create",
        target=f"notice:{notice.id}",
        key=None,
        after=_created(notice.model_dump()),
    )
    return notice


def create_notices(
    session: Session, notices: Sequence[dict[str, Any]], *, actor: str = ACTOR
) -> list[tuple[int, bool]]:
    """Add many notices (given as column values) as `create_notice` adds one, with one
    INSERT for the notices and one for their audit rows: a customer that already has a
    notice for that run date keeps it. Returns (notice id, created) for each given."""
    session.flush()
    db = session.connection()
    have: dict[tuple[int, date], int] = {
        (c, d): i
        for i, c, d in db.execute(
            select(NOTICE.c.id, NOTICE.c.customer_id, NOTICE.c.run_date).where(
                NOTICE.c.run_date.in_({n["run_date"] for n in notices})
            )
        ).all()
    }
    new: dict[tuple[int, date], int] = {}  # key -> the index of the notice that makes it
    for at, n in enumerate(notices):
        key = (n["customer_id"], n["run_date"])
        if key not in have:
            new.setdefault(key, at)
    rows = [{"created_at": utcnow(), **notices[at]} for at in new.values()]
    returning = insert(NOTICE).returning(NOTICE.c.id, sort_by_parameter_order=True)
    ids = list(db.execute(returning, rows).scalars()) if rows else []
    record_many(
        session,
        [
            audit_row(
                actor=actor,
                action="notice.create",
                target=f"notice:{notice_id}",
                key=None,
                after=_created(row),
            )
            for notice_id, row in zip(ids, rows, strict=True)
        ],
    )
    have |= dict(zip(new, ids, strict=True))
    made = set(new.values())
    return [(have[n["customer_id"], n["run_date"]], at in made) for at, n in enumerate(notices)]


def _created(notice: dict[str, Any]) -> dict[str, Any]:
    """What a notice's `notice.create` audit row records."""
    return {k: notice.get(k) for k in ("status", "invoices", "stage", "held_reason")}


def get_notice(session: Session, notice_id: int) -> OutgoingNotice:
    notice = session.get(OutgoingNotice, notice_id)
    if notice is None:
        raise UnknownRecord(f"no notice {notice_id}")
    return notice


def list_notices(session: Session, status: str | None = "held") -> list[OutgoingNotice]:
    """Notices with ``status`` (all when None), oldest first."""
    q = select(OutgoingNotice).order_by(col(OutgoingNotice.id))
    if status:
        q = q.where(OutgoingNotice.status == status)
    return list(session.exec(q).all())


def set_status(
    session: Session,
    notice_id: int,
    status: str,
    *,
    allowed_from: tuple[str, ...],
    actor: str,
    note: str = "",
    **changes: Any,
) -> OutgoingNotice:
    """Move a notice to ``status`` (from one of ``allowed_from``), with an audit row."""
    notice = get_notice(session, notice_id)
    if notice.status not in allowed_from:
        raise InvalidTransition(f"notice {notice_id} is {notice.status}; cannot make it {status}")
    before = {"status": notice.status, **{k: getattr(notice, k) for k in changes}}
    notice.status = status
    for key, value in changes.items():
        setattr(notice, key, value)
    session.add(notice)
    session.flush()
    record(
        session,
        actor=actor,
        action=f"notice.{status}",
        target=f"notice:{notice_id}",
        key=None,
        before=before,
        after={"status": status, **changes},
        note=note,
    )
    return notice


def approve(session: Session, notice_id: int, *, actor: str) -> OutgoingNotice:
    return set_status(session, notice_id, "approved", allowed_from=("held",), actor=actor)


def reject(session: Session, notice_id: int, *, actor: str, reason: str = "") -> OutgoingNotice:
    return set_status(session, notice_id, "rejected", allowed_from=OPEN, actor=actor, note=reason)


def flagged_customers(session: Session) -> dict[int, str]:
    """Customers whose notices must wait: a reply of theirs awaits a person's decision."""
    rows = session.exec(
        select(InboundMessage.customer_id).where(
            InboundMessage.status == "pending_approval",
            col(InboundMessage.customer_id).is_not(None),
        )
    ).all()
    return {c: "a reply from this customer awaits review (triage)" for c in rows if c is not None}


def claim(session: Session, notice_id: int) -> OutgoingNotice | None:
    """Take the notice for sending in this transaction, or None if it is no longer sendable.

    The first statement writes, so SQLite takes its write lock now and PostgreSQL locks
    the row: no payment or dispute can commit between the re-read below and the commit
    that marks the notice sent, and two workers never send the same notice.
    """
    result = session.execute(
        update(OutgoingNotice)
        .where(col(OutgoingNotice.id) == notice_id, col(OutgoingNotice.status).in_(SENDABLE))
        .values(status=OutgoingNotice.status)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return session.get(OutgoingNotice, notice_id, populate_existing=True)


@dataclass
class Fresh:
    """A notice's invoices as the ledger has them now."""

    due: DueNotice | None
    """The notice rebuilt from current balances, or None when nothing is left to dun."""
    dropped: dict[str, str] = field(default_factory=dict)
    """Invoice number -> why it left the notice (paid, disputed, promised, paused...)."""
    changed: bool = False
    """An invoice was dropped or a balance moved: the text must be rendered again."""


def reread(
    session: Session,
    notice: OutgoingNotice,
    today: date,
    *,
    cadences: dict[str, Cadence] | None = None,
) -> Fresh:
    """Read the notice's invoices and contact again (invoices locked on PostgreSQL), and
    apply the exclusions as a dunning run would."""
    cadences = cadences or load_cadences()
    rows = list(
        session.exec(
            select(Invoice).where(col(Invoice.number).in_(notice.invoices)).with_for_update()
        ).all()
    )
    excl = load_exclusions(session, today, [(i.id or 0, i.customer_id, i.balance) for i in rows])
    extra = notice.guardrail or {}
    stages = extra.get("stages") or {}
    amounts = extra.get("balances") or {}
    promise = _promise_ref(extra.get("promise"))
    # A reminder of a promise falling due names the promised invoices on purpose.
    reminding = notice.stage == REMINDER_STAGE and promise is not None
    fresh = Fresh(due=None)
    kept: list[DueInvoice] = []
    for inv in rows:
        reason = excl.reason(inv.id or 0)
        if reminding and reason in ("promised", "paused"):
            reason = None
        if inv.customer_id != notice.customer_id:
            reason = "another customer's invoice"
        if reason:
            fresh.dropped[inv.number] = reason
            continue
        if amounts.get(inv.number) not in (None, str(inv.balance)):
            fresh.changed = True
        kept.append(
            DueInvoice(
                inv.id or 0,
                inv.number,
                inv.amount,
                inv.balance,
                inv.due_date,
                inv.po,
                inv.project,
                stages.get(inv.number, notice.stage),
                (today - inv.due_date).days,
            )
        )
    for number in set(notice.invoices) - {i.number for i in rows}:
        fresh.dropped[number] = "no longer in the ledger"
    fresh.changed = fresh.changed or bool(fresh.dropped)
    if kept:
        cust = session.get(Customer, notice.customer_id)
        assert cust is not None  # a foreign key guarantees it
        contact = billing_contacts(session, cust.id).get(cust.id or 0)
        language, locale = recipient_locale(cust, contact)
        cadence = cadences.get(cust.segment) or cadences["standard"]
        idx = max(cadence.index(i.stage) for i in kept)
        stage = cadence.stages[idx] if idx >= 0 else cadence.stages[-1]
        if reminding:
            stage = Stage(REMINDER_STAGE, 0, REMINDER_STAGE, 0)
        fresh.due = DueNotice(
            cust.id or 0,
            cust.name,
            cust.external_id,
            cust.segment,
            cust.currency,
            cadence,
            stage,
            kept,
            contact.email if contact else None,
            contact.name if contact else "",
            language=language,
            locale=locale,
            promise=promise,
        )
    return fresh


def _promise_ref(raw: Any) -> PromiseRef | None:
    """The promise a notice names, as stored with it (see `agent.notices.run`)."""
    if not raw:
        return None
    return PromiseRef(
        int(raw["id"]),
        date.fromisoformat(raw["promised_on"]),
        date.fromisoformat(raw["made_on"]),
        bool(raw["broken"]),
    )


def last_message_id(session: Session, customer_id: int) -> str | None:
    """The Message-ID of the last notice sent to this customer (new notices thread on it)."""
    return session.exec(
        select(OutgoingNotice.message_id)
        .where(
            OutgoingNotice.customer_id == customer_id,
            OutgoingNotice.status == "sent",
            col(OutgoingNotice.message_id).is_not(None),
        )
        .order_by(col(OutgoingNotice.sent_at).desc())
    ).first()


def mark_sent(
    session: Session, notice: OutgoingNotice, message_id: str, *, actor: str = ACTOR
) -> None:
    """Record the notice as sent under ``message_id`` (replies thread back on it)."""
    notice.status, notice.message_id, notice.sent_at = "sent", message_id, utcnow()
    session.add(notice)
    session.flush()
    record(
        session,
        actor=actor,
        action="notice.sent",
        target=f"notice:{notice.id}",
        key=None,
        after={
            "message_id": message_id,
            "invoices": notice.invoices,
            "total": notice.total,
            "to": notice.to_email,
        },
    )


def total_of(invoices: list[DueInvoice]) -> Decimal:
    return sum((i.balance for i in invoices), Decimal("0.00"))
