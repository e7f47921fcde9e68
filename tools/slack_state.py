"""Slack state that several processes share through the ledger: the replay guard's
signatures and the outbox of message updates still to make."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from .db import Ledger
from .models import SlackOutbox, SlackSeen, utcnow


def first_use(ledger: Ledger, signature: str, *, keep: timedelta) -> bool:
    """Record ``signature``; True only for the first process ever to offer it.

    One ``INSERT ... ON CONFLICT DO NOTHING``: two API processes receiving the same
    request at the same moment cannot both accept it. Signatures older than
    ``keep`` are forgotten (Slack refuses their timestamps by then anyway).
    """
    now = utcnow()
    insert = sqlite_insert if ledger.dialect == "sqlite" else pg_insert
    with ledger.transaction() as session:
        session.connection().execute(delete(SlackSeen).where(col(SlackSeen.seen_at) < now - keep))
        stmt = (
            insert(SlackSeen)
            .values(signature=signature, seen_at=now)
            .on_conflict_do_nothing(index_elements=["signature"])
            .returning(col(SlackSeen.signature))
        )
        return session.connection().execute(stmt).scalar() is not None


def queue_update(ledger: Ledger, approval_id: int, results: list[dict[str, Any]] | None) -> None:
    """Keep a Slack message update that failed, for `due_updates` to hand out again."""
    with ledger.transaction() as session:
        session.add(SlackOutbox(approval_id=approval_id, results=results))


def due_updates(session: Session, *, limit: int = 50) -> list[SlackOutbox]:
    """Updates not made yet, oldest first."""
    query = select(SlackOutbox).where(col(SlackOutbox.done_at).is_(None))
    return list(session.exec(query.order_by(col(SlackOutbox.id)).limit(limit)))


def settle_update(
    ledger: Ledger, update_id: int, *, error: str | None = None, at: datetime | None = None
) -> None:
    """Mark an outbox update made (``error`` None) or count one more failed attempt."""
    with ledger.transaction() as session:
        row = session.get(SlackOutbox, update_id)
        if row is None:
            return
        if error is None:
            row.done_at = at or utcnow()
        else:
            row.attempts, row.last_error = row.attempts + 1, error[:500]
        session.add(row)
