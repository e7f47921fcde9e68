"""The command line: exit codes and clear one-line errors."""

from __future__ import annotations

from typer.testing import CliRunner

from arbox.cli import app

runner = CliRunner()


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


def test_demo_prints_the_ledger_summary(tmp_path):
    result = runner.invoke(app, ["demo", "--dir", str(tmp_path / "d"), "--date", "2026-03-02"])
    assert result.exit_code == 0, result.output
    assert "customers" in result.stdout and "40" in result.stdout
    assert "unapplied (suspense)" in result.stdout
