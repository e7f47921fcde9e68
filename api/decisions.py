"""Answering an approval, from the API or from Slack, the same way.

The graph resumes once per approval (`Triager.decide` refuses a second answer);
the Slack message is then updated to show who decided what.
"""

from __future__ import annotations

from typing import Any

from ..agent.act import validate
from ..agent.errors import InvalidPlan
from ..agent.service import Outcome
from ..agent.slack import notify_pending, show_decided
from ..agent.state import PlannedAction
from ..tools.errors import UnknownRecord
from ..tools.models import Approval, InboundMessage
from ..worker import process_pending
from .deps import Services


def run_pending(services: Services, message_ids: list[str] | None = None) -> list[Outcome]:
    """Triage recorded messages (all received ones, or just ``message_ids``) under the lock."""
    with services.graph_lock:
        return process_pending(services.triager, today=services.today(), message_ids=message_ids)


def check_edit(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Edited actions must name the agent's tools, with every required argument and each
    value of the type the tool takes; `InvalidPlan` (a 4xx, one CLI line) otherwise."""
    clean = []
    if not isinstance(actions, list):
        raise InvalidPlan("the edit is a list of actions")
    for a in actions:
        if not isinstance(a, dict) or not isinstance(a.get("name"), str):
            raise InvalidPlan("each action is an object with a name and args")
        args = a.get("args") or {}
        if not isinstance(args, dict):
            raise InvalidPlan(f"{a['name']}: args must be an object")
        # The toolbox types every argument (amounts, ISO dates, lists, required ones).
        validate(PlannedAction(name=a["name"], args=args, key="edit"))
        clean.append({"name": a["name"], "args": args})
    return clean


def get_approval(services: Services, approval_id: int) -> Approval:
    with services.ledger.session() as session:
        row = session.get(Approval, approval_id)
    if row is None:
        raise UnknownRecord(f"no approval {approval_id}")
    return row


def decide(
    services: Services, approval_id: int, decision: dict[str, Any], *, by: str
) -> tuple[Approval, Outcome]:
    """Record the decision and resume the graph once; `ApprovalError` if already decided."""
    approval = get_approval(services, approval_id)
    if decision.get("decision") == "edit":
        decision = {**decision, "actions": check_edit(decision.get("actions") or [])}
    with services.graph_lock:
        outcome = services.triager.decide(
            approval.message_id, decision, by=by, today=services.today()
        )
    return get_approval(services, approval_id), outcome


def after_decision(services: Services, approval_id: int, outcome: Outcome | None) -> None:
    """Show the decision in Slack (best effort, never raises)."""
    show_decided(
        services.ledger, services.notifier, approval_id, outcome.actions if outcome else None
    )


def triage_and_notify(services: Services, message_ids: list[str]) -> None:
    """Triage recorded messages, then post whatever now waits for a person."""
    run_pending(services, message_ids)
    notify_pending(services.ledger, services.notifier)


def message_row(services: Services, message_id: str) -> InboundMessage | None:
    from sqlmodel import select

    with services.ledger.session() as session:
        return session.exec(
            select(InboundMessage).where(InboundMessage.message_id == message_id)
        ).first()
