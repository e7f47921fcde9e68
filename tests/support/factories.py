"""Row factories for tests: real rows in a real database."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from arbox.tools.models import Contact, Customer, Invoice, Payment


def customer(session: Session, external_id: str = "C-1", **kw: Any) -> Customer:
    row = Customer(external_id=external_id, name=kw.pop("name", f"Customer {external_id}"), **kw)
    session.add(row)
    session.flush()
    return row


def contact(session: Session, cust: Customer, email: str, **kw: Any) -> Contact:
    row = Contact(customer_id=cust.id, email=email, **kw)
    session.add(row)
    session.flush()
    return row


def invoice(
    session: Session,
    cust: Customer,
    number: str,
    amount: str = "100.00",
    due: date = date(2026, 3, 1),
    **kw: Any,
) -> Invoice:
    value = Decimal(amount)
    row = Invoice(
        number=number,
        customer_id=cust.id,
        issue_date=due - timedelta(days=30),
        due_date=due,
        amount=value,
        balance=Decimal(kw.pop("balance", amount)),
        **kw,
    )
    session.add(row)
    session.flush()
    return row


def payment(
    session: Session,
    reference: str,
    amount: str,
    received_on: date,
    cust: Customer | None = None,
    **kw: Any,
) -> Payment:
    value = Decimal(amount)
    row = Payment(
        reference=reference,
        received_on=received_on,
        amount=value,
        unapplied=value,
        customer_id=cust.id if cust else None,
        **kw,
    )
    session.add(row)
    session.flush()
    return row
