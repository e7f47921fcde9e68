from datetime import date
from decimal import Decimal

from arbox.tools.models import Customer, Invoice


def test_money_round_trips_exactly(any_ledger):
    with any_ledger.transaction() as s:
        c = Customer(external_id="C1", name="Acme")
        s.add(c)
        s.flush()
        s.add(
            Invoice(
                number="INV-1",
                customer_id=c.id,
                issue_date=date(2026, 1, 1),
                due_date=date(2026, 1, 31),
                amount=Decimal("1234567890.12"),
                balance=Decimal("0.01"),
            )
        )
    with any_ledger.session() as s:
        inv = s.get(Invoice, 1)
        assert inv.amount == Decimal("1234567890.12") and isinstance(inv.amount, Decimal)
        assert str(inv.balance) == "0.01"
