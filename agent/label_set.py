"""How likely is the whole label set right? The estimate the policy acts alone on.

A wrong automatic action comes mostly from a second request the classifier did not
label, which no per-intent confidence shows: each intent found can be sure while one
is missing. The estimate reads the reply offline, whatever classifier labelled it:

- the offline model's calibrated probability ``q`` of every intent gives the chance of
  exactly this set, ``prod(q_i for i found) * prod(1 - q_j for j not found)``
  (`other` left out: it is the absence of the rest);
- a classifier other than the offline one counts for an intent found only as much as
  both agree on it (``min(confidence, q_i)``): the estimate stays conservative for an
  LLM, whose confidences are not calibrated;
- a long reply carries more requests than a short one and more often one nobody
  labelled, so the estimate is scaled by ``min(1, SHORT_WORDS / words)``.

Deterministic and offline; the reading is cached per reply, so the policy and an eval
may ask twice for the price of once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache

from .findings import Finding, Intent
from .offline import OfflineClassifier
from .reply import Reply

__all__ = ["SHORT_WORDS", "label_set_estimate", "offline_probabilities"]

SHORT_WORDS = 40
"""Replies up to this many words are taken at the model's word; longer ones scale down."""

_AUTO_HEADERS = {"Auto-Submitted": "auto-replied"}


@lru_cache(maxsize=512)
def offline_probabilities(
    text: str, subject: str = "", sent_on: date | None = None, auto_reply: bool = False
) -> dict[str, float]:
    """The shipped offline model's probability of every intent for this reply."""
    reply = Reply(
        text=text,
        subject=subject,
        sent_at=datetime(sent_on.year, sent_on.month, sent_on.day, tzinfo=UTC) if sent_on else None,
        headers=dict(_AUTO_HEADERS) if auto_reply else {},
        auto_reply=auto_reply,
    )
    return _reader().classify_scored(reply)[1]


@lru_cache(maxsize=1)
def _reader() -> OfflineClassifier:
    return OfflineClassifier()


def label_set_estimate(
    findings: Sequence[Finding],
    *,
    text: str,
    subject: str = "",
    sent_on: date | None = None,
    auto_reply: bool = False,
    probabilities: Mapping[str, float] | None = None,
) -> float:
    """The estimated probability that ``findings`` name exactly the reply's intents.

    ``probabilities``: the offline model's reading when the caller already has it (the
    triage graph's classify step); otherwise the reply is read here."""
    q = (
        probabilities
        if probabilities is not None
        else offline_probabilities(text, subject, sent_on, auto_reply)
    )
    found = {f.intent.value: f.confidence for f in findings if not f.abstained}
    p = 1.0
    for intent in Intent:
        if intent is Intent.other:
            continue
        chance = q.get(intent.value, 0.0)
        if intent.value in found:
            p *= min(found[intent.value], chance)
        else:
            p *= 1.0 - chance
    words = len(text.split())
    return round(p * min(1.0, SHORT_WORDS / max(words, 1)), 4)
