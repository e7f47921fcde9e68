"""The IMAP watcher: fetch new mail by UID, record each message once, hand it on.

Exactly-once, and why:

* Each message is parsed, recorded (keyed on Message-ID), handed to the handler
  and the folder's checkpoint advanced past its UID in ONE database transaction.
  A crash before the commit leaves no trace: the message is fetched again next
  time. After the commit it is never fetched again (checkpoint), and if it were
  (a UIDVALIDITY change, a lost checkpoint) its Message-ID is already stored, so
  the handler is not called twice.
* Bodies are fetched with ``BODY.PEEK[]``: reading never marks mail as seen.
* The done keyword (and the optional move) come after the commit; a crash in
  between is repaired at the next drain, which tags every UID at or below the
  checkpoint that still lacks the keyword.
* Connection drops, timeouts and server restarts are retried with exponential
  backoff (bounded) and the drain resumes from the checkpoint.
"""

from __future__ import annotations

import logging
import ssl as ssl_module
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from imapclient import IMAPClient
from sqlmodel import Session
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from arbox.tools.db import Ledger
from arbox.tools.models import InboundMessage

from .checkpoint import advance_checkpoint, checkpoint_key, load_checkpoint
from .errors import ImapError, MailParseError
from .imapconn import ImapAccount, ImapConnection, is_transient
from .models import InboundEmail
from .parse import parse_email
from .store import record_inbound, record_unparseable

log = logging.getLogger(__name__)

Handler = Callable[[InboundEmail, InboundMessage, Session], None]
DEFAULT_BATCH = 100
STATUS_HANDLER_FAILED = "handler_failed"


def record_only(email: InboundEmail, row: InboundMessage, session: Session) -> None:
    """The default handler: the message is already recorded; nothing more to do."""


def describe(stats: DrainStats) -> str:
    """One line about a drain."""
    return (
        f"fetched {stats.fetched}, new {stats.new}, duplicates {stats.duplicates}, "
        f"unparseable {stats.unparseable}, handler errors {stats.handler_errors}, "
        f"reconnects {stats.reconnects}, last UID {stats.last_uid} in {stats.seconds:.1f}s"
    )


@dataclass
class DrainStats:
    """What one drain did."""

    fetched: int = 0
    new: int = 0
    duplicates: int = 0
    unparseable: int = 0
    handler_errors: int = 0
    reconnects: int = 0
    rescanned: bool = False
    uidvalidity: int | None = None
    last_uid: int = 0
    seconds: float = 0.0


