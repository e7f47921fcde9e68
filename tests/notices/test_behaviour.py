"""Behaviour-aware cadence: a customer's own payment pattern, and escalation when ignored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlmodel import select

from arbox.agent.notices import run_dunning
from arbox.tools.behaviour import ignored_streaks, payment_patterns
from arbox.tools.models import (
    Customer,
    InboundMessage,
    Invoice,
    OutgoingNotice,
    Payment,
    PaymentApplication,
    Promise,
    Task,
)

from .conftest import TODAY, Factory


def history(make: Factory, cust: Customer, late_days: list[int]) -> None:
    """Paid invoices, each paid ``late`` days after its due date."""
    with make.ledger.transaction() as s:
        for n, late in enumerate(late_days):
            due = TODAY - timedelta(days=200 - 30 * n)
            inv = Invoice(
                number=f"H-{cust.id}-{n}",
                customer_id=cust.id,
                issue_date=due - timedelta(days=30),
                due_date=due,
                amount=Decimal("100.00"),
                balance=Decimal("0.00"),
            )
            pay = Payment(
                reference=f"P-{cust.id}-{n}",
                received_on=due + timedelta(days=late),
                amount=Decimal("100.00"),
                applied=Decimal("100.00"),
                customer_id=cust.id,
            )
            s.add_all([inv, pay])
            s.flush()
            s.add(PaymentApplication(payment_id=pay.id, invoice_id=inv.id, amount=Decimal("100")))


def test_a_reliable_late_payer_is_not_escalated_within_its_pattern(make: Factory, ledger) -> None:
    steady = make.customer("Steady Co", email="ap@steady.test")
    history(make, steady, [7, 8, 8, 9, 8])
    fresh = make.customer("New Co", email="ap@new.test")
    make.invoice(steady, 5)
    make.invoice(fresh, 5)
    with ledger.session() as s:
        pattern = payment_patterns(s, [steady.id])[steady.id]
    assert pattern.reliable and pattern.usual == 8 and pattern.expected_by == 11
    plans = run_dunning(ledger, today=TODAY).notices
    assert [p.due.customer_id for p in plans] == [fresh.id]  # the plain cadence for New Co
    make.invoice(steady, 12, number="INV-LATE")  # beyond its habit: the notice goes out
    (plan,) = [
        p for p in run_dunning(ledger, today=TODAY).notices if p.due.customer_id == steady.id
    ]
    assert plan.invoices == ["INV-LATE"] and plan.status == "draft"
    assert "within its usual pattern" in next(iter(plan.due.excluded.values()))


def test_a_customer_who_deviates_from_its_pattern_is_flagged(make: Factory, ledger) -> None:
    steady = make.customer("Steady Co", email="ap@steady.test")
    history(make, steady, [2, 3, 3, 4, 3])
    erratic = make.customer("Erratic Co", email="ap@erratic.test")
    history(make, erratic, [0, 30, 2, 45, 10])
    make.invoice(steady, 16)
    make.invoice(erratic, 16)
    plans = {p.due.customer_id: p for p in run_dunning(ledger, today=TODAY, dry_run=False).notices}
    flagged = plans[steady.id]
    assert flagged.status == "draft"  # the notice still goes out; a person is told
    assert "deviates from its payment pattern" in flagged.due.deviation
    assert "usually pays 3 days after the due date" in flagged.due.deviation
    assert plans[erratic.id].due.deviation is None  # no reliable pattern: the plain cadence
    with ledger.session() as s:
        (task,) = s.exec(select(Task)).all()
    assert task.queue == "credit" and task.customer_id == steady.id
    assert "16 days past due" in task.summary


def sent(ledger, cust: Customer, days_ago: int) -> None:
    with ledger.transaction() as s:
        s.add(
            OutgoingNotice(
                customer_id=cust.id,
                to_email="billing@acme.test",
                stage="reminder",
                status="sent",
                invoices=[],
                run_date=TODAY - timedelta(days=days_ago),
                sent_at=datetime.combine(
                    TODAY - timedelta(days=days_ago), datetime.min.time(), UTC
                ),
                message_id=f"<n{cust.id}-{days_ago}@x>",
            )
        )


def test_escalation_after_ignored_notices_with_a_summary_for_the_credit_manager(
    make: Factory, ledger
) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 15, amount="700.00")
    sent(ledger, cust, 20)
    sent(ledger, cust, 12)
    with ledger.transaction() as s:
        s.add(
            InboundMessage(message_id="<ooo@x>", customer_id=cust.id, parsed={"auto_reply": True})
        )
        s.add(
            Promise(
                customer_id=cust.id,
                amount=Decimal("700.00"),
                promised_on=TODAY - timedelta(days=9),
                status="broken",
            )
        )
    with ledger.session() as s:
        assert ignored_streaks(s, [cust.id]) == {cust.id: 2}
    (plan,) = run_dunning(ledger, today=TODAY, dry_run=False).notices
    assert plan.escalated and plan.tone == "firm" and plan.report.ok
    with ledger.session() as s:
        (task,) = s.exec(select(Task)).all()
    assert task.queue == "credit" and "ignored its last 2 notices" in task.summary
    assert f"{inv.number}: USD 700.00," in task.summary and "broken" in task.summary
    assert "Open items (1: USD 700.00 in total)" in task.summary
    assert "Recommended next steps:" in task.summary and "dated commitment" in task.summary
    # a reply after the last notice resets the streak
    with ledger.transaction() as s:
        s.add(InboundMessage(message_id="<r@x>", customer_id=cust.id, subject="we are on it"))
    with ledger.session() as s:
        assert ignored_streaks(s, [cust.id]) == {cust.id: 0}


def test_no_escalation_below_the_setting(make: Factory, ledger) -> None:
    cust = make.customer()
    make.invoice(cust, 15)
    sent(ledger, cust, 12)
    (plan,) = run_dunning(ledger, today=TODAY).notices
    assert not plan.escalated and plan.tone == "neutral"
    (plan,) = run_dunning(ledger, today=TODAY, escalate_after=1).notices
    assert plan.escalated


def test_the_credit_managers_summary_totals_each_currency_apart(make: Factory, ledger) -> None:
    from arbox.tools.behaviour import account_summary

    cust = make.customer()
    make.invoice(cust, 15, amount="1700.00")
    euro = make.invoice(cust, 20, amount="1250.50")
    with ledger.transaction() as s:
        row = s.get(Invoice, euro.id)
        assert row is not None
        row.currency = "EUR"
    with ledger.session() as s:
        summary = account_summary(s, cust.id or 0, TODAY)
    # Dollars and euros are never added together.
    assert "Open items (2: EUR 1,250.50 and USD 1,700.00 in total)" in summary
