"""CSV import of customers, contacts, invoices and payments.

The file is streamed, never read whole. A bad row is reported with its line
number and reason and every good row is kept; a key repeated within the file is
an error on the later line. Problems with the file itself (empty, no rows, a
required column missing, a column named twice) raise `ImportFileError` before
anything is written. Customers, contacts and invoices are written in batches of
bulk upserts (`INSERT ... ON CONFLICT DO UPDATE`) inside one transaction, like
the row-by-row import before them they write no audit rows; payments go one by
one through `post_payment`, which applies them and writes the audit log.
Re-importing a file updates rows by their key (customer id, customer + email,
invoice number, payment reference) and duplicates nothing. Columns are
documented in the README.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session, select

from . import csv_values as cv
from .csv_upsert import Pending, flush
from .db import Ledger
from .enums import PaymentMethod, Segment
from .errors import ImportFileError, ImportRowError, LedgerError
from .models import Payment
from .payments import post_payment

KINDS = ("customers", "contacts", "invoices", "payments")
DATE_FORMATS = cv.DATE_FORMATS
DECIMALS = cv.DECIMALS
BATCH = 2000
"""Rows per bulk upsert: large enough to amortise a statement, small enough to stream."""

_CUSTOMER = ("customer_external_id", "customer")
COLUMNS: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]] = {
    "customers": (
        (("external_id", "customer_id"), ("name",)),
        ("segment", "terms_days", "currency", "domain", "language", "locale"),
    ),
    "contacts": (
        (_CUSTOMER, ("email",)),
        ("name", "role", "primary", "bounced", "language", "locale"),
    ),
    "invoices": (
        (("number", "invoice"), _CUSTOMER, ("issue_date",), ("due_date",), ("amount",)),
        ("balance", "po", "project", "currency"),
    ),
    "payments": (
        (("reference",), ("received_on",), ("amount",)),
        (*_CUSTOMER, "payer_name", "payer", "method", "memo", "invoice", "applied_amount"),
    ),
}
"""Per kind: the required columns (each with the names it may go by) and the optional ones."""


def _cp1252(exc: UnicodeError) -> tuple[str, int]:
    # A byte that is not UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows).
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("arbox.cp1252", _cp1252)


@dataclass
class ImportReport:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    """(line, reason) for each row not imported, in line order."""
    warnings: list[str] = field(default_factory=list)
    """About the file as a whole, e.g. columns that were ignored."""

    @property
    def ok(self) -> bool:
        return not self.errors


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

    def day(self, name: str) -> Any:
        return cv.day(self.text(name, required=True), self.date_format, name=name)

    def integer(self, name: str, default: int, *, high: int = 3650) -> int:
        raw = self.text(name)
        return cv.whole(raw, name=name, high=high) if raw else default

    def flag(self, name: str) -> bool:
        return cv.flag(self.text(name), name=name)

    def currency(self, default: str) -> str:
        code = self.text("currency", default=default).upper()
        if not (len(code) == 3 and code.isalpha() and code.isascii()):
            raise ImportRowError(f"currency {code!r} is not a three-letter code")
        return code

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
        "currency": r.currency("USD"),
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
    return Pending(0, values, customer=r.text(*_CUSTOMER, required=True))


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
        # Filled from the customer's currency when blank (see csv_upsert).
        "currency": r.currency("XXX") if r.text("currency") else None,
    }
    return Pending(0, values, customer=r.text(*_CUSTOMER, required=True))


PARSERS = {"customers": _customer, "contacts": _contact, "invoices": _invoice}
KEYS = {
    "customers": lambda r: (r.text("external_id", "customer_id", required=True),),
    "contacts": lambda r: (
        r.text(*_CUSTOMER, required=True),
        r.text("email", required=True).lower(),
    ),
    "invoices": lambda r: (r.text("number", "invoice", required=True),),
    "payments": lambda r: (r.text("reference", required=True),),
}


def _payment(session: Session, r: RowReader) -> str:
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
        customer=r.text(*_CUSTOMER) or None,
        payer_name=r.text("payer_name", "payer"),
        method=method.value,
        memo=r.text("memo"),
        applications=[(invoice, applied if applied is not None else amount)] if invoice else (),
        actor="import",
    )
    return "created"


def sniff_delimiter(header: str) -> str:
    """The one of ``, ; |`` that splits the header line into the most columns."""
    return max(",;|", key=header.count)


def normalise(name: str) -> str:
    """A header cell as a column name: `Customer External ID` -> `customer_external_id`."""
    return "_".join(name.replace("-", " ").lower().split())


def read_table(lines: Iterable[str]) -> tuple[list[str], Iterator[tuple[int, list[str] | str]]]:
    """The header cells and an iterator of (line, cells) for each data row, where the
    line is the one the row starts on (header is line 1) and cells is a reason
    (a `str`) when the row cannot be read as CSV. Blank lines are skipped."""
    it = iter(lines)
    first = next(it, "")
    while first and not first.strip():
        first = next(it, "")  # leading blank lines
    if not first.strip():
        return [], iter(())
    reader = csv.reader(_chain(first, it), delimiter=sniff_delimiter(first))
    header = next(reader)
    return header, _data_rows(reader)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _data_rows(reader: Any) -> Iterator[tuple[int, list[str] | str]]:
    done = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield done + 1, f"not readable as CSV: {exc}"
            done = reader.line_num
            continue
        start, done = done + 1, reader.line_num
        if cells:
            yield start, cells


def read_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV text with the line number each starts on (header is line 1)."""
    header, rows = read_table(io.StringIO(text.lstrip("\ufeff"), newline=""))
    for line, cells in rows:
        if isinstance(cells, list):
            yield line, dict(zip(header, cells, strict=False))


