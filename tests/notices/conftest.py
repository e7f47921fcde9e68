"""Row factories for the notice tests: real rows in a real SQLite ledger."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from arbox.tools.db import Ledger
from arbox.tools.models import Contact, Customer, Invoice

TODAY = date(2026, 3, 2)
_seq = itertools.count(1)


class Factory:
    """Adds customers, contacts and invoices; returns the rows with their ids."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def add(self, *rows: Any) -> None:
        with self.ledger.transaction() as s:
            for row in rows:
                s.add(row)
            s.flush()
            for row in rows:
                s.refresh(row)

    def customer(
        self,
        name: str = "Acme Build Co",
        segment: str = "standard",
        email: str | None = "billing@acme.test",
        currency: str = "USD",
    ) -> Customer:
        n = next(_seq)
        cust = Customer(external_id=f"C{n:05d}", name=name, segment=segment, currency=currency)
        self.add(cust)
        if email:
            self.add(
                Contact(
                    customer_id=cust.id,
                    email=email,
                    name="Dana Ortiz",
                    role="billing",
                    is_primary=True,
                )
            )
        return cust

    def invoice(
        self,
        cust: Customer,
        days_past_due: int,
        amount: str = "1250.00",
        balance: str | None = None,
        po: str | None = None,
        project: str | None = None,
        number: str | None = None,
    ) -> Invoice:
        due = TODAY - timedelta(days=days_past_due)
        inv = Invoice(
            number=number or f"INV-{10000 + next(_seq)}",
            customer_id=cust.id,
            po=po,
            project=project,
            issue_date=due - timedelta(days=30),
            due_date=due,
            amount=Decimal(amount),
            balance=Decimal(balance or amount),
            currency=cust.currency,
        )
        self.add(inv)
        return inv


@pytest.fixture
def make(ledger: Ledger) -> Factory:
    return Factory(ledger)
