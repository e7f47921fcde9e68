"""Ledger actions: each validates, writes one audit row, and is idempotent under its key."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factories as f
import pytest
from sqlalchemy import func
from sqlmodel import select

from arbox.tools import actions
from arbox.tools.errors import (
    IdempotencyConflict,
    InvalidAmount,
    InvalidTransition,
    InvalidValue,
    InvoiceCustomerMismatch,
    UnknownCustomer,
    UnknownInvoice,
)
from arbox.tools.models import AuditLog, Contact, Dispute, DunningPause, Task


@pytest.fixture
def books(any_ledger):
    with any_ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co")
        f.invoice(s, acme, "INV-1", "1250.00")
        f.invoice(s, acme, "INV-2", "300.00")
        other = f.customer(s, "OTHER")
        f.invoice(s, other, "INV-9", "50.00")
    return any_ledger


def audit_count(ledger) -> int:
    with ledger.session() as s:
        return s.exec(select(func.count()).select_from(AuditLog)).one()


def test_tag_dispute_is_idempotent_and_audited(books):
    with books.transaction() as s:
        first = actions.tag_dispute(
            s,
            key="m1:dispute:INV-1",
            customer="ACME",
            invoice="INV-1",
            reason="pricing",
            disputed_amount="120.50",
        )
    with books.transaction() as s:
        again = actions.tag_dispute(
            s,
            key="m1:dispute:INV-1",
            customer="ACME",
            invoice="INV-1",
            reason="pricing",
            disputed_amount="120.50",
        )
    assert first.changed and not first.replayed
    assert again.replayed and not again.changed and "nothing changed" in again.message
    assert again.record_id == first.record_id
    with books.session() as s:
        disputes = s.exec(select(Dispute)).all()
        assert len(disputes) == 1 and disputes[0].disputed_amount == Decimal("120.50")
        row = s.exec(select(AuditLog)).one()
        assert (row.action, row.target, row.idempotency_key) == (
            "tag_dispute",
            "invoice:INV-1",
            "m1:dispute:INV-1",
        )
        assert row.after["disputed_amount"] == "120.50"


def test_second_dispute_on_same_invoice_changes_nothing(books):
    with books.transaction() as s:
        actions.tag_dispute(s, key="a", customer="ACME", invoice="INV-1", reason="pricing")
        second = actions.tag_dispute(
            s, key="b", customer="ACME", invoice="INV-1", reason="quantity"
        )
    assert not second.changed and "already has open dispute" in second.message
    assert audit_count(books) == 2


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"customer": "NOPE", "invoice": "INV-1"}, UnknownCustomer),
        ({"customer": "ACME", "invoice": "INV-404"}, UnknownInvoice),
        ({"customer": "ACME", "invoice": "INV-9"}, InvoiceCustomerMismatch),
        ({"customer": "ACME", "invoice": "INV-1", "disputed_amount": "-5"}, InvalidAmount),
        ({"customer": "ACME", "invoice": "INV-1", "disputed_amount": 5.5}, InvalidAmount),
        ({"customer": "ACME", "invoice": "INV-1", "disputed_amount": "2000"}, InvalidAmount),
        ({"customer": "ACME", "invoice": "INV-1", "reason": "vibes"}, InvalidValue),
    ],
)
def test_dispute_validation_writes_nothing(books, kwargs, error):
    kwargs = {"reason": "pricing", **kwargs}
    with pytest.raises(error), books.transaction() as s:
        actions.tag_dispute(s, key="k", **kwargs)
    assert audit_count(books) == 0
    with books.session() as s:
        assert s.exec(select(Dispute)).all() == []


def test_key_reused_for_another_action_is_refused(books):
    with books.transaction() as s:
        actions.create_task(s, key="same", queue="billing", summary="send PO copy")
    with pytest.raises(IdempotencyConflict), books.transaction() as s:
        actions.pause_dunning(s, key="same", customer="ACME", reason="x")


def test_resolve_dispute_once(books):
    with books.transaction() as s:
        d = actions.tag_dispute(s, key="d", customer="ACME", invoice="INV-2", reason="damaged")
        actions.resolve_dispute(s, key="r", dispute_id=d.record_id, outcome="rejected")
    with pytest.raises(InvalidTransition), books.transaction() as s:
        actions.resolve_dispute(s, key="r2", dispute_id=d.record_id)
    with books.session() as s:
        assert s.get(Dispute, d.record_id).status == "rejected"


def test_pause_customer_wide_and_end(books):
    with books.transaction() as s:
        res = actions.pause_dunning(
            s, key="p", customer="ACME", reason="distress", until=date(2026, 4, 1)
        )
        assert res.details["invoices"] == []
        actions.end_pause(s, key="e", pause_id=res.record_id)
    with books.session() as s:
        pause = s.get(DunningPause, res.record_id)
        assert pause.invoice_id is None and not pause.active and pause.ended_at is not None
    with pytest.raises(InvalidTransition), books.transaction() as s:
        actions.end_pause(s, key="e2", pause_id=res.record_id)


def test_pause_needs_reason_and_own_invoices(books):
    with pytest.raises(InvalidValue), books.transaction() as s:
        actions.pause_dunning(s, key="p", customer="ACME", reason="  ")
    with pytest.raises(InvoiceCustomerMismatch), books.transaction() as s:
        actions.pause_dunning(s, key="p", customer="ACME", invoices=["INV-1", "INV-9"], reason="x")
    with books.session() as s:
        assert s.exec(select(DunningPause)).all() == []


def test_deduction_validation_and_resolution(books):
    with pytest.raises(InvalidAmount), books.transaction() as s:
        actions.open_deduction(
            s, key="d", customer="ACME", invoice="INV-2", deducted_amount="100", paid_amount="250"
        )
    with books.transaction() as s:
        res = actions.open_deduction(
            s,
            key="d",
            customer="ACME",
            invoice="INV-2",
            deducted_amount="40.00",
            paid_amount="260.00",
            reason="freight",
        )
        actions.resolve_deduction(s, key="dr", deduction_id=res.record_id)
    assert res.details["deducted_amount"] == "40.00"
    assert audit_count(books) == 2


def test_task_lifecycle(books):
    with books.transaction() as s:
        t = actions.create_task(
            s,
            key="t",
            queue="cash_app",
            summary="find the wire",
            customer="ACME",
            invoices=["INV-1"],
        )
        actions.claim_task(s, key="c", task_id=t.record_id, assignee="dana")
        actions.close_task(s, key="x", task_id=t.record_id)
    with books.session() as s:
        task = s.get(Task, t.record_id)
        assert (task.status, task.assignee, task.invoices) == ("done", "dana", ["INV-1"])
    with pytest.raises(InvalidValue), books.transaction() as s:
        actions.create_task(s, key="t2", queue="marketing", summary="x")
    with pytest.raises(InvalidTransition), books.transaction() as s:
        actions.claim_task(s, key="c2", task_id=t.record_id, assignee="sam")


def test_upsert_contact_adds_then_updates_and_makes_primary(books):
    with books.transaction() as s:
        old = f.contact(s, f.customer(s, "X"), "old@x.com", is_primary=True)
        actions.upsert_contact(
            s, key="c1", customer="X", email="New@X.com", name="Nia", make_primary=True
        )
        actions.upsert_contact(s, key="c2", customer="X", email="new@x.com", name="Nia Lee")
    with books.session() as s:
        rows = {c.email: c for c in s.exec(select(Contact))}
    assert set(rows) == {"old@x.com", "new@x.com"}
    assert rows["new@x.com"].is_primary and not rows["old@x.com"].is_primary
    assert rows["new@x.com"].name == "Nia Lee" and old.id == rows["old@x.com"].id
    with pytest.raises(InvalidValue), books.transaction() as s:
        actions.upsert_contact(s, key="c3", customer="X", email="not-an-address")


def test_deactivate_contact(books):
    with books.transaction() as s:
        actions.upsert_contact(s, key="c1", customer="ACME", email="ap@acme.com")
        actions.deactivate_contact(s, key="c2", customer="ACME", email="AP@acme.com")
    with books.session() as s:
        assert not s.exec(select(Contact)).one().active


def test_audit_log_is_append_only(books):
    with books.transaction() as s:
        actions.create_task(s, key="t", queue="billing", summary="x")
    with pytest.raises(Exception, match="append-only"), books.transaction() as s:
        row = s.exec(select(AuditLog)).one()
        row.actor = "mallory"
        s.add(row)
    with pytest.raises(Exception, match="append-only"), books.transaction() as s:
        s.delete(s.exec(select(AuditLog)).one())
    assert audit_count(books) == 1
