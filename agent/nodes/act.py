"""`act`: the approved actions through the audited ledger tools, each once, in one
transaction when none is refused (`agent.act.run_actions`)."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from ..act import REJECTED, run_actions
from ..context import Context
from ..state import ActionResult, Decision, PlannedAction, TriageState, update


def act(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """Run what may run; what the analyst rejected or replaced is reported as skipped."""
    ctx = runtime.context
    actions, actor = approved(state, ctx.actor)
    results = run_actions(ctx.ledger, actions, actor=actor)
    kept = {a.key for a in actions}
    results += [
        ActionResult(name=a.name, args=a.args, key=a.key, status="skipped", detail=REJECTED)
        for a in state.plan
        if a.key not in kept
    ]
    return update(results=results)


def approved(state: TriageState, default_actor: str) -> tuple[list[PlannedAction], str]:
    """The actions to run: all of them without a decision; per the analyst's answer with one."""
    decision: Decision | None = state.decision
    if decision is None:
        return list(state.plan), default_actor
    actor = f"analyst:{decision.by or 'unknown'}"
    if decision.decision == "accept":
        return list(state.plan), actor
    if decision.decision == "reject":
        return [], actor
    original = {a.key: a for a in state.plan}
    edited = []
    for i, item in enumerate(decision.actions):
        key = item.get("key")
        same = original.get(key) if isinstance(key, str) else None
        # An edit may keep an original action's key (it never ran) but never invent one.
        if same is None or same.name != item.get("name"):
            key = f"{state.reply.message_id}:edit{i}:{item.get('name')}"
        edited.append(
            PlannedAction(
                name=str(item.get("name")),
                args=dict(item.get("args") or {}),
                key=str(key),
                why=str(item.get("why") or "edited by analyst"),
            )
        )
    return edited, actor
