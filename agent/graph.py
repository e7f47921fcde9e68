"""The triage graph: resolve -> classify -> plan -> (approve) -> act. Wiring only.

Thread id = the reply's Message-ID; checkpoints live in the ledger's database, so
a reply waiting for a person survives a restart and resumes where it stopped.
The nodes (`agent.nodes`) take the ledger, the classifier and today's date from
the `Context` given at invoke time. A state that is already planned (classified
by `agent.pipeline`, which runs the same nodes) starts at the route, so it is
never classified twice.
"""

from __future__ import annotations

from typing import Any, Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph

from .context import Context
from .nodes import act, approve, classify, plan, resolve
from .state import TriageState


def route(state: TriageState) -> Literal["approve", "act"]:
    """A person decides when the policy gave a reason or marked an action."""
    return "approve" if state.needs_person else "act"


def start(state: TriageState) -> Literal["resolve", "approve", "act"]:
    """A bare reply starts at `resolve`; one planned already goes where its plan leads."""
    return "resolve" if state.triage is None else route(state)


def build_graph(checkpointer: BaseCheckpointSaver[Any] | None = None) -> Any:
    """The compiled triage graph; invoke it with a `Context`."""
    builder = StateGraph(TriageState, context_schema=Context)
    builder.add_node("resolve", resolve)
    builder.add_node("classify", classify)
    builder.add_node("plan", plan)
    builder.add_node("approve", approve)
    builder.add_node("act", act)
    builder.add_conditional_edges(START, start)
    builder.add_edge("resolve", "classify")
    builder.add_edge("classify", "plan")
    builder.add_conditional_edges("plan", route)
    builder.add_edge("approve", "act")
    builder.add_edge("act", END)
    return builder.compile(checkpointer=checkpointer, name="triage")
