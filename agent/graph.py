"""The triage graph: resolve -> classify -> plan -> approve -> act.

Wired here and nowhere else. Thread id = the reply's Message-ID; checkpoints
live in the ledger's database, so a reply waiting for a person survives a
restart and resumes where it stopped.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from email.utils import parseaddr
from typing import Any, Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from ..tools.db import Ledger
from ..tools.models import Customer
from .act import run_action
from .classifier import Classifier, Reply
from .evidence import check_evidence
from .findings import Triage
from .policy import Context, PolicyConfig, canonical, plan_actions
from .resolve import customer_view, find_customer, invoice_numbers
from .state import PlannedAction, TriageState


@dataclass(frozen=True)
class RunContext:
    """Per-run settings, passed at invoke time so tests swap them without patching."""

    today: date = field(default_factory=date.today)
    """The run's today: promise windows and pause dates count from it."""
    actor: str = "arbox"
    policy: PolicyConfig = field(default_factory=PolicyConfig)


def build_graph(
    model: Classifier, ledger: Ledger, checkpointer: BaseCheckpointSaver[Any] | None = None
) -> Any:
    """The compiled triage graph for one classifier and one ledger."""

    def resolve(state: TriageState) -> dict[str, Any]:
        with ledger.session() as session:
            customer: Customer | None = None
            method, score = state.match_method, state.match_score
            if state.customer_id is not None:
                customer = session.get(Customer, state.customer_id)
            if customer is None:
                customer, method, score = find_customer(
                    session,
                    sender=state.sender,
                    in_reply_to=state.headers.get("In-Reply-To"),
                    references=state.headers.get("References", "").split(),
                )
            if customer is None:
                return {"customer": None, "known_invoices": []}
            return {
                "customer_id": customer.id,
                "customer": customer_view(session, customer),
                "match_method": method,
                "match_score": score,
                "known_invoices": invoice_numbers(session, customer.id),
            }  # type: ignore[arg-type]

    def classify(state: TriageState) -> dict[str, Any]:
        reply = Reply(
            text=state.text,
            subject=state.subject,
            sender=state.sender,
            sent_at=datetime.fromisoformat(state.sent_at) if state.sent_at else None,
            headers=state.headers,
            quoted=state.quoted,
            known_invoices=tuple(state.known_invoices),
        )
        triage = check_evidence(model.classify(reply), reply.text)
        return {"triage": triage.model_dump(mode="json")}

    def plan(state: TriageState, runtime: Runtime[RunContext]) -> dict[str, Any]:
        ctx = runtime.context or RunContext()
        triage = Triage.model_validate(state.triage)
        customer = state.customer
        actions, reasons = plan_actions(
            triage,
            Context(
                message_id=state.message_id,
                today=ctx.today,
                customer=customer,
                invoices={canonical(n): n for n in state.known_invoices},
                sender_email=parseaddr(state.sender)[1].lower(),
                customer_domains=tuple(customer.get("domains", ())) if customer else (),
            ),
            ctx.policy,
        )
        return {"plan": [asdict(a) for a in actions], "approval_reasons": reasons}

    def approve(state: TriageState) -> dict[str, Any]:
        # Only the interrupt: a resumed node runs again from its start.
        answer = interrupt(
            {
                "message_id": state.message_id,
                "reasons": state.approval_reasons,
                "actions": state.plan,
            }
        )
        return {"decision": answer}

    def act(state: TriageState, runtime: Runtime[RunContext]) -> dict[str, Any]:
        ctx = runtime.context or RunContext()
        actions, actor = _approved(state, ctx.actor)
        results = [run_action(ledger, a, actor=actor) for a in actions]
        kept = {a.key for a in actions}
        results += [
            {**_pick(a), "status": "skipped", "detail": "rejected by the analyst"}
            for a in state.plan
            if a["key"] not in kept
        ]
        return {"results": results}

    def route(state: TriageState) -> Literal["approve", "act"]:
        # A reason without an action still goes to a person: nobody else would read it.
        needs = state.approval_reasons or any(a["needs_approval"] for a in state.plan)
        return "approve" if needs else "act"

    builder = StateGraph(TriageState, context_schema=RunContext)
    builder.add_node("resolve", resolve)
    builder.add_node("classify", classify)
    builder.add_node("plan", plan)
    builder.add_node("approve", approve)
    builder.add_node("act", act)
    builder.add_edge(START, "resolve")
    builder.add_edge("resolve", "classify")
    builder.add_edge("classify", "plan")
    builder.add_conditional_edges("plan", route)
    builder.add_edge("approve", "act")
    builder.add_edge("act", END)
    return builder.compile(checkpointer=checkpointer, name="triage")


def _pick(action: dict[str, Any]) -> dict[str, Any]:
    return {k: action[k] for k in ("name", "args", "key")}


def _approved(state: TriageState, default_actor: str) -> tuple[list[PlannedAction], str]:
    """The actions to run: all of them without a decision; per the analyst's answer with one."""
    plan = [PlannedAction(**a) for a in state.plan]
    decision = state.decision
    if decision is None:
        return plan, default_actor
    actor = f"analyst:{decision.get('by') or 'unknown'}"
    kind = decision.get("decision")
    if kind == "accept":
        return plan, actor
    if kind == "edit":
        original = {a.key: a for a in plan}
        edited = []
        for i, item in enumerate(decision.get("actions", [])):
            key = item.get("key")
            same = original.get(key) if key else None
            # An edit may keep an original action's key (it never ran) but never invent one.
            if same is None or same.name != item.get("name"):
                key = f"{state.message_id}:edit{i}:{item.get('name')}"
            edited.append(
                PlannedAction(
                    name=str(item.get("name")),
                    args=dict(item.get("args") or {}),
                    key=str(key),
                    why=item.get("why", "edited by analyst"),
                )
            )
        return edited, actor
    return [], actor
