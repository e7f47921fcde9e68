"""The `dunning` and `notices` sub-apps, end to end on a SQLite ledger."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from arbox.cli import notices as cmds
from arbox.settings import get_settings
from arbox.tools.models import OutgoingNotice

from .conftest import TODAY, Factory

runner = CliRunner()


@pytest.fixture
def env(ledger, monkeypatch):
    monkeypatch.setenv("ARBOX_DATABASE_URL", ledger.url)
    monkeypatch.setenv("ARBOX_MODEL", "offline")
    monkeypatch.setenv("COLUMNS", "240")  # rich would truncate the tables at 80
    get_settings.cache_clear()
    monkeypatch.delenv("ARBOX_OUTBOX_DIR", raising=False)
    monkeypatch.delenv("ARBOX_SMTP_HOST", raising=False)
    yield ledger
    get_settings.cache_clear()


def use_outbox(monkeypatch, tmp_path):
    """The dry-run sender of the settings: messages land as .eml files in a folder."""
    folder = tmp_path / "outbox"
    monkeypatch.setenv("ARBOX_OUTBOX_DIR", str(folder))
    get_settings.cache_clear()
    return folder


def notices(ledger):
    with ledger.session() as s:
        return list(s.exec(select(OutgoingNotice).order_by(OutgoingNotice.id)).all())


def test_dry_run_prints_and_send_sends(env, make: Factory, monkeypatch, tmp_path) -> None:
    make.invoice(make.customer(), 3, number="INV-555")
    make.invoice(make.customer("Big Co", segment="strategic", email="ap@big.test"), 7)
    out = runner.invoke(cmds.dunning_app, ["run", "--date", TODAY.isoformat(), "--bodies"])
    assert out.exit_code == 0, out.output
    assert "INV-555" in out.output and "Held for review (1)" in out.output
    assert notices(env) == []

    refused = runner.invoke(cmds.dunning_app, ["run", "--date", TODAY.isoformat(), "--send"])
    assert refused.exit_code == 2 and "ARBOX_OUTBOX_DIR" in refused.output

    outbox = use_outbox(monkeypatch, tmp_path)
    sent = runner.invoke(cmds.dunning_app, ["run", "--date", TODAY.isoformat(), "--send", "--json"])
    assert sent.exit_code == 0, sent.output
    summary = json.loads(sent.output)
    assert sorted(n["status"] for n in summary["notices"]) == ["held", "sent"]
    (written,) = outbox.glob("*.eml")
    assert "INV-555" in written.read_text()


def test_review_queue_commands(env, make: Factory, tmp_path, monkeypatch) -> None:
    inv = make.invoice(
        make.customer("Big Co", segment="strategic", email="ap@big.test"), 7, amount="1250.00"
    )
    assert (
        runner.invoke(cmds.dunning_app, ["run", "--date", TODAY.isoformat(), "--send"]).exit_code
        == 2
    )  # no sender configured: nothing recorded
    use_outbox(monkeypatch, tmp_path)
    runner.invoke(cmds.dunning_app, ["run", "--date", TODAY.isoformat(), "--send"])
    (row,) = notices(env)
    listed = runner.invoke(cmds.notices_app, ["list"])
    assert listed.exit_code == 0 and inv.number in listed.output

    bad = tmp_path / "bad.txt"
    bad.write_text(f"Please pay {inv.number}: USD 1,205.00")
    out = runner.invoke(
        cmds.notices_app,
        ["edit", str(row.id), "--body-file", str(bad), "--date", TODAY.isoformat()],
    )
    assert out.exit_code == 2 and "amount_mismatch" in out.output
    good = tmp_path / "good.txt"
    good.write_text(f"Please pay {inv.number}: USD 1,250.00")
    out = runner.invoke(
        cmds.notices_app,
        ["edit", str(row.id), "--body-file", str(good), "--by", "ana", "--date", TODAY.isoformat()],
    )
    assert out.exit_code == 0, out.output
    shown = runner.invoke(cmds.notices_app, ["show", str(row.id)])
    assert "USD 1,250.00" in shown.output

    out = runner.invoke(
        cmds.notices_app,
        ["approve", str(row.id), "--by", "ana", "--send", "--date", TODAY.isoformat()],
    )
    assert out.exit_code == 0 and "sent" in out.output, out.output
    assert notices(env)[0].status == "sent"
    again = runner.invoke(cmds.notices_app, ["reject", str(row.id)])
    assert again.exit_code == 2 and "cannot make it rejected" in again.output
    missing = runner.invoke(cmds.notices_app, ["show", "999"])
    assert missing.exit_code == 2 and "no notice 999" in missing.output


def test_bad_date_is_one_clear_line(env) -> None:
    out = runner.invoke(cmds.dunning_app, ["run", "--date", "03/02/2026"])
    assert out.exit_code == 2 and "YYYY-MM-DD" in out.output


def test_approve_and_send_without_a_recipient_is_refused_before_approving(
    env, make: Factory, tmp_path, monkeypatch
) -> None:
    make.invoice(make.customer("Nobody Co", email=None), 20, amount="300.00")
    use_outbox(monkeypatch, tmp_path)
    runner.invoke(cmds.dunning_app, ["run", "--date", TODAY.isoformat(), "--send"])
    (row,) = notices(env)
    assert row.status == "held" and not row.to_email
    out = runner.invoke(
        cmds.notices_app,
        ["approve", str(row.id), "--by", "ana", "--send", "--date", TODAY.isoformat()],
    )
    assert out.exit_code == 2 and "has no recipient" in out.output, out.output
    assert "Traceback" not in out.output
    assert notices(env)[0].status == "held"  # untouched: approving alone still works
    plain = runner.invoke(cmds.notices_app, ["approve", str(row.id), "--by", "ana"])
    assert plain.exit_code == 0 and notices(env)[0].status == "approved"
