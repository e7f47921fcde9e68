"""The shipped triage dataset: valid against the contract, balanced, and split as promised."""

from __future__ import annotations

import email
import email.policy
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from arbox.agent.findings import INTENTS
from arbox.evals.cases import load_cases
from arbox.evals.split import check_lock, lock_path_for, select

DATASET = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "triage.jsonl"


@pytest.fixture(scope="module")
def cases():
    return load_cases(DATASET)


def test_dataset_loads_with_unique_ids_in_the_contract_format(cases):
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)) >= 320
    assert all(i.startswith("t-") for i in ids)
    assert all(set(c.labels) <= set(INTENTS) for c in cases)


def test_every_intent_has_at_least_15_cases(cases):
    counts = Counter(label for c in cases for label in c.labels)
    assert {i: counts[i] for i in INTENTS if counts[i] < 15} == {}


def test_about_a_third_is_multi_intent(cases):
    share = sum(len(c.labels) > 1 for c in cases) / len(cases)
    assert 0.28 <= share <= 0.45


def test_other_is_never_combined_with_another_intent(cases):
    # Convention of this dataset: `other` means "nothing else applies".
    assert [c.id for c in cases if "other" in c.labels and len(c.labels) > 1] == []


def test_field_dates_are_iso_and_near_the_message_date(cases):
    for c in cases:
        for intent, values in c.fields.items():
            for key in ("paid_on", "promised_on", "return_on"):
                if key in values:
                    day = date.fromisoformat(values[key])
                    if c.date is not None:
                        gap = (day - c.date.date()).days
                        assert -60 <= gap <= 120, (c.id, intent, key, gap)


def test_eml_cases_are_parseable_rfc5322_with_a_date(cases):
    emls = [c for c in cases if c.eml is not None]
    assert len(emls) >= 10
    for c in emls:
        msg = email.message_from_string(c.eml, policy=email.policy.default)
        assert msg["From"] and msg["Date"] and msg["Subject"] is not None, c.id


def test_auto_replies_are_marked_in_headers_for_most_cases(cases):
    autos = [c for c in cases if "auto_reply" in c.labels]
    with_headers = [
        c
        for c in autos
        if c.headers or (c.eml and ("Auto-Submitted" in c.eml or "X-Autoreply" in c.eml))
    ]
    assert len(with_headers) >= len(autos) // 2


def test_both_splits_hold_every_intent(cases):
    for split in ("dev", "test"):
        part = select(cases, split)
        assert len(part) >= 120
        counts = Counter(label for c in part for label in c.labels)
        assert min(counts[i] for i in INTENTS) >= 5, (split, counts)


def test_shipped_lock_matches_the_shipped_dataset(cases):
    lock = lock_path_for(DATASET)
    assert lock.exists(), "run `arbox eval triage --relock` once to write the lock"
    assert check_lock(cases, lock) == "test split matches its lock"
    recorded = json.loads(lock.read_text())
    assert recorded["test"]["cases"] == len(select(cases, "test"))
