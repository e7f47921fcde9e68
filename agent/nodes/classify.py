"""`classify`: one call of the configured classifier, then the evidence check."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from ..context import Context
from ..evidence import check_evidence
from ..state import TriageState, update


def classify(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """What the reply says; findings whose quote is not in the reply abstain.

    With a second classifier in the context (the offline one beside an LLM), it reads
    the reply too; the policy asks a person when the two disagree on what matters.
    """
    ctx = runtime.context
    reply = state.reply.model_copy(update={"known_invoices": tuple(state.known_invoices)})
    triage = check_evidence(ctx.classifier.classify(reply), reply.text)
    second = None
    if ctx.second_classifier is not None and not triage.error:
        second = check_evidence(ctx.second_classifier.classify(reply), reply.text).intents
    return update(triage=triage, second_intents=second)
