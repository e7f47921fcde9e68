"""Metric functions against a confusion worked out by hand (see the comments)."""

from __future__ import annotations

import pytest

from arbox.evals.metrics import (
    NONE,
    abstain_rate,
    confusion,
    exact_match,
    macro_f1,
    micro_f1,
    per_intent,
    summarize,
)

INTENTS = ["a", "b", "c"]
# case 1: a -> a          case 2: a,b -> a       case 3: b -> c
# case 4: c -> c,a        case 5: a -> (nothing)
GOLD = [["a"], ["a", "b"], ["b"], ["c"], ["a"]]
PRED = [["a"], ["a"], ["c"], ["c", "a"], []]


def test_per_intent_counts_and_ratios():
    s = per_intent(GOLD, PRED, INTENTS)
    # a: tp cases 1,2; fp case 4; fn case 5
    assert (s["a"].tp, s["a"].fp, s["a"].fn, s["a"].support) == (2, 1, 1, 3)
    assert s["a"].precision == pytest.approx(2 / 3)
    assert s["a"].recall == pytest.approx(2 / 3)
    # b: never predicted, missed twice -> zero by the zero_division=0 rule
    assert (s["b"].tp, s["b"].fp, s["b"].fn) == (0, 0, 2)
    assert s["b"].f1 == 0.0
    # c: tp case 4, fp case 3
    assert s["c"].precision == pytest.approx(0.5)
    assert s["c"].recall == pytest.approx(1.0)
    assert s["c"].f1 == pytest.approx(2 / 3)


def test_macro_micro_and_exact_match():
    s = per_intent(GOLD, PRED, INTENTS)
    assert macro_f1(s) == pytest.approx((2 / 3 + 0 + 2 / 3) / 3)
    # pooled tp=3 fp=2 fn=3 -> P=3/5, R=1/2, F1=6/11
    assert micro_f1(s) == pytest.approx(6 / 11)
    assert exact_match(GOLD, PRED) == pytest.approx(1 / 5)


def test_macro_ignores_intents_nobody_mentions():
    s = per_intent(GOLD, PRED, [*INTENTS, "z"])
    assert macro_f1(s) == pytest.approx(4 / 9)


def test_confusion_table_by_hand():
    t = confusion(GOLD, PRED, INTENTS)
    assert t["a"]["a"] == 2  # cases 1, 2
    assert t["b"][NONE] == 1  # case 2: b missed, nothing wrong predicted
    assert t["b"]["c"] == 1  # case 3: b taken for c
    assert t["c"]["c"] == 1  # case 4
    assert t[NONE]["a"] == 1  # case 4: a predicted, nothing missed
    assert t["a"][NONE] == 1  # case 5
    assert sum(sum(row.values()) for row in t.values()) == 7


def test_abstain_rate_and_summary_keys():
    assert abstain_rate(PRED) == pytest.approx(0.2)
    out = summarize(GOLD, PRED, INTENTS)
    assert out["macro_f1"] == round(4 / 9, 4)
    assert set(out["per_intent"]["a"]) >= {"precision", "recall", "f1", "support"}


def test_perfect_predictions_score_one():
    s = per_intent(GOLD, GOLD, INTENTS)
    assert macro_f1(s) == micro_f1(s) == exact_match(GOLD, GOLD) == 1.0
