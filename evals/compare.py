"""Compare two triage reports on the same cases: per-intent deltas, an exact McNemar test
on per-case correctness, a paired bootstrap interval on the macro-F1 difference, and a
verdict (regression or not) for CI.

A case is "correct" when its predicted intent set equals the gold set (exact match).
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import comb
from pathlib import Path
from typing import Any

from arbox.agent.findings import INTENTS

from .errors import ReportError
from .metrics import macro_f1, per_intent

DEFAULT_THRESHOLD = 0.02
"""A macro-F1 drop larger than this fails the comparison."""
DEFAULT_ALPHA = 0.05
"""McNemar significance level: more cases broken than fixed, at this level, fails too."""


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value: `b` cases only the baseline got right, `c` only the
    candidate. Under no difference each discordant case is a fair coin (binomial n=b+c)."""
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    tail = sum(comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)


def _macro(gold: Sequence[list[str]], pred: Sequence[list[str]]) -> float:
    return macro_f1(per_intent(gold, pred, INTENTS))


def bootstrap_macro_f1_delta(
    gold: Sequence[list[str]],
    base: Sequence[list[str]],
    cand: Sequence[list[str]],
    *,
    resamples: int = 1000,
    seed: int = 7,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile interval of macro-F1(candidate) - macro-F1(baseline), resampling cases
    with replacement and scoring both runs on the same resample (a paired bootstrap)."""
    rng = random.Random(seed)
    n = len(gold)
    deltas = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        g = [gold[i] for i in idx]
        deltas.append(_macro(g, [cand[i] for i in idx]) - _macro(g, [base[i] for i in idx]))
    deltas.sort()
    lo = deltas[int((1 - level) / 2 * resamples)]
    hi = deltas[min(resamples - 1, int((1 + level) / 2 * resamples))]
    return lo, hi


def load_report(path: str | Path) -> dict[str, Any]:
    """A saved triage report, or a `ReportError` saying why not."""
    path = Path(path)
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReportError(f"{path}: can not read the report ({exc})") from exc
    if not isinstance(report, dict) or report.get("kind") != "triage" or "results" not in report:
        raise ReportError(f"{path}: not a triage eval report (save one with `--out DIR`)")
    return report


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing a candidate report with a baseline."""

    cases: int
    """Cases present in both reports (pairing is by case id)."""
    only_in_one: int
    macro_f1: tuple[float, float]
    """(baseline, candidate) on the paired cases."""
    exact_match: tuple[float, float]
    per_intent: dict[str, tuple[float, float]]
    """F1 per intent, (baseline, candidate)."""
    broken: int
    """Cases the baseline got right and the candidate wrong."""
    fixed: int
    p_value: float
    interval: tuple[float, float]
    threshold: float
    alpha: float

    @property
    def delta(self) -> float:
        return self.macro_f1[1] - self.macro_f1[0]

    @property
    def regression(self) -> bool:
        """Worse beyond the threshold, or significantly more cases broken than fixed."""
        significant = self.broken > self.fixed and self.p_value < self.alpha
        return self.delta < -self.threshold or significant

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "only_in_one": self.only_in_one,
            "macro_f1": {
                "baseline": round(self.macro_f1[0], 4),
                "candidate": round(self.macro_f1[1], 4),
                "delta": round(self.delta, 4),
                "ci95": [round(self.interval[0], 4), round(self.interval[1], 4)],
            },
            "exact_match": {
                "baseline": round(self.exact_match[0], 4),
                "candidate": round(self.exact_match[1], 4),
            },
            "per_intent_f1": {
                i: {"baseline": round(b, 4), "candidate": round(c, 4), "delta": round(c - b, 4)}
                for i, (b, c) in self.per_intent.items()
            },
            "mcnemar": {
                "broken": self.broken,
                "fixed": self.fixed,
                "p_value": round(self.p_value, 6),
            },
            "threshold": self.threshold,
            "alpha": self.alpha,
            "regression": self.regression,
        }


def compare_reports(
    baseline: Mapping[str, Any],
    candidate: Mapping[str, Any],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    alpha: float = DEFAULT_ALPHA,
    resamples: int = 1000,
    seed: int = 7,
) -> Comparison:
    """Pair the two runs' cases by id and compare them."""
    base = {r["id"]: r for r in baseline["results"]}
    cand = {r["id"]: r for r in candidate["results"]}
    ids = [i for i in base if i in cand]
    if not ids:
        raise ReportError("the two reports share no case ids: were they run on one dataset?")
    gold = [base[i]["gold"] for i in ids]
    b_pred = [base[i]["predicted"] for i in ids]
    c_pred = [cand[i]["predicted"] for i in ids]
    b_ok = [set(g) == set(p) for g, p in zip(gold, b_pred, strict=True)]
    c_ok = [set(g) == set(p) for g, p in zip(gold, c_pred, strict=True)]
    broken = sum(b and not c for b, c in zip(b_ok, c_ok, strict=True))
    fixed = sum(c and not b for b, c in zip(b_ok, c_ok, strict=True))
    b_scores, c_scores = per_intent(gold, b_pred, INTENTS), per_intent(gold, c_pred, INTENTS)
    return Comparison(
        cases=len(ids),
        only_in_one=len(set(base) ^ set(cand)),
        macro_f1=(macro_f1(b_scores), macro_f1(c_scores)),
        exact_match=(sum(b_ok) / len(ids), sum(c_ok) / len(ids)),
        per_intent={
            i: (b_scores[i].f1, c_scores[i].f1)
            for i in INTENTS
            if b_scores[i].support or b_scores[i].predicted or c_scores[i].predicted
        },
        broken=broken,
        fixed=fixed,
        p_value=mcnemar_exact(broken, fixed),
        interval=bootstrap_macro_f1_delta(gold, b_pred, c_pred, resamples=resamples, seed=seed),
        threshold=threshold,
        alpha=alpha,
    )


def render_comparison(cmp: Comparison) -> str:
    """A plain-text table for the terminal."""
    lines = [f"{'intent':20} {'baseline':>9} {'candidate':>9} {'delta':>8}"]
    for intent, (b, c) in cmp.per_intent.items():
        flag = ""
        if abs(c - b) > cmp.threshold:
            flag = "  worse" if c < b else "  better"
        lines.append(f"{intent:20} {b:9.3f} {c:9.3f} {c - b:+8.3f}{flag}")
    b, c = cmp.macro_f1
    lo, hi = cmp.interval
    lines += [
        f"{'macro F1':20} {b:9.3f} {c:9.3f} {c - b:+8.3f}   95% CI [{lo:+.3f}, {hi:+.3f}]",
        f"{'exact match':20} {cmp.exact_match[0]:9.3f} {cmp.exact_match[1]:9.3f} "
        f"{cmp.exact_match[1] - cmp.exact_match[0]:+8.3f}",
        f"paired cases: {cmp.cases} (unpaired: {cmp.only_in_one}); fixed {cmp.fixed}, "
        f"broken {cmp.broken}; exact McNemar p = {cmp.p_value:.4f}",
        "REGRESSION: the candidate is worse than the baseline"
        if cmp.regression
        else "no regression",
    ]
    return "\n".join(lines)
