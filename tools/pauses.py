"""Dunning pauses: stop and resume notices for a customer or some invoices.

Every action follows `tools.actions`: keyword-only, idempotent under ``key``,
validated before it writes, one audit row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from .audit import ActionResult, finish, replay
from .errors import InvalidTransition, InvalidValue
from .lookup import get_customer, get_invoices, get_record
from .models import DunningPause, Invoice, pk, utcnow

ACTOR = "arbox"
"""Who acts when no person does."""


def pause_dunning(
    session: Session,
    *,
    key: str | None,
    customer: str | int,
    invoices: Sequence[str] = (),
    reason: str,
    until: date | None = None,
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """Stop notices for the named invoices (or the whole customer when none) until a date."""
    if done := replay(session, key, "pause_dunning"):
        return done
    cust = get_customer(session, customer)
    invs = get_invoices(session, cust, invoices)
    if not reason.strip():
        raise InvalidValue("a pause needs a reason")
    targets: list[Invoice | None] = [*invs] or [None]  # no invoices: the whole customer
    pauses = [
        DunningPause(
            customer_id=pk(cust),
            invoice_id=inv.id if inv else None,
            reason=reason,
            until=until,
            source_message=source_message,
        )
        for inv in targets
    ]
    session.add_all(pauses)
    session.flush()
    scope = ", ".join(i.number for i in invs) or "all invoices"
    return finish(
        session,
        action="pause_dunning",
        target=f"customer:{cust.external_id}",
        key=key,
        actor=actor,
        record_id=pauses[0].id,
        after={
            "pause_ids": [p.id for p in pauses],
            "invoices": [i.number for i in invs],
            "until": until,
            "reason": reason,
        },
        message=f"dunning paused for {scope}" + (f" until {until}" if until else ""),
    )


def end_pause(
    session: Session, *, key: str | None, pause_id: int, note: str = "", actor: str = ACTOR
) -> ActionResult:
    """Resume dunning that a pause stopped."""
    if done := replay(session, key, "end_pause"):
        return done
    pause = get_record(session, DunningPause, pause_id)
    if not pause.active:
        raise InvalidTransition(f"pause #{pause_id} has already ended")
    before = pause.model_dump()
    pause.active, pause.ended_at = False, utcnow()
    session.add(pause)
    return finish(
        session,
        action="end_pause",
        target=f"pause:{pause_id}",
        key=key,
        actor=actor,
        before=before,
        after=pause,
        record_id=pause_id,
        message=note or f"pause #{pause_id} ended",
    )
