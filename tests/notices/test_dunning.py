"""The dunning schedule: cadence boundaries, exclusions, grouping, contacts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from arbox.tools.dunning import load_cadences, select_due
from arbox.tools.errors import InvalidValue
from arbox.tools.models import (
    Contact,
    CreditMemo,
    Dispute,
    DunningPause,
    OutgoingNotice,
    Payment,
    Promise,
    PromiseInvoice,
)

from .conftest import TODAY, Factory


def _due(ledger, today=TODAY):
    with ledger.session() as s:
        return select_due(s, today)


@pytest.mark.parametrize(
    ("segment", "days", "stage"),
    [
        ("standard", -4, None),
        ("standard", -3, "reminder"),
        ("standard", -1, "reminder"),
        ("standard", 0, None),
        ("standard", 2, None),
        ("standard", 3, "overdue_3"),
        ("standard", 14, "overdue_3"),
        ("standard", 15, "overdue_15"),
        ("standard", 29, "overdue_15"),
        ("standard", 30, "overdue_30"),
        ("standard", 45, "final_45"),
        ("standard", 74, "final_45"),
        ("standard", 75, None),
        ("strategic", 3, None),
        ("strategic", 6, None),
        ("strategic", 7, "overdue_7"),
        ("strategic", 21, "overdue_21"),
        ("strategic", 45, "final_45"),
        ("high_risk", -6, None),
        ("high_risk", -5, "reminder"),
        ("high_risk", 3, "overdue_3"),
        ("chronic_late", 44, "overdue_30"),
        ("chronic_late", 45, "final_45"),
    ],
)
def test_cadence_boundaries(make: Factory, ledger, segment, days, stage) -> None:
    cust = make.customer(segment=segment)
    inv = make.invoice(cust, days)
    due = _due(ledger)
    if stage is None:
        assert due == []
    else:
        assert [(n.customer_id, n.stage.name) for n in due] == [(cust.id, stage)]
        assert [i.number for i in due[0].invoices] == [inv.number]


def test_firm_segments_warn_of_credit_hold_only_at_the_last_stage() -> None:
    cadences = load_cadences()
    for seg in ("chronic_late", "high_risk"):
        stages = cadences[seg].stages
        assert stages[-1].allows == ("credit_hold",)
        assert all(s.allows == () for s in stages[:-1])
        assert cadences[seg].tone == "firm"
    assert cadences["strategic"].review and not cadences["standard"].review
    assert all(s.allows == () for s in cadences["standard"].stages)


def test_a_stage_goes_out_once_then_the_next_one(make: Factory, ledger) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 3)
    make.add(
        OutgoingNotice(
            customer_id=cust.id,
            to_email="x@acme.test",
            stage="overdue_3",
            status="sent",
            invoices=[inv.number],
            run_date=TODAY,
        )
    )
    # the same customer is skipped for the rest of the run date...
    assert _due(ledger) == []
    # ...and the stage is not repeated on the following days
    assert _due(ledger, TODAY + timedelta(days=5)) == []
    later = _due(ledger, TODAY + timedelta(days=12))
    assert [n.stage.name for n in later] == ["overdue_15"]


def test_cancelled_notice_does_not_count_as_sent(make: Factory, ledger) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 3)
    make.add(
        OutgoingNotice(
            customer_id=cust.id,
            to_email="x@acme.test",
            stage="overdue_3",
            status="cancelled",
            invoices=[inv.number],
            run_date=TODAY - timedelta(days=1),
        )
    )
    assert [n.stage.name for n in _due(ledger)] == ["overdue_3"]


def test_per_invoice_stages_are_kept_in_a_grouped_notice(make: Factory, ledger) -> None:
    cust = make.customer()
    young, old = make.invoice(cust, 3), make.invoice(cust, 45)
    due = _due(ledger)[0]
    assert due.stage.name == "final_45"
    assert {i.number: i.stage for i in due.invoices} == {
        young.number: "overdue_3",
        old.number: "final_45",
    }
    make.add(
        OutgoingNotice(
            customer_id=cust.id,
            to_email="x",
            stage="final_45",
            status="sent",
            invoices=[young.number, old.number],
            run_date=TODAY,
            guardrail={"stages": {young.number: "overdue_3", old.number: "final_45"}},
        )
    )
    later = _due(ledger, TODAY + timedelta(days=12))
    assert [(i.number, i.stage) for n in later for i in n.invoices] == [
        (young.number, "overdue_15")
    ]


def _exclusion_rows(kind: str, cust, inv, other_cust):
    if kind == "disputed":
        return [Dispute(customer_id=cust.id, invoice_id=inv.id, reason="pricing")]
    if kind == "paused_customer":
        return [
            DunningPause(
                customer_id=cust.id, reason="payment claim", until=TODAY + timedelta(days=2)
            )
        ]
    if kind == "paused_invoice":
        return [DunningPause(customer_id=cust.id, invoice_id=inv.id, reason="x")]
    if kind == "credit_invoice":
        return [
            CreditMemo(
                number="CM-1",
                customer_id=cust.id,
                invoice_id=inv.id,
                amount=Decimal("1250.00"),
                remaining=Decimal("1250.00"),
                issued_on=TODAY,
            )
        ]
    if kind == "credit_customer":
        return [
            CreditMemo(
                number="CM-2",
                customer_id=cust.id,
                amount=Decimal("2000.00"),
                remaining=Decimal("1300.00"),
                issued_on=TODAY,
            )
        ]
    if kind == "suspense":
        return [
            Payment(
                reference="P-1",
                received_on=TODAY,
                amount=Decimal("1250.00"),
                unapplied=Decimal("1250.00"),
                customer_id=cust.id,
            )
        ]
    raise AssertionError(kind)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("disputed", "disputed"),
        ("paused_customer", "paused"),
        ("paused_invoice", "paused"),
        ("credit_invoice", "credit_covered"),
        ("credit_customer", "credit_covered"),
        ("suspense", "payment_in_suspense"),
    ],
)
def test_exclusions(make: Factory, ledger, kind, reason) -> None:
    cust, other = make.customer(), make.customer("Other Co", email="ap@other.test")
    inv = make.invoice(cust, 3)
    kept = make.invoice(cust, 3, amount="99.00")
    make.add(*_exclusion_rows(kind, cust, inv, other))
    make.invoice(other, 3)  # another customer's notice is never affected
    due = {n.customer_id: n for n in _due(ledger)}
    assert len(due[other.id].invoices) == 1
    if kind in ("paused_customer", "credit_customer"):
        # customer-wide: the pause, or a credit larger than each balance, covers both
        assert cust.id not in due
        return
    assert [i.number for i in due[cust.id].invoices] == [kept.number]
    assert due[cust.id].excluded[inv.number] == reason


def test_paid_invoices_are_never_picked(make: Factory, ledger) -> None:
    cust = make.customer()
    make.invoice(cust, 3, balance="0.00")
    assert _due(ledger) == []


def test_inactive_or_expired_pause_and_other_payers_do_not_exclude(make: Factory, ledger) -> None:
    cust, other = make.customer(), make.customer("Other Co", email="ap@other.test")
    inv = make.invoice(cust, 3)
    make.add(
        DunningPause(customer_id=cust.id, reason="old", until=TODAY - timedelta(days=1)),
        DunningPause(customer_id=cust.id, reason="ended", active=False),
        Payment(
            reference="P-9",
            received_on=TODAY,
            amount=Decimal("1250.00"),
            unapplied=Decimal("1250.00"),
            customer_id=other.id,
        ),
        Payment(
            reference="P-8",
            received_on=TODAY,
            amount=Decimal("1250.01"),
            unapplied=Decimal("1250.01"),
            customer_id=cust.id,
        ),
        Dispute(customer_id=cust.id, invoice_id=inv.id, reason="pricing", status="resolved"),
    )
    assert [i.number for n in _due(ledger) for i in n.invoices] == [inv.number]


@pytest.mark.parametrize(("days_after_promise", "excluded"), [(-1, True), (3, True), (4, False)])
def test_promise_excludes_until_date_plus_tolerance(
    make: Factory, ledger, days_after_promise, excluded
) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 3)
    today = TODAY + timedelta(days=days_after_promise)
    promise = Promise(
        customer_id=cust.id, amount=Decimal("1250.00"), promised_on=TODAY, tolerance_days=3
    )
    make.add(promise)
    make.add(
        PromiseInvoice(
            promise_id=promise.id, invoice_id=inv.id, balance_at_promise=Decimal("1250.00")
        )
    )
    picked = [i.number for n in _due(ledger, today) for i in n.invoices]
    assert picked == ([] if excluded else [inv.number])


def test_one_notice_per_customer_grouped_by_po_then_project(make: Factory, ledger) -> None:
    cust, other = make.customer(), make.customer("Other Co", email="ap@other.test")
    a = make.invoice(cust, 3, po="PO-2")
    b = make.invoice(cust, 15, po="PO-1")
    c = make.invoice(cust, 16, po="PO-2")
    d = make.invoice(cust, 3, project="Tower")
    e = make.invoice(cust, 4)
    make.invoice(other, 3)
    notices = _due(ledger)
    assert [n.customer_id for n in notices] == [cust.id, other.id]
    groups = [(k, [i.number for i in v]) for k, v in notices[0].groups()]
    assert groups == [
        ("PO PO-1", [b.number]),
        ("PO PO-2", [c.number, a.number]),
        ("Project Tower", [d.number]),
        ("", [e.number]),
    ]
    assert notices[0].total == Decimal("6250.00")


def test_contact_is_the_primary_active_billing_contact(make: Factory, ledger) -> None:
    cust = make.customer(email=None)
    make.add(
        Contact(
            customer_id=cust.id,
            email="bounced@acme.test",
            role="billing",
            is_primary=True,
            bounced=True,
        ),
        Contact(customer_id=cust.id, email="buyer@acme.test", role="buyer", is_primary=True),
        Contact(customer_id=cust.id, email="second@acme.test", role="billing"),
        Contact(customer_id=cust.id, email="first@acme.test", role="billing", is_primary=True),
    )
    make.invoice(cust, 3)
    (due,) = _due(ledger)
    assert due.contact_email == "first@acme.test"
    assert due.hold_reason is None


def test_no_billing_contact_or_strategic_account_is_held(make: Factory, ledger) -> None:
    nobody = make.customer(email=None)
    strategic = make.customer("Big Co", segment="strategic", email="ap@big.test")
    make.invoice(nobody, 3)
    make.invoice(strategic, 7)
    reasons = {n.customer_id: n.hold_reason for n in _due(ledger)}
    assert "no active billing contact" in reasons[nobody.id]
    assert "strategic" in reasons[strategic.id]


def test_bad_cadence_file_is_a_clear_error(tmp_path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("[segments.standard]\nstages = 3\n")
    with pytest.raises(InvalidValue, match="bad cadence file"):
        load_cadences(bad)


def test_custom_cadence_file(tmp_path, make: Factory, ledger) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[segments.standard]\nstages = [{ name = "only", days = 10 }]\n')
    cust = make.customer()
    make.invoice(cust, 12)
    with ledger.session() as s:
        due = select_due(s, TODAY, load_cadences(path))
    assert [n.stage.name for n in due] == ["only"]
