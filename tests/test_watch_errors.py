"""`arbox watch`'s configuration and server errors, and the factories of the composition root."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from arbox.bootstrap import sender_from_settings
from arbox.cli import app
from arbox.mailbox.smtp import Mailer, OutboxWriter
from arbox.settings import Settings, get_settings

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for name in ("ARBOX_IMAP_HOST", "ARBOX_IMAP_USER", "ARBOX_IMAP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ARBOX_DATABASE_URL", f"sqlite:///{tmp_path / 'l.db'}")
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_watch_without_imap_settings_exits_with_one_line(env) -> None:
    result = runner.invoke(app, ["watch", "--once"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: set ARBOX_IMAP_HOST")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_unreachable_imap_server_exits_without_traceback(env) -> None:
    from dovecot import free_port

    import arbox.mailbox.imap as imap_module

    for name, value in {
        "ARBOX_IMAP_HOST": "127.0.0.1",
        "ARBOX_IMAP_PORT": str(free_port()),
        "ARBOX_IMAP_USER": "u",
        "ARBOX_IMAP_PASSWORD": "p",
        "ARBOX_IMAP_SSL": "false",
    }.items():
        env.setenv(name, value)
    get_settings.cache_clear()
    # Keep the bounded backoff short for the test.
    original = imap_module.wait_exponential
    env.setattr(imap_module, "wait_exponential", lambda **kw: original(multiplier=0.01, max=0.02))
    result = runner.invoke(app, ["watch", "--once"])
    assert result.exit_code == 1
    assert "error: IMAP server 127.0.0.1" in result.stderr and "Traceback" not in result.output


def test_sender_factory(tmp_path: Path) -> None:
    assert isinstance(sender_from_settings(Settings(outbox_dir=str(tmp_path))), OutboxWriter)
    mailer = sender_from_settings(Settings(smtp_host="127.0.0.1", smtp_port=2525))
    assert isinstance(mailer, Mailer) and mailer.port == 2525
