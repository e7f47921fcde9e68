"""The triage graph's state, typed.

Nodes read a validated `TriageState` and return their updates through `update()`,
which turns models into plain JSON (money as strings, dates as ISO text). The
checkpoint therefore holds only JSON, survives a process restart on SQLite or
PostgreSQL alike, and needs no class registered with langgraph's serializer;
langgraph validates it back into these models before each node runs.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_jsonable_python

from ..tools.bounces import BounceResolution
from .findings import Triage
from .reply import Reply


class _Model(BaseModel):
    model_config = ConfigDict(use_attribute_docstrings=True)


class PlannedAction(_Model):
    """One ledger action the policy proposes (or an analyst's edit asks for)."""

    name: str
    """A `toolbox.ActionName`; an edit may name anything, and `act` refuses what is unknown."""
    args: dict[str, Any] = Field(default_factory=dict)
    """JSON-safe arguments (money as strings, dates ISO), checked against the toolbox."""
    key: str
    """Idempotency key: derived from the message and the action, stable across retries."""
    needs_approval: bool = False
    why: str = ""
    """Why the policy proposes it, in a sentence an analyst reads."""


class Decision(_Model):
    """An analyst's answer to an approval."""

    decision: Literal["accept", "edit", "reject"]
    by: str = "unknown"
    """Who decided (a Slack user id, an API user, a CLI --by name)."""
    actions: list[dict[str, Any]] = Field(default_factory=list)
    """With ``edit``: the actions to run instead, each {name, args, key?, why?}."""
    note: str = ""


class ActionResult(_Model):
    """What `act` did with one planned action."""

    name: str
    args: dict[str, Any] = Field(default_factory=dict)
    key: str
    status: Literal["done", "skipped"]
    detail: str = ""
    replayed: bool | None = None
    """True when the ledger had already done it under this key (a retry or a resume)."""
    record_id: int | None = None


class CustomerView(_Model):
    """What the policy needs of the resolved customer."""

    id: int
    external_id: str
    name: str
    segment: str
    domains: list[str] = Field(default_factory=list)
    """The customer's domain and its contacts' domains."""


class OpenTask(_Model):
    """A task of the customer still open, for follow-ups."""

    id: int
    queue: str
    tag: str = ""
    """What it is about (payment, dispute, short_pay, ...), from the key that opened it."""
    invoices: list[str] = Field(default_factory=list)


class OpenClaim(_Model):
    """A payment claim of the customer still open (the money not found yet)."""

    id: int
    invoices: list[str] = Field(default_factory=list)


class TriageState(_Model):
    """One reply on its way through resolve -> classify -> plan -> approve -> act."""

    reply: Reply
    """The reply as the mailbox handed it over."""
    customer: CustomerView | None = None
    """Set by `resolve`; None when nobody on the ledger matches."""
    match_method: str | None = None
    """How the customer was found: notice, contact, domain, name, signature, or None."""
    match_score: float | None = None
    known_invoices: list[str] = Field(default_factory=list)
    """Invoice numbers of the resolved customer."""
    balances: dict[str, str] = Field(default_factory=dict)
    """Open balance per open invoice of the customer (money as strings)."""
    open_tasks: list[OpenTask] = Field(default_factory=list)
    open_claims: list[OpenClaim] = Field(default_factory=list)
    bounce: BounceResolution | None = None
    """Set by `resolve` for a delivery-status report: whose contact failed (`agent.bounce`)."""
    second_intents: list[str] | None = None
    """What the independent second classifier read (None when there is none)."""
    offline_probabilities: dict[str, float] | None = None
    """The offline model's probability of every intent, from `classify`'s own reading (the
    classifier or the second one); the policy's label-set estimate uses it instead of
    reading the reply again. None when no offline model read it."""
    triage: Triage | None = None
    """What the classifier understood (evidence already checked)."""
    plan: list[PlannedAction] = Field(default_factory=list)
    """The proposed actions."""
    approval_reasons: list[str] = Field(default_factory=list)
    """Why a person must decide; empty when the plan runs on its own."""
    decision: Decision | None = None
    """The analyst's answer, when a person was asked."""
    results: list[ActionResult] = Field(default_factory=list)
    """What `act` did: one entry per planned (or edited) action."""

    @property
    def needs_person(self) -> bool:
        # A reason without an action still goes to a person: nobody else would read it.
        return bool(self.approval_reasons) or any(a.needs_approval for a in self.plan)


def update(**values: Any) -> dict[str, Any]:
    """A node's state update as plain JSON (models, Decimals and dates converted)."""
    return {name: to_jsonable_python(value) for name, value in values.items()}
