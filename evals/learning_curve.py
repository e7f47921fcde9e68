"""Learning curve: macro F1 on `test` against the size of the training set.

    arbox eval learning-curve [--dataset F ...] [--seed N]

The `train` split is ordered by a hash of the case id and cut at 1/8, 1/4, 1/2 and all;
each cut is fitted exactly as `arbox eval train` fits (rules + learned layer) and scored
on the whole locked `test` split, beside the learned layer alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from arbox.agent.offline.classifier import OfflineClassifier
from arbox.agent.offline.model import LinearModel

from .cases import MailReader, TriageCase
from .split import select
from .train import DEFAULT_SEED, evaluate, examples, fit_model, model_bytes, require_sklearn

FRACTIONS = (0.125, 0.25, 0.5, 1.0)


def learning_curve(
    cases: Sequence[TriageCase],
    mail: MailReader,
    *,
    seed: int = DEFAULT_SEED,
    fractions=FRACTIONS,
) -> list[dict[str, Any]]:
    """One row per fraction: training cases, test macro F1 and exact match (both variants)."""
    require_sklearn()
    train = sorted(examples(select(cases, "train"), mail), key=lambda e: _order(e.id))
    test = select(cases, "test")
    rows = []
    for fraction in fractions:
        part = sorted(train[: max(10, round(len(train) * fraction))], key=lambda e: e.id)
        row: dict[str, Any] = {"fraction": fraction, "train_cases": len(part)}
        for name, rules in (("combined", True), ("learned", False)):
            content = fit_model(part, seed=seed, rules=rules)
            model = LinearModel.from_dict(json.loads(gzip.decompress(model_bytes(content))))
            scores = evaluate(test, OfflineClassifier(model=model), mail)
            row[name] = {"macro_f1": scores["macro_f1"], "exact_match": scores["exact_match"]}
        rows.append(row)
    return rows


def _order(case_id: str) -> str:
    return hashlib.sha256(f"curve:{case_id}".encode()).hexdigest()
