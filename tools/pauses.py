"""Dunning pauses: stop and resume notices for a customer or some invoices.

Every action follows `tools.actions`: keyword-only, idempotent under ``key``,
validated before it writes, one audit row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Table, insert
from sqlmodel import Session

from .audit import ActionResult, finish, replay
from .errors import InvalidTransition, InvalidValue
from .lookup import customer_ref, get_record, invoice_refs
from .models import DunningPause, utcnow

ACTOR = "arbox"
"""Who acts when no person does."""
_PAUSES: Table = DunningPause.__table__  # type: ignore[attr-defined]
_INSERT_PAUSES = insert(_PAUSES).returning(_PAUSES.c.id, sort_by_parameter_order=True)


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
    cust = customer_ref(session, customer)
    invs = invoice_refs(session, cust, invoices)
    if not reason.strip():
        raise InvalidValue("a pause needs a reason")
    # The rows as `DunningPause` would be flushed (its defaults), written in one statement.
    targets = [inv.id for inv in invs] or [None]  # no invoices: the whole customer
    rows = [
        {
            "customer_id": cust.id,
            "invoice_id": invoice_id,
            "reason": reason,
            "until": until,
            "active": True,
            "promise_id": None,
            "source_message": source_message,
            "created_at": utcnow(),
            "ended_at": None,
        }
        for invoice_id in targets
    ]
    pause_ids = [int(i) for i in session.connection().execute(_INSERT_PAUSES, rows).scalars()]
    scope = ", ".join(i.number for i in invs) or "all invoices"
    return finish(
        session,
        action="pause_dunning",
        target=f"customer:{cust.external_id}",
        key=key,
        actor=actor,
        record_id=pause_ids[0],
        after={
            "pause_ids": pause_ids,
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
