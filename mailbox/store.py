"""Recording inbound messages in the ledger, keyed on Message-ID (seen twice, stored once)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from arbox.tools.matching import Match
from arbox.tools.models import InboundMessage

from .models import InboundEmail
from .parse import synthesise_message_id

STATUS_RECEIVED = "received"
STATUS_UNPARSEABLE = "unparseable"


def find_inbound(session: Session, message_id: str) -> InboundMessage | None:
    """The stored row for a Message-ID, if any."""
    stmt = select(InboundMessage).where(InboundMessage.message_id == message_id)
    return session.exec(stmt).first()


def _insert(session: Session, row: InboundMessage) -> tuple[InboundMessage, bool]:
    # INSERT ... ON CONFLICT DO NOTHING: another watcher may record the same
    # Message-ID at the same moment; then its row wins and ours is dropped, with no
    # error and nothing else in the caller's transaction undone.
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    values = {
        c.name: getattr(row, c.name) for c in InboundMessage.__table__.columns if c.name != "id"
    }
    stmt = (
        insert(InboundMessage)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["message_id"])
        .returning(col(InboundMessage.id))
    )
    new_id = session.connection().execute(stmt).scalar()
    stored = find_inbound(session, row.message_id)
    if stored is None:  # pragma: no cover - the row exists by now, ours or theirs
        raise RuntimeError(f"message {row.message_id} vanished while being recorded")
    return stored, new_id is not None


def record_inbound(
    session: Session,
    email: InboundEmail,
    raw: bytes,
    *,
    folder: str = "",
    uid: int | None = None,
    uidvalidity: int | None = None,
) -> tuple[InboundMessage, bool]:
    """Store a parsed message; returns ``(row, is_new)``. A known Message-ID returns its row."""
    row = InboundMessage(
        message_id=email.message_id,
        folder=folder,
        uid=uid,
        uidvalidity=uidvalidity,
        from_addr=email.from_addr,
        subject=email.subject[:998],
        sent_at=email.date,
        raw=bytes(raw),
        parsed=email.model_dump(mode="json"),
        status=STATUS_RECEIVED,
    )
    return _insert(session, row)


def record_unparseable(
    session: Session,
    raw: bytes,
    error: BaseException | str,
    *,
    folder: str = "",
    uid: int | None = None,
    uidvalidity: int | None = None,
) -> tuple[InboundMessage, bool]:
    """Store bytes that could not be parsed, with the error, under a Message-ID hashed from them."""
    row = InboundMessage(
        message_id=synthesise_message_id(bytes(raw)),
        folder=folder,
        uid=uid,
        uidvalidity=uidvalidity,
        raw=bytes(raw),
        parse_error=str(error) or type(error).__name__,
        status=STATUS_UNPARSEABLE,
    )
    return _insert(session, row)


@dataclass(frozen=True)
class Incoming:
    """One message of a batch to record: parsed (with its customer match) or not."""

    raw: bytes
    email: InboundEmail | None = None
    match: Match | None = None
    error: str = ""
    """Why it could not be parsed (``email`` is None)."""

    @property
    def message_id(self) -> str:
        return self.email.message_id if self.email else synthesise_message_id(bytes(self.raw))


def record_many(session: Session, items: Sequence[Incoming], *, folder: str = "") -> set[str]:
    """Store a batch in one statement per table chunk (``INSERT ... ON CONFLICT DO NOTHING``,
    SQLAlchemy Core, no ORM objects); returns the Message-IDs that were new.

    A Message-ID already stored, or seen earlier in the same batch, is left as it is.
    """
    now = datetime.now(UTC)
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        rows.setdefault(item.message_id, _values(item, folder, now))
    if not rows:
        return set()
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    table = InboundMessage.__table__
    stmt = (
        insert(table)
        .on_conflict_do_nothing(index_elements=["message_id"])
        .returning(table.c.message_id)
    )
    new: set[str] = set()
    values = list(rows.values())
    for start in range(0, len(values), 100):
        result = session.connection().execute(stmt, values[start : start + 100])
        new.update(result.scalars())
    return new


def _values(item: Incoming, folder: str, now: datetime) -> dict[str, Any]:
    email, match = item.email, item.match
    values: dict[str, Any] = {
        "message_id": item.message_id,
        "folder": folder,
        "uid": None,
        "uidvalidity": None,
        "from_addr": email.from_addr if email else "",
        "subject": email.subject[:998] if email else "",
        "sent_at": email.date if email else None,
        "received_at": now,
        "raw": bytes(item.raw),
        "parsed": email.model_dump(mode="json") if email else None,
        "parse_error": None if email else (item.error or "unparseable"),
        "status": STATUS_RECEIVED if email else STATUS_UNPARSEABLE,
        "customer_id": None,
        "match_method": None,
        "match_score": None,
    }
    if email is not None and match is not None:
        values["customer_id"] = match.customer_id
        values["match_method"] = match.method
        values["match_score"] = match.score if match.method != "none" else None
    return values
