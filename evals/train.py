"""`arbox eval train`: fit the offline classifier's learned layer on the `train` split.

Reproducible: the same cases (in any file order) and the same seed give the same file,
byte for byte. The recipe:

1. Every `train` case becomes a `Reply` the way the product cuts real mail; its text is
   cleaned as the classifier cleans it, turned into term counts (`features.terms`) and
   the rule layer's votes.
2. Vocabulary: terms seen in at least `MIN_DF` training replies; smoothed idf.
3. Per intent, a logistic regression (liblinear, L2, balanced class weights) on TF-IDF
   plus the rule votes (scaled by `features.RULE_SCALE`): one-vs-rest.
4. 5-fold cross-validation inside `train` gives out-of-fold scores; a Platt scaling fitted
   on them calibrates the probability, and the threshold that maximises the out-of-fold F1
   becomes the intent's decision threshold. `dev` and `test` are never used for fitting.
5. The weights are rounded and written as gzipped JSON (mtime 0, sorted keys).

scikit-learn is needed here only (the `train` extra); scoring is pure Python
(`arbox.agent.offline.model`).
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arbox.agent.classifier import Reply
from arbox.agent.findings import INTENTS
from arbox.agent.offline.classifier import OfflineClassifier
from arbox.agent.offline.features import RULE_SCALE, rule_terms, terms, tfidf
from arbox.agent.offline.model import LinearModel
from arbox.agent.offline.text import clean_text

from .cases import MailReader, TriageCase, case_to_reply
from .errors import EvalError
from .split import content_hash, select

DEFAULT_SEED = 20261130
MIN_DF = 2
C = 4.0
"""Inverse regularisation strength of every per-intent logistic regression."""
FOLDS = 5
DIGITS = 4
"""Weights, idf and calibration are rounded to this many decimals (small file, stable bytes)."""


@dataclass(frozen=True)
class Example:
    """One training reply as the learned layer sees it."""

    id: str
    counts: Counter[str]
    votes: dict[str, float]
    labels: frozenset[str]


def examples(cases: Sequence[TriageCase], mail: MailReader) -> list[Example]:
    """Term counts and rule votes of each case, sorted by id (file order does not matter)."""
    rules = OfflineClassifier(model=None)
    out = []
    for case in sorted(cases, key=lambda c: c.id):
        reply: Reply = case_to_reply(case, mail)
        out.append(
            Example(
                case.id,
                terms(clean_text(reply.text), reply.subject),
                rules.rule_votes(reply),
                frozenset(case.labels),
            )
        )
    return out


def _vocabulary(train: Sequence[Example]) -> tuple[list[str], dict[str, float]]:
    df: Counter[str] = Counter()
    for ex in train:
        df.update(ex.counts.keys())
    n = len(train)
    vocab = sorted(t for t, d in df.items() if d >= MIN_DF)
    idf = {t: round(math.log((1 + n) / (1 + df[t])) + 1.0, DIGITS) for t in vocab}
    return vocab, idf


def _matrix(rows: Sequence[Example], features: list[str], idf: dict[str, float], rules: bool):
    from scipy.sparse import csr_matrix

    index = {t: k for k, t in enumerate(features)}
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for ex in rows:
        vec = tfidf(ex.counts, idf)
        if rules:
            vec.update(rule_terms(ex.votes))
        for t in sorted(vec):
            if t in index:
                cols.append(index[t])
                data.append(vec[t])
        ptr.append(len(data))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(features)))


def _fit(x: Any, y: list[int], seed: int) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(
        C=C, solver="liblinear", class_weight="balanced", random_state=seed, max_iter=1000
    )
    return model.fit(x, y)


def _platt(scores: list[float], y: list[int]) -> tuple[float, float]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        return (0.0, -10.0 if not any(y) else 10.0)
    model = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    model.fit(np.asarray(scores).reshape(-1, 1), y)
    return (float(model.coef_[0][0]), float(model.intercept_[0]))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def _best_threshold(probs: list[float], y: list[int]) -> float:
    """The threshold with the highest F1 on out-of-fold probabilities (ties: nearest 0.5)."""
    best = (-1.0, 0.0, 0.5)
    for step in range(5, 96):
        t = step / 100
        tp = sum(p >= t and g for p, g in zip(probs, y, strict=True))
        fp = sum(p >= t and not g for p, g in zip(probs, y, strict=True))
        fn = sum(p < t and g for p, g in zip(probs, y, strict=True))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        key = (round(f1, 6), -abs(t - 0.5), t)
        if key > best:
            best = key
    return best[2]


def fit_model(train: Sequence[Example], *, seed: int = DEFAULT_SEED, rules: bool = True) -> dict:
    """The model file's content (a JSON-ready dict) fitted on ``train``."""
    from sklearn.model_selection import KFold

    if len(train) < FOLDS * 2:
        raise EvalError(f"too few training cases ({len(train)}) to cross-validate")
    vocab, idf = _vocabulary(train)
    features = vocab + ([f"r:{i}" for i in INTENTS] if rules else [])
    x = _matrix(train, features, idf, rules)
    folds = list(KFold(FOLDS, shuffle=True, random_state=seed).split(list(range(len(train)))))
    coef: dict[str, list[float]] = {}
    bias: dict[str, float] = {}
    platt: dict[str, list[float]] = {}
    threshold: dict[str, float] = {}
    for intent in INTENTS:
        y = [int(intent in ex.labels) for ex in train]
        oof = [0.0] * len(train)
        for fit_idx, held_idx in folds:
            fy = [y[k] for k in fit_idx]
            if len(set(fy)) < 2:
                continue
            model = _fit(x[fit_idx], fy, seed)
            for k, s in zip(held_idx, model.decision_function(x[held_idx]), strict=True):
                oof[k] = float(s)
        a, b = _platt(oof, y)
        a, b = round(a, DIGITS), round(b, DIGITS)
        threshold[intent] = _best_threshold([_sigmoid(a * s + b) for s in oof], y)
        platt[intent] = [a, b]
        if len(set(y)) < 2:  # an intent absent from (a cut of) train: never reported
            coef[intent] = [0.0] * len(features)
            bias[intent] = -10.0 if not any(y) else 10.0
            continue
        full = _fit(x, y, seed)
        coef[intent] = [_round(w) for w in full.coef_[0]]
        bias[intent] = _round(float(full.intercept_[0]))
    return {
        "format": 1,
        "intents": list(INTENTS),
        "terms": features,
        "idf": [idf[t] for t in vocab],
        "coef": coef,
        "bias": bias,
        "platt": platt,
        "threshold": threshold,
        "meta": {
            "seed": seed,
            "C": C,
            "min_df": MIN_DF,
            "folds": FOLDS,
            "rules": rules,
            "rule_scale": RULE_SCALE if rules else None,
            "train_cases": len(train),
        },
    }


