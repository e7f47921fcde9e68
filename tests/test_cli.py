"""The command line: exit codes and clear one-line errors."""

from __future__ import annotations

from datetime import date
from typing import Any

import factories as f
from typer.testing import CliRunner

from arbox.cli import app
from arbox.tools.db import Ledger
from arbox.tools.models import OutgoingNotice

NOV_30 = date(2026, 11, 30)

runner = CliRunner()


def held_notice(customer_id: int | None, email: str, invoice: str, **kw: Any) -> OutgoingNotice:
    """A held overdue_15 notice for one invoice."""
    fields: dict[str, Any] = {"stage": "overdue_15", "status": "held", "run_date": NOV_30} | kw
    return OutgoingNotice(customer_id=customer_id, to_email=email, invoices=[invoice], **fields)


def test_import_with_a_broken_row_keeps_the_rest_and_fails(tmp_path, monkeypatch):
    monkeypatch.setenv("ARBOX_DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    from arbox.settings import get_settings

    get_settings.cache_clear()
    csv = tmp_path / "customers.csv"
    csv.write_text("external_id,name,segment\nC-1,Acme,standard\nC-2,Bad,vip\nC-3,Ok,high_risk\n")
    result = runner.invoke(app, ["import", "customers", str(csv)])
    assert result.exit_code == 1
    assert "2 created" in result.stdout
    assert f"{csv}:3: segment 'vip' is not one of" in result.stderr
    again = runner.invoke(app, ["import", "customers", str(csv)])
    assert "0 created" in again.stdout and "2 unchanged" in again.stdout
    out = tmp_path / "out"
    exported = runner.invoke(app, ["export", "--out", str(out)])
    assert exported.exit_code == 0, exported.stderr
    # No invoices imported: "0 open items"; the customers' audit rows in the plural.
    assert "wrote 0 open items" in exported.stdout
    assert "audit rows" in exported.stdout
    assert (out / "audit_log.csv").read_text().startswith("id,at,actor")
    get_settings.cache_clear()


def test_missing_file_is_one_line_not_a_traceback(tmp_path):
    result = runner.invoke(
        app,
        [
            "import",
            "invoices",
            str(tmp_path / "nope.csv"),
            "--db",
            f"sqlite:///{tmp_path / 'b.db'}",
        ],
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "nope.csv" in result.stderr


def test_import_file_errors_are_one_line_and_the_decimal_flag_is_used(tmp_path):
    db = ["--db", f"sqlite:///{tmp_path / 'c.db'}"]
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    no_amount = tmp_path / "no_amount.csv"
    no_amount.write_text("number,customer,issue_date,due_date\nI-1,C-1,2026-01-01,2026-01-31\n")
    for path, message in [(empty, "is empty"), (no_amount, "missing required column(s) amount")]:
        result = runner.invoke(app, ["import", "invoices", str(path), *db])
        assert result.exit_code == 2, result.output
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output
    customers = tmp_path / "c.csv"
    customers.write_text("external_id,name\nC-1,Acme\n")
    assert runner.invoke(app, ["import", "customers", str(customers), *db]).exit_code == 0
    invoices = tmp_path / "i.csv"
    invoices.write_text(
        "number;customer;issue_date;due_date;amount;note\nI-1;C-1;15.10.26;14.11.26;1.234\n"
    )
    auto = runner.invoke(app, ["import", "invoices", str(invoices), *db, "--date-format", "eu"])
    assert auto.exit_code == 1 and "--decimal-point or --decimal-comma" in auto.stderr
    assert "ignored unknown column(s): note" in auto.stderr
    comma = runner.invoke(
        app, ["import", "invoices", str(invoices), *db, "--date-format", "eu", "--decimal-comma"]
    )
    assert comma.exit_code == 0 and "1 created" in comma.stdout, comma.output


def test_demo_prints_the_ledger_summary(tmp_path):
    result = runner.invoke(app, ["demo", "--dir", str(tmp_path / "d"), "--date", "2026-03-02"])
    assert result.exit_code == 0, result.output
    assert "customers" in result.stdout and "40" in result.stdout
    assert "unapplied (suspense)" in result.stdout


def test_notices_list_names_the_customer_by_its_external_id(tmp_path):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    with Ledger.open(url, create=True).transaction() as s:
        f.customer(s, "C-1001", name="Acme Build Co")
        acme = f.customer(s, "C-2002", name="Wayne Hardware")
        s.add(held_notice(acme.id, "ap@wayne.test", "INV-7"))
    result = runner.invoke(app, ["--db", url, "notices", "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "INV-7" in line)
    assert "C-2002" in row


def test_square_brackets_from_customers_are_printed_not_read_as_markup(tmp_path):
    # A subject, a reply, a customer's name or a held reason with "[/dim]" in it is the
    # customer's text: it is printed as written, never read as rich markup (which raised).
    url = f"sqlite:///{tmp_path / 'm.db'}"
    with Ledger.open(url, create=True).transaction() as s:
        acme = f.customer(s, "C-1", name="Acme [/b] Build", domain="acme.test")
        f.contact(s, acme, "dana@acme.test", role="billing", is_primary=True)
        f.invoice(s, acme, "INV-1", amount="1200.00", due=date(2026, 10, 1))
        s.add(
            held_notice(
                acme.id,
                "dana@acme.test",
                "INV-1",
                held_reason="bounced (550 [/red] user unknown)",
                run_date=date(2026, 11, 1),
            )
        )
    eml = tmp_path / "reply.eml"
    eml.write_text(
        "From: Dana <dana@acme.test>\nTo: ar@example.com\nSubject: RE: [/dim] INV-1\n"
        "Message-ID: <m1@acme.test>\nDate: Mon, 30 Nov 2026 09:00:00 +0000\n\n"
        "We paid INV-1 [/yellow] yesterday by wire.\n"
    )
    env = {"COLUMNS": "200"}
    run = runner.invoke(app, ["--db", url, "dunning", "run", "--date", "2026-11-30"], env=env)
    assert run.exit_code == 0, run.output
    assert "Acme [/b] Build" in run.stdout
    listed = runner.invoke(app, ["--db", url, "notices", "list"], env=env)
    assert listed.exit_code == 0, listed.output
    assert "[/red]" in listed.stdout
    triaged = runner.invoke(app, ["triage", str(eml), "--db", url, "--date", "2026-11-30"], env=env)
    assert triaged.exit_code == 0, triaged.output
    assert "RE: [/dim] INV-1" in triaged.stdout


def test_an_error_naming_a_bracketed_file_is_still_one_line(tmp_path):
    missing = tmp_path / "[/b]invoices.csv"
    result = runner.invoke(
        app, ["import", "invoices", str(missing), "--db", f"sqlite:///{tmp_path / 'e.db'}"]
    )
    assert result.exit_code == 2, result.output
    assert "[/b]invoices.csv" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_llm_model_without_a_key_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    url = f"sqlite:///{tmp_path / 'k.db'}"
    Ledger.open(url, create=True).dispose()
    eml = tmp_path / "r.eml"
    eml.write_text("From: a@b.test\nSubject: paid\nMessage-ID: <k1@b.test>\n\npaid\n")
    result = runner.invoke(app, ["triage", str(eml), "--model", "openai:gpt-x", "--db", url])
    assert result.exit_code == 2, result.output
    assert "OPENAI_API_KEY" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_approve_and_send_without_a_mail_server_changes_nothing(tmp_path, monkeypatch):
    from arbox.settings import get_settings

    for name in ("ARBOX_SMTP_HOST", "ARBOX_OUTBOX_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env file from elsewhere
    get_settings.cache_clear()
    url = f"sqlite:///{tmp_path / 's.db'}"
    ledger = Ledger.open(url, create=True)
    with ledger.transaction() as s:
        acme = f.customer(s, "C-1", name="Acme")
        notice = held_notice(acme.id, "ap@acme.test", "INV-1")
        s.add(notice)
        s.flush()
        notice_id = notice.id
    result = runner.invoke(app, ["--db", url, "notices", "approve", str(notice_id), "--send"])
    assert result.exit_code == 2, result.output
    assert "ARBOX_SMTP_HOST" in result.stderr
    with ledger.session() as s:
        still = s.get(OutgoingNotice, notice_id)
        assert still is not None and still.status == "held"
    get_settings.cache_clear()


def test_notices_list_refuses_a_status_that_does_not_exist(tmp_path):
    url = f"sqlite:///{tmp_path / 'st.db'}"
    Ledger.open(url, create=True).dispose()
    result = runner.invoke(app, ["--db", url, "notices", "list", "--status", "helt"])
    assert result.exit_code == 2, result.output
    assert "helt" in result.stderr and "held" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert runner.invoke(app, ["--db", url, "notices", "list", "--status", "all"]).exit_code == 0


def test_counts_take_the_right_number():
    from arbox.cli.common import counted

    assert counted(1, "open item") == "1 open item"
    assert counted(0, "open item") == "0 open items"
    assert counted(2, "reply", "replies") == "2 replies"
