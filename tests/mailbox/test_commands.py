"""The watch command's configuration errors and the sender factory."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from arbox.mailbox.commands import sender_from_settings, watch_command
from arbox.mailbox.smtp import Mailer, OutboxWriter
from arbox.settings import Settings


def test_watch_without_imap_settings_exits_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'l.db'}", imap_host=None)
    with pytest.raises(typer.Exit) as info:
        watch_command(once=True, settings=settings)
    assert info.value.exit_code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: set ARBOX_IMAP_HOST") and err.count("\n") == 1


def test_unreachable_imap_server_exits_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from arbox.mailbox.dovecot import free_port

    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'l.db'}",
        imap_host="127.0.0.1",
        imap_port=free_port(),
        imap_user="u",
        imap_password="p",
        imap_ssl=False,
    )
    import arbox.mailbox.imap as imap_module

    # Keep the bounded backoff short for the test.
    original = imap_module.wait_exponential
    monkeypatch.setattr(
        imap_module, "wait_exponential", lambda **kw: original(multiplier=0.01, max=0.02)
    )
    with pytest.raises(typer.Exit) as info:
        watch_command(once=True, settings=settings)
    assert info.value.exit_code == 1
    assert "error: IMAP server 127.0.0.1" in capsys.readouterr().err


def test_sender_factory(tmp_path: Path) -> None:
    assert isinstance(sender_from_settings(Settings(outbox_dir=str(tmp_path))), OutboxWriter)
    mailer = sender_from_settings(Settings(smtp_host="127.0.0.1", smtp_port=2525))
    assert isinstance(mailer, Mailer) and mailer.port == 2525
