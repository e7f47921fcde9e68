"""Watchers that crash and watchers that run together, as real processes on a real Dovecot:
every reply recorded once, classified once, acted on once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dovecot import LocalDovecot, find_dovecot
from imapclient import IMAPClient
from sqlalchemy import distinct, func
from sqlmodel import col, select

from arbox.bootstrap import build
from arbox.demo.inbox import demo_messages
from arbox.demo.ledger import build_demo_ledger
from arbox.tools.db import Ledger
from arbox.tools.models import AuditLog, InboundMessage
from arbox.worker import ingest, process_pending

ARBOX = str(Path(sys.executable).parent / "arbox")
TRIAGED = ("done", "pending_approval")


@pytest.fixture
def server():
    if find_dovecot() is None:
        pytest.skip("dovecot binary not found: apt-get install dovecot-imapd")
    base = tempfile.mkdtemp(prefix="arbox-dovecot-")  # not tmp_path: mail runs as nobody
    dovecot = LocalDovecot(base)
    dovecot.start()
    yield dovecot
    dovecot.stop()
    shutil.rmtree(base, ignore_errors=True)


def fill_inbox(server: LocalDovecot, raws: list[bytes]) -> None:
    with IMAPClient(server.host, port=server.port, ssl=False) as client:
        client.login(server.user, server.password)
        for raw in raws:
            client.append("INBOX", raw)


def environment(url: str, server: LocalDovecot) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARBOX_")}
    env.update(
        ARBOX_DATABASE_URL=url,
        ARBOX_IMAP_HOST=server.host,
        ARBOX_IMAP_PORT=str(server.port),
        ARBOX_IMAP_USER=server.user,
        ARBOX_IMAP_PASSWORD=server.password,
        ARBOX_IMAP_SSL="false",
        ARBOX_IMAP_POLL_SECONDS="1",
    )
    return env


def start_watch(env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [ARBOX, "watch", "--once"],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def count(ledger: Ledger, model: Any, *where: Any) -> int:
    with ledger.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def actions_by_message(ledger: Ledger) -> dict[str, list[tuple[str, str, str]]]:
    """What was done for each reply: (action, arguments, status), details left out."""
    with ledger.session() as s:
        rows = s.exec(select(InboundMessage))
        return {
            row.message_id: [
                (a["name"], json.dumps(a["args"], sort_keys=True), a["status"])
                for a in (row.triage or {}).get("actions", [])
            ]
            for row in rows
        }


def intents_by_message(ledger: Ledger) -> dict[str, list[str]]:
    """What each reply was understood to say (its findings' intents)."""
    with ledger.session() as s:
        return {
            row.message_id: sorted(f["intent"] for f in (row.triage or {}).get("findings", []))
            for row in s.exec(select(InboundMessage))
        }


def assert_audit_keys_unique(ledger: Ledger) -> None:
    keyed = col(AuditLog.idempotency_key).is_not(None)
    with ledger.session() as s:
        keys = s.exec(select(func.count()).select_from(AuditLog).where(keyed)).one()
        unique = s.exec(select(func.count(distinct(AuditLog.idempotency_key)))).one()
    assert keys == unique > 0


def reference_run(raws: list[bytes], tmp_path: Path, today: date, read: Any) -> dict[str, Any]:
    """The same replies triaged once, in one process, in order, with no crash."""
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'reference.db'}")
    try:
        build_demo_ledger(ledger, today=today)
        ingest(ledger, ((str(n), raw) for n, raw in enumerate(raws)))
        with build(ledger=ledger, slack=False) as app:
            process_pending(app.triager, today=today)
        return read(ledger)
    finally:
        ledger.dispose()


def reference_actions(raws: list[bytes], tmp_path: Path, today: date) -> dict[str, Any]:
    return reference_run(raws, tmp_path, today, actions_by_message)


def test_a_watcher_killed_mid_batch_is_drained_at_once_on_restart(server, tmp_path):
    today = date.today()
    url = f"sqlite:///{tmp_path / 'arbox.db'}"
    ledger = Ledger.open(url)
    build_demo_ledger(ledger, today=today)
    raws = demo_messages(ledger, today=today, rounds=4)
    fill_inbox(server, raws)
    env = environment(url, server)

    first = start_watch(env, tmp_path)
    deadline = time.monotonic() + 120
    triaged = InboundMessage.status.in_(TRIAGED)  # type: ignore[attr-defined]
    processing = InboundMessage.status == "processing"
    # Kill it while it holds claims: after 15 replies, at a moment a batch is claimed (a
    # fast watcher is between batches part of the time, and a kill there strands nothing).
    while count(ledger, InboundMessage, triaged) < 15 or not count(
        ledger, InboundMessage, processing
    ):
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the watcher triaged nothing"
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.communicate()
    stranded = count(ledger, InboundMessage, InboundMessage.status == "processing")
    assert stranded > 0  # killed mid-batch: claims left behind

    started = time.monotonic()
    second = start_watch(env, tmp_path)
    out, errors = second.communicate(timeout=300)
    assert second.returncode == 0, errors
    assert "Traceback" not in errors
    assert time.monotonic() - started < 120  # at once, not after a stale-claim timeout
    assert count(ledger, InboundMessage) == len(raws)
    assert count(ledger, InboundMessage, triaged) == len(raws), out
    assert_audit_keys_unique(ledger)
    got, expected = actions_by_message(ledger), reference_actions(raws, tmp_path, today)
    differ = sorted(m for m in expected if got.get(m) != expected[m])
    assert not differ, describe(ledger, differ, expected)
    ledger.dispose()