class ImapWatcher:
    """Drains one IMAP folder into the ledger, and follows it with IDLE or polling."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        host: str,
        user: str,
        password: str | None = None,
        port: int | None = None,
        folder: str = "INBOX",
        ssl: bool = True,
        starttls: bool = False,
        oauth2_token: str | None = None,
        done_keyword: str | None = "$ArboxDone",
        move_to: str | None = None,
        batch_size: int = DEFAULT_BATCH,
        timeout: float = 30.0,
        poll_seconds: float = 60.0,
        idle_seconds: float = 300.0,
        retry_attempts: int = 6,
        retry_max_wait: float = 30.0,
        ssl_context: ssl_module.SSLContext | None = None,
    ) -> None:
        self.account = ImapAccount(
            host=host,
            user=user,
            password=password,
            port=port,
            folder=folder,
            ssl=ssl,
            starttls=starttls,
            oauth2_token=oauth2_token,
            timeout=timeout,
            ssl_context=ssl_context,
        )
        self.connection = ImapConnection(self.account)
        self.ledger, self.folder = ledger, folder
        self.done_keyword, self.move_to = done_keyword or None, move_to or None
        self.batch_size = max(1, batch_size)
        self.poll_seconds, self.idle_seconds = poll_seconds, idle_seconds
        self.retry_attempts, self.retry_max_wait = retry_attempts, retry_max_wait
        self.key = checkpoint_key(user, host, folder)
        self.idle_wakeups = 0

    def client(self) -> IMAPClient:
        return self.connection.client()

    def close(self) -> None:
        """Log out (the watcher reconnects if used again)."""
        self.connection.close()

    def _retrying(self, stats: DrainStats) -> Retrying:
        def before_sleep(state: object) -> None:
            stats.reconnects += 1
            self.connection.drop()

        return Retrying(
            retry=retry_if_exception(is_transient),
            wait=wait_exponential(multiplier=0.2, max=self.retry_max_wait),
            stop=stop_after_attempt(self.retry_attempts),
            before_sleep=before_sleep,
            reraise=True,
        )

    # -- draining -----------------------------------------------------------------

    def drain(self, handler: Handler = record_only) -> DrainStats:
        """Process every message after the checkpoint; returns what was done."""
        stats = DrainStats()
        start = time.perf_counter()
        for attempt in self._retrying(stats):
            with attempt:
                self._drain_once(handler, stats)
        stats.seconds = time.perf_counter() - start
        return stats

    def _drain_once(self, handler: Handler, stats: DrainStats) -> None:
        client = self.client()
        # Re-select: fresh UIDVALIDITY and UIDNEXT, and the server's view of the folder.
        status = client.select_folder(self.folder)
        uidvalidity, uidnext = int(status[b"UIDVALIDITY"]), int(status.get(b"UIDNEXT") or 0)
        stats.uidvalidity = uidvalidity
        with self.ledger.session() as session:
            cp = load_checkpoint(session, self.key)
        if cp is not None and cp.uidvalidity == uidvalidity:
            last = cp.last_uid
            self._repair_tags(client, last)
            uids = [u for u in client.search(["UID", f"{last + 1}:*"]) if u > last]
        else:
            # No checkpoint, or the server renumbered the folder: scan it all. Tagged
            # messages were done; the rest are deduplicated on Message-ID.
            stats.rescanned = True
            criteria: list[str] = ["ALL"]
            if self.done_keyword:
                criteria = ["NOT", "KEYWORD", self.done_keyword]
            uids = client.search(criteria)
        uids = sorted(uids)
        for i in range(0, len(uids), self.batch_size):
            batch = uids[i : i + self.batch_size]
            fetched = client.fetch(batch, ["BODY.PEEK[]"])
            for uid in batch:
                data = fetched.get(uid)
                if data is None:
                    continue  # expunged by another client since the search
                stats.fetched += 1
                self._process(uid, uidvalidity, data.get(b"BODY[]") or b"", handler, stats)
            self._tag(client, batch)
        with self.ledger.transaction() as session:
            # Everything below UIDNEXT at the start was seen (or tagged as done).
            final = max(uidnext - 1, uids[-1] if uids else 0, 0)
            advance_checkpoint(session, self.key, uidvalidity, final)
            stats.last_uid = load_checkpoint(session, self.key).last_uid  # type: ignore[union-attr]

    def _process(
        self, uid: int, uidvalidity: int, raw: bytes, handler: Handler, stats: DrainStats
    ) -> None:
        try:
            email = parse_email(raw)
        except MailParseError as exc:
            log.warning("IMAP %s UID %s: unparseable message stored raw: %s", self.folder, uid, exc)
            with self.ledger.transaction() as session:
                _, new = record_unparseable(
                    session, raw, exc, folder=self.folder, uid=uid, uidvalidity=uidvalidity
                )
                advance_checkpoint(session, self.key, uidvalidity, uid)
            stats.unparseable += int(new)
            return
        try:
            with self.ledger.transaction() as session:
                row, new = record_inbound(
                    session, email, raw, folder=self.folder, uid=uid, uidvalidity=uidvalidity
                )
                if new:
                    handler(email, row, session)
                advance_checkpoint(session, self.key, uidvalidity, uid)
        except Exception as exc:  # the handler failed: keep the message for a person
            if is_transient(exc):
                raise
            log.exception("IMAP %s UID %s: handler failed; message kept", self.folder, uid)
            with self.ledger.transaction() as session:
                row, new = record_inbound(
                    session, email, raw, folder=self.folder, uid=uid, uidvalidity=uidvalidity
                )
                if new:
                    row.status, row.parse_error = STATUS_HANDLER_FAILED, f"handler: {exc!r}"
                    session.add(row)
                advance_checkpoint(session, self.key, uidvalidity, uid)
            stats.handler_errors += 1
            return
        if new:
            stats.new += 1
        else:
            stats.duplicates += 1

    def _tag(self, client: IMAPClient, uids: list[int]) -> None:
        if not uids:
            return
        if self.done_keyword:
            client.add_flags(uids, [self.done_keyword], silent=True)
        if self.move_to:
            if client.has_capability("MOVE"):
                client.move(uids, self.move_to)
            else:
                client.copy(uids, self.move_to)
                client.delete_messages(uids, silent=True)
                if client.has_capability("UIDPLUS"):
                    client.expunge(uids)
                else:
                    client.expunge()

    def _repair_tags(self, client: IMAPClient, last_uid: int) -> None:
        """Tag (and move) messages already processed whose tagging a crash interrupted."""
        if last_uid < 1 or not self.done_keyword:
            return
        untagged = client.search(["UID", f"1:{last_uid}", "NOT", "KEYWORD", self.done_keyword])
        self._tag(client, [u for u in untagged if u <= last_uid])

    # -- following ----------------------------------------------------------------

    def watch(
        self, handler: Handler = record_only, stop_event: threading.Event | None = None
    ) -> None:
        """Drain, then wait for new mail (IDLE when offered, else polling), until stopped."""
        stop = stop_event or threading.Event()
        while not stop.is_set():
            stats = DrainStats()
            try:
                self.drain(handler)
                for attempt in self._retrying(stats):
                    with attempt:
                        self._wait(stop)
            except ImapError:
                raise
            except Exception as exc:  # never let one bad pass end the watcher
                if not is_transient(exc):
                    raise
                log.warning("IMAP watcher: %s; retrying after %ss", exc, self.poll_seconds)
                self.connection.drop()
                stop.wait(self.poll_seconds)
        self.close()

    def _wait(self, stop: threading.Event) -> None:
        client = self.client()
        if not client.has_capability("IDLE"):
            stop.wait(self.poll_seconds)
            return
        client.idle()
        try:
            deadline = time.monotonic() + self.idle_seconds
            while not stop.is_set() and time.monotonic() < deadline:
                responses = client.idle_check(timeout=1)
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                    self.idle_wakeups += 1
                    break
        finally:
            client.idle_done()
