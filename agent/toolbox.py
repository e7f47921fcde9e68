"""The toolbox: every ledger action the agent may take, declared once.

Each entry names the action, the `tools` function that performs it, and its
arguments as a small pydantic model (type and description per argument). The
policy builds its proposals against these declarations, the `act` node runs
them, and an analyst's edit is validated by them (`agent.act.validate`, used by
the API, Slack and the CLI). There is no tool to mark an invoice paid, change
an amount owed, or send mail: the model cannot ask for what is not here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ..tools import actions
from ..tools.enums import PaymentMethod, Queue, Reason
from ..tools.money import to_money

Money = Annotated[Decimal, BeforeValidator(to_money)]
"""An exact amount: a Decimal, an int or a string as people write it; never a float."""


class ActionName(StrEnum):
    pause_dunning = "pause_dunning"
    tag_dispute = "tag_dispute"
    record_promise = "record_promise"
    record_payment_claim = "record_payment_claim"
    open_deduction = "open_deduction"
    create_task = "create_task"
    note_task = "note_task"
    upsert_contact = "upsert_contact"
    defer_contact = "defer_contact"
    mark_bounced = "mark_bounced"


class Args(BaseModel):
    """Arguments of one action; unknown arguments are refused."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class _OnCustomer(Args):
    customer: str | int
    """The customer's external id."""
    source_message: str | None = None
    """The Message-ID of the reply that led to the action."""


class PauseDunning(_OnCustomer):
    """Stop automated notices for the named invoices (all of the customer's when none)."""

    invoices: list[str] = Field(default_factory=list)
    reason: str
    """Why, in a sentence the analyst reads."""
    until: date | None = None
    """When the pause ends on its own; open-ended when empty."""


class TagDispute(_OnCustomer):
    """Mark one invoice disputed (it leaves dunning until the dispute is resolved)."""

    invoice: str
    reason: Reason
    disputed_amount: Money | None = None
    note: str = ""


class RecordPromise(_OnCustomer):
    """Record a promise to pay; its invoices pause until the date plus the tolerance."""

    invoices: list[str] = Field(default_factory=list)
    amount: Money | None = None
    promised_on: date
    tolerance_days: int = 3


class RecordPaymentClaim(_OnCustomer):
    """Record that the customer says they paid, and look for the money in suspense."""

    invoices: list[str] = Field(default_factory=list)
    amount: Money | None = None
    paid_on: date | None = None
    method: PaymentMethod = PaymentMethod.other
    reference: str = ""


class OpenDeduction(_OnCustomer):
    """Open a deduction: the customer paid less than billed and said why."""

    invoice: str
    deducted_amount: Money
    paid_amount: Money | None = None
    reason: Reason = Reason.other
    note: str = ""


class CreateTask(Args):
    """Open a task for a team."""

    queue: Queue
    summary: str
    customer: str | int | None = None
    invoices: list[str] = Field(default_factory=list)
    source_message: str | None = None


class NoteTask(Args):
    """Add a note to an open task (a follow-up about the same invoice and intent)."""

    task_id: int
    note: str
    source_message: str | None = None


class UpsertContact(Args):
    """Add or update a contact of the customer (the mail goes there from now on)."""

    customer: str | int
    email: str
    name: str = ""
    role: str = "billing"


class DeferContact(Args):
    """The contact is away (an out-of-office reply): their notices wait until after the return.

    An alternate contact the auto-reply names is proposed to a person, never used on its own."""

    customer: str | int
    email: str
    """The contact on file who is away."""
    until: date
    """The return date the auto-reply gives."""
    alternate_email: str | None = None
    alternate_name: str = ""
    source_message: str | None = None


class MarkBounced(Args):
    """Notices to the contact bounce for good (a delivery report): mark the contact bounced,
    hold the customer's notices and open a task to find a new contact."""

    customer: str | int
    email: str
    """The contact on file the report says failed."""
    status: str = ""
    """The report's enhanced status code, e.g. ``5.1.1``."""
    diagnostic: str = ""
    """The receiving server's words, as the report gives them."""
    source_message: str | None = None


@dataclass(frozen=True)
class Tool:
    """One action: its name, the ledger function, and its declared arguments."""

    name: ActionName
    run: Callable[..., Any]
    """Keyword-only, on an open session, idempotent under ``key`` (see `arbox.tools.actions`)."""
    args: type[Args]

    @property
    def arg_names(self) -> frozenset[str]:
        return frozenset(self.args.model_fields)


TOOLBOX: dict[ActionName, Tool] = {
    tool.name: tool
    for tool in (
        Tool(ActionName.pause_dunning, actions.pause_dunning, PauseDunning),
        Tool(ActionName.tag_dispute, actions.tag_dispute, TagDispute),
        Tool(ActionName.record_promise, actions.record_promise, RecordPromise),
        Tool(ActionName.record_payment_claim, actions.record_payment_claim, RecordPaymentClaim),
        Tool(ActionName.open_deduction, actions.open_deduction, OpenDeduction),
        Tool(ActionName.create_task, actions.create_task, CreateTask),
        Tool(ActionName.note_task, actions.note_task, NoteTask),
        Tool(ActionName.upsert_contact, actions.upsert_contact, UpsertContact),
        Tool(ActionName.defer_contact, actions.defer_contact, DeferContact),
        Tool(ActionName.mark_bounced, actions.mark_bounced, MarkBounced),
    )
}
"""The only things the agent can do to the ledger."""
