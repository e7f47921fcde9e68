"""Promise follow-through: a reminder the day before, the next stage at once when broken."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from arbox.agent.notices import run_dunning, send_notice
from arbox.tools.models import Customer, OutgoingNotice, Promise
from arbox.tools.promises import record_promise

from .conftest import TODAY, Factory
from .test_pipeline import Outbox


def promise(ledger, cust, numbers, on, tolerance=3):
    with ledger.transaction() as s:
        record_promise(
            s,
            key=None,
            customer=cust.id,
            invoices=numbers,
            promised_on=on,
            tolerance_days=tolerance,
        )


def test_a_reminder_goes_out_the_day_before_a_promise_falls_due(make: Factory, ledger) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 10, amount="640.00")
    promise(ledger, cust, [inv.number], TODAY + timedelta(days=1))
    outbox = Outbox()
    (plan,) = run_dunning(ledger, today=TODAY, sender=outbox, dry_run=False).notices
    assert plan.due.stage.name == "promise_reminder" and plan.report.ok, plan.report.describe()
    assert plan.status == "sent" and plan.subject.startswith("Payment as agreed")
    body = outbox.sent[0].get_body(("plain",)).get_content()
    assert "by 2026-03-03" in body and inv.number in body and "USD 640.00" in body
    # not on other days
    assert run_dunning(ledger, today=TODAY - timedelta(days=1)).notices == []


def test_the_reminder_is_per_segment_and_in_the_customers_language(make: Factory, ledger) -> None:
    big = make.customer("Big Co", segment="strategic", email="ap@big.test")
    de = make.customer("Keller Bau GmbH", email="jk@keller.test", currency="EUR")
    with ledger.transaction() as s:
        s.get(Customer, de.id).language = "de"
    for cust in (big, de):
        inv = make.invoice(cust, 10)
        promise(ledger, cust, [inv.number], TODAY + timedelta(days=1))
    (plan,) = run_dunning(ledger, today=TODAY).notices
    assert plan.due.customer_id == de.id and plan.report.ok
    assert plan.subject.startswith("Erinnerung an die vereinbarte Zahlung")
    assert "bis zum 3. März 2026" in plan.body


def test_a_broken_promise_triggers_the_next_stage_at_once_naming_it(make: Factory, ledger) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 10, amount="640.00")
    with ledger.transaction() as s:  # overdue_3 went out a week ago
        s.add(
            OutgoingNotice(
                customer_id=cust.id,
                to_email="billing@acme.test",
                stage="overdue_3",
                status="sent",
                invoices=[inv.number],
                run_date=TODAY - timedelta(days=7),
                guardrail={"stages": {inv.number: "overdue_3"}},
            )
        )
    promise(ledger, cust, [inv.number], TODAY - timedelta(days=5))
    # day 10 is inside overdue_3's window, which was sent: only the broken promise dunns
    dry = run_dunning(ledger, today=TODAY).notices
    assert [p.due.stage.name for p in dry] == ["overdue_15"]
    (plan,) = run_dunning(ledger, today=TODAY, dry_run=False).notices
    assert plan.due.stage.name == "overdue_15" and plan.report.ok
    assert "you told us payment would reach us by 2026-02-25; we have not received it" in plan.body
    with ledger.session() as s:
        assert s.exec(select(Promise)).one().status == "broken"
    # followed up once: the next day brings nothing new
    assert run_dunning(ledger, today=TODAY + timedelta(days=1)).notices == []
    outbox = Outbox()
    assert send_notice(ledger, plan.notice_id, outbox, today=TODAY).status == "sent"
    assert "we have not received it" in outbox.sent[0].get_body(("plain",)).get_content()
