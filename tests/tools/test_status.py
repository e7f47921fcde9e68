"""Contract statuses agree with the dunning exclusions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factories as f
from sqlmodel import select

from arbox.tools import actions
from arbox.tools.models import CreditMemo, Invoice
from arbox.tools.status import invoice_statuses

TODAY = date(2026, 3, 2)


def test_each_status(any_ledger):
    with any_ledger.transaction() as s:
        cust = f.customer(s, "ACME")
        for n in ("OPEN", "PAID", "DISP", "PROM", "PAUS", "CRED"):
            f.invoice(s, cust, f"INV-{n}", "100.00", balance="0.00" if n == "PAID" else "100.00")
        actions.tag_dispute(s, key="d", customer="ACME", invoice="INV-DISP", reason="pricing")
        actions.record_promise(
            s, key="p", customer="ACME", invoices=["INV-PROM"], promised_on=date(2026, 3, 10)
        )
        actions.pause_dunning(s, key="z", customer="ACME", invoices=["INV-PAUS"], reason="x")
        cred = s.exec(select(Invoice).where(Invoice.number == "INV-CRED")).one()
        s.add(
            CreditMemo(
                number="CM-1",
                customer_id=cust.id,
                invoice_id=cred.id,
                amount=Decimal("100.00"),
                remaining=Decimal("100.00"),
                issued_on=TODAY,
            )
        )
    with any_ledger.session() as s:
        invoices = list(s.exec(select(Invoice)))
        by_id = invoice_statuses(s, invoices, today=TODAY)
        statuses = {i.number: by_id[i.id] for i in invoices}
        later = invoice_statuses(s, invoices, today=date(2026, 3, 20))
    assert statuses == {
        "INV-OPEN": "open",
        "INV-PAID": "paid",
        "INV-DISP": "disputed",
        "INV-PROM": "promised",
        "INV-PAUS": "paused",
        "INV-CRED": "open",
    }
    # Past the promise date plus tolerance, the promise (and its pause) no longer hold.
    prom = next(i for i in invoices if i.number == "INV-PROM")
    assert later[prom.id] == "open"
