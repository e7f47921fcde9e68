"""Validated look-ups shared by the ledger actions. Each raises a `LedgerError`."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from .errors import (
    InvalidAmount,
    InvalidValue,
    InvoiceCustomerMismatch,
    UnknownCustomer,
    UnknownInvoice,
    UnknownRecord,
)
from .models import Customer, Invoice
from .money import MoneyError, to_money

E = TypeVar("E", bound=StrEnum)
M = TypeVar("M", bound=SQLModel)


# Built once (each action looks up its customer and invoices): a statement made per call
# costs more in SQLAlchemy's coercion and cache key than it takes to run.
_CUSTOMER = select(Customer).where(Customer.external_id == bindparam("external_id"))
_INVOICES = select(Invoice).where(col(Invoice.number).in_(bindparam("numbers", expanding=True)))
_CUSTOMERS: Table = Customer.__table__  # type: ignore[attr-defined]
_INVOICE_TABLE: Table = Invoice.__table__  # type: ignore[attr-defined]
_CUSTOMER_REF = sa_select(_CUSTOMERS.c.id, _CUSTOMERS.c.external_id)
_CUSTOMER_REF_BY_KEY = _CUSTOMER_REF.where(_CUSTOMERS.c.external_id == bindparam("external_id"))
_CUSTOMER_REF_BY_ID = _CUSTOMER_REF.where(_CUSTOMERS.c.id == bindparam("id"))
_INVOICE_REFS = sa_select(
    _INVOICE_TABLE.c.id, _INVOICE_TABLE.c.number, _INVOICE_TABLE.c.customer_id
).where(_INVOICE_TABLE.c.number.in_(bindparam("numbers", expanding=True)))


def get_customer(session: Session, customer: str | int) -> Customer:
    """A customer by external id (str) or primary key (int)."""
    if isinstance(customer, int):
        row = session.get(Customer, customer)
    else:
        row = session.exec(_CUSTOMER, params={"external_id": customer}).first()
    if row is None:
        raise UnknownCustomer(f"unknown customer {customer!r}")
    return row


def get_invoices(session: Session, customer: Customer, numbers: Iterable[str]) -> list[Invoice]:
    """The named invoices, each checked to exist and to belong to ``customer``."""
    wanted = list(dict.fromkeys(n.strip() for n in numbers if n and n.strip()))
    if not wanted:
        return []
    rows = {i.number: i for i in session.exec(_INVOICES, params={"numbers": wanted})}
    return _checked(wanted, rows, customer)


def customer_ref(session: Session, customer: str | int) -> Any:
    """`get_customer`'s customer as a row of its ``id`` and ``external_id`` only (no ORM
    object made: an action that only writes its keys needs no more)."""
    session.flush()  # what the ORM query would see (autoflush)
    if isinstance(customer, int):
        row = session.connection().execute(_CUSTOMER_REF_BY_ID, {"id": customer}).first()
    else:
        row = session.connection().execute(_CUSTOMER_REF_BY_KEY, {"external_id": customer}).first()
    if row is None:
        raise UnknownCustomer(f"unknown customer {customer!r}")
    return row


def invoice_refs(session: Session, customer: Any, numbers: Iterable[str]) -> list[Any]:
    """`get_invoices`' invoices (same checks, same errors) as rows of ``id``, ``number``
    and ``customer_id``; ``customer`` is a `customer_ref` row."""
    wanted = list(dict.fromkeys(n.strip() for n in numbers if n and n.strip()))
    if not wanted:
        return []
    session.flush()
    found = session.connection().execute(_INVOICE_REFS, {"numbers": wanted})
    return _checked(wanted, {i.number: i for i in found}, customer)


def _checked(wanted: list[str], rows: dict[str, Any], customer: Any) -> list[Any]:
    """``wanted``'s rows in order, each checked to exist and to belong to ``customer``."""
    missing = [n for n in wanted if n not in rows]
    if missing:
        raise UnknownInvoice(f"unknown invoice(s): {', '.join(missing)}")
    foreign = [n for n in wanted if rows[n].customer_id != customer.id]
    if foreign:
        raise InvoiceCustomerMismatch(
            f"invoice(s) {', '.join(foreign)} do not belong to customer {customer.external_id}"
        )
    return [rows[n] for n in wanted]


def get_record(session: Session, model: type[M], record_id: int) -> M:
    row = session.get(model, record_id)
    if row is None:
        raise UnknownRecord(f"unknown {model.__name__.lower()} #{record_id}")
    return row


def amount(value: Any, *, name: str = "amount", allow_zero: bool = False) -> Decimal:
    """A non-negative exact amount (positive unless ``allow_zero``)."""
    try:
        result = to_money(value)
    except MoneyError as exc:
        raise InvalidAmount(f"{name}: {exc}") from exc
    if result < 0 or (result == 0 and not allow_zero):
        raise InvalidAmount(f"{name} must be {'>= 0' if allow_zero else '> 0'}, got {result}")
    if result != result.quantize(Decimal("0.0001")):
        raise InvalidAmount(f"{name} has more than 4 decimal places: {result}")
    return result


def optional_amount(value: Any, *, name: str = "amount") -> Decimal | None:
    return None if value is None else amount(value, name=name)


def choice(enum: type[E], value: str, *, name: str) -> E:
    """``value`` as a member of ``enum``, or `InvalidValue` naming the allowed values."""
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise InvalidValue(f"{name} {value!r} is not one of: {allowed}") from None
