"""Analyst corrections become eval cases: decided approvals and relabels, redacted."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from arbox.cli import app
from arbox.evals.cases import load_cases
from arbox.tools.db import Ledger
from arbox.tools.models import Approval

runner = CliRunner()


def test_decided_approvals_and_relabels_export_as_valid_redacted_cases(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert runner.invoke(app, ["demo", "--dir", str(folder), "--date", "2026-03-02"]).exit_code == 0
    url = f"sqlite:///{folder / 'arbox.db'}"
    with Ledger.open(url).session() as s:
        first, second, third = (s.get(Approval, n) for n in (1, 2, 3))
        assert first and second and third
        predicted_first = [f["intent"] for f in (first.proposal or {})["findings"]]
    db = ["--db", url]
    assert runner.invoke(app, ["approvals", *db, "accept", "1", "--by", "ana"]).exit_code == 0
    assert runner.invoke(app, ["approvals", *db, "reject", "2", "--by", "ana"]).exit_code == 0
    assert runner.invoke(app, ["approvals", *db, "reject", "3", "--by", "ana"]).exit_code == 0
    relabelled = runner.invoke(
        app, ["approvals", *db, "relabel", "3", "other", "--by", "bo", "--note", "just thanks"]
    )
    assert relabelled.exit_code == 0, relabelled.output
    refused = runner.invoke(app, ["approvals", *db, "relabel", "3", "paid_maybe"])
    assert refused.exit_code == 2 and "unknown intent paid_maybe" in refused.stderr
    mixed = runner.invoke(app, ["approvals", *db, "relabel", "3", "other", "dispute"])
    assert mixed.exit_code == 2 and "other" in mixed.stderr

    out = tmp_path / "corrections.jsonl"
    result = runner.invoke(app, ["eval", "export-corrections", "--out", str(out), *db])
    assert result.exit_code == 0, result.output
    assert "wrote 2 cases" in result.stdout and "skipped 1" in result.stdout
    assert second.message_id in result.stderr  # rejected, never relabelled: no labels to trust

    cases = {c.raw["note"].split(";")[0]: c for c in load_cases(out)}
    accepted = next(c for note, c in cases.items() if "accepted by ana" in note)
    assert list(accepted.labels) == predicted_first
    fixed = next(c for note, c in cases.items() if "relabelled by bo" in note)
    assert list(fixed.labels) == ["other"]
    text = out.read_text()
    for line in map(json.loads, text.splitlines()):
        assert line["from"].startswith("Customer <customer@customer-")
    assert "@demo.example" not in text and "hooli-supply.com" not in text

    plain = tmp_path / "plain.jsonl"
    runner.invoke(app, ["eval", "export-corrections", "--out", str(plain), "--no-redact", *db])
    senders = [json.loads(line)["from"] for line in plain.read_text().splitlines()]
    assert len(senders) == 2 and not any(f.startswith("Customer <") for f in senders)
