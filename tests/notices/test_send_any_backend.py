"""The send-time check on SQLite and PostgreSQL (row locks, the claiming UPDATE)."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import select

from arbox.agent.notices import run_dunning, send_notice
from arbox.tools.models import Invoice, OutgoingNotice

from .conftest import TODAY, Factory
from .test_pipeline import Outbox


def test_send_time_check_on_every_backend(any_ledger) -> None:
    make = Factory(any_ledger)
    cust = make.customer()
    paid = make.invoice(cust, 3, amount="400.00")
    kept = make.invoice(cust, 4, amount="700.00")
    run_dunning(any_ledger, today=TODAY, dry_run=False)
    with any_ledger.transaction() as s:
        inv = s.get(Invoice, paid.id)
        inv.balance = Decimal("0.00")
        s.add(inv)
    with any_ledger.session() as s:
        notice_id = s.exec(select(OutgoingNotice.id)).one()
    outbox = Outbox()
    first = send_notice(any_ledger, notice_id, outbox, today=TODAY)
    second = send_notice(any_ledger, notice_id, outbox, today=TODAY)
    assert (first.status, second.status) == ("sent", "skipped")
    assert len(outbox.sent) == 1
    body = outbox.sent[0].get_body(("plain",)).get_content()
    assert kept.number in body and paid.number not in body
    with any_ledger.session() as s:
        row = s.get(OutgoingNotice, notice_id)
        assert row.status == "sent" and row.message_id == outbox.sent[0]["Message-ID"]
        assert row.total == Decimal("700.00")
