"""`arbox eval train`: the shipped model is reproduced byte for byte; the scorer is exact."""

from __future__ import annotations

import gzip
import json

import pytest

from arbox.agent.offline.model import MODEL_PATH, LinearModel, load_model
from arbox.bootstrap import mail_reader
from arbox.evals.cases import load_dataset, parse_case
from arbox.evals.commands import default_datasets
from arbox.evals.train import DEFAULT_SEED, Example, _matrix, _vocabulary, fit_model, train_model

pytest.importorskip("sklearn")


def test_training_reproduces_the_shipped_model_byte_for_byte():
    data, model = train_model(load_dataset(default_datasets()), mail_reader(), seed=DEFAULT_SEED)
    assert data == MODEL_PATH.read_bytes(), (
        "the shipped model is not what `arbox eval train` makes from the shipped datasets: "
        "retrain it and commit agent/offline/model.json.gz"
    )
    assert model.meta["seed"] == DEFAULT_SEED


def test_the_file_order_of_cases_does_not_change_the_model():
    cases = [
        parse_case({"id": f"x-{k:03d}", "body": body, "labels": [label]})
        for k, (body, label) in enumerate(
            [("we paid it by wire", "payment_sent"), ("wrong price on this", "dispute")] * 15
        )
    ]
    first, _ = train_model(cases, mail_reader(), seed=7)
    again, _ = train_model(list(reversed(cases)), mail_reader(), seed=7)
    assert first == again


def test_the_pure_python_scorer_matches_scikit_learn():
    from collections import Counter

    from sklearn.linear_model import LogisticRegression

    from arbox.agent.offline.features import terms

    texts = ["we paid by wire", "wrong price billed", "paid the invoice", "price is wrong"] * 5
    labels = [["payment_sent"], ["dispute"]] * 10
    train = [
        Example(f"e{k}", Counter(terms(t)), {}, frozenset(labels[k])) for k, t in enumerate(texts)
    ]
    content = fit_model(train, seed=3, rules=False)
    model = LinearModel.from_dict(json.loads(json.dumps(content)))
    vocab, idf = _vocabulary(train)
    x = _matrix(train, vocab, idf, rules=False)
    y = [int("dispute" in ex.labels) for ex in train]
    reference = LogisticRegression(
        C=4.0, solver="liblinear", class_weight="balanced", random_state=3
    ).fit(x, y)
    for k, ex in enumerate(train):
        vec = model.vector(texts[k])
        ours = model.score(vec, "dispute")
        theirs = float(reference.decision_function(x[k])[0])
        assert ours == pytest.approx(theirs, abs=2e-3), ex.id


def test_the_shipped_model_loads_and_is_small():
    model = load_model(MODEL_PATH)
    assert set(model.intents) >= {"payment_sent", "other"}
    assert MODEL_PATH.stat().st_size < 1_000_000
    raw = json.loads(gzip.decompress(MODEL_PATH.read_bytes()))
    assert raw["meta"]["rules"] is True


def test_rule_votes_are_scaled_features_in_training_and_scoring_alike():
    from arbox.agent.offline.features import RULE_SCALE, rule_terms

    assert rule_terms({"dispute": 0.8, "other": 0.0}) == {"r:dispute": RULE_SCALE * 0.8}
    model = load_model(MODEL_PATH)
    assert model.meta["rule_scale"] == RULE_SCALE
    vec = model.vector("thanks", rules={"dispute": 0.8})
    assert vec["r:dispute"] == pytest.approx(RULE_SCALE * 0.8)
