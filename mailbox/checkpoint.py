"""Per-folder IMAP checkpoints: the UIDVALIDITY seen and the last UID fully processed."""

from __future__ import annotations

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
    """
    row = session.get(ImapCheckpoint, key)
    if row is None:
        session.add(ImapCheckpoint(folder=key, uidvalidity=uidvalidity, last_uid=last_uid))
        return
    if row.uidvalidity != uidvalidity:
        row.uidvalidity, row.last_uid = uidvalidity, last_uid
    elif last_uid > row.last_uid:
        row.last_uid = last_uid
    else:
        return
    row.updated_at = utcnow()
    session.add(row)
