"""Between the inbox and the triage agent: the queue of recorded messages and the watch loop.

`watch` is the one watch loop (`arbox watch` and `arbox serve --watch` both run
it): the IMAP watcher records each new message with its customer match
(`record_and_match`, the one record-and-match step), and a triage pass drains
what was recorded. Every message is parsed once, when it is recorded; the
worker reads the stored parse (`InboundMessage.parsed`).

The mailbox records every message (status `received`); workers claim received
messages from the database and run them through the triage graph. With
PostgreSQL several workers share the queue (`FOR UPDATE SKIP LOCKED`). A claim
names its owner (``host:pid:random``) and holds a short lease (`LEASE`) that
the owner renews while it works; a claim whose owner is gone (its pid has
ended on this host, or its lease ran out) is taken again at once, and the
graph's checkpoint and idempotency keys make the retry act once.
"""

from __future__ import annotations

import gc
import logging
import os
import secrets
import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from multiprocessing.queues import Queue
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from .agent.reply import Match, Reply
from .agent.service import Outcome, Triager
from .mailbox.errors import MailParseError
from .mailbox.models import InboundEmail
from .mailbox.parse import parse_email
from .mailbox.store import Incoming, record_many
from .mailbox.threading import Matcher, assign_match, match_customer, sender_info
from .tools.db import Ledger, normalize_url
from .tools.models import InboundMessage

if TYPE_CHECKING:
    from .bootstrap import App
    from .mailbox.imap import DrainStats

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=30)
"""How long a claim holds without renewal; its worker renews it every third of that."""
STALE_CLAIM = timedelta(minutes=15)
"""For claims recorded before leases: one this old is taken again."""
_owner: tuple[int, str] | None = None


def owner_id() -> str:
    """This process's name on its claims: ``host:pid:random`` (new after a fork)."""
    global _owner
    if _owner is None or _owner[0] != os.getpid():
        _owner = (os.getpid(), f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}")
    return _owner[1]


