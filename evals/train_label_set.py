"""Fit the label-set estimator (`agent.offline.label_set`) on out-of-fold readings of `train`.

`arbox eval train` runs it beside the classifier's own fit. Reproducible: the same cases
and seed give the same file, byte for byte. The recipe:

1. `train` is cut into the same 5 folds as `evals.train` cross-validates on. For each
   fold, the classifier's learned layer is fitted on the other four with `evals.train`'s
   own recipe (`fit_model`), and the held-out replies are read by that model: each reply
   is read by a model that never saw it, as the shipped model reads new mail.
2. Each reading gives the estimator's features (`set_features`: probabilities against
   thresholds, intents found, length and asking sentences, language) and the outcome:
   whether the intents found are exactly the gold labels.
3. A logistic regression (L2, C = `SET_C`) on the standardised features; the means,
   scales and weights are rounded and written as sorted-key JSON.

`dev` and `test` are never read. Its threshold (`ARBOX_AUTONOMY_THRESHOLD`) is chosen on
`dev` with `arbox eval automation-curve`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from arbox.agent.offline.classifier import OfflineClassifier
from arbox.agent.offline.label_set import SetModel, set_features
from arbox.agent.offline.model import LinearModel

from .cases import MailReader, TriageCase, case_to_reply
from .errors import EvalError
from .split import content_hash, select
from .train import DEFAULT_SEED, DIGITS, FOLDS, _round, examples, fit_model

SET_C = 0.3
"""Inverse regularisation strength of the estimator's logistic regression."""


@dataclass(frozen=True)
class Reading:
    """One `train` reply as read by a model fitted without it."""

    id: str
    features: dict[str, float]
    right: bool
    """The intents found are exactly the gold labels."""


def out_of_fold(
    cases: Sequence[TriageCase], mail: MailReader, *, seed: int = DEFAULT_SEED
) -> list[Reading]:
    """Every case of ``cases`` read by a model fitted on the other folds, sorted by id."""
    from sklearn.model_selection import KFold

    ordered = sorted(cases, key=lambda c: c.id)
    if len(ordered) < FOLDS * FOLDS * 2:
        raise EvalError(f"too few training cases ({len(ordered)}) for nested cross-validation")
    train = examples(ordered, mail)
    out: list[Reading] = []
    folds = KFold(FOLDS, shuffle=True, random_state=seed).split(list(range(len(ordered))))
    for fit_idx, held_idx in folds:
        model = LinearModel.from_dict(fit_model([train[k] for k in fit_idx], seed=seed))
        reader = OfflineClassifier(model=model)
        for k in held_idx:
            case = ordered[k]
            reply = case_to_reply(case, mail)
            triage, probabilities = reader.classify_scored(reply)
            found = {f.intent.value: f.confidence for f in triage.findings if not f.abstained}
            features = set_features(found, probabilities, model.threshold, text=reply.text)
            out.append(Reading(case.id, features, set(triage.intents) == set(case.labels)))
    return sorted(out, key=lambda r: r.id)


def fit_set_model(readings: Sequence[Reading], *, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """The estimator file's content (a JSON-ready dict) fitted on ``readings``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len({r.right for r in readings}) < 2:
        raise EvalError("the label-set estimator needs readings both right and wrong")
    names = list(readings[0].features)
    x = np.array([[r.features[n] for n in names] for r in readings], dtype=float)
    y = [int(r.right) for r in readings]
    mean = [round(float(m), DIGITS) for m in x.mean(axis=0)]
    scale = [round(float(s), DIGITS) if s > 1e-3 else 1.0 for s in x.std(axis=0)]
    z = (x - np.array(mean)) / np.array(scale)
    model = LogisticRegression(C=SET_C, solver="lbfgs", max_iter=5000, random_state=seed)
    model.fit(z, y)
    return {
        "format": 1,
        "features": names,
        "mean": mean,
        "scale": scale,
        "coef": [_round(w) for w in model.coef_[0]],
        "bias": _round(float(model.intercept_[0])),
        "meta": {
            "seed": seed,
            "C": SET_C,
            "folds": FOLDS,
            "readings": len(readings),
            "right": sum(y),
        },
    }


def set_model_bytes(content: dict[str, Any]) -> bytes:
    """The estimator file's bytes: sorted keys, one line per key, a final newline."""
    return (json.dumps(content, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()


def train_set_model(
    cases: Sequence[TriageCase], mail: MailReader, *, seed: int = DEFAULT_SEED
) -> tuple[bytes, SetModel, list[Reading]]:
    """Fit on the `train` split of ``cases``: the file's bytes, the estimator they load as
    and the out-of-fold readings it was fitted on."""
    train = select(cases, "train")
    readings = out_of_fold(train, mail, seed=seed)
    content = fit_set_model(readings, seed=seed)
    content["meta"]["train_sha256"] = content_hash(train)
    return set_model_bytes(content), SetModel.from_dict(content), readings


def summary(model: SetModel, readings: Sequence[Reading]) -> dict[str, Any]:
    """How the estimator ranks its own out-of-fold readings (AUC) and its largest weights."""
    scored = [(model.probability(r.features), r.right) for r in readings]
    right = [p for p, ok in scored if ok]
    wrong = [p for p, ok in scored if not ok]
    pairs = sum((a > b) + 0.5 * (a == b) for a in right for b in wrong)
    auc = pairs / (len(right) * len(wrong)) if right and wrong else None
    weights = sorted(zip(model.features, model.coef, strict=True), key=lambda kv: -abs(kv[1]))
    return {
        "readings": len(readings),
        "right": len(right),
        "fit_auc": None if auc is None else round(auc, 4),
        "top_weights": dict(weights[:6]),
    }
