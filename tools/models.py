"""The ledger's tables.

Money columns use `Money` (exact Decimal on every backend). Closed
vocabularies are stored as plain strings and checked by the actions against
`tools.enums`, so adding a value never needs a database type migration.
Timestamps are UTC; SQLite hands them back naive, so read them through
`as_utc`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from .money import Money


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Timestamps read back from SQLite are naive; they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _ts(**kw: Any) -> Any:
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True), **kw)


def _money(**kw: Any) -> Any:
    return Field(sa_type=Money, **kw)


def _json_list() -> Any:
    return Field(default_factory=list, sa_type=JSON)


def pk(row: SQLModel) -> int:
    """A flushed row's primary key (typed ``int``; rows get one on flush)."""
    value = getattr(row, "id", None)
    if value is None:
        raise ValueError(f"{type(row).__name__} has no id yet: flush the session first")
    return int(value)


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    external_id: str = Field(index=True, unique=True, description="The ERP's customer id.")
    name: str = Field(index=True)
    segment: str = Field(default="standard", description="see tools.enums.Segment")
    terms_days: int = 30
    currency: str = "USD"
    domain: str | None = Field(default=None, index=True, description="Email domain, e.g. acme.com")
    language: str | None = Field(default=None, description="Notice language, e.g. de (ISO 639-1)")
    locale: str | None = Field(default=None, description="Number and date formats, e.g. de_CH")
    created_at: datetime = _ts()


class Contact(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("customer_id", "email"),)
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    name: str = ""
    email: str = Field(index=True)
    role: str = Field(default="billing", description="billing|ap|buyer|executive|other")
    is_primary: bool = False
    bounced: bool = False
    active: bool = True
    language: str | None = Field(default=None, description="Overrides the customer's language")
    locale: str | None = Field(default=None, description="Overrides the customer's locale")


