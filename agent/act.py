"""Running planned actions through the ledger's audited tools, and checking edits.

A reply's actions run in one transaction (`run_actions`), each under its
idempotency key, so a node that runs again after a crash or a resume repeats
nothing. When one of them is refused (a `LedgerError`) or loses a race on its key,
nothing of that transaction is kept and each action runs in a transaction of its
own (`run_action`): a refusal of one action does not stop the others. Names and arguments are
checked against the toolbox declaration (`agent.toolbox`), the same check an
analyst's edit gets in the API, Slack and the CLI.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from ..tools.audit import ActionResult as ToolResult
from ..tools.audit import read_keys
from ..tools.db import Ledger
from ..tools.errors import LedgerError
from .errors import InvalidPlan
from .state import ActionResult, PlannedAction
from .toolbox import TOOLBOX, ActionName

__all__ = ["REFUSED", "REJECTED", "InvalidPlan", "run_action", "run_actions", "validate"]

REFUSED = "refused: "
"""How a skipped action's detail starts when the ledger refused it (then why)."""
REJECTED = "rejected by the analyst"
"""The detail of a proposed action the analyst rejected or replaced."""

_REFUSALS = (LedgerError, InvalidPlan, ValueError)


def validate(action: PlannedAction) -> dict[str, Any]:
    """The action's arguments, typed by its toolbox declaration (dates, Decimals, enums).

    Raises `InvalidPlan` for an unknown action, an undeclared argument or a value of
    the wrong type: edits come from people, and the toolbox is all the agent may do.
    """
    if action.name not in TOOLBOX:
        raise InvalidPlan(f"unknown action {action.name!r}; allowed: {', '.join(TOOLBOX)}")
    tool = TOOLBOX[ActionName(action.name)]
    extra = set(action.args) - tool.arg_names
    if extra:
        raise InvalidPlan(f"{action.name} does not take {', '.join(sorted(extra))}")
    try:
        args = tool.args.model_validate(action.args)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        raise InvalidPlan(f"{action.name}: {problems}") from None
    return args.model_dump(exclude_unset=True)


def run_actions(ledger: Ledger, actions: list[PlannedAction], *, actor: str) -> list[ActionResult]:
    """Run a reply's actions in one transaction; one at a time when any is refused."""
    if len(actions) > 1:
        try:
            with ledger.transaction() as session:
                read_keys(session, [a.key for a in actions])
                return [
                    _done(
                        a,
                        TOOLBOX[ActionName(a.name)].run(
                            session, key=a.key, actor=actor, **validate(a)
                        ),
                    )
                    for a in actions
                ]
        except (*_REFUSALS, IntegrityError):
            pass  # rolled back: nothing of it was kept
    return [run_action(ledger, a, actor=actor) for a in actions]


def run_action(ledger: Ledger, action: PlannedAction, *, actor: str) -> ActionResult:
    """Run one action; done, or skipped with the reason it was refused."""
    try:
        args = validate(action)
        tool = TOOLBOX[ActionName(action.name)]
        try:
            with ledger.transaction() as session:
                result = tool.run(session, key=action.key, actor=actor, **args)
        except IntegrityError:
            # Another worker wrote the same key first: run again to replay its result.
            with ledger.transaction() as session:
                result = tool.run(session, key=action.key, actor=actor, **args)
    except _REFUSALS as exc:
        return ActionResult(
            name=action.name,
            args=action.args,
            key=action.key,
            status="skipped",
            detail=f"{REFUSED}{exc}",
        )
    return _done(action, result)


def _done(action: PlannedAction, result: ToolResult) -> ActionResult:
    return ActionResult(
        name=action.name,
        args=action.args,
        key=action.key,
        status="done",
        detail=result.message,
        replayed=result.replayed,
        record_id=result.record_id,
    )
