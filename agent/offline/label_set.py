"""The fitted estimate that a reply's whole label set is right, scored in pure Python.

`label_set.json` (written by `arbox eval train`, see `arbox.evals.train_label_set`) holds a
logistic regression for "the intents found are exactly the reply's intents", fitted on
out-of-fold readings of the `train` split: each training reply is read by a model that
never saw it, so the estimate learns how the classifier errs on replies it has not seen.
Its features (`set_features`) say how the reading went, not what the reply is about:

- the offline probability of every intent against its threshold: the least sure intent
  found, the most likely intent not found, the expected number of intents missed, and the
  chance of exactly this set if the intents were independent;
- how many intents were found, and which;
- how much the reply says: words, sentences, sentences that ask or request something
  beyond one per intent found, question marks;
- a reply in another language than English.

No scikit-learn and no download at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from arbox.agent.findings import INTENTS
from arbox.agent.locales import detect_language

from .text import clauses, clean_text

__all__ = ["SET_MODEL_PATH", "SetModel", "load_set_model", "set_features", "shipped_set_model"]

SET_MODEL_PATH = Path(__file__).with_name("label_set.json")
"""The shipped estimator; rebuilt byte for byte by `arbox eval train` with the model."""

_NAMED = tuple(i for i in INTENTS if i != "other")
_MARGIN = 6.0
"""Logit margins are clipped to +-this: a probability of 0.0001 says no more than 0.0025."""
_REQUEST = re.compile(
    r"\b(?:please|pls|kindly|can you|could you|would you|can we|could we|may we|"
    r"let (?:me|us) know|need|needs|send|provide|confirm|advise|bitte|k[öo]nnen sie|"
    r"merci de|pouvez|veuillez|por favor|puede|podr[ií]a|graag|kunt u|per favore|potete|"
    r"pode)\b|\?",
    re.IGNORECASE,
)
"""A sentence that asks something (in the dataset's six languages)."""


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _margin(p: float, threshold: float) -> float:
    return max(-_MARGIN, min(_MARGIN, _logit(p) - _logit(threshold)))


@lru_cache(maxsize=512)
def _text_features(text: str) -> tuple[int, int, int, int, bool]:
    """Words, sentences, asking sentences, question marks, another language than English."""
    clean = clean_text(text)
    parts = clauses(clean)
    asking = sum(bool(_REQUEST.search(c.text)) for c in parts)
    language = detect_language(clean)
    return len(clean.split()), len(parts), asking, text.count("?"), language not in (None, "en")


def set_features(
    found: Mapping[str, float],
    probabilities: Mapping[str, float],
    thresholds: Mapping[str, float],
    *,
    text: str,
) -> dict[str, float]:
    """The estimator's features for the intents ``found`` (intent -> confidence) in a reply
    the offline model read as ``probabilities`` against its decision ``thresholds``."""
    q = probabilities
    # An intent found counts only as far as the offline reading backs it (an LLM's
    # confidence is not calibrated; the offline one's is ``q`` itself).
    backed = {i: min(c, q.get(i, 0.0)) for i, c in found.items()}
    named = [i for i in found if i != "other"]
    if named:
        least = min(_margin(q.get(i, 0.0), thresholds[i]) for i in named)
    else:
        least = _margin(q.get("other", 0.0), thresholds["other"])
    missing = [i for i in _NAMED if i not in named]
    p = 1.0
    for intent in _NAMED:
        chance = q.get(intent, 0.0)
        p *= backed[intent] if intent in backed else 1.0 - chance
    words, sentences, asking, questions, foreign = _text_features(text)
    features = {
        "intents_found": float(len(named)),
        "nothing_named": float(not named),
        "least_sure_found": least,
        "likeliest_missing": max(
            (_margin(q.get(i, 0.0), thresholds[i]) for i in missing), default=-_MARGIN
        ),
        "expected_missing": sum(q.get(i, 0.0) for i in missing),
        "log_independent_set": max(-10.0, math.log(max(p, 1e-5))),
        "least_backed": min(backed.values(), default=0.0),
        "log_words": math.log1p(words),
        "log_sentences": math.log1p(sentences),
        "asking_sentences": float(asking),
        "unexplained_asks": float(max(0, asking - max(1, len(named)))),
        "question_marks": float(min(5, questions)),
        "not_english": float(foreign),
    }
    for intent in INTENTS:
        features[f"found:{intent}"] = float(intent in found)
    return features


@dataclass(frozen=True)
class SetModel:
    """Standardised features, one logistic regression: P(the label set is exactly right)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    bias: float
    meta: Mapping[str, Any]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SetModel:
        return cls(
            features=tuple(data["features"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            coef=tuple(data["coef"]),
            bias=float(data["bias"]),
            meta=data.get("meta", {}),
        )

    def probability(self, features: Mapping[str, float]) -> float:
        """The estimate for one reply's ``features`` (`set_features`); a feature the file
        names but ``features`` lacks counts as its training mean."""
        z = self.bias
        for name, mean, scale, w in zip(
            self.features, self.mean, self.scale, self.coef, strict=True
        ):
            z += w * (features.get(name, mean) - mean) / scale
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def contributions(self, features: Mapping[str, float]) -> list[tuple[str, float]]:
        """Each feature's push on the log-odds, largest first (why an estimate is low)."""
        pushes = [
            (name, w * (features.get(name, mean) - mean) / scale)
            for name, mean, scale, w in zip(
                self.features, self.mean, self.scale, self.coef, strict=True
            )
        ]
        return sorted(pushes, key=lambda kv: -abs(kv[1]))


def load_set_model(path: str | Path) -> SetModel:
    return SetModel.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def shipped_set_model() -> SetModel | None:
    """The packaged estimator, or None when none was fitted (the product then falls back)."""
    if not SET_MODEL_PATH.exists():
        return None
    return load_set_model(SET_MODEL_PATH)
