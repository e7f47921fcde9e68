"""`classify`: one call of the configured classifier, then the evidence check."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from ..context import Context
from ..evidence import check_evidence
from ..state import TriageState, update


def classify(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """What the reply says; findings whose quote is not in the reply abstain."""
    reply = state.reply.model_copy(update={"known_invoices": tuple(state.known_invoices)})
    triage = runtime.context.classifier.classify(reply)
    return update(triage=check_evidence(triage, reply.text))