def check_header(kind: str, header: list[str], name: str) -> tuple[list[str], list[str]]:
    """The column names, and warnings; `ImportFileError` if the file cannot be imported."""
    columns = [normalise(h) for h in header]
    seen: set[str] = set()
    for col in columns:
        if col and col in seen:
            raise ImportFileError(f"{name}, line 1: column {col!r} appears twice")
        seen.add(col)
    required, optional = COLUMNS[kind]
    missing = [names[0] for names in required if not seen.intersection(names)]
    if missing:
        need = ", ".join(names[0] for names in required)
        raise ImportFileError(
            f"{name}, line 1: missing required column(s) {', '.join(missing)} ({kind} need {need})"
        )
    known = {n for names in required for n in names} | set(optional)
    unknown = [c for c in columns if c and c not in known]
    warnings = [f"ignored unknown column(s): {', '.join(unknown)}"] if unknown else []
    return columns, warnings


def import_csv(
    ledger: Ledger,
    kind: str,
    path: str | Path,
    *,
    date_format: str = "us",
    decimal: str = "auto",
    batch_size: int = BATCH,
) -> ImportReport:
    """Import one CSV file of ``kind`` into the ledger; see the module docstring.

    ``date_format`` (us, eu) says whether `03/04/2026` is March 4 or 3 April;
    ``decimal`` (auto, point, comma) is the amounts' decimal mark, where auto
    reads every amount that is unambiguous and refuses the rest (`1.234`).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if date_format not in DATE_FORMATS:
        raise ValueError(f"unknown date format {date_format!r}; expected us or eu")
    if decimal not in DECIMALS:
        raise ValueError(f"unknown decimal mark {decimal!r}; expected {', '.join(DECIMALS)}")
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8-sig", errors="arbox.cp1252", newline="")
    except (FileNotFoundError, IsADirectoryError):
        raise
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        header, rows = read_table(fh)
        if not header:
            raise ImportFileError(f"{path} is empty: expected a header line and rows")
        columns, warnings = check_header(kind, header, str(path))
        report = ImportReport(kind=kind, warnings=warnings)
        with ledger.transaction() as session:
            seen = _import_rows(
                session, kind, columns, rows, report, date_format, decimal, batch_size
            )
    if not seen:
        raise ImportFileError(f"{path} has a header but no rows")
    report.errors.sort(key=lambda e: e[0])
    return report


def _import_rows(
    session: Session,
    kind: str,
    columns: list[str],
    rows: Iterator[tuple[int, list[str] | str]],
    report: ImportReport,
    date_format: str,
    decimal: str,
    batch_size: int,
) -> int:
    """Read, check and write every row; returns how many non-blank rows there were."""
    count = 0
    first_line: dict[tuple[str, ...], int] = {}
    batch: list[Pending] = []
    width = len(columns)
    for line, cells in rows:
        if isinstance(cells, str):
            report.errors.append((line, cells))
            count += 1
            continue
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            report.errors.append((line, "more cells than header columns"))
            count += 1
            continue
        row = {c: v.strip() for c, v in zip(columns, cells, strict=False) if c}
        if not any(row.values()):
            continue
        count += 1
        r = RowReader(row, date_format, decimal)
        try:
            if any("\x00" in v for v in row.values()):
                raise ImportRowError("contains a NUL character")
            key = KEYS[kind](r)
            if key in first_line:
                raise ImportRowError(f"{' / '.join(key)} repeats line {first_line[key]}")
            first_line[key] = line
            if kind == "payments":
                _payment_row(session, r, line, report)
                continue
            pending = PARSERS[kind](r)
        except (ImportRowError, LedgerError) as exc:
            report.errors.append((line, str(exc)))
            continue
        pending.line = line
        batch.append(pending)
        if len(batch) >= batch_size:
            flush(session, kind, batch, report)
            batch = []
    if batch:
        flush(session, kind, batch, report)
    return count


def _payment_row(session: Session, r: RowReader, line: int, report: ImportReport) -> None:
    try:
        with session.begin_nested():
            outcome = _payment(session, r)
    except (ImportRowError, LedgerError) as exc:
        report.errors.append((line, str(exc)))
    except IntegrityError as exc:
        report.errors.append((line, f"conflicts with an existing row: {exc.orig}"))
    except OperationalError:
        raise  # the database itself is in trouble, not this row
    except (SQLAlchemyError, ArithmeticError, ValueError) as exc:
        report.errors.append((line, f"cannot be stored: {exc}"))
    else:
        setattr(report, outcome, getattr(report, outcome) + 1)
