"""CI's regression gate: the offline classifier on the locked test split against the baseline."""

from __future__ import annotations

from typer.testing import CliRunner

from arbox.cli import app


def test_offline_classifier_does_not_regress_against_the_committed_baseline():
    result = CliRunner().invoke(app, ["eval", "regress"])
    assert result.exit_code == 0, result.output
