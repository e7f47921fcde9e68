"""`classify`: one call of the configured classifier, then the evidence check."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from ..ahead import Readings
from ..classifier import Classifier, Reply
from ..context import Context
from ..evidence import check_evidence
from ..findings import Triage
from ..offline import OfflineClassifier
from ..state import TriageState, update


def classify(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """What the reply says; findings whose quote is not in the reply abstain.

    With a second classifier in the context (the offline one beside an LLM), it reads
    the reply too; the policy asks a person when the two disagree on what matters.
    """
    ctx = runtime.context
    reply = state.reply.model_copy(update={"known_invoices": tuple(state.known_invoices)})
    first, probabilities = _read(ctx.classifier, reply, ctx.readings)
    triage = check_evidence(first, reply.text)
    second = None
    if ctx.second_classifier is not None and not triage.error:
        other, second_probabilities = _read(ctx.second_classifier, reply)
        second = check_evidence(other, reply.text).intents
        probabilities = probabilities or second_probabilities
    return update(triage=triage, second_intents=second, offline_probabilities=probabilities)


def _read(
    classifier: Classifier, reply: Reply, readings: Readings | None = None
) -> tuple[Triage, dict[str, float] | None]:
    """The classifier's triage and, from the offline model, its probability of every intent
    (read ahead for this very reply by a second process, or here)."""
    if isinstance(classifier, OfflineClassifier) and classifier.model is not None:
        if readings is not None and (ahead := readings.take(reply)) is not None:
            return ahead
        return classifier.classify_scored(reply)
    return classifier.classify(reply), None
