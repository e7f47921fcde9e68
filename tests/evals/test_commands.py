"""`arbox eval ...` through typer: contract JSON keys, the lock, reports, exit codes."""

from __future__ import annotations

import json

import pytest
from scripted import ScriptedClassifier
from typer.testing import CliRunner

from arbox.cli import evals as cli_evals
from arbox.evals import cases as cases_module
from arbox.evals import commands
from arbox.evals.split import split_of

from .fakes import plain_reply

runner = CliRunner()

LINES = [
    {"id": f"t-{n:03d}", "body": text, "labels": labels}
    for n, (text, labels) in enumerate(
        [
            ("paid yesterday", ["payment_sent"]),
            ("wrong price", ["dispute"]),
            ("send PO", ["missing_po"]),
            ("thanks", ["other"]),
            ("paid today", ["payment_sent"]),
            ("price wrong again", ["dispute"]),
            ("who are you", ["other"]),
            ("we paid", ["payment_sent"]),
        ]
    )
]
GOOD = {
    "paid yesterday": [("payment_sent", {})],
    "wrong price": [("dispute", {})],
    "send PO": [("missing_po", {})],
    "thanks": [("other", {})],
    "paid today": [("payment_sent", {})],
    "price wrong again": [("dispute", {})],
    "who are you": [("other", {})],
    "we paid": [("payment_sent", {})],
}


@pytest.fixture
def dataset(tmp_path, monkeypatch):
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in LINES) + "\n")
    script = dict(GOOD)
    monkeypatch.setattr(
        commands, "_build_classifier", lambda model, prompt: ScriptedClassifier(script, name=model)
    )
    monkeypatch.setattr(cases_module, "case_to_reply", plain_reply)
    return path, script


def test_triage_json_has_the_contract_keys(dataset, tmp_path):
    path, _ = dataset
    result = runner.invoke(
        cli_evals.app,
        [
            "triage",
            "--dataset",
            str(path),
            "--json",
            "--model",
            "offline",
            "--out",
            str(tmp_path / "r"),
        ],
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert {
        "cases",
        "macro_f1",
        "micro_f1",
        "exact_match",
        "per_intent",
        "llm_calls",
        "seconds",
    } <= set(out)
    assert out["cases"] == 8 and out["macro_f1"] == 1.0
    assert (tmp_path / "r" / "triage.json").exists() and (tmp_path / "r" / "triage.html").exists()


def test_limit_and_split_select_cases(dataset):
    path, _ = dataset
    result = runner.invoke(
        cli_evals.app,
        ["triage", "--dataset", str(path), "--json", "--split", "test", "--limit", "2"],
    )
    assert result.exit_code == 0, result.output
    test_ids = [line["id"] for line in LINES if split_of(line["id"]) == "test"]
    assert json.loads(result.stdout)["cases"] == min(2, len(test_ids))


def test_a_changed_test_case_is_refused_until_relocked(dataset):
    path, _ = dataset
    assert (
        runner.invoke(
            cli_evals.app, ["triage", "--dataset", str(path), "--relock", "--json"]
        ).exit_code
        == 0
    )
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    victim = next(x for x in lines if split_of(x["id"]) == "test")
    victim["labels"] = ["other"]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    refused = runner.invoke(cli_evals.app, ["triage", "--dataset", str(path), "--json"])
    assert refused.exit_code == 2 and "test split" in refused.stderr
    accepted = runner.invoke(
        cli_evals.app, ["triage", "--dataset", str(path), "--json", "--relock"]
    )
    assert accepted.exit_code == 0


def test_bad_input_is_one_line_and_exit_2(dataset, tmp_path):
    path, _ = dataset
    both = runner.invoke(cli_evals.app, ["triage", "--dataset", str(path), "--record", "--replay"])
    assert both.exit_code == 2 and "exclude" in both.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "body": "hi", "labels": ["nope"]}\n')
    bad = runner.invoke(cli_evals.app, ["triage", "--dataset", str(broken)])
    assert bad.exit_code == 2 and "broken.jsonl:1: unknown intent 'nope'" in bad.stderr


def test_compare_exits_1_on_a_regression(dataset, tmp_path):
    path, script = dataset
    base_dir, cand_dir = tmp_path / "base", tmp_path / "cand"
    assert (
        runner.invoke(
            cli_evals.app, ["triage", "--dataset", str(path), "--out", str(base_dir)]
        ).exit_code
        == 0
    )
    for text in ("paid yesterday", "wrong price", "send PO", "paid today"):
        script[text] = [("other", {})]
    assert (
        runner.invoke(
            cli_evals.app, ["triage", "--dataset", str(path), "--out", str(cand_dir)]
        ).exit_code
        == 0
    )
    worse = runner.invoke(
        cli_evals.app, ["compare", str(base_dir / "triage.json"), str(cand_dir / "triage.json")]
    )
    assert worse.exit_code == 1 and "REGRESSION" in worse.stdout
    better = runner.invoke(
        cli_evals.app,
        ["compare", str(cand_dir / "triage.json"), str(base_dir / "triage.json"), "--json"],
    )
    assert better.exit_code == 0 and json.loads(better.stdout)["mcnemar"]["fixed"] == 4


def test_regress_against_a_written_baseline(dataset, tmp_path):
    path, script = dataset
    baseline = tmp_path / "baselines" / "offline-test.json"
    args = ["regress", "--dataset", str(path), "--baseline", str(baseline)]
    assert runner.invoke(cli_evals.app, [*args, "--write-baseline"]).exit_code == 0
    assert runner.invoke(cli_evals.app, args).exit_code == 0
    for text in GOOD:
        script[text] = []
    assert runner.invoke(cli_evals.app, args).exit_code == 1
