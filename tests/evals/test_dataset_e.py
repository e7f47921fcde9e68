"""`triage_e.jsonl`: the hand-written replies keep the shape README_e.md promises (counts,
languages, multi-intent share, length) and the file is read by default behind its lock."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from arbox.agent.findings import INTENTS
from arbox.evals.cases import TriageCase, load_cases
from arbox.evals.commands import default_datasets
from arbox.evals.consistency import check_file
from arbox.evals.split import check_lock, lock_path_for, select

DATASET = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "triage_e.jsonl"
LANGUAGES = ("en", "de", "fr", "es", "nl", "it", "pt")


@pytest.fixture(scope="module")
def cases() -> list[TriageCase]:
    return load_cases(DATASET)


def language(case: TriageCase) -> str:
    # Every case's note starts with `lang=xx` (README_e.md).
    found = re.match(r"lang=([a-z]{2})\b", str(case.raw.get("note", "")))
    assert found, case.id
    return found.group(1)


def words(case: TriageCase) -> int:
    return len((case.body or "").split())


def test_ids_are_d_numbers_in_order_and_the_file_is_read_by_default_behind_its_lock(cases):
    assert [c.id for c in cases] == [f"e-{k:04d}" for k in range(1, len(cases) + 1)]
    assert len(cases) >= 450
    assert DATASET in default_datasets()
    assert check_lock(cases, lock_path_for(DATASET)) == "test split matches its lock"


def test_every_case_has_a_date_and_a_body_and_follows_the_conventions(cases):
    assert all(isinstance(c.raw.get("date"), str) and c.body for c in cases)
    assert all(datetime.fromisoformat(c.raw["date"]).tzinfo is not None for c in cases)
    assert check_file(DATASET) == {}


def test_every_intent_at_least_30_times_and_in_every_split(cases):
    counts = Counter(label for c in cases for label in c.labels)
    assert {i: counts[i] for i in INTENTS if counts[i] < 30} == {}
    for split in ("train", "dev", "test"):
        part = Counter(label for c in select(cases, split) for label in c.labels)
        assert min(part[i] for i in INTENTS) >= 3, (split, part)


def test_most_replies_are_the_weak_intents_and_they_carry_their_fields(cases):
    # README_e.md: the file was written where the classifier is weakest.
    weak = {"short_pay", "dispute", "other", "invoice_request", "financial_distress"}
    assert sum(bool(weak & set(c.labels)) for c in cases) / len(cases) >= 0.55
    missing = [
        (c.id, intent)
        for c in cases
        for intent, key in (
            ("short_pay", "reason"),
            ("dispute", "reason"),
            ("invoice_request", "document"),
        )
        if intent in c.labels and key not in c.fields.get(intent, {})
    ]
    assert missing == []
    reasons = Counter(c.fields["short_pay"]["reason"] for c in cases if "short_pay" in c.labels)
    assert len(reasons) >= 7 and max(reasons.values()) / sum(reasons.values()) < 0.35


def test_two_fifths_in_another_language_and_two_fifths_with_several_intents(cases):
    langs = Counter(language(c) for c in cases)
    assert set(langs) == set(LANGUAGES)
    assert 1 - langs["en"] / len(cases) >= 0.40
    assert sum(len(c.labels) > 1 for c in cases) / len(cases) >= 0.40


def test_median_length_is_at_least_45_words_and_a_seventh_are_one_liners(cases):
    lengths = sorted(words(c) for c in cases)
    assert lengths[len(lengths) // 2] >= 45
    assert sum(n <= 8 for n in lengths) / len(cases) >= 0.15


def test_the_figures_in_readme_d_match_the_file(cases):
    readme = " ".join((DATASET.parent / "README_e.md").read_text(encoding="utf-8").split())
    counts = Counter(label for c in cases for label in c.labels)
    for intent in INTENTS:
        assert f"| {intent} | {counts[intent]} |" in readme, intent
    n = len(cases)
    multi = sum(len(c.labels) > 1 for c in cases)
    lengths = sorted(words(c) for c in cases)
    terse = sum(k <= 8 for k in lengths)
    other = n - sum(language(c) == "en" for c in cases)
    assert f"{n} cases, `e-0001` to `e-{n:04d}`" in readme
    assert f"{other} ({other / n:.1%})".replace("%", " %") in readme
    assert f"{multi} ({multi / n:.1%})".replace("%", " %") in readme
    assert f"The median body is {lengths[len(lengths) // 2]} words" in readme
    assert f"{terse} replies ({terse / n:.1%})".replace("%", " %") in readme