def _round(w: float) -> float:
    r = round(float(w), DIGITS)
    return 0.0 if r == 0 else r  # no "-0.0": the bytes must not depend on the sign of zero


def model_bytes(content: dict) -> bytes:
    """The model file's bytes: sorted-key compact JSON, gzipped with no name or time."""
    raw = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0)


def train_model(
    cases: Sequence[TriageCase],
    mail: MailReader,
    *,
    seed: int = DEFAULT_SEED,
    rules: bool = True,
) -> tuple[bytes, LinearModel]:
    """Fit on the `train` split of ``cases``; the file's bytes and the model they load as."""
    train = select(cases, "train")
    content = fit_model(examples(train, mail), seed=seed, rules=rules)
    content["meta"]["train_sha256"] = content_hash(train)
    data = model_bytes(content)
    return data, LinearModel.from_dict(json.loads(gzip.decompress(data)))


def evaluate(cases: Sequence[TriageCase], classifier: Any, mail: MailReader) -> dict[str, Any]:
    """Macro F1, exact match, field accuracy and ECE of ``classifier`` on ``cases``."""
    from .runner import run_triage

    report = run_triage(
        cases, classifier, to_reply=lambda case: case_to_reply(case, mail), progress=False
    )
    return {
        "cases": report["cases"],
        "macro_f1": report["macro_f1"],
        "exact_match": report["exact_match"],
        "field_accuracy": report["fields"]["accuracy"],
        "ece": report.get("calibration", {}).get("ece"),
    }


