"""Money is exact: parsing, the column type, and no float anywhere in the schema."""

from __future__ import annotations

from decimal import Decimal

import factories as f
import pytest
from sqlalchemy import Float, text
from sqlmodel import SQLModel, select

from arbox.tools.models import Invoice
from arbox.tools.money import Money, MoneyError, parse_amount, to_money


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("$1,234.56", "1234.56"),
        ("USD 1,250", "1250"),
        ("1.250,00 €", "1250.00"),
        ("(120.00)", "-120.00"),
        ("-12.5", "-12.5"),
        ("1,234", "1234"),
        ("1.234", "1234"),
        ("0,5", "0.5"),
        ("1,234,567.89", "1234567.89"),
        ("€ 3.000", "3000"),
    ],
)
def test_parse_amount(raw, value):
    assert parse_amount(raw) == Decimal(value)


@pytest.mark.parametrize("raw", ["", "abc", "12.x5", "1,23,4.00", "1.2.3,4,5", "--5", "$"])
def test_parse_amount_refuses_garbage(raw):
    with pytest.raises(MoneyError):
        parse_amount(raw)


def test_float_money_is_refused():
    with pytest.raises(MoneyError, match="float"):
        to_money(0.1)


def test_no_money_column_is_a_float():
    money_like = ("amount", "balance", "applied", "unapplied", "remaining", "total")
    for table in SQLModel.metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, Float):
                # Only match scores (0-100, not money) may be floats.
                assert column.name.endswith("score"), f"{table.name}.{column.name} is a float"
            if any(column.name.endswith(word) for word in money_like):
                assert isinstance(column.type, Money), f"{table.name}.{column.name} is not Money"


def test_sums_are_exact_in_the_database(any_ledger):
    # 0.1 + 0.2 is the classic float failure; ten thousand cents must sum to 100.00.
    with any_ledger.transaction() as s:
        cust = f.customer(s)
        for n in range(100):
            f.invoice(s, cust, f"INV-{n}", "0.01" if n else "0.10")
    with any_ledger.session() as s:
        total = s.exec(select(Invoice.balance)).all()
        assert sum(total, Decimal(0)) == Decimal("1.09")
        raw = s.execute(text("SELECT SUM(balance) FROM invoice")).scalar_one()
    scale = 10_000 if any_ledger.dialect == "sqlite" else 1
    assert Decimal(raw) / scale == Decimal("1.09")


def test_float_bind_is_refused_by_the_column(any_ledger):
    with pytest.raises(Exception, match="float"), any_ledger.transaction() as s:
        cust = f.customer(s)
        s.add(
            Invoice(
                number="X",
                customer_id=cust.id,
                issue_date=None,
                due_date=None,
                amount=12.5,
                balance=12.5,
            )
        )
        s.flush()
