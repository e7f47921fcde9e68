"""Between the inbox and the triage agent: the queue of recorded messages and the watch loop.

`watch` is the one watch loop (`arbox watch` and `arbox serve --watch` both run
it): the IMAP watcher records each new message with its customer match
(`record_and_match`, the one record-and-match step), and a triage pass drains
what was recorded. Every message is parsed once, when it is recorded; the
worker reads the stored parse (`InboundMessage.parsed`).

The mailbox records every message (status `received`); workers claim received
messages from the database and run them through the triage graph. With
PostgreSQL several workers share the queue (`FOR UPDATE SKIP LOCKED`); a claim
that is older than `STALE_CLAIM` (its worker died) is taken again, and the
graph's checkpoint and idempotency keys make the retry act once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session, col, or_, select

from .agent.reply import Match, Reply
from .agent.service import Outcome, Triager
from .mailbox.errors import MailParseError
from .mailbox.models import InboundEmail
from .mailbox.parse import parse_email
from .mailbox.store import record_inbound, record_unparseable
from .mailbox.threading import assign_match, match_customer
from .tools.db import Ledger
from .tools.models import InboundMessage

if TYPE_CHECKING:
    from .bootstrap import App
    from .mailbox.imap import DrainStats

log = logging.getLogger(__name__)
STALE_CLAIM = timedelta(minutes=15)


def incoming(email: InboundEmail, row: InboundMessage | None = None) -> Reply:
    """The parsed email as the agent reads it (the one conversion from `InboundEmail`)."""
    headers = dict(email.headers)
    if email.in_reply_to:
        headers.setdefault("In-Reply-To", email.in_reply_to)
    if email.references:
        headers.setdefault("References", " ".join(email.references))
    sender = f"{email.from_name} <{email.from_addr}>" if email.from_name else email.from_addr
    text = email.reply_text
    if email.remittance_text:
        text = f"{text}\n\n[remittance attachment]\n{email.remittance_text}".strip()
    return Reply(
        message_id=email.message_id,
        sender=sender,
        subject=email.subject,
        text=text,
        quoted=email.quoted_text,
        sent_at=email.date,
        headers=headers,
        auto_reply=email.auto_reply,
        match=Match(customer_id=row.customer_id, method=row.match_method, score=row.match_score)
        if row is not None and row.customer_id is not None
        else None,
    )


@dataclass
class Ingested:
    """What recording a batch of raw messages did."""

    new: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    unparseable: list[tuple[str, str]] = field(default_factory=list)
    """(source label, error) for messages stored raw with their error."""
    ids_by_source: dict[str, str] = field(default_factory=dict)


def ingest(
    ledger: Ledger, messages: Iterable[tuple[str, bytes]], *, folder: str = "files"
) -> Ingested:
    """Record raw messages (Message-ID keyed) with their customer match."""
    result = Ingested()
    for label, raw in messages:
        with ledger.transaction() as session:
            try:
                email = parse_email(raw)
            except MailParseError as exc:
                row, _ = record_unparseable(session, raw, str(exc), folder=folder)
                result.unparseable.append((label, str(exc)))
                result.ids_by_source[label] = row.message_id
                continue
            row, new = record_inbound(session, email, raw, folder=folder)
            if new:
                record_and_match(email, row, session)
            (result.new if new else result.duplicates).append(email.message_id)
            result.ids_by_source[label] = email.message_id
    return result


def record_and_match(email: InboundEmail, row: InboundMessage, session: Session) -> None:
    """Match a just-recorded message to its customer, inside its recording transaction.

    Triage runs later, after the commit, so the IMAP handler never holds a second writer.
    """
    assign_match(row, match_customer(session, email))
    session.add(row)


def stored_email(row: InboundMessage) -> InboundEmail:
    """The parse stored with the message; rows recorded before it was kept are parsed again."""
    if row.parsed:
        return InboundEmail.model_validate(row.parsed)
    return parse_email(row.raw or b"")


def stored_incoming(ledger: Ledger, message_id: str, *, triaged_only: bool = False) -> Reply | None:
    """A recorded message as the graph reads it (None when unknown or, with
    ``triaged_only``, not triaged yet)."""
    with ledger.session() as session:
        row = session.exec(
            select(InboundMessage).where(InboundMessage.message_id == message_id)
        ).first()
        if row is None or (triaged_only and row.status not in ("done", "pending_approval")):
            return None
        return incoming(stored_email(row), row)


def claim(
    ledger: Ledger, *, limit: int = 50, message_ids: list[str] | None = None
) -> list[InboundMessage]:
    """Take up to ``limit`` received messages (or stale claims) for this worker."""
    now = datetime.now(UTC)
    with ledger.transaction() as session:
        query = select(InboundMessage).where(
            or_(
                InboundMessage.status == "received",
                (col(InboundMessage.status) == "processing")
                & (col(InboundMessage.claimed_at) < now - STALE_CLAIM),
            )
        )
        if message_ids is not None:
            query = query.where(col(InboundMessage.message_id).in_(message_ids))
        query = query.order_by(InboundMessage.id).limit(limit)  # type: ignore[arg-type]
        if ledger.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows = list(session.exec(query))
        for row in rows:
            row.status, row.claimed_at = "processing", now
            session.add(row)
    return rows


def process_claimed(
    triager: Triager,
    rows: list[InboundMessage],
    *,
    today: date | None = None,
    concurrency: int = 1,
) -> list[Outcome]:
    """Triage claimed messages, ``concurrency`` at a time (LLM calls overlap); a failure
    leaves the message for a person, never crashes. Each row was claimed by this worker
    alone and each action has its idempotency key, so threads never act twice."""
    if concurrency <= 1 or len(rows) <= 1:
        done = [_process_one(triager, row, today) for row in rows]
    else:
        with ThreadPoolExecutor(concurrency, thread_name_prefix="arbox-triage") as pool:
            done = list(pool.map(lambda row: _process_one(triager, row, today), rows))
    return [outcome for outcome in done if outcome is not None]


def _process_one(triager: Triager, row: InboundMessage, today: date | None) -> Outcome | None:
    try:
        return triager.process(incoming(stored_email(row), row), today=today)
    except Exception as exc:  # keep the message and carry on with the others
        log.exception("triage of %s failed", row.message_id)
        with triager.ledger.transaction() as session:
            stored = session.get(InboundMessage, row.id)
            if stored is not None:
                stored.status, stored.parse_error = "failed", f"triage: {exc!r}"[:2000]
                session.add(stored)
        return None


def process_pending(
    triager: Triager,
    *,
    today: date | None = None,
    batch: int = 50,
    message_ids: list[str] | None = None,
    concurrency: int = 1,
) -> list[Outcome]:
    """Drain the queue of received messages through the triage graph."""
    outcomes: list[Outcome] = []
    while rows := claim(triager.ledger, limit=batch, message_ids=message_ids):
        outcomes += process_claimed(triager, rows, today=today, concurrency=concurrency)
    return outcomes


TRIAGE_EVERY = 2.0
"""Seconds between triage passes while watching."""


@dataclass
class WatchReport:
    """What one `watch` did."""

    triaged: int = 0
    drain: DrainStats | None = None
    """The IMAP drain of ``--once`` (None when following the inbox)."""


def triage_pass(app: App, *, lock: AbstractContextManager[object] | None = None) -> list[Outcome]:
    """Triage everything recorded and not yet triaged, then post new approvals to Slack."""
    from .agent.slack import notify_pending

    with lock or nullcontext():
        outcomes = process_pending(
            app.triager, today=app.today(), concurrency=app.settings.llm_concurrency
        )
    if app.notifier is not None:
        notify_pending(app.ledger, app.notifier)  # approvals Slack has not seen yet
    return outcomes


def watch(
    app: App,
    *,
    once: bool = False,
    stop_event: threading.Event | None = None,
    lock: AbstractContextManager[object] | None = None,
    every: float | None = None,
) -> WatchReport:
    """The watch loop: record new mail, triage it, ask in Slack; ``once`` drains and returns.

    Raises `MailboxError` at once when the inbox is not configured. Following the
    inbox, a failing triage pass is logged and retried; the watcher keeps going.
    """
    watcher = app.watcher()
    report = WatchReport()
    try:
        # What an earlier run recorded but did not triage.
        report.triaged += len(triage_pass(app, lock=lock))
        if once:
            report.drain = watcher.drain(record_and_match)
            report.triaged += len(triage_pass(app, lock=lock))
            return report
        stop = stop_event or threading.Event()

        def triage_loop() -> None:
            while not stop.wait(every or TRIAGE_EVERY):
                try:
                    report.triaged += len(triage_pass(app, lock=lock))
                except Exception:  # one bad pass must not end the loop
                    log.exception("triage pass failed; retrying")

        thread = threading.Thread(target=triage_loop, name="arbox-triage", daemon=True)
        thread.start()
        try:
            watcher.watch(record_and_match, stop)
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            thread.join(timeout=10)
        return report
    finally:
        watcher.close()
