"""One CSV row of each kind, read into the values the ledger stores.

`RowReader` gives typed access to the cells (see `csv_values`); the parsers
return a `Pending` row for the bulk upserts, and payments are posted one by one
through `post_payment` (applied to invoices, audited). Every problem is an
`ImportRowError` (or a `LedgerError`) naming the column.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session, select

from . import csv_values as cv
from .csv_upsert import Pending
from .enums import PaymentMethod, Segment
from .errors import ImportRowError
from .models import Payment
from .payments import post_payment

CUSTOMER = ("customer_external_id", "customer")
"""The names a customer's external id may go by in contacts, invoices and payments."""


class RowReader:
    """Typed access to one CSV row, raising `ImportRowError` with a clear reason."""

    def __init__(self, row: dict[str, str], date_format: str, decimal: str = "auto") -> None:
        self.row = row
        self.date_format = date_format
        self.decimal = decimal

    def has(self, name: str) -> bool:
        """Whether the file has this column (a blank cell still counts)."""
        return name in self.row

    def text(self, *names: str, required: bool = False, default: str = "") -> str:
        for name in names:
            if self.row.get(name):
                return self.row[name]
        if required:
            raise ImportRowError(f"missing {names[0]}")
        return default

    def money(self, name: str, *, required: bool = True) -> Decimal | None:
        raw = self.text(name, required=required)
        return cv.amount(raw, self.decimal, name=name) if raw else None

    def required_money(self, name: str) -> Decimal:
        return cv.amount(self.text(name, required=True), self.decimal, name=name)

    def day(self, name: str) -> date:
        return cv.day(self.text(name, required=True), self.date_format, name=name)

    def integer(self, name: str, default: int, *, high: int = 3650) -> int:
        raw = self.text(name)
        return cv.whole(raw, name=name, high=high) if raw else default

    def flag(self, name: str) -> bool:
        return cv.flag(self.text(name), name=name)

    def currency(self) -> str | None:
        """The currency column as a three-letter code, or None when blank."""
        code = self.text("currency").upper()
        if code and not (len(code) == 3 and code.isalpha() and code.isascii()):
            raise ImportRowError(f"currency {code!r} is not a three-letter code")
        return code or None

    def language_and_locale(self, values: dict[str, Any]) -> None:
        """Set ``language`` and ``locale`` in ``values`` for the columns the file has."""
        if self.has("language"):
            values["language"] = (
                cv.language(self.text("language")) if self.text("language") else None
            )
        if self.has("locale"):
            values["locale"] = cv.locale(self.text("locale")) if self.text("locale") else None


def _customer(r: RowReader) -> Pending:
    external_id = r.text("external_id", "customer_id", required=True)
    values = {
        "external_id": external_id,
        "name": r.text("name", required=True),
        "segment": cv.choice(Segment, r.text("segment", default="standard"), name="segment").value,
        "terms_days": r.integer("terms_days", 30),
        "currency": r.currency() or "USD",
        "domain": r.text("domain").lower() or None,
    }
    r.language_and_locale(values)
    return Pending(0, values)


def _contact(r: RowReader) -> Pending:
    email = r.text("email", required=True).lower()
    if "@" not in email:
        raise ImportRowError(f"email: {email!r} is not an address")
    values = {
        "email": email,
        "name": r.text("name"),
        "role": r.text("role", default="billing").lower(),
        "is_primary": r.flag("primary"),
        "bounced": r.flag("bounced"),
    }
    r.language_and_locale(values)
    return Pending(0, values, customer=r.text(*CUSTOMER, required=True))


def _invoice(r: RowReader) -> Pending:
    amount = r.required_money("amount")
    balance = r.money("balance", required=False)
    balance = amount if balance is None else balance
    if amount <= 0:
        raise ImportRowError(f"amount must be positive, got {amount} (credits are credit memos)")
    if not Decimal(0) <= balance <= amount:
        raise ImportRowError(f"balance {balance} must be between 0 and the amount {amount}")
    issue, due = r.day("issue_date"), r.day("due_date")
    if due < issue:
        raise ImportRowError(f"due_date {due} is before issue_date {issue}")
    values = {
        "number": r.text("number", "invoice", required=True),
        "po": r.text("po") or None,
        "project": r.text("project") or None,
        "issue_date": issue,
        "due_date": due,
        "amount": amount,
        "balance": balance,
        "currency": r.currency(),  # when None, the customer's (see csv_upsert)
    }
    return Pending(0, values, customer=r.text(*CUSTOMER, required=True))


PARSERS: dict[str, Callable[[RowReader], Pending]] = {
    "customers": _customer,
    "contacts": _contact,
    "invoices": _invoice,
}
KEYS: dict[str, Callable[[RowReader], tuple[str, ...]]] = {
    "customers": lambda r: (r.text("external_id", "customer_id", required=True),),
    "contacts": lambda r: (
        r.text(*CUSTOMER, required=True),
        r.text("email", required=True).lower(),
    ),
    "invoices": lambda r: (r.text("number", "invoice", required=True),),
    "payments": lambda r: (r.text("reference", required=True),),
}


def post_one_payment(session: Session, r: RowReader) -> str:
    """Post one payment row; `unchanged` when the same payment was imported before."""
    reference = r.text("reference", required=True)
    amount = r.required_money("amount")
    received = r.day("received_on")
    existing = session.exec(select(Payment).where(Payment.reference == reference)).first()
    if existing is not None:
        if existing.amount != amount or existing.received_on != received:
            raise ImportRowError(f"payment {reference} already exists with other amount or date")
        return "unchanged"
    invoice = r.text("invoice")
    applied = r.money("applied_amount", required=False)
    method = cv.choice(PaymentMethod, r.text("method", default="other"), name="method")
    post_payment(
        session,
        key=f"import:payment:{reference}",
        reference=reference,
        received_on=received,
        amount=amount,
        customer=r.text(*CUSTOMER) or None,
        payer_name=r.text("payer_name", "payer"),
        method=method.value,
        memo=r.text("memo"),
        applications=[(invoice, applied if applied is not None else amount)] if invoice else (),
        actor="import",
    )
    return "created"
