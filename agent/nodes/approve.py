"""`approve`: ask a person, and nothing else (a resumed node runs again from its start)."""

from __future__ import annotations

from typing import Any

from langgraph.types import interrupt

from ..state import Decision, TriageState, update


def approve(state: TriageState) -> dict[str, Any]:
    """Wait for the analyst's answer (Slack, the API or the CLI resume the graph with it)."""
    answer = interrupt(
        update(
            message_id=state.reply.message_id,
            reasons=state.approval_reasons,
            actions=state.plan,
        )
    )
    return update(decision=Decision.model_validate(answer))
