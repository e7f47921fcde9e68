"""`arbox watch --once` against a real Dovecot: every reply recorded and triaged exactly once,
across a server restart."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date

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
from arbox.tools.models import AuditLog, InboundMessage


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
