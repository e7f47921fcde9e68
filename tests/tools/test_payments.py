"""Payments, suspense and payment claims."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factories as f
import pytest
from sqlmodel import select

from arbox.tools import actions
from arbox.tools.errors import InvalidAmount, InvalidValue
from arbox.tools.models import Invoice, Payment, PaymentClaim
from arbox.tools.payments import apply_payment, post_payment


@pytest.fixture
def books(any_ledger):
    with any_ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co")
        f.invoice(s, acme, "INV-1", "1250.00")
        f.invoice(s, acme, "INV-2", "300.00")
        other = f.customer(s, "OTHER", name="Other Corp")
        f.invoice(s, other, "INV-9", "1250.00")
    return any_ledger


def test_post_payment_applies_and_leaves_rest_in_suspense(books):
    with books.transaction() as s:
        res = post_payment(
            s,
            key="k",
            reference="W-1",
            received_on=date(2026, 3, 1),
            amount="1,300.00",
            customer="ACME",
            applications=[("INV-1", "1250")],
        )
    assert res.details["unapplied"] == "50.00"
    with books.session() as s:
        inv = s.exec(select(Invoice).where(Invoice.number == "INV-1")).one()
        assert inv.balance == Decimal("0.00")


def test_applications_cannot_exceed_payment_or_balance(books):
    with pytest.raises(InvalidAmount), books.transaction() as s:
        post_payment(
            s,
            key="k",
            reference="W-1",
            received_on=date(2026, 3, 1),
            amount="100",
            customer="ACME",
            applications=[("INV-2", "150")],
        )
    with pytest.raises(InvalidAmount), books.transaction() as s:
        post_payment(
            s,
            key="k",
            reference="W-1",
            received_on=date(2026, 3, 1),
            amount="400",
            customer="ACME",
            applications=[("INV-2", "350")],
        )


def test_apply_from_suspense(books):
    with books.transaction() as s:
        post_payment(
            s,
            key="k",
            reference="W-7",
            received_on=date(2026, 3, 1),
            amount="300",
            payer_name="ACME BUILD",
        )
        apply_payment(s, key="a", reference="W-7", invoice="INV-2", amount="300.00")
    with books.session() as s:
        pay = s.exec(select(Payment)).one()
        assert (pay.unapplied, pay.applied) == (Decimal("0.00"), Decimal("300.00"))
        assert pay.customer_id is not None


@pytest.mark.parametrize(
    ("claim", "expect"),
    [
        ({"amount": "1250.00", "paid_on": date(2026, 3, 2), "reference": "ACH 99812"}, "W-ACH"),
        ({"invoices": ["INV-1"], "paid_on": date(2026, 3, 1)}, "W-ACH"),
        ({"amount": "999.00", "paid_on": date(2026, 3, 2)}, None),
        ({"amount": "1250.00", "paid_on": date(2026, 1, 2)}, None),
    ],
)
def test_payment_claim_finds_suspense_match(books, claim, expect):
    with books.transaction() as s:
        post_payment(
            s,
            key="p1",
            reference="W-ACH",
            received_on=date(2026, 3, 3),
            amount="1250.00",
            payer_name="ACME BUILD CO",
            memo="ACH 99812 INV-1",
        )
        post_payment(
            s,
            key="p2",
            reference="W-OTHER",
            received_on=date(2026, 3, 3),
            amount="1250.00",
            customer="OTHER",
        )
    with books.transaction() as s:
        res = actions.record_payment_claim(s, key="c", customer="ACME", method="ach", **claim)
    assert res.details["matched_reference"] == expect
    with books.session() as s:
        row = s.exec(select(PaymentClaim)).one()
        assert row.status == ("matched" if expect else "open")
        # A claim never marks anything paid.
        assert s.exec(select(Invoice).where(Invoice.number == "INV-1")).one().balance == Decimal(
            "1250.00"
        )


def test_payment_claim_validation(books):
    with pytest.raises(InvalidValue), books.transaction() as s:
        actions.record_payment_claim(s, key="c", customer="ACME", method="bitcoin")
    with pytest.raises(InvalidAmount), books.transaction() as s:
        actions.record_payment_claim(s, key="c", customer="ACME", amount="-3")
    with books.transaction() as s:
        res = actions.record_payment_claim(s, key="c", customer="ACME")
        actions.close_payment_claim(s, key="cc", claim_id=res.record_id)
