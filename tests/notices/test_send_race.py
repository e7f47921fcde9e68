"""A dunning run that sends while cash application posts payments through the API, on
PostgreSQL: invoices are always locked before notices, so neither side deadlocks, and a
conflict is retried, never a crash or a 5xx."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

import factories as f
import pytest
from apikit import AUTH, settings
from fastapi.testclient import TestClient
from sqlmodel import select

from arbox.agent import build_classifier
from arbox.agent.notices import run_dunning, send_pending
from arbox.api.app import create_app
from arbox.tools.models import Invoice, OutgoingNotice

from .test_pipeline import Outbox

pytestmark = pytest.mark.postgres
TODAY = date(2026, 3, 20)
CUSTOMERS = 12
INVOICES = 4


def amount(number: str) -> Decimal:
    """Invoice R<round>-<customer>-<i> is for 100 + i."""
    return Decimal(100 + int(number.rsplit("-", 1)[1]))


def books(ledger: Any, round_: int) -> dict[str, list[str]]:
    """Customers with several overdue invoices each; returns their invoice numbers."""
    numbers: dict[str, list[str]] = {}
    with ledger.transaction() as s:
        for c in range(CUSTOMERS):
            ext = f"R{round_}-C{c}"
            cust = f.customer(s, ext, name=f"Customer {ext}", domain=f"c{round_}x{c}.example")
            f.contact(s, cust, f"ap@c{round_}x{c}.example", role="billing", is_primary=True)
            numbers[ext] = [
                f.invoice(s, cust, f"R{round_}-{c}-{i}", f"{100 + i}.00").number
                for i in range(INVOICES)
            ]
    return numbers


def race(client: TestClient, ledger: Any, round_: int) -> None:
    """One round: a sending dunning run beside two payers working in opposite orders."""
    numbers = books(ledger, round_)
    outbox = Outbox()
    statuses: list[int] = []
    errors: list[BaseException] = []

    def pay(order: int) -> None:
        # One payer pays invoices 0 and 1 of every customer, the other 3 and 2,
        # in opposite orders of customers and of invoices.
        picks = [0, 1] if order == 1 else [3, 2]
        try:
            for ext in sorted(numbers)[::order]:
                invs = [numbers[ext][i] for i in picks]
                body = {
                    "reference": f"P{round_}-{ext}-{order}",
                    "received_on": "2026-03-19",
                    "amount": str(sum(amount(n) for n in invs)),
                    "customer": ext,
                    "applications": [{"invoice": n, "amount": str(amount(n))} for n in invs],
                }
                statuses.append(client.post("/payments", json=body, headers=AUTH).status_code)
        except BaseException as exc:
            errors.append(exc)

    def dun() -> None:
        try:
            run_dunning(ledger, today=TODAY, sender=outbox, dry_run=False)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=dun)] + [
        threading.Thread(target=pay, args=(order,)) for order in (1, -1)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert len(statuses) == 2 * CUSTOMERS and all(code < 500 for code in statuses), statuses
    send_pending(ledger, outbox, today=TODAY)  # what a failed send left, if anything
    with ledger.session() as s:
        notices = s.exec(select(OutgoingNotice)).all()
        assert not [n.id for n in notices if n.status in ("draft", "approved")]
        for n in notices:
            if n.status == "sent":
                # Trimmed under lock: the total is what its invoices add up to.
                assert n.total == sum((amount(x) for x in n.invoices), Decimal(0))
        balances = s.exec(select(Invoice.balance)).all()
    assert all(b == Decimal(0) for b in balances)  # every payment went through


def test_sending_while_payments_are_posted_never_crashes(pg_ledger) -> None:
    app = create_app(
        settings(pg_ledger),
        ledger=pg_ledger,
        classifier=build_classifier("offline"),
        today=lambda: TODAY,
        watch=False,
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        for round_ in range(4):
            race(client, pg_ledger, round_)
