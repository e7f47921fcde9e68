"""How likely is the whole label set right? The estimate the policy acts alone on.

A wrong automatic action comes mostly from a second request the classifier did not
label, which no per-intent confidence shows: each intent found can be sure while one
is missing. The estimate reads the reply offline, whatever classifier labelled it.

With a fitted estimator (`agent/offline/label_set.json`, refitted by `arbox eval train`)
it is a logistic regression learned on out-of-fold readings of the `train` split
(`offline.label_set`): the offline probabilities against their thresholds, how many
intents were found, how long the reply is and how many of its sentences ask something
beyond the intents found. A classifier other than the offline one counts for an intent
found only as much as the offline reading backs it, and a set with an intent the offline
reading would not report (under its threshold) is estimated no higher than the older
estimate below: conservative for an LLM, whose confidences are not calibrated.

Without one (a tree with no fitted file), the older estimate:

- the offline model's calibrated probability ``q`` of every intent gives the chance of
  exactly this set, ``prod(q_i for i found) * prod(1 - q_j for j not found)``
  (`other` left out: it is the absence of the rest), an intent found counting only as
  ``min(confidence, q_i)``;
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
from .offline.label_set import SetModel, set_features, shipped_set_model
from .reply import Reply

__all__ = ["SHORT_WORDS", "label_set_estimate", "offline_probabilities", "set_model"]

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
    fitted = set_model()
    thresholds = _thresholds()
    if fitted is not None and thresholds is not None:
        features = set_features(found, q, thresholds, text=text)
        estimate = fitted.probability(features)
        if _unbacked(found, q, thresholds):
            estimate = min(estimate, _independent_estimate(found, q, text))
        return round(estimate, 4)
    return _independent_estimate(found, q, text)


def _unbacked(
    found: Mapping[str, float], q: Mapping[str, float], thresholds: Mapping[str, float]
) -> bool:
    """Whether an intent found is one the offline reading would not report (under its
    threshold). The fitted estimator learned from the offline classifier's own sets; a
    label the reading does not back (an LLM's) is taken no further than the older,
    conservative estimate. (An intent over its threshold but not found is left to the
    fitted features: the offline rules drop some on purpose, a promise with no date.)"""
    return any(q.get(i, 0.0) < thresholds[i] for i in found if i != "other")


def set_model() -> SetModel | None:
    """The fitted estimator the policy uses (None: the older estimate stands in)."""
    return shipped_set_model()


def _thresholds() -> dict[str, float] | None:
    model = _reader().model
    return dict(model.threshold) if model is not None else None


def _independent_estimate(found: Mapping[str, float], q: Mapping[str, float], text: str) -> float:
    """The older estimate: intents independent, scaled down for long replies."""
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
