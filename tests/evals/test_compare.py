"""compare: McNemar and the bootstrap against known values, and the regression verdict."""

from __future__ import annotations

import json

import pytest

from arbox.evals.compare import (
    bootstrap_macro_f1_delta,
    compare_reports,
    load_report,
    mcnemar_exact,
)
from arbox.evals.errors import ReportError


def test_mcnemar_exact_known_values():
    # b=0, c=5: 2 * 0.5**5 = 0.0625 (the smallest p five discordant pairs can give)
    assert mcnemar_exact(0, 5) == pytest.approx(0.0625)
    # b=1, c=9: 2 * (1 + 10) / 1024 = 0.021484375
    assert mcnemar_exact(1, 9) == pytest.approx(0.021484375)
    assert mcnemar_exact(9, 1) == pytest.approx(0.021484375)
    # b=3, c=7 -> 2 * (1+10+45+120)/1024 = 0.34375 (scipy.stats.binomtest(3, 10).pvalue)
    assert mcnemar_exact(3, 7) == pytest.approx(0.34375)
    assert mcnemar_exact(5, 5) == 1.0 and mcnemar_exact(0, 0) == 1.0


def test_bootstrap_is_zero_width_for_identical_runs_and_seeded():
    a, b, c = "dispute", "promise_to_pay", "other"
    gold = [[a], [b], [a, b], [c]] * 5
    pred = [[a], [a], [a], [c]] * 5
    assert bootstrap_macro_f1_delta(gold, pred, pred, resamples=200) == (0.0, 0.0)
    better = [list(g) for g in gold]
    first = bootstrap_macro_f1_delta(gold, pred, better, resamples=200, seed=3)
    assert first == bootstrap_macro_f1_delta(gold, pred, better, resamples=200, seed=3)
    lo, hi = first
    assert 0 < lo <= hi  # a strictly better candidate: interval above zero


def _report(preds: dict[str, list[str]], gold: dict[str, list[str]]) -> dict:
    return {
        "kind": "triage",
        "results": [{"id": i, "gold": gold[i], "predicted": preds[i]} for i in gold],
    }


GOLD = {f"t-{n}": (["dispute"] if n % 2 else ["payment_sent"]) for n in range(40)}


def test_a_clearly_worse_candidate_is_a_regression():
    base = _report(dict(GOLD), GOLD)
    worse = {i: (["other"] if n < 12 else g) for n, (i, g) in enumerate(GOLD.items())}
    cmp = compare_reports(base, _report(worse, GOLD), resamples=200)
    assert (cmp.broken, cmp.fixed) == (12, 0)
    assert cmp.p_value == pytest.approx(2 * 0.5**12)
    assert cmp.regression and cmp.delta < 0
    assert cmp.interval[1] < 0


def test_an_equal_or_better_candidate_passes():
    half = {i: (["other"] if n < 4 else g) for n, (i, g) in enumerate(GOLD.items())}
    cmp = compare_reports(_report(half, GOLD), _report(dict(GOLD), GOLD), resamples=200)
    assert (cmp.broken, cmp.fixed) == (0, 4) and not cmp.regression
    same = compare_reports(_report(half, GOLD), _report(half, GOLD), resamples=50)
    assert same.delta == 0 and same.p_value == 1.0 and not same.regression


def test_pairing_is_by_id_and_disjoint_reports_are_refused():
    base = _report(dict(GOLD), GOLD)
    cand = _report({"t-0": GOLD["t-0"]}, {"t-0": GOLD["t-0"]})
    cmp = compare_reports(base, cand, resamples=20)
    assert cmp.cases == 1 and cmp.only_in_one == 39
    with pytest.raises(ReportError):
        compare_reports(base, _report({"x": ["other"]}, {"x": ["other"]}))


def test_load_report_refuses_other_files(tmp_path):
    bad = tmp_path / "r.json"
    bad.write_text(json.dumps({"kind": "guardrails"}))
    with pytest.raises(ReportError, match="not a triage eval report"):
        load_report(bad)
    with pytest.raises(ReportError, match="can not read"):
        load_report(tmp_path / "missing.json")