def require_sklearn() -> None:
    """Raise `EvalError` with the fix when scikit-learn is not installed."""
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise EvalError("training needs scikit-learn: pip install 'arbox[train]'") from exc


def render_training(result: dict[str, Any]) -> str:
    """The figures of a training run as a small table."""
    lines = [
        f"seed {result['seed']}  terms {result['terms']}  model {result['model_bytes']} bytes",
        f"{'variant':10} {'split':6} {'cases':>5} {'macroF1':>8} {'exact':>6} {'fields':>6} "
        f"{'ECE':>6}",
    ]
    for name, splits in result["figures"].items():
        for split, f in splits.items():
            fields = "n/a" if f["field_accuracy"] is None else f"{f['field_accuracy']:.3f}"
            lines.append(
                f"{name:10} {split:6} {f['cases']:5d} {f['macro_f1']:8.3f} "
                f"{f['exact_match']:6.3f} {fields:>6} {f['ece'] or 0:6.3f}"
            )
    gap = (
        result["figures"]["combined"]["dev"]["macro_f1"]
        - result["figures"]["combined"]["test"]["macro_f1"]
    )
    lines.append(
        f"dev-test macro F1 gap {gap:+.3f}" + ("  (over 0.08: overfitting)" if gap > 0.08 else "")
    )
    lines.append(
        "thresholds " + " ".join(f"{k}={v:.2f}" for k, v in sorted(result["thresholds"].items()))
    )
    label_set = result.get("label_set")
    if label_set:
        lines.append(
            f"label-set estimator: {label_set['readings']} out-of-fold readings, "
            f"{label_set['right']} right, AUC on them {label_set['fit_auc']}; largest weights "
            + " ".join(f"{k}={v:+.2f}" for k, v in label_set["top_weights"].items())
        )
    return "\n".join(lines)


def train_and_report(
    cases: Sequence[TriageCase],
    mail: MailReader,
    *,
    seed: int = DEFAULT_SEED,
    out: Path | None = None,
) -> dict[str, Any]:
    """Train, optionally write the file, and score rules alone, learned alone and both
    on every split (the figures `arbox eval train` prints)."""
    require_sklearn()
    data, model = train_model(cases, mail, seed=seed)
    if out is not None:
        out.write_bytes(data)
    label_set = _fit_label_set(cases, mail, seed=seed, out=out)
    _, learned = train_model(cases, mail, seed=seed, rules=False)
    splits = {s: select(cases, s) for s in ("train", "dev", "test")}
    variants = {
        "rules": OfflineClassifier(model=None),
        "learned": OfflineClassifier(model=learned),
        "combined": OfflineClassifier(model=model),
    }
    figures = {
        name: {s: evaluate(part, clf, mail) for s, part in splits.items()}
        for name, clf in variants.items()
    }
    return {
        "seed": seed,
        "model_bytes": len(data),
        "terms": len(model.idf),
        "thresholds": dict(model.threshold),
        "figures": figures,
        "label_set": label_set,
    }


def _fit_label_set(
    cases: Sequence[TriageCase], mail: MailReader, *, seed: int, out: Path | None
) -> dict[str, Any]:
    """The label-set estimator, refitted with the model (`evals.train_label_set`) and
    written beside it as ``label_set.json``."""
    from arbox.agent.offline.label_set import SET_MODEL_PATH

    from .train_label_set import summary, train_set_model

    data, estimator, readings = train_set_model(cases, mail, seed=seed)
    if out is not None:
        out.with_name(SET_MODEL_PATH.name).write_bytes(data)
    return summary(estimator, readings)
