"""Request and response models of the HTTP API.

Money is a string on the wire (``"1250.00"``), never a JSON number: requests
parse it exactly (`tools.money.to_money`, which refuses floats) and responses
write the ledger's Decimal as text.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

from ..tools.models import as_utc
from ..tools.money import MoneyError, to_money

MAX_AMOUNT = Decimal("1e14")
"""Larger amounts are refused: no invoice is that big, and the column would overflow."""


def _money_in(value: Any) -> Decimal:
    if isinstance(value, float):
        raise ValueError('money is a string such as "1250.00", not a JSON number')
    try:
        amount = to_money(value)
    except MoneyError as exc:
        raise ValueError(str(exc)) from None
    if abs(amount) >= MAX_AMOUNT:
        raise ValueError(f"amount {amount} is out of range")
    return amount


MoneyIn = Annotated[
    Decimal,
    BeforeValidator(_money_in),
    WithJsonSchema({"type": "string", "examples": ["1250.00"], "maxLength": 32}),
]
"""An exact amount in a request: ``"1250.00"``, ``"1,250.00"``, ``"USD 1,250"``."""

MoneyOut = Annotated[
    Decimal,
    PlainSerializer(lambda v: str(v), return_type=str),
    WithJsonSchema({"type": "string", "examples": ["1250.00"]}),
]
"""An exact amount in a response, as text."""

Timestamp = Annotated[datetime, AfterValidator(as_utc)]
"""A UTC timestamp (SQLite hands them back naive; they were written in UTC)."""

Text = Annotated[str, Field(max_length=500)]
Name = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]


class Problem(BaseModel):
    """Every error: what went wrong, in one sentence; nothing internal."""

    detail: str
    code: str = "error"


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    database: str
    writes_enabled: bool
    slack_enabled: bool
    watching_inbox: bool


# --- messages and approvals --------------------------------------------------


class MessageIn(BaseModel):
    """A reply as received: the whole RFC 5322 message, as text or base64."""

    model_config = ConfigDict(extra="forbid")
    raw: str | None = Field(default=None, max_length=5_000_000)
    raw_base64: str | None = Field(default=None, max_length=7_000_000)


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Name
    args: dict[str, Any] = Field(default_factory=dict)


class ActionOut(BaseModel):
    name: str
    args: dict[str, Any] = Field(default_factory=dict)
    status: str
    detail: str | None = None
    why: str | None = None


class Finding(BaseModel):
    intent: str
    invoices: list[str]
    fields: dict[str, Any]
    confidence: float
    evidence: str


class ApprovalOut(BaseModel):
    id: int
    message_id: str
    status: str
    """pending, accepted, edited or rejected."""
    customer: str | None
    sender: str | None
    subject: str | None
    reasons: list[str]
    findings: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    decided_by: str | None
    decided_at: Timestamp | None
    decision: dict[str, Any] | None
    slack_channel: str | None
    slack_ts: str | None
    created_at: Timestamp


class MessageOut(BaseModel):
    id: int
    message_id: str
    from_addr: str
    subject: str
    status: str
    """received, processing, done, pending_approval, parse_error or failed."""
    customer_id: int | None
    match_method: str | None
    received_at: Timestamp
    parse_error: str | None
    findings: list[dict[str, Any]] = Field(default_factory=list)
    actions: list[dict[str, Any]] = Field(default_factory=list)
    approval_reasons: list[str] = Field(default_factory=list)
    approval: ApprovalOut | None = None


class MessagePosted(BaseModel):
    created: bool
    """False when this Message-ID was already recorded (nothing was processed again)."""
    message: MessageOut


class DecideBy(BaseModel):
    model_config = ConfigDict(extra="forbid")
    by: Annotated[str, Field(min_length=1, max_length=100)] = "api"
    """Who decides; kept in the audit log as ``analyst:<by>``."""


class Reject(DecideBy):
    note: Text = ""


class Edit(DecideBy):
    actions: list[ActionIn] = Field(max_length=20)
    """The actions to run instead of the proposed ones (each checked like any other)."""


class Decided(BaseModel):
    approval: ApprovalOut
    outcome: dict[str, Any]
    """The reply's outcome after the graph resumed (the `arbox triage --json` shape)."""


# --- notices -----------------------------------------------------------------


class NoticeOut(BaseModel):
    id: int
    customer_id: int
    to_email: str
    stage: str
    status: str
    subject: str
    body: str
    invoices: list[str]
    total: MoneyOut
    currency: str
    held_reason: str | None
    run_date: date | None
    created_at: Timestamp
    sent_at: Timestamp | None
    message_id: str | None


class NoticeEdit(DecideBy):
    body: Annotated[str, Field(min_length=1, max_length=50_000)]
    subject: Annotated[str, Field(max_length=500)] | None = None


class NoticeReject(DecideBy):
    reason: Text = ""


# --- tasks -------------------------------------------------------------------


class TaskOut(BaseModel):
    id: int
    queue: str
    status: str
    summary: str
    customer_id: int | None
    invoices: list[str]
    assignee: str | None
    source_message: str | None
    created_at: Timestamp
    closed_at: Timestamp | None


class TaskClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    assignee: Annotated[str, Field(min_length=1, max_length=100, pattern=r"\S")]


class TaskClose(DecideBy):
    status: Literal["done", "cancelled"] = "done"
    note: Text = ""
