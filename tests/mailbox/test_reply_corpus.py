"""The reply-trimming corpus: every case that passes stays passing, and the rate holds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from arbox.mailbox.reply import split_reply

sys.path.insert(0, str(Path(__file__).parent))
from reply_corpus import Case, load_cases, normalise, rate

# Cases the trimmer gets wrong today (none at the time of writing); a case
# listed here is skipped by the per-case test but still counts in the rate.
KNOWN_FAILURES: frozenset[str] = frozenset()
# Exact-match rates measured by benchmarks/bench_reply_trim.py, minus a small margin.
MIN_RATE = {"tune": 0.95, "heldout": 0.95}

CASES = load_cases()


def _reply(text: str) -> str:
    return split_reply(text)[0]


def test_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 80
    assert {c.client for c in CASES} >= {"outlook", "gmail", "apple", "thunderbird", "mobile"}
    assert len({c.language for c in CASES}) >= 10
    heldout = load_cases("heldout")
    assert len(CASES) / 4 < len(heldout) < len(CASES) / 2


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.name not in KNOWN_FAILURES], ids=lambda c: c.name
)
def test_case_is_trimmed_exactly(case: Case) -> None:
    assert normalise(_reply(case.body)) == case.expected


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_exact_rate_holds(split: str) -> None:
    assert rate(_reply, load_cases(split)) >= MIN_RATE[split]


def test_normalise_ignores_only_whitespace_layout() -> None:
    assert normalise("  a  \n\n\n\nb\n\n") == "a\n\nb"
    assert normalise("a\nb") != normalise("a b")
