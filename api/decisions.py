"""Answering an approval, from the API or from Slack, the same way.

The graph resumes once per approval (`Triager.decide` refuses a second answer);
the Slack message is then updated to show who decided what.
"""

from __future__ import annotations

import inspect
from datetime import date
from decimal import Decimal
from typing import Any

from ..agent.act import TOOLS, validate
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


_LISTS = frozenset({"invoices"})
_MONEY = frozenset({"amount", "disputed_amount", "deducted_amount", "paid_amount"})
_DATES = frozenset({"until", "promised_on", "paid_on"})
_INTS = frozenset({"tolerance_days"})
_MAX_TEXT = 4000
_MAX_MONEY = Decimal("1e15")


def _check_value(action: str, name: str, value: Any) -> None:
    """One edited argument, typed as the tool takes it (`InvalidPlan` otherwise)."""
    where = f"{action}.{name}"
    if value is None:
        return
    if name in _LISTS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidPlan(f"{where}: a list of invoice numbers (strings)")
        return
    if name in _MONEY:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise InvalidPlan(f'{where}: an amount such as "1250.00"')
        try:
            amount = Decimal(str(value))
        except ArithmeticError:
            raise InvalidPlan(f"{where}: {value!r} is not an amount") from None
        if not amount.is_finite() or abs(amount) >= _MAX_MONEY:
            raise InvalidPlan(f"{where}: {value!r} is not an amount")
        return
    if name in _DATES:
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise InvalidPlan(f"{where}: a date, YYYY-MM-DD") from None
        return
    if name in _INTS:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365:
            raise InvalidPlan(f"{where}: a whole number of days, 0 to 365")
        return
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise InvalidPlan(f"{where}: a string (at most {_MAX_TEXT} characters)")


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
        validate(PlannedAction(name=a["name"], args=args, key=""))
        for key, value in args.items():
            _check_value(a["name"], key, value)
        missing = _required(a["name"]) - {k for k, v in args.items() if v is not None}
        if missing:
            raise InvalidPlan(f"{a['name']} needs {', '.join(sorted(missing))}")
        clean.append({"name": a["name"], "args": args})
    return clean


def _required(action: str) -> set[str]:
    """The tool's keyword arguments without a default (the ledger session and key aside)."""
    params = inspect.signature(TOOLS[action]).parameters.values()
    return {
        p.name
        for p in params
        if p.default is inspect.Parameter.empty and p.name not in ("session", "key", "actor")
    }


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
