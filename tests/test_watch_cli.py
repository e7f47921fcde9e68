"""`arbox watch --once` against a real Dovecot: every reply recorded and triaged exactly once,
across a server restart; a bounce of our notice and a delay reach the ledger through the
watcher (the bounce holds the customer, the delay changes nothing, and `arbox notices
list` shows why the notice waits)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import factories as f
import pytest
from dovecot import LocalDovecot, find_dovecot
from imapclient import IMAPClient
from sqlalchemy import func
from sqlmodel import select
from typer.testing import CliRunner

from arbox.cli import app
from arbox.demo.inbox import REPLIES, demo_messages
from arbox.demo.ledger import build_demo_ledger
from arbox.settings import get_settings
from arbox.tools.db import Ledger
from arbox.tools.models import (
    AuditLog,
    Contact,
    ContactHold,
    InboundMessage,
    OutgoingNotice,
    Task,
)


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


def watch_env(monkeypatch, server, url: str) -> None:
    """The settings `arbox watch` reads: this ledger, this Dovecot."""
    for name, value in {
        "DATABASE_URL": url,
        "IMAP_HOST": server.host,
        "IMAP_PORT": str(server.port),
        "IMAP_USER": server.user,
        "IMAP_PASSWORD": server.password,
        "IMAP_SSL": "false",
    }.items():
        monkeypatch.setenv(f"ARBOX_{name}", value)
    get_settings.cache_clear()


def count(ledger, model, *where):
    with ledger.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def test_watch_once_triages_every_reply_once_across_a_restart(server, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'arbox.db'}"
    ledger = Ledger.open(url)
    build_demo_ledger(ledger, today=date.today())
    with IMAPClient(server.host, port=server.port, ssl=False) as client:
        client.login(server.user, server.password)
        for raw in demo_messages(ledger, today=date.today()):
            client.append("INBOX", raw)
    watch_env(monkeypatch, server, url)
    try:
        first = CliRunner().invoke(app, ["watch", "--once"])
        assert first.exit_code == 0, first.output
        assert f"triaged {len(REPLIES)} messages" in first.stdout
        triaged = InboundMessage.status.in_(["done", "pending_approval"])  # type: ignore[attr-defined]
        assert (
            count(ledger, InboundMessage) == count(ledger, InboundMessage, triaged) == len(REPLIES)
        )
        audit = count(ledger, AuditLog)
        assert audit > 0
        server.restart(kill=True)
        again = CliRunner().invoke(app, ["watch", "--once"])
        assert again.exit_code == 0, again.output
        assert "triaged 0 messages" in again.stdout
        assert count(ledger, InboundMessage) == len(REPLIES)
        assert count(ledger, AuditLog) == audit
    finally:
        get_settings.cache_clear()
        ledger.dispose()


DSN = Path(__file__).parent / "mailbox" / "fixtures" / "dsn"


def test_the_watcher_holds_a_customer_whose_notice_bounced(server, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'arbox.db'}"
    ledger = Ledger.open(url)
    with ledger.transaction() as s:
        acme = f.customer(s, "C-1", name="Acme Build Co", domain="acme.test")
        f.contact(s, acme, "billing@acme.test", role="billing", is_primary=True)
        for status, message_id, day in (
            ("sent", "<notice-1.20261130@example.com>", 28),
            ("draft", None, 30),
        ):
            s.add(
                OutgoingNotice(
                    customer_id=acme.id,
                    to_email="billing@acme.test",
                    stage="overdue_15",
                    status=status,
                    invoices=["INV-1"],
                    message_id=message_id,
                    run_date=date(2026, 11, day),
                    sent_at=datetime(2026, 11, day, tzinfo=UTC) if status == "sent" else None,
                )
            )
    with IMAPClient(server.host, port=server.port, ssl=False) as client:
        client.login(server.user, server.password)
        for name in ("postfix_delayed.eml", "postfix_user_unknown.eml"):
            client.append("INBOX", (DSN / name).read_bytes())
    watch_env(monkeypatch, server, url)
    try:
        run = CliRunner().invoke(app, ["watch", "--once"])
        assert run.exit_code == 0, run.output
        assert "triaged 2 messages" in run.stdout
        with ledger.session() as s:
            statuses = {
                m.subject: (m.status, m.customer_id) for m in s.exec(select(InboundMessage))
            }
            contact = s.exec(select(Contact)).one()
            (hold,) = s.exec(select(ContactHold)).all()
            (task,) = s.exec(select(Task)).all()
        assert statuses == {
            "Delayed Mail (still being retried)": ("done", acme.id),
            "Undelivered Mail Returned to Sender": ("done", acme.id),
        }
        assert contact.bounced and hold.kind == "bounced" and "new billing contact" in task.summary
        queue = CliRunner().invoke(app, ["notices", "--db", url, "list"], env={"COLUMNS": "250"})
        assert queue.exit_code == 0, queue.output
        assert "notices to billing@acme.test bounced (5.1.1" in queue.stdout
    finally:
        get_settings.cache_clear()
        ledger.dispose()
