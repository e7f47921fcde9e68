"""The IMAP watcher against a real Dovecot on loopback: exactly once, across crashes."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest
from dovecot import LocalDovecot
from imapclient import IMAPClient
from sqlmodel import Session, func, select

from arbox.mailbox.errors import ImapError, MailParseError
from arbox.mailbox.imap import STATUS_HANDLER_FAILED, ImapWatcher
from arbox.mailbox.models import InboundEmail
from arbox.tools.db import Ledger
from arbox.tools.models import ImapCheckpoint, InboundMessage

pytestmark = pytest.mark.dovecot


def client_for(server: LocalDovecot) -> IMAPClient:
    client = IMAPClient(server.host, port=server.port, ssl=False, timeout=10)
    client.login(server.user, server.password)
    return client


def append_all(server: LocalDovecot, messages: list[bytes], folder: str = "INBOX") -> None:
    client = client_for(server)
    if not client.folder_exists(folder):
        client.create_folder(folder)
    for raw in messages:
        client.append(folder, raw)
    client.logout()


def watcher(ledger: Ledger, server: LocalDovecot, **kw: object) -> ImapWatcher:
    params: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "user": server.user,
        "password": server.password,
        "ssl": False,
        "batch_size": 50,
        "timeout": 10,
        "retry_attempts": 10,
        "retry_max_wait": 1.0,
    }
    params.update(kw)
    return ImapWatcher(ledger, **params)  # type: ignore[arg-type]


def stored(ledger: Ledger) -> list[InboundMessage]:
    with ledger.session() as s:
        return list(s.exec(select(InboundMessage)))


class Recorder:
    """A handler that writes its effect into the same transaction and counts calls."""

    def __init__(self, hook: Callable[[int], None] | None = None) -> None:
        self.calls: Counter[str] = Counter()
        self.hook = hook

    def __call__(self, email: InboundEmail, row: InboundMessage, session: Session) -> None:
        self.calls[email.message_id] += 1
        if self.hook:
            self.hook(sum(self.calls.values()))
        row.status = "handled"
        session.add(row)


def test_drain_records_each_message_once_and_never_marks_seen(
    ledger: Ledger, dovecot: LocalDovecot, make_message: Callable[..., bytes]
) -> None:
    append_all(dovecot, [make_message(i) for i in range(300)])
    handler = Recorder()
    w = watcher(ledger, dovecot)
    stats = w.drain(handler)
    assert (stats.fetched, stats.new, stats.duplicates) == (300, 300, 0)
    assert set(handler.calls.values()) == {1} and len(handler.calls) == 300
    rows = stored(ledger)
    assert len(rows) == 300 and {r.status for r in rows} == {"handled"}
    assert {r.uidvalidity for r in rows} == {stats.uidvalidity}

    again = w.drain(handler)
    assert (again.fetched, again.new) == (0, 0)
    assert sum(handler.calls.values()) == 300
    w.close()

    client = client_for(dovecot)
    client.select_folder("INBOX", readonly=True)
    flags = client.get_flags(client.search("ALL"))
    assert all(b"\\Seen" not in f for f in flags.values())
    assert all(b"$ArboxDone" in f for f in flags.values())
    assert stats.last_uid == max(flags)
    client.logout()


def test_server_killed_mid_drain_loses_and_doubles_nothing(
    ledger: Ledger, dovecot: LocalDovecot, make_message: Callable[..., bytes]
) -> None:
    append_all(dovecot, [make_message(i) for i in range(200)])
    restarted = threading.Event()

    def crash(n: int) -> None:
        if n == 70:
            dovecot.stop(kill=True)

            def bring_back() -> None:
                time.sleep(0.5)
                dovecot.start()
                restarted.set()

            threading.Thread(target=bring_back, daemon=True).start()

    handler = Recorder(crash)
    w = watcher(ledger, dovecot)
    stats = w.drain(handler)
    assert restarted.is_set() and stats.reconnects >= 1
    assert len(handler.calls) == 200 and set(handler.calls.values()) == {1}
    assert len(stored(ledger)) == 200
    # The batch tagged when the server died is tagged at the next drain.
    assert w.drain(handler).new == 0
    w.close()
    client = client_for(dovecot)
    client.select_folder("INBOX", readonly=True)
    assert len(client.search(["NOT", "KEYWORD", "$ArboxDone"])) == 0
    client.logout()


class ProcessDied(BaseException):
    """Stands in for the process being killed in the middle of a message."""


def test_message_fetched_but_not_recorded_is_processed_once_after_restart(
    ledger: Ledger, dovecot: LocalDovecot, make_message: Callable[..., bytes]
) -> None:
    append_all(dovecot, [make_message(i) for i in range(120)])

    def die(n: int) -> None:
        if n == 45:
            raise ProcessDied

    first = Recorder(die)
    dying = watcher(ledger, dovecot)
    with pytest.raises(ProcessDied):
        dying.drain(first)
    dying.close()
    assert len(stored(ledger)) == 44  # the 45th rolled back with its handler's work

    second = Recorder()
    w = watcher(ledger, dovecot)
    stats = w.drain(second)
    w.close()
    assert stats.new == 76 and stats.duplicates == 0
    committed = {m for m, n in first.calls.items()} - set(second.calls)
    assert len(committed) == 44  # the dying one was called, rolled back and redone
    rows = stored(ledger)
    assert len(rows) == 120 and {r.status for r in rows} == {"handled"}


def test_uidvalidity_change_rescans_and_deduplicates(
    ledger: Ledger, dovecot: LocalDovecot, make_message: Callable[..., bytes]
) -> None:
    folder = "AR"
    append_all(dovecot, [make_message(i) for i in range(20)], folder)
    w = watcher(ledger, dovecot, folder=folder)
    first = w.drain()
    assert first.new == 20
    w.close()
    # Recreate the folder: same messages under a new UIDVALIDITY, plus 5 new ones.
    client = client_for(dovecot)
    client.delete_folder(folder)
    client.logout()
    append_all(dovecot, [make_message(i) for i in range(25)], folder)
    handler = Recorder()
    second = w.drain(handler)
    assert second.uidvalidity != first.uidvalidity and second.rescanned
    assert (second.new, second.duplicates) == (5, 20)
    assert len(handler.calls) == 5
    with ledger.session() as s:
        cp = s.exec(select(ImapCheckpoint)).one()
        assert (cp.uidvalidity, cp.last_uid) == (second.uidvalidity, 25)
    w.close()


def test_unparseable_and_failing_messages_are_kept_and_the_drain_goes_on(
    ledger: Ledger,
    dovecot: LocalDovecot,
    make_message: Callable[..., bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import arbox.mailbox.imap as imap_module

    real_parse = imap_module.parse_email

    def parse(raw: bytes) -> InboundEmail:
        if b"POISON" in raw:
            raise MailParseError("poisoned test message")
        return real_parse(raw)

    monkeypatch.setattr(imap_module, "parse_email", parse)
    messages = [make_message(i) for i in range(10)]
    messages[3] = make_message(3, body="POISON\r\n")
    append_all(dovecot, messages)

    def handler(email: InboundEmail, row: InboundMessage, session: Session) -> None:
        if email.message_id == "<msg-6@test.example>":
            raise ValueError("classifier blew up")

    w = watcher(ledger, dovecot)
    stats = w.drain(handler)
    w.close()
    assert (stats.new, stats.unparseable, stats.handler_errors) == (8, 1, 1)
    by_status = Counter(r.status for r in stored(ledger))
    assert by_status == {"received": 8, "unparseable": 1, STATUS_HANDLER_FAILED: 1}
    bad = next(r for r in stored(ledger) if r.status == "unparseable")
    assert bad.raw and b"POISON" in bad.raw and "poisoned" in (bad.parse_error or "")


def test_processed_messages_move_to_a_folder(
    ledger: Ledger, dovecot: LocalDovecot, make_message: Callable[..., bytes]
) -> None:
    append_all(dovecot, [make_message(i) for i in range(12)])
    client = client_for(dovecot)
    client.create_folder("Done")
    w = watcher(ledger, dovecot, move_to="Done")
    assert w.drain().new == 12
    w.close()
    assert client.folder_status("INBOX", [b"MESSAGES"])[b"MESSAGES"] == 0
    assert client.folder_status("Done", [b"MESSAGES"])[b"MESSAGES"] == 12
    client.logout()


def test_idle_wakes_the_watcher_on_a_new_message(
    ledger: Ledger, dovecot: LocalDovecot, make_message: Callable[..., bytes]
) -> None:
    append_all(dovecot, [make_message(0)])
    seen = threading.Event()
    handler_calls: list[str] = []

    def handler(email: InboundEmail, row: InboundMessage, session: Session) -> None:
        handler_calls.append(email.message_id)
        if len(handler_calls) == 2:
            seen.set()

    w = watcher(ledger, dovecot, poll_seconds=3600)  # polling would never come in time
    stop = threading.Event()
    thread = threading.Thread(target=w.watch, args=(handler, stop), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while len(handler_calls) < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # let the watcher enter IDLE
    append_all(dovecot, [make_message(1)])
    assert seen.wait(10), "IDLE did not wake the watcher"
    stop.set()
    thread.join(10)
    assert not thread.is_alive()
    assert w.idle_wakeups >= 1
    assert handler_calls == ["<msg-0@test.example>", "<msg-1@test.example>"]


def test_wrong_password_is_a_clear_error_not_a_retry_loop(
    ledger: Ledger, dovecot: LocalDovecot
) -> None:
    w = watcher(ledger, dovecot, password="wrong")
    started = time.monotonic()
    with pytest.raises(ImapError, match="login refused"):
        w.drain()
    w.close()
    assert time.monotonic() - started < 5


def test_watch_once_drains_from_settings(
    ledger: Ledger, dovecot: LocalDovecot, make_message: Callable[..., bytes]
) -> None:
    from arbox.bootstrap import build
    from arbox.settings import Settings
    from arbox.worker import watch

    append_all(dovecot, [make_message(i) for i in range(5)])
    settings = Settings(
        database_url=ledger.url,
        imap_host=dovecot.host,
        imap_port=dovecot.port,
        imap_user=dovecot.user,
        imap_password=dovecot.password,
        imap_ssl=False,
    )
    with build(settings, slack=False) as app:
        first = watch(app, once=True)
        second = watch(app, once=True)
    assert first.drain is not None and first.drain.new == 5 and first.triaged == 5
    assert second.drain is not None and second.drain.fetched == 0 and second.triaged == 0
    with ledger.session() as s:
        assert s.exec(select(func.count()).select_from(InboundMessage)).one() == 5
