"""CSV import of customers, contacts, invoices and payments.

The file is streamed, never read whole. A bad row is reported with its line
number and reason and every good row is kept; a key repeated within the file is
an error on the later line. Problems with the file itself (empty, no rows, a
required column missing, a column named twice) raise `ImportFileError` before
anything is written. Customers, contacts and invoices are written in batches of
bulk upserts (`INSERT ... ON CONFLICT DO UPDATE`) inside one transaction; like
the row-by-row import before them they write no audit rows. Payments go one by
one through `post_payment`, which applies them and writes the audit log.
Re-importing a file updates rows by their key (customer id, customer + email,
invoice number, payment reference) and duplicates nothing. Columns are
documented in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session

from . import csv_values as cv
from .csv_read import Columns, check_header, open_csv, read_rows, read_table, sniff_delimiter
from .csv_rows import CUSTOMER, KEYS, PARSERS, RowReader, post_one_payment
from .csv_upsert import Pending, flush
from .db import Ledger
from .errors import ImportFileError, ImportRowError, LedgerError

__all__ = ["ImportReport", "RowReader", "import_csv", "read_rows", "sniff_delimiter"]

KINDS = ("customers", "contacts", "invoices", "payments")
DATE_FORMATS = cv.DATE_FORMATS
DECIMALS = cv.DECIMALS
BATCH = 2000
"""Rows per bulk upsert: large enough to amortise a statement, small enough to stream."""

COLUMNS: dict[str, tuple[Columns, tuple[str, ...]]] = {
    "customers": (
        (("external_id", "customer_id"), ("name",)),
        ("segment", "terms_days", "currency", "domain", "language", "locale"),
    ),
    "contacts": (
        (CUSTOMER, ("email",)),
        ("name", "role", "primary", "bounced", "language", "locale"),
    ),
    "invoices": (
        (("number", "invoice"), CUSTOMER, ("issue_date",), ("due_date",), ("amount",)),
        ("balance", "po", "project", "currency"),
    ),
    "payments": (
        (("reference",), ("received_on",), ("amount",)),
        (*CUSTOMER, "payer_name", "payer", "method", "memo", "invoice", "applied_amount"),
    ),
}
"""Per kind: the required columns (each with the names it may go by) and the optional ones."""


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
    required, optional = COLUMNS[kind]
    with open_csv(path) as fh:
        header, rows = read_table(fh)
        if not header:
            raise ImportFileError(f"{path} is empty: expected a header line and rows")
        columns, warnings = check_header(header, required, optional, kind=kind, name=str(path))
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
            outcome = post_one_payment(session, r)
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
