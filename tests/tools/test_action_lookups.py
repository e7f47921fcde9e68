"""Actions that read only keys and statuses (no ORM objects loaded), and idempotency keys
read ahead for a reply's actions: the same rows, results and refusals as before."""

from __future__ import annotations

from datetime import date

import factories as f
import pytest
from sqlmodel import select

from arbox.tools.audit import read_keys
from arbox.tools.errors import (
    InvalidTransition,
    InvoiceCustomerMismatch,
    UnknownCustomer,
    UnknownInvoice,
    UnknownRecord,
)
from arbox.tools.models import AuditLog, DunningPause
from arbox.tools.pauses import pause_dunning
from arbox.tools.tasks import close_task, create_task, note_task


@pytest.fixture
def books(any_ledger):
    with any_ledger.transaction() as s:
        acme = f.customer(s, "ACME", domain="acme.com")
        for n in ("A-1", "A-2", "A-3"):
            f.invoice(s, acme, n, "100.00")
        other = f.customer(s, "OTHER", domain="other.com")
        f.invoice(s, other, "O-1", "50.00")
    return any_ledger


def test_a_pause_per_invoice_in_the_order_named(books):
    with books.transaction() as s:
        done = pause_dunning(
            s,
            key="k1",
            customer="ACME",
            invoices=["A-3", "A-1", "A-3"],
            reason="dispute",
            until=date(2026, 4, 1),
            source_message="<m@x>",
        )
    with books.session() as s:
        rows = {p.id: p for p in s.exec(select(DunningPause))}
    ids = done.details["pause_ids"]
    assert done.record_id == ids[0] and len(ids) == 2 and ids == sorted(ids)
    assert [rows[i].invoice_id for i in ids] == [3, 1]
    assert all(rows[i].active and rows[i].created_at is not None for i in ids)
    assert {rows[i].until for i in ids} == {date(2026, 4, 1)}
    assert done.details["invoices"] == ["A-3", "A-1"]
    assert done.message == "dunning paused for A-3, A-1 until 2026-04-01"
    with books.transaction() as s:  # the whole customer, by primary key
        whole = pause_dunning(s, key="k2", customer=1, reason="promise")
    assert whole.target == "customer:ACME" and whole.message == "dunning paused for all invoices"


@pytest.mark.parametrize(
    ("customer", "invoices", "error"),
    [
        ("NOPE", [], UnknownCustomer),
        (999, [], UnknownCustomer),
        ("ACME", ["A-1", "Z-9"], UnknownInvoice),
        ("ACME", ["O-1"], InvoiceCustomerMismatch),
    ],
)
def test_a_pause_refused_writes_nothing(books, customer, invoices, error):
    with pytest.raises(error), books.transaction() as s:
        pause_dunning(s, key="k", customer=customer, invoices=invoices, reason="x")
    with books.session() as s:
        assert s.exec(select(DunningPause)).all() == []


def test_a_note_needs_a_task_still_open(books):
    with books.transaction() as s:
        task = create_task(s, key="t", queue="billing", summary="check", customer="ACME")
        noted = note_task(s, key="n1", task_id=task.record_id, note=" again ")
    assert noted.details == {"note": "again", "source_message": None, "id": task.record_id}
    assert not noted.changed
    with pytest.raises(UnknownRecord, match="unknown task #99"), books.transaction() as s:
        note_task(s, key="n2", task_id=99, note="x")
    with books.transaction() as s:
        close_task(s, key="c", task_id=task.record_id)
        with pytest.raises(InvalidTransition, match=f"task #{task.record_id} is done"):
            note_task(s, key="n3", task_id=task.record_id, note="late")


def test_keys_read_ahead_replay_once_then_ask_the_database(books):
    with books.transaction() as s:
        pause_dunning(s, key="p", customer="ACME", reason="first")
    with books.transaction() as s:
        read_keys(s, ["p", "new"])
        again = pause_dunning(s, key="p", customer="ACME", reason="first")
        fresh = pause_dunning(s, key="new", customer="ACME", reason="second")
        # "new" was read as unseen once; asked again it is the row just written.
        replayed = pause_dunning(s, key="new", customer="ACME", reason="second")
    assert again.replayed and not fresh.replayed and replayed.replayed
    assert replayed.record_id == fresh.record_id
    with books.session() as s:
        assert len(s.exec(select(AuditLog)).all()) == 2
