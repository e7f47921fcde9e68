"""The automation figures: the real policy's verdict, replayable at any threshold."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from arbox.agent.offline import OfflineClassifier
from arbox.agent.policy import DEFAULT_AUTONOMY_THRESHOLD, PolicyConfig
from arbox.cli import evals as cli_evals
from arbox.evals import cases as cases_module
from arbox.evals.automation import (
    automatic_at,
    automation_curve,
    automation_summary,
    operating_point,
)
from arbox.evals.cases import parse_case
from arbox.evals.runner import run_triage
from arbox.settings import Settings

from .fakes import plain_reply

WHEN = "2026-03-02T09:00:00+00:00"
TEXTS = [
    ("Can you send me a copy of invoice INV-10441?", ["invoice_request"]),
    ("We paid INV-10442 by wire today.", ["payment_sent"]),
    ("Thanks, received. Have a nice weekend!", ["other"]),
    (
        "We paid INV-10442 ($1,250.00) by ACH on Friday. INV-10450 was billed twice for the "
        "same delivery, please cancel it and send us a statement.",
        ["payment_sent", "dispute", "invoice_request"],
    ),
    ("We are filing for bankruptcy next week.", ["financial_distress"]),
    ("Our AP portal rejected INV-10442: there is no PO number on it.", ["missing_po"]),
]
CASES = [
    parse_case(
        {"id": f"a-{n}", "body": t, "labels": labels, "from": "ap@acme.example", "date": WHEN}
    )
    for n, (t, labels) in enumerate(TEXTS)
]


def row(auto, wrong, estimate=0.9, blocked=False, predicted=("payment_sent",)):
    expected = ["dispute"] if wrong else list(predicted)
    return {
        "expected": expected,
        "predicted": list(predicted),
        "automatic": auto,
        "label_set": estimate,
        "blocked": blocked,
    }


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.6, 0.9])
def test_the_curve_replays_the_policy_exactly(threshold):
    report = run_triage(
        CASES,
        OfflineClassifier(),
        to_reply=plain_reply,
        progress=False,
        policy=PolicyConfig(autonomy_threshold=threshold),
    )
    cases = report["per_case"]
    assert [c["automatic"] for c in cases] == [automatic_at(c, threshold) for c in cases]
    (point,) = automation_curve(cases, [threshold])
    assert point["automatic"] == report["automation"]["automatic"]
    assert point["automatic_wrong"] == report["automation"]["automatic_wrong"]


def test_a_higher_threshold_never_automates_more():
    report = run_triage(CASES, OfflineClassifier(), to_reply=plain_reply, progress=False)
    curve = automation_curve(report["per_case"], [0.0, 0.25, 0.5, 0.75, 1.0])
    counts = [r["automatic"] for r in curve]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    bankrupt = next(c for c in report["per_case"] if c["id"] == "a-4")
    assert bankrupt["blocked"] and not automatic_at(bankrupt, 0.0)


def test_curve_rates_and_the_target():
    rows = [row(True, False, 0.95)] * 60 + [row(True, True, 0.55)] * 10
    rows += [row(False, False, blocked=True)] * 30
    low, high = automation_curve(rows, [0.5, 0.9])
    assert low["automation_rate"] == 0.7 and low["automatic_wrong_rate"] == round(10 / 70, 4)
    assert not low["meets_target"]
    assert high["automation_rate"] == 0.6 and high["automatic_wrong"] == 0 and high["meets_target"]
    blocked = row(False, False, 0.99, blocked=True)
    assert not automatic_at(blocked, 0.0) and not automatic_at(row(False, False, None), 0.0)


def test_the_operating_point_is_the_lowest_threshold_safe_from_there_up():
    curve = [
        {"threshold": 0.2, "automatic": 90, "automatic_wrong_rate": 0.01},  # a lucky dip
        {"threshold": 0.4, "automatic": 70, "automatic_wrong_rate": 0.05},
        {"threshold": 0.6, "automatic": 50, "automatic_wrong_rate": 0.02},
        {"threshold": 0.8, "automatic": 20, "automatic_wrong_rate": 0.0},
        {"threshold": 1.0, "automatic": 0, "automatic_wrong_rate": 0.0},
    ]
    assert operating_point(curve)["threshold"] == 0.6
    # One mistake among the 24 surest replies is 4%: too few replies to break the chain.
    curve.insert(4, {"threshold": 0.9, "automatic": 24, "automatic_wrong_rate": 0.0417})
    assert operating_point(curve)["threshold"] == 0.6
    curve[3]["automatic"], curve[3]["automatic_wrong_rate"] = 60, 0.1
    assert operating_point(curve) is None


def test_summary_gives_automation_and_wrong_share_per_intent():
    rows = [row(True, False), row(True, True), row(False, False), row(False, False)]
    rows.append(row(True, False, predicted=("other",)))
    summary = automation_summary(rows)
    assert summary["automation_rate"] == 0.6 and summary["automatic_wrong_rate"] == 0.3333
    paid = summary["per_intent"]["payment_sent"]
    assert paid == {
        "replies": 4,
        "automatic": 2,
        "wrong": 1,
        "automation_rate": 0.5,
        "wrong_rate": 0.5,
    }
    never = automation_summary([row(False, False, predicted=("financial_distress",))])
    assert never["per_intent"]["financial_distress"]["automatic"] == 0
    assert summary["per_intent"]["other"]["automation_rate"] == 1.0


def test_the_setting_defaults_to_the_policys_operating_point():
    assert Settings().autonomy_threshold == DEFAULT_AUTONOMY_THRESHOLD > 0


def test_automation_curve_command_prints_the_sweep(tmp_path, monkeypatch):
    path = tmp_path / "mini.jsonl"
    path.write_text("".join(json.dumps(c.raw) + "\n" for c in CASES))
    monkeypatch.setattr(cases_module, "case_to_reply", plain_reply)
    runner = CliRunner()
    args = ["automation-curve", "--dataset", str(path), "--split", "all", "--model", "offline"]
    result = runner.invoke(cli_evals.app, [*args, "--steps", "5", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [r["threshold"] for r in out["curve"]] == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert out["cases"] == len(CASES)
    text = runner.invoke(cli_evals.app, [*args, "--steps", "3"])
    assert text.exit_code == 0 and "threshold" in text.stdout and "0.50" in text.stdout
    bad = runner.invoke(cli_evals.app, ["automation-curve", "--dataset", str(path), "--split", "x"])
    assert bad.exit_code == 2 and "unknown split" in bad.output
