"""The shipped triage dataset: valid against the contract, balanced, and split as promised."""

from __future__ import annotations

import email
import email.policy
import json
import re
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


# Id prefixes in use: `t-` the first hand-written set, `r-` realistic replies (issue 11),
# `m-` multilingual replies and auto-replies, `c-` analyst corrections appended from
# `arbox eval export-corrections`, `h-` the hand-written replies of `triage_c.jsonl`
# (tests/evals/test_dataset_c.py), `d-` and `e-` those of `triage_d.jsonl` and
# `triage_e.jsonl` (test_dataset_hand_written.py). A new prefix is added here on purpose.
ID_PREFIXES = ("t-", "r-", "m-", "c-", "h-", "d-", "e-")


def test_dataset_loads_with_unique_ids_in_the_contract_format(cases):
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)) >= 670
    assert all(re.fullmatch(r"[a-z]-[0-9a-f]{4,}", i) and i.startswith(ID_PREFIXES) for i in ids)
    assert all(set(c.labels) <= set(INTENTS) for c in cases)
    assert all(c.date is not None or c.eml is not None for c in cases)


def test_every_intent_has_at_least_30_cases_and_auto_reply_10(cases):
    counts = Counter(label for c in cases for label in c.labels)
    floor = {i: 10 if i == "auto_reply" else 30 for i in INTENTS}
    assert {i: counts[i] for i in INTENTS if counts[i] < floor[i]} == {}


def test_at_least_a_third_is_multi_intent(cases):
    share = sum(len(c.labels) > 1 for c in cases) / len(cases)
    assert 0.33 <= share <= 0.6


def test_realistic_replies_are_long_enough(cases):
    # Real replies carry greetings, context, signatures and quoted history.
    words = sorted(len((c.body or c.eml or "").split()) for c in cases if c.id.startswith("r-"))
    assert len(words) >= 340
    assert words[len(words) // 2] >= 45


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


def test_every_split_holds_every_intent(cases):
    # train / dev / test = 6 / 2 / 2 tenths by a hash of the id (evals/split.py).
    for split, size, least in (("train", 300, 10), ("dev", 100, 5), ("test", 100, 5)):
        part = select(cases, split)
        assert len(part) >= size, split
        counts = Counter(label for c in part for label in c.labels)
        assert min(counts[i] for i in INTENTS) >= least, (split, counts)


def test_shipped_lock_matches_the_shipped_dataset(cases):
    lock = lock_path_for(DATASET)
    assert lock.exists(), "run `arbox eval triage --relock` once to write the lock"
    assert check_lock(cases, lock) == "test split matches its lock"
    recorded = json.loads(lock.read_text())
    assert recorded["test"]["cases"] == len(select(cases, "test"))
