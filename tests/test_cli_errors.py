"""The command line's one-line errors: configuration, servers away, no ledger, bad paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select as sa_select
from typer.testing import CliRunner

from arbox.bootstrap import sender_from_settings
from arbox.cli import app
from arbox.mailbox.smtp import Mailer, OutboxWriter
from arbox.settings import Settings, get_settings
from arbox.tools.db import Ledger

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for name in ("ARBOX_IMAP_HOST", "ARBOX_IMAP_USER", "ARBOX_IMAP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite:///{tmp_path / 'l.db'}"
    Ledger.open(url).dispose()
    monkeypatch.setenv("ARBOX_DATABASE_URL", url)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_watch_without_imap_settings_exits_with_one_line(env) -> None:
    for args in (["watch", "--once"], ["watch"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert result.stderr.startswith("error: set ARBOX_IMAP_HOST")
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
        # Nothing claims to be watching an inbox that is not configured.
        assert "watching" not in result.stdout


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


def test_commands_that_read_a_ledger_refuse_to_make_an_empty_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ARBOX_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    elsewhere = f"sqlite:///{tmp_path / 'other' / 'x.db'}"
    for args in (
        ["approvals"],
        ["approvals", "--db", elsewhere, "accept", "<m@x>"],
        ["--db", elsewhere, "notices", "list"],
        ["dunning", "run"],
        ["export", "--out", str(tmp_path / "out")],
        ["watch", "--once"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("error: no ledger at"), (args, result.stderr)
        assert "arbox import" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "arbox.db").exists() and not (tmp_path / "other").exists()
    get_settings.cache_clear()


def test_a_malformed_or_unreachable_database_is_one_line(tmp_path: Path) -> None:
    for url, says in (
        ("nonsense://", "not a database URL"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot use the database"),
    ):
        result = runner.invoke(app, ["approvals", "--db", url])
        assert result.exit_code == 2, result.output
        assert says in result.stderr and "Traceback" not in result.output


def test_triage_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    Ledger.open(url).dispose()
    result = runner.invoke(app, ["triage", str(tmp_path / "nope.eml"), "--db", url])
    assert result.exit_code == 2, result.output
    assert "nope.eml" in result.stderr and "Traceback" not in result.output


def test_approvals_by_number_or_bare_id_show_and_a_bad_edit_is_refused_and_retryable(
    tmp_path: Path,
) -> None:
    from arbox.tools.models import Approval

    folder = tmp_path / "demo"
    assert runner.invoke(app, ["demo", "--dir", str(folder), "--date", "2026-03-02"]).exit_code == 0
    url = f"sqlite:///{folder / 'arbox.db'}"
    with Ledger.open(url).session() as s:
        first = s.get(Approval, 1)
        assert first is not None and first.status == "pending"
        message_id = first.message_id
        # An approval whose proposal quotes the customer ("Dispute (pricing): “...”").
        with_quote = next(
            a.id for a in s.exec(sa_select(Approval)).all() if "\u201c" in str(a.proposal)
        )
    listed = runner.invoke(app, ["--db", url, "approvals"])
    assert message_id in listed.stdout
    shown = runner.invoke(app, ["approvals", "--db", url, "show", message_id.strip("<>")])
    assert shown.exit_code == 0, shown.output
    assert "why a person is asked" in shown.stdout and "proposed actions" in shown.stdout
    # The status is printed (not swallowed as markup); quotes are printed, not \u-escaped.
    assert "[pending]" in shown.stdout
    quoted = runner.invoke(app, ["approvals", "--db", url, "show", str(with_quote)])
    assert "\u201c" in quoted.stdout and "\\u201c" not in quoted.stdout
    bad = tmp_path / "bad.json"
    bad.write_text('[{"name": "pause_dunning", "args": {"customer": "C-1", "colour": "red"}}]')
    refused = runner.invoke(app, ["approvals", "--db", url, "edit", "1", "--actions", str(bad)])
    assert refused.exit_code == 2 and "colour" in refused.stderr, refused.output
    with Ledger.open(url).session() as s:
        still = s.get(Approval, 1)
        assert still is not None and still.status == "pending"
    rejected = runner.invoke(app, ["approvals", "--db", url, "reject", "1", "--by", "ana"])
    assert rejected.exit_code == 0, rejected.output
    with Ledger.open(url).session() as s:
        done = s.get(Approval, 1)
        assert done is not None and done.status == "rejected" and done.decided_by == "ana"
    # An edit the ledger refuses (an invoice that does not exist) says why, in the table.
    with Ledger.open(url).session() as s:
        second = s.get(Approval, 2)
        assert second is not None
        customer = (second.proposal or {})["customer"]
    unknown = tmp_path / "unknown.json"
    edit = {"customer": customer, "invoices": ["INV-99999"], "reason": "checking"}
    unknown.write_text(json.dumps([{"name": "pause_dunning", "args": edit}]))
    edited = runner.invoke(
        app,
        ["approvals", "--db", url, "edit", "2", "--actions", str(unknown)],
        env={"COLUMNS": "200"},
    )
    # The decision is kept, but the command fails (exit 1) and says what was not done.
    assert edited.exit_code == 1, edited.output
    assert "unknown invoice(s): INV-99999" in edited.stdout
    assert "1 of 1 action refused by the ledger" in edited.stderr
    listing = runner.invoke(app, ["actions"])
    assert listing.exit_code == 0 and "pause_dunning" in listing.stdout


def test_triage_refuses_a_plain_text_file_and_keeps_the_emails(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    Ledger.open(url).dispose()
    note = tmp_path / "note.txt"
    note.write_text("We paid INV-1 yesterday.\n\nThanks, Ana\n")
    mail = tmp_path / "reply.eml"
    mail.write_text(
        "From: Ana <ana@buyer.example>\nSubject: RE: INV-1\nMessage-ID: <r1@buyer.example>\n"
        "\nWe paid INV-1 yesterday.\n"
    )
    result = runner.invoke(
        app, ["triage", str(note), str(mail), "--db", url, "--json"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 1, result.output
    assert "note.txt: not an email message" in result.stderr
    assert "Traceback" not in result.output
    (line,) = result.stdout.strip().splitlines()  # the email was triaged, the note was not
    assert "<r1@buyer.example>" in line


def test_has_headers_tells_a_message_from_a_text_file() -> None:
    from arbox.mailbox.parse import has_headers

    assert has_headers(b"From: a@b.example\r\nSubject: x\r\n\r\nbody")
    assert has_headers(b"\r\nReceived: from mx\r\n\r\nbody")
    assert not has_headers(b"we paid: yes\n")  # a colon after a space is not a header
    assert not has_headers(b"Hello,\nwe paid INV-1.\n")
