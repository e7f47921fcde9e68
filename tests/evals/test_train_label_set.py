"""The label-set estimator's fit: out-of-fold, reproducible, scored exactly in pure Python."""

from __future__ import annotations

import json
import math

import pytest

from arbox.agent.offline.label_set import SET_MODEL_PATH, SetModel, load_set_model
from arbox.bootstrap import mail_reader
from arbox.evals.cases import load_dataset, parse_case
from arbox.evals.commands import default_datasets
from arbox.evals.train import DEFAULT_SEED
from arbox.evals.train_label_set import (
    Reading,
    fit_set_model,
    out_of_fold,
    set_model_bytes,
    train_set_model,
)

pytest.importorskip("sklearn")

BODIES = [
    ("We paid INV-1 by wire on Friday.", ["payment_sent"]),
    ("The price on INV-2 is wrong, we were quoted less.", ["dispute"]),
    ("Please send a copy of INV-3.", ["invoice_request"]),
    (
        "We paid INV-4 yesterday. Also please send a copy of INV-5.",
        ["payment_sent", "invoice_request"],
    ),
    ("Thanks, noted.", ["other"]),
    ("Thanks, noted.", ["dispute"]),  # the same words labelled twice: one reading is wrong
]


def _cases(n=60):
    assert len(BODIES) == 6
    return [
        parse_case({"id": f"x-{k:03d}", "body": BODIES[k % 6][0], "labels": BODIES[k % 6][1]})
        for k in range(n)
    ]


def test_every_case_is_read_once_by_a_model_that_never_saw_it():
    cases = _cases()
    readings = out_of_fold(cases, mail_reader(), seed=7)
    assert [r.id for r in readings] == sorted(c.id for c in cases)
    assert {r.right for r in readings} == {True, False}
    assert all(set(r.features) == set(readings[0].features) for r in readings)


def test_the_fit_does_not_depend_on_the_file_order():
    cases = _cases()
    first = fit_set_model(out_of_fold(cases, mail_reader(), seed=7), seed=7)
    again = fit_set_model(out_of_fold(list(reversed(cases)), mail_reader(), seed=7), seed=7)
    assert set_model_bytes(first) == set_model_bytes(again)


def test_the_pure_python_scorer_matches_scikit_learn():
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    readings = [
        Reading(
            f"r{k}", {"a": float(k % 7), "b": float((k * 3) % 5), "c": 1.0}, k % 7 > 2 or k % 5 == 0
        )
        for k in range(80)
    ]
    content = fit_set_model(readings, seed=1)
    ours = SetModel.from_dict(json.loads(set_model_bytes(content)))
    x = np.array([[r.features[n] for n in ours.features] for r in readings])
    z = (x - np.array(ours.mean)) / np.array(ours.scale)
    reference = LogisticRegression(C=content["meta"]["C"], max_iter=5000).fit(
        z, [r.right for r in readings]
    )
    for k, r in enumerate(readings):
        theirs = float(reference.predict_proba(z[k : k + 1])[0][1])
        assert ours.probability(r.features) == pytest.approx(theirs, abs=2e-3), r.id
    assert content["scale"][ours.features.index("c")] == 1.0  # a constant is not divided by 0


def test_a_fit_needs_right_and_wrong_readings():
    from arbox.evals.errors import EvalError

    with pytest.raises(EvalError):
        fit_set_model([Reading("a", {"x": 1.0}, True), Reading("b", {"x": 2.0}, True)])


def test_the_shipped_estimator_loads_small_and_sane():
    model = load_set_model(SET_MODEL_PATH)
    assert len(model.features) == len(model.coef) == len(model.mean) == len(model.scale)
    assert SET_MODEL_PATH.stat().st_size < 10_000
    assert model.meta["readings"] > 1000 and 0 < model.meta["right"] < model.meta["readings"]
    weight = dict(zip(model.features, model.coef, strict=True))
    # A surer least-sure intent raises the estimate; a longer reply lowers it.
    assert weight["least_sure_found"] > 0 and weight["log_words"] < 0
    assert all(math.isfinite(w) for w in model.coef)


@pytest.mark.slow
def test_training_reproduces_the_shipped_estimator_byte_for_byte():
    data, _, _ = train_set_model(load_dataset(default_datasets()), mail_reader(), seed=DEFAULT_SEED)
    assert data == SET_MODEL_PATH.read_bytes(), (
        "the shipped label-set estimator is not what `arbox eval train` makes from the "
        "shipped datasets: retrain and commit agent/offline/label_set.json"
    )
