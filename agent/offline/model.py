"""The learned layer at run time: a pure-Python scorer over the shipped weights.

`model.json.gz` (written by `arbox eval train`, see `arbox.evals.train`) holds, per intent,
the weights of a one-vs-rest logistic regression over `features.terms` (TF-IDF) and the
rule layer's votes, a Platt scaling fitted on cross-validated scores of the training split
(so the probability is calibrated), and the decision threshold tuned by the same
cross-validation. Scoring needs no scikit-learn and no download.
"""

from __future__ import annotations

import gzip
import json
import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from operator import add, mul
from pathlib import Path
from typing import Any

from .features import rule_terms, terms, tfidf

MODEL_PATH = Path(__file__).with_name("model.json.gz")
"""The shipped model; rebuilt byte for byte by `arbox eval train` from the same data and seed."""


@dataclass(frozen=True)
class LinearModel:
    """One-vs-rest logistic regression with Platt-calibrated outputs and tuned thresholds."""

    intents: tuple[str, ...]
    idf: Mapping[str, float]
    weights: Mapping[str, Mapping[str, float]]
    """intent -> term -> weight (terms with a zero weight left out)."""
    bias: Mapping[str, float]
    platt: Mapping[str, tuple[float, float]]
    """intent -> (a, b): p = 1 / (1 + exp(-(a * score + b)))."""
    threshold: Mapping[str, float]
    """intent -> the calibrated probability at or above which the intent is reported."""
    meta: Mapping[str, Any]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearModel:
        """From the file's layout: ``terms`` (TF-IDF terms first, then rule features),
        ``idf`` aligned with the first terms, ``coef`` per intent aligned with all terms."""
        features = data["terms"]
        return cls(
            intents=tuple(data["intents"]),
            idf=dict(zip(features, data["idf"], strict=False)),
            weights={
                intent: {t: w for t, w in zip(features, coef, strict=True) if w}
                for intent, coef in data["coef"].items()
            },
            bias=data["bias"],
            platt={k: (float(v[0]), float(v[1])) for k, v in data["platt"].items()},
            threshold=data["threshold"],
            meta=data.get("meta", {}),
        )

    def vector(
        self, text: str, subject: str = "", rules: Mapping[str, float] | None = None
    ) -> dict[str, float]:
        """The feature vector the weights apply to."""
        vec = tfidf(terms(text, subject), self.idf)
        vec.update(rule_terms(rules or {}))
        return vec

    def score(self, vec: Mapping[str, float], intent: str) -> float:
        """The raw linear score of ``intent`` (before calibration)."""
        w = self.weights[intent]
        return self.bias[intent] + sum(v * w[t] for t, v in vec.items() if t in w)

    def calibrate(self, intent: str, score: float) -> float:
        a, b = self.platt[intent]
        z = a * score + b
        return 1.0 / (1.0 + math.exp(-z)) if z >= -60 else 0.0

    @cached_property
    def _rows(self) -> dict[str, tuple[float, ...]]:
        """term -> its weight for every intent, in `intents` order (0.0 where the intent
        does not weigh it): one look-up a term scores every intent."""
        weights = [self.weights[intent] for intent in self.intents]
        terms = dict.fromkeys(t for w in weights for t in w)
        # Each row's floats made anew, one after the other (struct keeps every bit): the
        # parsed ones lie apart in memory, one intent's list from the next, and a row
        # read from 11 places cost more than the sums.
        row = struct.Struct(f"{len(weights)}d")
        return {t: row.unpack(row.pack(*(w.get(t, 0.0) for w in weights))) for t in terms}

    def scores(self, vec: Mapping[str, float]) -> dict[str, float]:
        """The raw linear score of every intent: the same sums, in the same order, as
        `score` (a term an intent does not weigh adds 0.0, which changes no sum)."""
        n = len(self.intents)
        totals = [0.0] * n
        rows = self._rows
        for t, v in vec.items():
            row = rows.get(t)
            if row is not None:
                totals = list(map(add, totals, map(mul, row, repeat(v, n))))
        return {i: self.bias[i] + totals[k] for k, i in enumerate(self.intents)}

    def probabilities(
        self, text: str, subject: str = "", rules: Mapping[str, float] | None = None
    ) -> dict[str, float]:
        """Calibrated probability of every intent."""
        raw = self.scores(self.vector(text, subject, rules))
        return {i: self.calibrate(i, raw[i]) for i in self.intents}


def load_model(path: str | Path) -> LinearModel:
    """Read a model file written by `arbox eval train`."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return LinearModel.from_dict(json.load(fh))


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel | None:
    """The model shipped in the package, or None when it is absent (rules alone then)."""
    if not MODEL_PATH.exists():
        return None
    return load_model(MODEL_PATH)
