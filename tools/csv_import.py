"""CSV import of customers, contacts, invoices and payments.

Each row is applied in its own savepoint: a bad row is reported with its line
number and reason, and every good row is kept. Re-importing a file updates rows
by their external key (customer id, email, invoice number, payment reference)
and duplicates nothing. Column names are documented in the README.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from .db import Ledger
from .enums import PaymentMethod, Segment
from .errors import ImportRowError, LedgerError
from .lookup import choice, get_customer
from .models import Contact, Customer, Invoice, Payment
from .money import MoneyError, parse_amount
from .payments import post_payment

KINDS = ("customers", "contacts", "invoices", "payments")
DATE_FORMATS = {"us": "%m/%d/%Y", "eu": "%d/%m/%Y"}
"""How slash dates are read (`--date-format`); ISO dates are always accepted."""


@dataclass
class ImportReport:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class RowReader:
    """Typed access to one CSV row, raising `ImportRowError` with a clear reason."""

    def __init__(self, row: dict[str, str], date_format: str) -> None:
        self.row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        self.date_format = date_format

    def text(self, *names: str, required: bool = False, default: str = "") -> str:
        for name in names:
            if self.row.get(name):
                return self.row[name]
        if required:
            raise ImportRowError(f"missing {names[0]}")
        return default

    def money(self, name: str, *, required: bool = True) -> Decimal | None:
        raw = self.text(name, required=required)
        if not raw:
            return None
        try:
            return parse_amount(raw)
        except MoneyError as exc:
            raise ImportRowError(f"{name}: {exc}") from None

    def day(self, name: str, *, required: bool = True) -> date | None:
        raw = self.text(name, required=required)
        if not raw:
            return None
        fmt = DATE_FORMATS[self.date_format]
        for pattern in ("%Y-%m-%d", fmt):
            try:
                return datetime.strptime(raw, pattern).date()
            except ValueError:
                continue
        raise ImportRowError(f"{name}: {raw!r} is not a date (YYYY-MM-DD or {fmt})")

    def integer(self, name: str, default: int) -> int:
        raw = self.text(name)
        if not raw:
            return default
        if not raw.isdigit():
            raise ImportRowError(f"{name}: {raw!r} is not a whole number")
        return int(raw)

    def flag(self, name: str) -> bool:
        raw = self.text(name).lower()
        if raw in ("", "0", "false", "no", "n"):
            return False
        if raw in ("1", "true", "yes", "y", "x"):
            return True
        raise ImportRowError(f"{name}: {raw!r} is not yes/no")


def _upsert(session: Session, model: type, where: Any, values: dict[str, Any]) -> str:
    row = session.exec(select(model).where(where)).first()
    if row is None:
        session.add(model(**values))
        return "created"
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    for k, v in changed.items():
        setattr(row, k, v)
    session.add(row)
    return "updated" if changed else "unchanged"


def _customer(session: Session, r: RowReader) -> str:
    segment = choice(Segment, r.text("segment", default="standard"), name="segment")
    values = {
        "external_id": r.text("external_id", "customer_id", required=True),
        "name": r.text("name", required=True),
        "segment": segment.value,
        "terms_days": r.integer("terms_days", 30),
        "currency": r.text("currency", default="USD").upper(),
        "domain": r.text("domain").lower() or None,
    }
    return _upsert(session, Customer, Customer.external_id == values["external_id"], values)


def _contact(session: Session, r: RowReader) -> str:
    cust = get_customer(session, r.text("customer_external_id", "customer", required=True))
    email = r.text("email", required=True).lower()
    if "@" not in email:
        raise ImportRowError(f"email: {email!r} is not an address")
    values = {
        "customer_id": cust.id,
        "email": email,
        "name": r.text("name"),
        "role": r.text("role", default="billing").lower(),
        "is_primary": r.flag("primary"),
        "bounced": r.flag("bounced"),
    }
    return _upsert(
        session, Contact, (Contact.customer_id == cust.id) & (Contact.email == email), values
    )


def _invoice(session: Session, r: RowReader) -> str:
    cust = get_customer(session, r.text("customer_external_id", "customer", required=True))
    amount = r.money("amount")
    balance = r.money("balance", required=False)
    balance = amount if balance is None else balance
    assert amount is not None
    if amount <= 0:
        raise ImportRowError(f"amount must be positive, got {amount} (credits are credit memos)")
    if not Decimal(0) <= balance <= amount:
        raise ImportRowError(f"balance {balance} must be between 0 and the amount {amount}")
    issue, due = r.day("issue_date"), r.day("due_date")
    assert issue is not None and due is not None
    if due < issue:
        raise ImportRowError(f"due_date {due} is before issue_date {issue}")
    values = {
        "number": r.text("number", "invoice", required=True),
        "customer_id": cust.id,
        "po": r.text("po") or None,
        "project": r.text("project") or None,
        "issue_date": issue,
        "due_date": due,
        "amount": amount,
        "balance": balance,
        "currency": r.text("currency", default=cust.currency).upper(),
    }
    existing = session.exec(select(Invoice).where(Invoice.number == values["number"])).first()
    if existing is not None and existing.customer_id != cust.id:
        raise ImportRowError(f"invoice {values['number']} belongs to another customer")
    return _upsert(session, Invoice, Invoice.number == values["number"], values)


def _payment(session: Session, r: RowReader) -> str:
    reference = r.text("reference", required=True)
    amount = r.money("amount")
    received = r.day("received_on")
    existing = session.exec(select(Payment).where(Payment.reference == reference)).first()
    if existing is not None:
        if existing.amount != amount or existing.received_on != received:
            raise ImportRowError(f"payment {reference} already exists with other amount or date")
        return "unchanged"
    invoice = r.text("invoice")
    applied = r.money("applied_amount", required=False)
    customer = r.text("customer_external_id", "customer") or None
    method = choice(PaymentMethod, r.text("method", default="other").lower(), name="method")
    post_payment(
        session,
        key=f"import:payment:{reference}",
        reference=reference,
        received_on=received,
        amount=amount,
        customer=customer,  # type: ignore[arg-type]
        payer_name=r.text("payer_name", "payer"),
        method=method.value,
        memo=r.text("memo"),
        applications=[(invoice, applied if applied is not None else amount)] if invoice else (),
        actor="import",
    )
    return "created"


HANDLERS: dict[str, Callable[[Session, RowReader], str]] = {
    "customers": _customer,
    "contacts": _contact,
    "invoices": _invoice,
    "payments": _payment,
}


def sniff_delimiter(header: str) -> str:
    """The one of ``, ; |`` that splits the header line into the most columns."""
    return max(",;|", key=header.count)


def read_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV text with the line number each starts on (header is line 1)."""
    text = text.lstrip("\ufeff")
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 2
    for row in reader:
        yield start, row
        start = reader.line_num + 1


def import_csv(
    ledger: Ledger, kind: str, path: str | Path, *, date_format: str = "us"
) -> ImportReport:
    """Import one CSV file of ``kind`` into the ledger; see the module docstring."""
    if kind not in HANDLERS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if date_format not in DATE_FORMATS:
        raise ValueError(f"unknown date format {date_format!r}; expected us or eu")
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    report = ImportReport(kind=kind)
    handler = HANDLERS[kind]
    with ledger.transaction() as session:
        for line, row in read_rows(text):
            if None in row:
                report.errors.append((line, "more cells than header columns"))
                continue
            if not any((v or "").strip() for v in row.values()):
                continue
            try:
                with session.begin_nested():
                    outcome = handler(session, RowReader(row, date_format))
            except (ImportRowError, LedgerError) as exc:
                report.errors.append((line, str(exc)))
                continue
            except IntegrityError as exc:
                report.errors.append((line, f"conflicts with an existing row: {exc.orig}"))
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report
