"""Multi-label metrics for triage: per-intent P/R/F1, macro and micro F1, exact match,
a confusion table, field accuracy and the abstain rate.

Conventions (stated once, used everywhere):

- A case's predicted set is the intents of its non-abstained findings.
- Per intent, a case adds a true positive when the intent is in both sets, a false
  positive when only predicted, a false negative when only gold. A ratio with a zero
  denominator is 0 (as scikit-learn's ``zero_division=0``).
- Macro F1 averages the intents that occur in the gold labels or the predictions; an
  intent nobody mentions does not inflate or deflate it.
- The confusion table has a row per gold intent and a column per predicted intent, plus
  a ``none`` row and column. For each case: every matched intent adds 1 on the diagonal;
  every missed gold intent adds 1 against each wrongly predicted intent of that case, or
  against ``none`` when nothing wrong was predicted; every wrongly predicted intent with
  no missed gold intent adds 1 in the ``none`` row. So off-diagonal cells read "gold g
  was taken for p".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

NONE = "none"


@dataclass(frozen=True)
class IntentScore:
    precision: float
    recall: float
    f1: float
    support: int
    """Gold cases carrying the intent."""
    predicted: int
    """Cases where the intent was predicted."""
    tp: int
    fp: int
    fn: int

    def as_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in vars(self).items()}


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def per_intent(
    gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]], intents: Sequence[str]
) -> dict[str, IntentScore]:
    """Precision, recall, F1 and counts for each intent of `intents`."""
    scores = {}
    for intent in intents:
        tp = fp = fn = 0
        for g, p in zip(gold, pred, strict=True):
            in_g, in_p = intent in set(g), intent in set(p)
            tp += in_g and in_p
            fp += in_p and not in_g
            fn += in_g and not in_p
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        scores[intent] = IntentScore(
            precision, recall, _f1(precision, recall), tp + fn, tp + fp, tp, fp, fn
        )
    return scores


def macro_f1(scores: Mapping[str, IntentScore]) -> float:
    """Mean F1 over the intents that occur in gold or predictions."""
    seen = [s.f1 for s in scores.values() if s.support or s.predicted]
    return _ratio(sum(seen), len(seen))


def micro_f1(scores: Mapping[str, IntentScore]) -> float:
    """F1 of the pooled true positives, false positives and false negatives."""
    tp = sum(s.tp for s in scores.values())
    fp = sum(s.fp for s in scores.values())
    fn = sum(s.fn for s in scores.values())
    return _f1(_ratio(tp, tp + fp), _ratio(tp, tp + fn))


def exact_match(gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]]) -> float:
    """Share of cases whose predicted set equals the gold set."""
    hits = sum(set(g) == set(p) for g, p in zip(gold, pred, strict=True))
    return _ratio(hits, len(gold))


def confusion(
    gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]], intents: Sequence[str]
) -> dict[str, dict[str, int]]:
    """The multi-label confusion table described in the module docstring."""
    axis = [*intents, NONE]
    table = {g: dict.fromkeys(axis, 0) for g in axis}
    for g_raw, p_raw in zip(gold, pred, strict=True):
        g, p = set(g_raw), set(p_raw)
        for intent in g & p:
            table[intent][intent] += 1
        missed, spurious = sorted(g - p), sorted(p - g)
        for m in missed:
            for s in spurious or [NONE]:
                table[m][s] += 1
        if not missed:
            for s in spurious:
                table[NONE][s] += 1
    return table


def abstain_rate(predictions: Sequence[Iterable[str]]) -> float:
    """Share of cases with no (non-abstained) finding at all: the reply goes to a person."""
    return _ratio(sum(not set(p) for p in predictions), len(predictions))


def summarize(
    gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]], intents: Sequence[str]
) -> dict[str, Any]:
    """The label metrics of a report in one JSON-ready dict."""
    scores = per_intent(gold, pred, intents)
    return {
        "macro_f1": round(macro_f1(scores), 4),
        "micro_f1": round(micro_f1(scores), 4),
        "exact_match": round(exact_match(gold, pred), 4),
        "abstain_rate": round(abstain_rate(pred), 4),
        "per_intent": {i: s.as_dict() for i, s in scores.items()},
        "confusion": confusion(gold, pred, intents),
    }
