"""The triage nodes in a straight line, for replies no person has to see.

Most replies never wait for a person. They run ``resolve -> classify -> plan ->
act`` here: the same node functions the graph runs (`agent.nodes`), with the
same `Context`, but without langgraph's per-invocation work or a checkpoint. A
reply whose plan needs a person leaves after `plan`; `agent.service` hands its
planned state to the compiled graph, which starts it at its route (`agent.graph`),
so the approval and its resume are the graph's.

A run cut short here leaves nothing but the ledger's writes: the message stays
claimed, is run again from the start, and acts once through the actions' keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langgraph.runtime import Runtime

from .context import Context
from .nodes import act, classify, plan, resolve
from .reply import Reply
from .state import TriageState, update

Node = Callable[[TriageState, Runtime[Context]], dict[str, Any]]
PLANNING: tuple[Node, ...] = (resolve, classify, plan)
"""The nodes before the route: what a reply says and what the policy proposes."""


def advance(values: dict[str, Any], node: Node, runtime: Runtime[Context]) -> dict[str, Any]:
    """The state (plain JSON, as a checkpoint holds it) after ``node`` ran on it."""
    return {**values, **node(TriageState.model_validate(values), runtime)}


def planned(reply: Reply, context: Context) -> dict[str, Any]:
    """``reply`` resolved, classified and planned."""
    runtime = Runtime(context=context)
    values = update(reply=reply)
    for node in PLANNING:
        values = advance(values, node, runtime)
    return values


def acted(values: dict[str, Any], context: Context) -> dict[str, Any]:
    """A planned state after `act` ran its plan (no person asked).

    The customers it acts on are dropped from the batch's look-ups, also when it
    fails: the next reply of theirs reads what this one wrote.
    """
    try:
        return advance(values, act, Runtime(context=context))
    finally:
        if context.lookups is not None:
            customer = values.get("customer") or {}
            context.lookups.forget(
                {customer["id"]} if "id" in customer else set(),
                {str(a["args"]["customer"]) for a in values["plan"] if a["args"].get("customer")},
            )