class Invoice(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(index=True, unique=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    po: str | None = Field(default=None, index=True)
    project: str | None = None
    issue_date: date
    due_date: date = Field(index=True)
    amount: Decimal = _money()
    balance: Decimal = _money(description="Open balance; 0 when paid.")
    currency: str = "USD"


class Payment(SQLModel, table=True):
    """Money received. What is not applied to invoices sits in suspense (`unapplied`)."""

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True)
    received_on: date = Field(index=True)
    amount: Decimal = _money()
    applied: Decimal = _money(default=Decimal("0.00"))
    unapplied: Decimal = _money(default=Decimal("0.00"))
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    payer_name: str = ""
    method: str = "other"
    currency: str = "USD"
    memo: str = ""


class PaymentApplication(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    payment_id: int = Field(foreign_key="payment.id", index=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    amount: Decimal = _money()
    applied_at: datetime = _ts()


class CreditMemo(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(index=True, unique=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    invoice_id: int | None = Field(default=None, foreign_key="invoice.id", index=True)
    amount: Decimal = _money()
    remaining: Decimal = _money()
    issued_on: date
    reason: str = "other"


class Dispute(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    reason: str
    disputed_amount: Decimal | None = _money(default=None)
    status: str = Field(default="open", index=True)
    note: str = ""
    source_message: str | None = None
    opened_at: datetime = _ts()
    closed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class Deduction(SQLModel, table=True):
    """A short pay: the customer paid less than billed and said why."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    deducted_amount: Decimal = _money()
    paid_amount: Decimal | None = _money(default=None)
    reason: str = "other"
    status: str = Field(default="open", index=True)
    note: str = ""
    source_message: str | None = None
    opened_at: datetime = _ts()
    closed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class PaymentClaim(SQLModel, table=True):
    """A customer says they paid; cash application confirms against real payments."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    invoices: list[str] = _json_list()
    amount: Decimal | None = _money(default=None)
    paid_on: date | None = None
    method: str = "other"
    reference: str = ""
    matched_payment_id: int | None = Field(default=None, foreign_key="payment.id")
    match_score: float | None = Field(default=None, description="rapidfuzz score, 0-100; not money")
    status: str = Field(default="open", index=True)
    source_message: str | None = None
    created_at: datetime = _ts()


class Promise(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    amount: Decimal = _money()
    promised_on: date = Field(index=True)
    tolerance_days: int = 3
    status: str = Field(default="open", index=True)
    source_message: str | None = None
    created_at: datetime = _ts()
    settled_on: date | None = None
    paid_amount: Decimal | None = _money(default=None)


class PromiseInvoice(SQLModel, table=True):
    """An invoice a promise covers, with its balance when the promise was made."""

    promise_id: int = Field(foreign_key="promise.id", primary_key=True)
    invoice_id: int = Field(foreign_key="invoice.id", primary_key=True, index=True)
    balance_at_promise: Decimal = _money()


class DunningPause(SQLModel, table=True):
    """No notices for a customer (invoice_id empty) or one invoice, until a date or indefinitely."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    invoice_id: int | None = Field(default=None, foreign_key="invoice.id", index=True)
    reason: str
    until: date | None = None
    active: bool = Field(default=True, index=True)
    promise_id: int | None = Field(default=None, foreign_key="promise.id")
    source_message: str | None = None
    created_at: datetime = _ts()
    ended_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class Task(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    queue: str = Field(index=True)
    status: str = Field(default="open", index=True)
    summary: str
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    invoices: list[str] = _json_list()
    assignee: str | None = None
    source_message: str | None = None
    created_at: datetime = _ts()
    closed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class InboundMessage(SQLModel, table=True):
    """Every message read from the inbox, parsed or not; keyed on Message-ID."""

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(index=True, unique=True)
    folder: str = ""
    uid: int | None = None
    uidvalidity: int | None = None
    from_addr: str = ""
    subject: str = ""
    sent_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    received_at: datetime = _ts()
    raw: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    parsed: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    """The parsed message as JSON (mailbox's `InboundEmail`), so a worker never parses twice."""
    parse_error: str | None = None
    status: str = Field(default="received", index=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    match_method: str | None = None
    match_score: float | None = None
    triage: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    prompt_hash: str | None = None
    claimed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    """When a worker took the message for triage."""
    claimed_by: str | None = None
    """The worker holding the claim, ``host:pid:random`` (retaken at once when that pid is gone)."""
    lease_until: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    """The claim's lease, renewed while its worker works; an expired lease is retaken."""


class ImapCheckpoint(SQLModel, table=True):
    """Where the watcher stopped in one IMAP folder."""

    folder: str = Field(primary_key=True)
    uidvalidity: int
    last_uid: int = 0
    updated_at: datetime = _ts()


class OutgoingNotice(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    to_email: str
    stage: str
    status: str = Field(default="draft", index=True)
    subject: str = ""
    body: str = ""
    invoices: list[str] = _json_list()
    total: Decimal = _money(default=Decimal("0.00"))
    currency: str = "USD"
    message_id: str | None = Field(default=None, index=True, unique=True)
    held_reason: str | None = None
    guardrail: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    run_date: date | None = Field(default=None, index=True)
    created_at: datetime = _ts()
    sent_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class AuditLog(SQLModel, table=True):
    """Append-only: a database trigger refuses UPDATE and DELETE."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_target", "target"),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _ts(index=True)
    actor: str
    action: str = Field(index=True)
    target: str
    before: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    idempotency_key: str | None = Field(default=None, unique=True, index=True)
    note: str = ""


class Approval(SQLModel, table=True):
    """A suggested routing waiting for a person; answered once (accept, edit, reject)."""

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(index=True, unique=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    status: str = Field(default="pending", index=True)
    reasons: list[str] = _json_list()
    proposal: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    decision: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    decided_by: str | None = None
    decided_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    slack_channel: str | None = None
    slack_ts: str | None = None
    created_at: datetime = _ts()


class LabelCorrection(SQLModel, table=True):
    """An analyst's relabel of a reply: the intents it really carries (tomorrow's eval case)."""

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(index=True)
    labels: list[str] = _json_list()
    note: str = ""
    by: str = ""
    at: datetime = _ts()


class SlackSeen(SQLModel, table=True):
    """Slack request signatures already accepted (the replay guard, shared by every process)."""

    __tablename__ = "slack_seen"
    signature: str = Field(primary_key=True, max_length=200)
    seen_at: datetime = _ts(index=True)


class SlackOutbox(SQLModel, table=True):
    """Slack message updates that failed, retried by a periodic pass until they succeed."""

    __tablename__ = "slack_outbox"
    id: int | None = Field(default=None, primary_key=True)
    approval_id: int = Field(foreign_key="approval.id", index=True)
    results: list[dict[str, Any]] | None = Field(default=None, sa_type=JSON)
    """The decided actions to show (as `show_decided` got them)."""
    attempts: int = 0
    last_error: str = ""
    created_at: datetime = _ts()
    done_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True), index=True)


class ContactHold(SQLModel, table=True):
    """Why notices to a contact wait: away until a date (an out-of-office reply) or bounced
    (a delivery-failure report) until a new contact is on file. See `tools.holds`."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    kind: str = Field(index=True, description="away | bounced")
    until: date | None = None
    """Away: the return date (notices resume the day after). Bounced: None."""
    reason: str = ""
    alternate_email: str | None = None
    """An alternate contact an auto-reply named: proposed to a person, never used on its own."""
    alternate_name: str = ""
    last_contact_id: int = 0
    """The customer's highest contact id when held: a contact added later lifts a bounce hold."""
    task_id: int | None = Field(default=None, foreign_key="task.id")
    source_message: str | None = None
    active: bool = Field(default=True, index=True)
    created_at: datetime = _ts()
