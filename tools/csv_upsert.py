"""Bulk upserts for the CSV import: one batch of parsed rows at a time.

A batch is resolved (customers' external ids to ids) and compared with the rows
already stored in two queries, then the new and changed rows are written with
one `INSERT ... ON CONFLICT DO UPDATE` executed for many rows. If the database
refuses the batch, it is written again row by row, each in its own savepoint,
so that the row it refuses is reported with its line and the others are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Table, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session

from .models import Contact, Customer, Invoice

if TYPE_CHECKING:
    from sqlalchemy.sql.dml import Insert


class _Report(Protocol):
    created: int
    updated: int
    unchanged: int
    errors: list[tuple[int, str]]


@dataclass
class Pending:
    """One parsed row waiting to be written."""

    line: int
    values: dict[str, Any]
    customer: str | None = None
    """The customer's external id, for rows that belong to a customer."""


@dataclass(frozen=True)
class _Target:
    table: Table
    key: tuple[str, ...]
    by_customer: bool


TARGETS = {
    "customers": _Target(Customer.__table__, ("external_id",), False),  # type: ignore[attr-defined]
    "contacts": _Target(Contact.__table__, ("customer_id", "email"), True),  # type: ignore[attr-defined]
    "invoices": _Target(Invoice.__table__, ("number",), True),  # type: ignore[attr-defined]
}


def flush(session: Session, kind: str, batch: list[Pending], report: _Report) -> None:
    """Write one batch, counting each row created, updated or unchanged, or its error."""
    target = TARGETS[kind]
    if target.by_customer:
        batch = _resolve_customers(session, batch, report, fill_currency=kind == "invoices")
    if not batch:
        return
    stored = _stored(session, target, batch)
    writes: list[tuple[Pending, str]] = []
    for row in batch:
        old = stored.get(tuple(row.values[k] for k in target.key))
        if old is None:
            writes.append((row, "created"))
        elif kind == "invoices" and old["customer_id"] != row.values["customer_id"]:
            report.errors.append(
                (row.line, f"invoice {row.values['number']} belongs to another customer")
            )
        elif any(old[c] != v for c, v in row.values.items()):
            writes.append((row, "updated"))
        else:
            report.unchanged += 1
    if writes:
        _write(session, target, writes, report)


def _resolve_customers(
    session: Session, batch: list[Pending], report: _Report, *, fill_currency: bool
) -> list[Pending]:
    refs = {row.customer for row in batch}
    found = {
        ext: (cid, currency)
        for cid, ext, currency in session.execute(
            select(Customer.id, Customer.external_id, Customer.currency).where(  # type: ignore[call-overload]
                Customer.external_id.in_(refs)  # type: ignore[attr-defined]
            )
        )
    }
    kept = []
    for row in batch:
        if row.customer not in found:
            report.errors.append((row.line, f"unknown customer {row.customer!r}"))
            continue
        cid, currency = found[row.customer]
        row.values["customer_id"] = cid
        if fill_currency and row.values.get("currency") is None:
            row.values["currency"] = currency
        kept.append(row)
    return kept


def _stored(session: Session, target: _Target, batch: list[Pending]) -> dict[tuple[Any, ...], Any]:
    """The stored rows of this batch's keys, keyed like the batch, with the compared columns."""
    table = target.table
    names = list(dict.fromkeys([*target.key, "customer_id", *batch[0].values]))
    cols = [table.c[n] for n in names if n in table.c]
    keys = [tuple(row.values[k] for k in target.key) for row in batch]
    if len(target.key) == 1:
        where = table.c[target.key[0]].in_([k[0] for k in keys])
    else:
        where = tuple_(*(table.c[k] for k in target.key)).in_(keys)
    return {
        tuple(m[k] for k in target.key): m
        for m in session.execute(select(*cols).where(where)).mappings()
    }


def _statement(session: Session, target: _Target, columns: list[str]) -> Insert:
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = make(target.table)
    update = {c: stmt.excluded[c] for c in columns if c not in target.key}
    # An invoice never moves to another customer, even if one was stored meanwhile.
    guard = (
        target.table.c.customer_id == stmt.excluded.customer_id
        if target.table is TARGETS["invoices"].table
        else None
    )
    return stmt.on_conflict_do_update(index_elements=list(target.key), set_=update, where=guard)


def _write(
    session: Session, target: _Target, writes: list[tuple[Pending, str]], report: _Report
) -> None:
    stmt = _statement(session, target, list(writes[0][0].values))
    try:
        with session.begin_nested():
            session.execute(stmt, [row.values for row, _ in writes])
        done = writes
    except OperationalError:
        raise  # the database itself is in trouble, not a row
    except (SQLAlchemyError, ArithmeticError, ValueError):
        done = []
        for row, outcome in writes:
            try:
                with session.begin_nested():
                    session.execute(stmt, [row.values])
            except OperationalError:
                raise
            except IntegrityError as exc:
                report.errors.append((row.line, f"conflicts with an existing row: {exc.orig}"))
            except (SQLAlchemyError, ArithmeticError, ValueError) as exc:
                report.errors.append((row.line, f"cannot be stored: {_short(exc)}"))
            else:
                done.append((row, outcome))
    for _, outcome in done:
        setattr(report, outcome, getattr(report, outcome) + 1)


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).splitlines()[0]
