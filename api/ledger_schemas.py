"""Models for ledger reads and for what the ERP and cash application push in."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .schemas import MoneyIn, MoneyOut, Text, Timestamp

Reference = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^\S(.*\S)?$")]
"""The caller's own reference: the idempotency key of a push."""
Day = Annotated[date, Field(ge=date(1990, 1, 1), le=date(2200, 12, 31))]
Method = Literal["ach", "wire", "check", "card", "other"]
Reason = Literal[
    "pricing", "quantity", "damaged", "not_received", "duplicate", "terms", "freight", "other"
]


class InvoiceOut(BaseModel):
    number: str
    po: str | None
    project: str | None
    issue_date: date
    due_date: date
    amount: MoneyOut
    balance: MoneyOut
    currency: str
    status: str
    """open, disputed, promised, paused or paid."""


class PromiseOut(BaseModel):
    id: int
    amount: MoneyOut
    promised_on: date
    tolerance_days: int
    status: str
    invoices: list[str]
    source_message: str | None


class DisputeOut(BaseModel):
    id: int
    invoice: str
    reason: str
    disputed_amount: MoneyOut | None
    status: str
    note: str
    source_message: str | None
    opened_at: Timestamp


class CustomerSummary(BaseModel):
    external_id: str
    name: str
    segment: str
    currency: str
    domain: str | None
    language: str | None = None
    """Notice language (ISO 639-1, e.g. `de`), from the CSV import; none: the default."""
    locale: str | None = None
    """Number and date formats (e.g. `de_CH`); none: the default."""
    open_balance: MoneyOut


class CustomerOut(CustomerSummary):
    terms_days: int
    open_items: list[InvoiceOut]
    promises: list[PromiseOut]
    disputes: list[DisputeOut]


class AuditOut(BaseModel):
    id: int
    at: Timestamp
    actor: str
    action: str
    target: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    idempotency_key: str | None
    note: str


# --- pushes ------------------------------------------------------------------


class Application(BaseModel):
    model_config = ConfigDict(extra="forbid")
    invoice: Annotated[str, Field(min_length=1, max_length=100)]
    amount: MoneyIn


class PaymentIn(BaseModel):
    """A payment as cash application posts it; ``reference`` makes a repeat harmless."""

    model_config = ConfigDict(extra="forbid")
    reference: Reference
    received_on: Day
    amount: MoneyIn
    customer: Annotated[str, Field(max_length=100)] | None = None
    """The customer's external id (needed to apply the money to invoices)."""
    payer_name: Text = ""
    method: Method = "other"
    memo: Text = ""
    applications: list[Application] = Field(default_factory=list, max_length=200)


class NoticeChange(BaseModel):
    notice_id: int
    status: str
    """`cancelled` (nothing left to dun) or the unchanged status of a trimmed notice."""
    dropped: dict[str, str]
    """Invoice number -> why it left the notice."""


class PaymentOut(BaseModel):
    reference: str
    replayed: bool
    """True when this reference was posted before: nothing changed this time."""
    amount: MoneyOut
    applied: MoneyOut
    unapplied: MoneyOut
    customer: str | None
    notices: list[NoticeChange]


class PaymentBatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    payments: list[PaymentIn] = Field(min_length=1, max_length=500)


class BatchItem(BaseModel):
    reference: str
    ok: bool
    result: PaymentOut | None = None
    error: str | None = None


class PaymentBatchOut(BaseModel):
    posted: int
    failed: int
    items: list[BatchItem]


class InvoiceIn(BaseModel):
    """An invoice as the ERP pushes it; the number is the key (a push again updates it)."""

    model_config = ConfigDict(extra="forbid")
    number: Reference
    customer: Annotated[str, Field(min_length=1, max_length=100)]
    issue_date: Day
    due_date: Day
    amount: MoneyIn
    balance: MoneyIn | None = None
    """Defaults to the amount for a new invoice, and stays as it is for a known one."""
    po: Annotated[str, Field(max_length=100)] | None = None
    project: Annotated[str, Field(max_length=100)] | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Za-z]{3}$")] | None = None


class InvoicePushed(BaseModel):
    result: Literal["created", "updated", "unchanged"]
    invoice: InvoiceOut
    notices: list[NoticeChange]


class DisputeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reference: Reference
    customer: Annotated[str, Field(min_length=1, max_length=100)]
    invoice: Annotated[str, Field(min_length=1, max_length=100)]
    reason: Reason = "other"
    disputed_amount: MoneyIn | None = None
    note: Text = ""


class DisputeResolve(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reference: Reference
    outcome: Literal["resolved", "rejected"] = "resolved"
    note: Text = ""


class CreditIn(BaseModel):
    """A credit memo from the ERP; its number is the key."""

    model_config = ConfigDict(extra="forbid")
    number: Reference
    customer: Annotated[str, Field(min_length=1, max_length=100)]
    amount: MoneyIn
    issued_on: Day
    invoice: Annotated[str, Field(max_length=100)] | None = None
    reason: Reason = "other"


class Pushed(BaseModel):
    """What a dispute or credit push did."""

    replayed: bool
    record_id: int | None
    message: str
    notices: list[NoticeChange]
