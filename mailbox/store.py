"""Recording inbound messages in the ledger, keyed on Message-ID (seen twice, stored once)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

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
    existing = find_inbound(session, row.message_id)
    if existing is not None:
        return existing, False
    if session.get_bind().dialect.name == "sqlite":
        # SQLite serialises writers, and a savepoint there would commit the caller's
        # transaction early (pysqlite issues no BEGIN before SAVEPOINT).
        session.add(row)
        session.flush()
        return row, True
    # A savepoint: another worker may insert the same Message-ID between our
    # select and insert; then its row wins and ours is dropped, nothing else is.
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        existing = find_inbound(session, row.message_id)
        if existing is None:
            raise
        return existing, False
    return row, True


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
