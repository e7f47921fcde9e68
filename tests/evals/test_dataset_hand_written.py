"""`triage_d.jsonl`, `triage_e.jsonl` and `triage_f.jsonl`: each file of hand-written replies
keeps the shape its guide (README_d.md, README_e.md, README_f.md) promises (counts, languages,
multi-intent share, length) and is read by default behind its lock."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from arbox.agent.findings import INTENTS
from arbox.evals.cases import TriageCase, load_cases
from arbox.evals.commands import default_datasets
from arbox.evals.consistency import check_file
from arbox.evals.split import check_lock, lock_path_for, select

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
LANGUAGES = ("en", "de", "fr", "es", "nl", "it", "pt")


@dataclass(frozen=True)
class HandWritten:
    """One file and what its guide promises."""

    letter: str
    per_intent: int
    """Each intent at least this many times in the file..."""
    per_split: int
    """...and this many times in each split."""
    min_cases: int = 450
    """The file holds at least this many cases."""

    @property
    def path(self) -> Path:
        return DATASETS / f"triage_{self.letter}.jsonl"

    @property
    def readme(self) -> str:
        text = (DATASETS / f"README_{self.letter}.md").read_text(encoding="utf-8")
        return " ".join(text.split())


FILES = [
    HandWritten("d", per_intent=35, per_split=5),
    HandWritten("e", per_intent=30, per_split=3),
    HandWritten("f", per_intent=35, per_split=4, min_cases=450),
]


@pytest.fixture(scope="module", params=FILES, ids=lambda f: f"triage_{f.letter}")
def dataset(request) -> tuple[HandWritten, list[TriageCase]]:
    return request.param, load_cases(request.param.path)


def language(case: TriageCase) -> str:
    # Every case's note starts with `lang=xx` (the file's guide).
    found = re.match(r"lang=([a-z]{2})\b", str(case.raw.get("note", "")))
    assert found, case.id
    return found.group(1)


def words(case: TriageCase) -> int:
    return len((case.body or "").split())


def test_ids_are_numbered_in_order_and_the_file_is_read_by_default_behind_its_lock(dataset):
    file, cases = dataset
    assert [c.id for c in cases] == [f"{file.letter}-{k:04d}" for k in range(1, len(cases) + 1)]
    assert len(cases) >= file.min_cases
    assert file.path in default_datasets()
    assert check_lock(cases, lock_path_for(file.path)) == "test split matches its lock"


def test_every_case_has_a_date_and_a_body_and_follows_the_conventions(dataset):
    file, cases = dataset
    assert all(isinstance(c.raw.get("date"), str) and c.body for c in cases)
    assert all(datetime.fromisoformat(c.raw["date"]).tzinfo is not None for c in cases)
    assert check_file(file.path) == {}


def test_every_intent_often_enough_and_in_every_split(dataset):
    file, cases = dataset
    counts = Counter(label for c in cases for label in c.labels)
    assert {i: counts[i] for i in INTENTS if counts[i] < file.per_intent} == {}
    for split in ("train", "dev", "test"):
        part = Counter(label for c in select(cases, split) for label in c.labels)
        assert min(part[i] for i in INTENTS) >= file.per_split, (split, part)


def test_two_fifths_in_another_language_and_two_fifths_with_several_intents(dataset):
    _, cases = dataset
    langs = Counter(language(c) for c in cases)
    assert set(langs) == set(LANGUAGES)
    assert 1 - langs["en"] / len(cases) >= 0.40
    assert sum(len(c.labels) > 1 for c in cases) / len(cases) >= 0.40


def test_median_length_is_at_least_45_words_and_a_seventh_are_one_liners(dataset):
    _, cases = dataset
    lengths = sorted(words(c) for c in cases)
    assert lengths[len(lengths) // 2] >= 45
    assert sum(n <= 8 for n in lengths) / len(cases) >= 0.15


def test_the_figures_in_the_guide_match_the_file(dataset):
    file, cases = dataset
    readme = file.readme
    counts = Counter(label for c in cases for label in c.labels)
    for intent in INTENTS:
        assert f"| {intent} | {counts[intent]} |" in readme, intent
    n = len(cases)
    multi = sum(len(c.labels) > 1 for c in cases)
    lengths = sorted(words(c) for c in cases)
    terse = sum(k <= 8 for k in lengths)
    other = n - sum(language(c) == "en" for c in cases)
    x = file.letter
    assert f"{n} cases, `{x}-0001` to `{x}-{n:04d}`" in readme
    assert f"{other} ({other / n:.1%})".replace("%", " %") in readme
    assert f"{multi} ({multi / n:.1%})".replace("%", " %") in readme
    assert f"The median body is {lengths[len(lengths) // 2]} words" in readme
    assert f"{terse} replies ({terse / n:.1%})".replace("%", " %") in readme


def test_triage_e_is_mostly_the_weak_intents_and_they_carry_their_fields():
    # README_e.md: the file was written where the classifier is weakest.
    cases = load_cases(DATASETS / "triage_e.jsonl")
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


def test_triage_f_leans_on_the_hard_calls_and_its_deductions_carry_a_reason():
    # README_f.md: written where the classifier errs; short pays of many kinds, each with a
    # reason, every document request naming its document, and promises with a vague date.
    cases = load_cases(DATASETS / "triage_f.jsonl")
    weak = {"short_pay", "dispute", "other", "invoice_request", "financial_distress"}
    assert sum(bool(weak & set(c.labels)) for c in cases) / len(cases) >= 0.50
    missing = [
        (c.id, intent)
        for c in cases
        for intent, key in (("short_pay", "reason"), ("invoice_request", "document"))
        if intent in c.labels and key not in c.fields.get(intent, {})
    ]
    assert missing == []
    reasons = Counter(c.fields["short_pay"]["reason"] for c in cases if "short_pay" in c.labels)
    assert len(reasons) >= 7 and max(reasons.values()) / sum(reasons.values()) < 0.35
    undated = [
        c.id
        for c in cases
        if "promise_to_pay" in c.labels and "promised_on" not in c.fields.get("promise_to_pay", {})
    ]
    assert len(undated) >= 5