def describe(ledger: Ledger, message_ids: list[str], expected: dict[str, Any]) -> str:
    """Why a reply's actions differ from the reference run (for a failing assertion)."""
    lines = []
    with ledger.session() as s:
        for mid in message_ids:
            row = s.exec(select(InboundMessage).where(InboundMessage.message_id == mid)).one()
            lines.append(f"{mid}: {row.status} {row.triage} expected {expected[mid]}")
    return "\n".join(lines)


def run_three_watchers(url: str, server: LocalDovecot, tmp_path: Path) -> None:
    ledger = Ledger.open(url)
    today = date.today()
    build_demo_ledger(ledger, today=today)
    raws = demo_messages(ledger, today=today, rounds=3)
    fill_inbox(server, raws)
    env = environment(url, server)
    try:
        watchers = [start_watch(env, tmp_path) for _ in range(3)]
        results = [w.communicate(timeout=300) for w in watchers]
        for watcher, (_, errors) in zip(watchers, results, strict=True):
            assert watcher.returncode == 0, errors
            assert "Traceback" not in errors and "Error" not in errors, errors
        triaged = sum(int(out.split("triaged ")[1].split()[0]) for out, _ in results)
        assert triaged == len(raws)  # each reply classified by one watcher only
        assert count(ledger, InboundMessage) == len(raws)
        done = InboundMessage.status.in_(TRIAGED)  # type: ignore[attr-defined]
        assert count(ledger, InboundMessage, done) == len(raws)
        assert_audit_keys_unique(ledger)
        # Side by side, which of a customer's replies comes first decides which opens
        # the task and which adds a note (the policy reads the ledger as it is): what
        # must not depend on the order is what each reply says and that no action ran
        # twice (unique keys, above).
        expected = reference_run(raws, tmp_path, today, intents_by_message)
        assert intents_by_message(ledger) == expected
    finally:
        ledger.dispose()


def test_three_watchers_started_together_on_a_fresh_sqlite_database(server, tmp_path):
    run_three_watchers(f"sqlite:///{tmp_path / 'arbox.db'}", server, tmp_path)


@pytest.mark.postgres
def test_three_watchers_started_together_on_a_fresh_postgres_database(server, tmp_path, pg_url):
    run_three_watchers(pg_url, server, tmp_path)


def run_worker_command(
    url: str, processes: int, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARBOX_")}
    return subprocess.run(
        [ARBOX, "worker", "--processes", str(processes), "--once", "--db", url],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )


def backlog(url: str, rounds: int = 2) -> tuple[Ledger, list[bytes], date]:
    """A demo ledger with recorded, untriaged replies."""
    ledger = Ledger.open(url)
    today = date.today()
    build_demo_ledger(ledger, today=today)
    raws = demo_messages(ledger, today=today, rounds=rounds)
    ingest(ledger, ((str(n), raw) for n, raw in enumerate(raws)))
    return ledger, raws, today


@pytest.mark.postgres
def test_worker_processes_share_the_queue_on_postgres(pg_url, tmp_path):
    ledger, raws, today = backlog(pg_url)
    try:
        done = run_worker_command(pg_url, 2, tmp_path)
        assert done.returncode == 0, done.stderr
        assert f"triaged {len(raws)} messages in 2 process(es)" in done.stdout, done.stdout
        assert "Traceback" not in done.stderr
        with ledger.session() as s:
            owners = set(s.exec(select(InboundMessage.claimed_by)).all())
        assert len({o.rsplit(":", 1)[0] for o in owners if o}) == 2  # both processes worked
        triaged = InboundMessage.status.in_(TRIAGED)  # type: ignore[attr-defined]
        assert count(ledger, InboundMessage, triaged) == len(raws)
        assert_audit_keys_unique(ledger)
        # Side by side, which of a customer's replies comes first decides which opens
        # the task and which adds a note (the policy reads the ledger as it is): what
        # must not depend on the order is what each reply says and that no action ran
        # twice (unique keys, above).
        expected = reference_run(raws, tmp_path, today, intents_by_message)
        assert intents_by_message(ledger) == expected
    finally:
        ledger.dispose()


def test_worker_on_sqlite_runs_one_process_and_says_so(tmp_path):
    url = f"sqlite:///{tmp_path / 'arbox.db'}"
    ledger, raws, _ = backlog(url, rounds=1)
    try:
        done = run_worker_command(url, 3, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "SQLite: one worker process, not 3" in done.stderr
        assert f"triaged {len(raws)} messages in 1 process(es)" in done.stdout
    finally:
        ledger.dispose()
