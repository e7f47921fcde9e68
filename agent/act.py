"""The `act` node's executor: planned actions through the ledger's audited tools.

Each action runs in its own transaction under its idempotency key, so a node
that runs again after a crash or a resume repeats nothing, and a refusal of one
action (a `LedgerError`) does not stop the others.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError

from ..tools import actions
from ..tools.db import Ledger
from ..tools.errors import LedgerError
from .errors import InvalidPlan
from .policy import ActionName
from .state import PlannedAction

TOOLS: dict[str, Callable[..., Any]] = {
    ActionName.pause_dunning: actions.pause_dunning,
    ActionName.tag_dispute: actions.tag_dispute,
    ActionName.record_promise: actions.record_promise,
    ActionName.record_payment_claim: actions.record_payment_claim,
    ActionName.open_deduction: actions.open_deduction,
    ActionName.create_task: actions.create_task,
    ActionName.upsert_contact: actions.upsert_contact,
}
"""The only things the agent can do to the ledger."""

DATE_ARGS = ("until", "promised_on", "paid_on")
ALLOWED_ARGS: dict[str, frozenset[str]] = {
    ActionName.pause_dunning: frozenset(
        {"customer", "invoices", "reason", "until", "source_message"}
    ),
    ActionName.tag_dispute: frozenset(
        {"customer", "invoice", "reason", "disputed_amount", "note", "source_message"}
    ),
    ActionName.record_promise: frozenset(
        {"customer", "invoices", "amount", "promised_on", "tolerance_days", "source_message"}
    ),
    ActionName.record_payment_claim: frozenset(
        {"customer", "invoices", "amount", "paid_on", "method", "reference", "source_message"}
    ),
    ActionName.open_deduction: frozenset(
        {
            "customer",
            "invoice",
            "deducted_amount",
            "paid_amount",
            "reason",
            "note",
            "source_message",
        }
    ),
    ActionName.create_task: frozenset(
        {"queue", "summary", "customer", "invoices", "source_message"}
    ),
    ActionName.upsert_contact: frozenset({"customer", "email", "name", "role"}),
}


def validate(action: PlannedAction) -> None:
    """Refuse actions and arguments outside the agent's toolbox (edits come from people)."""
    if action.name not in TOOLS:
        raise InvalidPlan(f"unknown action {action.name!r}; allowed: {', '.join(TOOLS)}")
    extra = set(action.args) - ALLOWED_ARGS[action.name]
    if extra:
        raise InvalidPlan(f"{action.name} does not take {', '.join(sorted(extra))}")


def run_action(ledger: Ledger, action: PlannedAction, *, actor: str) -> dict[str, Any]:
    """Run one action; returns its result entry (status done, or skipped with the reason)."""
    entry: dict[str, Any] = {"name": action.name, "args": action.args, "key": action.key}
    try:
        validate(action)
        args = {
            k: (date.fromisoformat(v) if k in DATE_ARGS and isinstance(v, str) else v)
            for k, v in action.args.items()
        }
        try:
            with ledger.transaction() as session:
                result = TOOLS[action.name](session, key=action.key, actor=actor, **args)
        except IntegrityError:
            # Another worker wrote the same key first: run again to replay its result.
            with ledger.transaction() as session:
                result = TOOLS[action.name](session, key=action.key, actor=actor, **args)
    except (LedgerError, InvalidPlan, ValueError) as exc:
        return {**entry, "status": "skipped", "detail": f"refused: {exc}"}
    return {
        **entry,
        "status": "done",
        "detail": result.message,
        "replayed": result.replayed,
        "record_id": result.record_id,
    }
