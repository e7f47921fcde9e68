"""Promise lifecycle: kept, partial, broken; pauses and collections tasks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factories as f
import pytest
from sqlmodel import select

from arbox.tools import actions
from arbox.tools.errors import InvalidTransition, InvalidValue
from arbox.tools.models import DunningPause, Invoice, Promise, Task
from arbox.tools.payments import post_payment


@pytest.fixture
def books(any_ledger):
    with any_ledger.transaction() as s:
        acme = f.customer(s, "ACME")
        f.invoice(s, acme, "INV-1", "1000.00")
        f.invoice(s, acme, "INV-2", "500.00")
        f.invoice(s, acme, "INV-0", "80.00", balance="0.00")
    return any_ledger


def promise(ledger, **kw):
    with ledger.transaction() as s:
        return actions.record_promise(
            s, key=kw.pop("key", "p"), customer="ACME", promised_on=date(2026, 3, 15), **kw
        )


def pay(ledger, ref, invoice, amount):
    with ledger.transaction() as s:
        post_payment(
            s,
            key=ref,
            reference=ref,
            received_on=date(2026, 3, 14),
            amount=amount,
            customer="ACME",
            applications=[(invoice, amount)],
        )


def settle(ledger, today):
    with ledger.transaction() as s:
        return actions.evaluate_promises(s, today=today)


def test_promise_defaults_to_open_invoices_and_pauses_them(books):
    res = promise(books)
    assert res.details["invoices"] == ["INV-1", "INV-2"]
    assert res.details["amount"] == "1500.00"
    with books.session() as s:
        pauses = s.exec(select(DunningPause)).all()
        assert {p.until for p in pauses} == {date(2026, 3, 18)} and len(pauses) == 2


def test_promise_kept_as_soon_as_paid(books):
    promise(books, invoices=["INV-1"], amount="1000")
    pay(books, "W-1", "INV-1", "1000.00")
    review = settle(books, date(2026, 3, 15))
    assert review.kept and not review.tasks
    with books.session() as s:
        assert s.exec(select(Promise)).one().status == "kept"
        assert not any(p.active for p in s.exec(select(DunningPause)))


def test_promise_waits_for_tolerance_before_judging(books):
    promise(books, invoices=["INV-1"], tolerance_days=3)
    assert settle(books, date(2026, 3, 18)).broken == []
    review = settle(books, date(2026, 3, 19))
    assert len(review.broken) == 1 and len(review.tasks) == 1


def test_broken_promise_ends_pause_and_opens_collections_task(books):
    promise(books, invoices=["INV-1", "INV-2"], source_message="<m1@x>")
    settle(books, date(2026, 4, 1))
    with books.session() as s:
        p = s.exec(select(Promise)).one()
        task = s.exec(select(Task)).one()
        assert (p.status, p.paid_amount) == ("broken", Decimal("0.00"))
        assert task.queue == "collections" and task.invoices == ["INV-1", "INV-2"]
        assert task.source_message == "<m1@x>"
        assert not any(pz.active for pz in s.exec(select(DunningPause)))
    assert settle(books, date(2026, 4, 2)).tasks == []  # settled once


def test_partial_promise(books):
    promise(books, invoices=["INV-1"], amount="1000.00")
    pay(books, "W-2", "INV-1", "400.00")
    review = settle(books, date(2026, 4, 1))
    assert review.partial and review.tasks
    with books.session() as s:
        assert s.exec(select(Promise)).one().paid_amount == Decimal("400.00")
        assert s.exec(select(Invoice).where(Invoice.number == "INV-1")).one().balance == Decimal(
            "600.00"
        )


def test_promise_validation(books):
    with pytest.raises(InvalidValue), books.transaction() as s:
        actions.record_promise(
            s, key="x", customer="ACME", invoices=["INV-0"], promised_on=date(2026, 3, 1)
        )
    with pytest.raises(InvalidValue), books.transaction() as s:
        actions.record_promise(s, key="x", customer="ACME", promised_on="2026-03-01")
    with books.session() as s:
        assert s.exec(select(Promise)).all() == []


def test_cancel_promise(books):
    res = promise(books)
    with books.transaction() as s:
        actions.cancel_promise(s, key="c", promise_id=res.record_id)
    with pytest.raises(InvalidTransition), books.transaction() as s:
        actions.cancel_promise(s, key="c2", promise_id=res.record_id)
    with books.session() as s:
        assert not any(p.active for p in s.exec(select(DunningPause)))