def pid_alive(pid: int) -> bool:
    """Is ``pid`` a running process on this host (a zombie is not)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def dead_owners(session: Session) -> list[str]:
    """Owners of claims on this host whose process has ended: their claims are free."""
    host = socket.gethostname()
    owners = session.exec(
        select(InboundMessage.claimed_by)
        .where(col(InboundMessage.status) == "processing")
        .where(col(InboundMessage.claimed_by).startswith(f"{host}:"))
        .distinct()
    )
    gone = []
    for owner in owners:
        pid = (owner or "").removeprefix(f"{host}:").split(":")[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            gone.append(owner or "")
    return gone


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
        delivery=email.delivery,
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


INGEST_BATCH = 200
"""Messages recorded per transaction by `ingest`."""


def ingest(
    ledger: Ledger,
    messages: Iterable[tuple[str, bytes]],
    *,
    folder: str = "files",
    batch: int = INGEST_BATCH,
) -> Ingested:
    """Record raw messages (Message-ID keyed) with their customer match.

    ``batch`` messages a transaction: each is parsed once, matched through one
    `Matcher` (its look-ups one query per batch), and the batch is one
    ``INSERT ... ON CONFLICT DO NOTHING``, so a message seen twice is stored once.
    """
    result = Ingested()
    chunk: list[tuple[str, bytes]] = []
    for item in messages:
        chunk.append(item)
        if len(chunk) >= batch:
            _ingest_batch(ledger, chunk, folder, result)
            chunk = []
    if chunk:
        _ingest_batch(ledger, chunk, folder, result)
    return result


def _ingest_batch(
    ledger: Ledger, chunk: list[tuple[str, bytes]], folder: str, result: Ingested
) -> None:
    items: list[tuple[str, Incoming]] = []
    for label, raw in chunk:
        try:
            items.append((label, Incoming(raw=raw, email=parse_email(raw))))
        except MailParseError as exc:
            items.append((label, Incoming(raw=raw, error=str(exc))))
    with ledger.transaction() as session:
        matcher = Matcher(session)
        infos = [sender_info(item.email) for _, item in items if item.email is not None]
        matcher.prefetch(infos)
        items = [
            (label, replace(item, match=matcher.match(sender_info(item.email))))
            if item.email is not None
            else (label, item)
            for label, item in items
        ]
        new = record_many(session, [item for _, item in items], folder=folder)
    for label, item in items:
        mid = item.message_id
        result.ids_by_source[label] = mid
        if item.email is None:
            result.unparseable.append((label, item.error))
        elif mid in new:
            new.discard(mid)  # the same Message-ID again in this batch is a duplicate
            result.new.append(mid)
        else:
            result.duplicates.append(mid)


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
    ledger: Ledger,
    *,
    limit: int = 50,
    message_ids: list[str] | None = None,
    owner: str | None = None,
) -> list[InboundMessage]:
    """Take up to ``limit`` received messages, or claims whose owner is gone, for this worker.

    One statement (``UPDATE ... WHERE id IN (SELECT ...) RETURNING``), so two
    workers never take the same message: SQLite runs it under its write lock,
    PostgreSQL skips rows another worker is taking (``FOR UPDATE SKIP LOCKED``).
    """
    owner = owner or owner_id()
    now = datetime.now(UTC)
    table = InboundMessage
    with ledger.transaction() as session:
        gone = dead_owners(session)
        takeable = or_(
            col(table.status) == "received",
            (col(table.status) == "processing")
            & or_(
                col(table.lease_until) < now,
                col(table.lease_until).is_(None) & (col(table.claimed_at) < now - STALE_CLAIM),
                col(table.claimed_by).in_(gone),
            ),
        )
        ids = select(table.id).where(takeable)
        if message_ids is not None:
            ids = ids.where(col(table.message_id).in_(message_ids))
        ids = ids.order_by(col(table.id)).limit(limit)
        if ledger.dialect == "postgresql":
            # A materialised CTE: as an IN (subquery) PostgreSQL may run the locking
            # SELECT more than once and take more than ``limit`` rows.
            picked = ids.with_for_update(skip_locked=True).cte("picked").prefix_with("MATERIALIZED")
            chosen = col(table.id).in_(select(picked.c.id))
        else:
            chosen = col(table.id).in_(ids.scalar_subquery())
        stmt = (
            update(table)
            .where(chosen, takeable)
            .values(status="processing", claimed_by=owner, claimed_at=now, lease_until=now + LEASE)
            .returning(col(table.id))
        )
        taken = list(session.connection().execute(stmt).scalars())
        rows = list(
            session.exec(select(table).where(col(table.id).in_(taken)).order_by(col(table.id)))
        )
    return rows


def renew_leases(ledger: Ledger, owner: str | None = None) -> int:
    """Push back the lease of every message ``owner`` holds; returns how many."""
    table = InboundMessage
    with ledger.transaction() as session:
        stmt = (
            update(table)
            .where(
                col(table.claimed_by) == (owner or owner_id()), col(table.status) == "processing"
            )
            .values(lease_until=datetime.now(UTC) + LEASE)
        )
        return int(session.connection().execute(stmt).rowcount)


@contextmanager
def holding_leases(ledger: Ledger, owner: str | None = None) -> Iterator[None]:
    """Renew this worker's leases in the background while the block runs."""
    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(LEASE.total_seconds() / 3):
            try:
                renew_leases(ledger, owner)
            except Exception:  # a missed renewal costs at most one retaken claim
                log.warning("could not renew the claims' leases", exc_info=True)

    thread = threading.Thread(target=renew, name="arbox-lease", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def process_claimed(
    triager: Triager,
    rows: list[InboundMessage],
    *,
    today: date | None = None,
    concurrency: int = 1,
) -> list[Outcome]:
    """Triage claimed messages as one batch, ``concurrency`` at a time (LLM calls overlap);
    a failure leaves the message for a person, never crashes. Each row was claimed by
    this worker alone and each action has its idempotency key, so threads never act twice."""
    ids = {row.message_id: row.id for row in rows}

    def failed(reply: Reply, exc: Exception) -> None:
        log.error("triage of %s failed", reply.message_id, exc_info=exc)
        with triager.ledger.transaction() as session:
            stored = session.get(InboundMessage, ids[reply.message_id])
            if stored is not None:
                stored.status, stored.parse_error = "failed", f"triage: {exc!r}"[:2000]
                session.add(stored)

    replies = [incoming(stored_email(row), row) for row in rows]
    return triager.triage_batch(replies, today=today, concurrency=concurrency, failed=failed)


def process_pending(
    triager: Triager,
    *,
    today: date | None = None,
    batch: int = 50,
    message_ids: list[str] | None = None,
    concurrency: int = 1,
) -> list[Outcome]:
    """Drain the queue of received messages through the triage graph."""
    _freeze_startup()
    outcomes: list[Outcome] = []
    # The reader is forked first, while the lease thread is not running yet (`agent.ahead`).
    with triager.reading_ahead(), holding_leases(triager.ledger):
        while rows := claim(triager.ledger, limit=batch, message_ids=message_ids):
            outcomes += process_claimed(triager, rows, today=today, concurrency=concurrency)
    return outcomes


_frozen_pid: int | None = None


def _freeze_startup() -> None:
    """Once a process, before its first drain: what startup made (modules, the model, the
    compiled graph) lives as long as the process, so the cyclic collector's full passes
    stop walking it (`gc.freeze`). 1,000 demo replies: time in the collector 330 ->
    138-164 ms."""
    global _frozen_pid
    if _frozen_pid != os.getpid():
        _frozen_pid = os.getpid()
        gc.freeze()


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


WORKER_BATCH = 10
"""Messages a worker process claims at a time: small, so processes finish together."""


@dataclass
class WorkersReport:
    """What `run_workers` did."""

    processes: int
    triaged: int
    seconds: float
    """From the moment every process was ready (graph built) to the last one done."""
    cpu_seconds: float = 0.0
    """CPU time the processes used in that window, together (``seconds`` x ``processes``
    at most: less is time they waited, for a core, the database or a lock)."""
    note: str = ""
    """Why fewer processes ran than asked (SQLite)."""


def worker_count(database_url: str, asked: int) -> tuple[int, str]:
    """How many worker processes a database takes, and why when fewer than asked."""
    if asked > 1 and normalize_url(database_url).startswith("sqlite"):
        return 1, (
            f"SQLite: one worker process, not {asked} (SQLite lets one writer in at a time; "
            "several processes share the queue on PostgreSQL)"
        )
    return max(1, asked), ""


def run_workers(
    database_url: str,
    processes: int,
    *,
    once: bool = True,
    every: float = TRIAGE_EVERY,
    model: str | None = None,
    today: date | None = None,
    stop: threading.Event | None = None,
) -> WorkersReport:
    """Triage the recorded queue in ``processes`` processes (spawned; each builds its
    own app) that share it through ``FOR UPDATE SKIP LOCKED``; ``once`` drains and returns.

    Without ``once`` they follow the queue every ``every`` seconds until ``stop`` is
    set (or Ctrl-C).
    """
    import multiprocessing
    import time

    n, note = worker_count(database_url, processes)
    ctx = multiprocessing.get_context("spawn")
    quit_, results = ctx.Event(), ctx.Queue()
    barrier = ctx.Barrier(n + 1)
    procs = [
        ctx.Process(
            target=_work,
            args=(database_url, once, every, model, today, barrier, quit_, results),
            name=f"arbox-worker-{i}",
        )
        for i in range(n)
    ]
    for p in procs:
        p.start()
    try:
        barrier.wait(timeout=300)  # every process has built its app
        start = time.perf_counter()
        if not once:
            (stop or threading.Event()).wait()
            quit_.set()
        done = [results.get() for _ in procs]
        seconds = time.perf_counter() - start
        triaged, cpu = sum(n for n, _ in done), sum(c for _, c in done)
    except threading.BrokenBarrierError:
        quit_.set()
        raise RuntimeError("a worker process could not start (its error is above)") from None
    except KeyboardInterrupt:
        quit_.set()
        triaged, seconds, cpu = 0, 0.0, 0.0
    finally:
        for p in procs:
            p.join(timeout=60)
    return WorkersReport(n, triaged, seconds, cpu, note)


def _work(
    database_url: str,
    once: bool,
    every: float,
    model: str | None,
    today: date | None,
    barrier: threading.Barrier,
    quit_: threading.Event,
    results: Queue[tuple[int, float]],
) -> None:
    """One worker process: build the app, wait for the others, drain the queue; it
    reports how many it triaged and the CPU time it used from the start signal on."""
    import time

    from .bootstrap import build

    done, started = 0, None
    try:
        with build(database_url=database_url, model=model, create=False, slack=False) as app:
            triager = app.triager
            barrier.wait(timeout=300)
            started = time.process_time()
            while True:
                day = today or app.today()
                done += len(process_pending(triager, today=day, batch=WORKER_BATCH))
                if once or quit_.wait(every):
                    break
    except KeyboardInterrupt:
        pass
    except BaseException:
        barrier.abort()  # the parent stops waiting for this process
        raise
    finally:
        results.put((done, time.process_time() - started if started is not None else 0.0))
