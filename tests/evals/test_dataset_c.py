"""`triage_c.jsonl`: the hand-written replies keep the shape README_c.md promises, and every
shipped dataset matches its lock."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from arbox.agent.findings import INTENTS
from arbox.evals.cases import TriageCase, load_cases
from arbox.evals.commands import default_datasets
from arbox.evals.split import check_lock, lock_path_for, select

DATASET = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "triage_c.jsonl"
LANGUAGES = ("en", "de", "fr", "es", "nl", "it", "pt")


@pytest.fixture(scope="module")
def cases() -> list[TriageCase]:
    return load_cases(DATASET)


def language(case: TriageCase) -> str:
    # Every case's note starts with `lang=xx` (README_c.md).
    found = re.match(r"lang=([a-z]{2})\b", str(case.raw.get("note", "")))
    assert found, case.id
    return found.group(1)


def test_ids_are_h_numbers_in_order_and_the_file_is_read_by_default(cases):
    assert [c.id for c in cases] == [f"h-{k:04d}" for k in range(1, len(cases) + 1)]
    assert len(cases) >= 450
    assert DATASET in default_datasets()


def test_every_intent_at_least_30_times(cases):
    counts = Counter(label for c in cases for label in c.labels)
    assert {i: counts[i] for i in INTENTS if counts[i] < 30} == {}


def test_a_quarter_is_in_another_language_and_a_third_has_several_intents(cases):
    langs = Counter(language(c) for c in cases)
    assert set(langs) <= set(LANGUAGES) and set(langs) == set(LANGUAGES)
    assert 1 - langs["en"] / len(cases) >= 0.25
    assert sum(len(c.labels) > 1 for c in cases) / len(cases) >= 0.35


def test_median_length_is_at_least_40_words_with_terse_replies_too(cases):
    words = sorted(len((c.body or c.eml or "").split()) for c in cases)
    assert words[len(words) // 2] >= 40
    assert sum(n <= 8 for n in words) >= 10


def test_every_split_holds_every_intent(cases):
    for split in ("train", "dev", "test"):
        counts = Counter(label for c in select(cases, split) for label in c.labels)
        assert min(counts[i] for i in INTENTS) >= 3, (split, counts)


@pytest.mark.parametrize("dataset", default_datasets(), ids=lambda path: path.name)
def test_every_shipped_dataset_matches_its_lock(dataset):
    part = load_cases(dataset)
    assert check_lock(part, lock_path_for(dataset)) == "test split matches its lock"
