"""Per-folder IMAP checkpoints: the UIDVALIDITY seen and the last UID fully processed."""

from __future__ import annotations

from sqlalchemy import case
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from arbox.tools.models import ImapCheckpoint, utcnow


def checkpoint_key(user: str, host: str, folder: str) -> str:
    """One checkpoint per account and folder (two inboxes never share one)."""
    return f"{user}@{host}/{folder}"


def load_checkpoint(session: Session, key: str) -> ImapCheckpoint | None:
    return session.get(ImapCheckpoint, key)


def advance_checkpoint(session: Session, key: str, uidvalidity: int, last_uid: int) -> None:
    """Move the checkpoint forward (never back) within the caller's transaction.

    A new UIDVALIDITY replaces the old checkpoint outright: the old UIDs mean nothing.
    One upsert statement, so watchers advancing the same folder at once never
    collide on the first insert nor move it back.
    """
    table = ImapCheckpoint.__table__
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    stmt = insert(table).values(
        folder=key, uidvalidity=uidvalidity, last_uid=last_uid, updated_at=utcnow()
    )
    same = table.c.uidvalidity == stmt.excluded.uidvalidity
    forward = case(
        (same & (table.c.last_uid >= stmt.excluded.last_uid), table.c.last_uid),
        else_=stmt.excluded.last_uid,
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["folder"],
        set_={
            "uidvalidity": stmt.excluded.uidvalidity,
            "last_uid": forward,
            "updated_at": stmt.excluded.updated_at,
        },
    )
    session.connection().execute(stmt)
    # Rows of this table already in the session are stale now.
    cached = session.get(ImapCheckpoint, key)
    if cached is not None:
        session.refresh(cached)
