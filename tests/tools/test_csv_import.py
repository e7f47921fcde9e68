"""CSV import: delimiters, amount and date formats, line-numbered errors, re-import."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import select

from arbox.tools.csv_import import import_csv, read_rows, sniff_delimiter
from arbox.tools.models import Contact, Customer, Invoice, Payment

CUSTOMERS = """external_id,name,segment,terms_days,currency,domain
C-1,Acme Build Co,standard,30,usd,ACME-build.com
C-2,Globex,strategic,60,USD,globex.com
"""

INVOICES = """number;customer_external_id;po;project;issue_date;due_date;amount;balance
INV-1;C-1;PO-7781;;01/15/2026;02/14/2026;"1.234,56";
INV-2;C-1;;Tower;2026-01-20;2026-02-19;$1,250.00;250.00
INV-3;C-9;;;2026-01-20;2026-02-19;100.00;
INV-4;C-2;;;2026-01-20;2026-02-19;(120.00);
INV-5;C-2;;;2026-13-40;2026-02-19;10.00;
INV-6;C-2;;;2026-01-20;2026-02-19;12.x5;
INV-7;C-2;;;2026-01-20;2026-02-19;99.99;
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def customers(any_ledger, tmp_path):
    report = import_csv(any_ledger, "customers", write(tmp_path, "c.csv", CUSTOMERS))
    assert (report.created, report.errors) == (2, [])
    return any_ledger


def test_customers_normalised(customers):
    with customers.session() as s:
        acme = s.exec(select(Customer).where(Customer.external_id == "C-1")).one()
    assert (acme.currency, acme.domain, acme.terms_days) == ("USD", "acme-build.com", 30)


def test_bad_rows_named_by_line_and_good_rows_kept(customers, tmp_path):
    report = import_csv(customers, "invoices", write(tmp_path, "i.csv", INVOICES))
    assert report.created == 3
    errors = dict(report.errors)
    assert set(errors) == {4, 5, 6, 7}
    assert "unknown customer 'C-9'" in errors[4]
    assert "amount must be positive" in errors[5]
    assert "issue_date" in errors[6]
    assert "amount" in errors[7]
    with customers.session() as s:
        rows = {i.number: i for i in s.exec(select(Invoice))}
    assert rows["INV-1"].amount == Decimal("1234.56") == rows["INV-1"].balance
    assert rows["INV-1"].issue_date == date(2026, 1, 15) and rows["INV-1"].po == "PO-7781"
    assert (rows["INV-2"].amount, rows["INV-2"].balance) == (Decimal("1250.00"), Decimal("250"))
    assert rows["INV-7"].amount == Decimal("99.99")


def test_reimport_updates_and_duplicates_nothing(customers, tmp_path):
    path = write(tmp_path, "i.csv", INVOICES)
    import_csv(customers, "invoices", path)
    again = import_csv(customers, "invoices", path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = INVOICES.replace("$1,250.00;250.00", "$1,250.00;0.00")
    third = import_csv(customers, "invoices", write(tmp_path, "i2.csv", changed))
    assert third.updated == 1
    with customers.session() as s:
        assert len(s.exec(select(Invoice)).all()) == 3
        inv2 = s.exec(select(Invoice).where(Invoice.number == "INV-2")).one()
        assert inv2.balance == Decimal("0.00")


def test_eu_dates_and_pipe_delimiter(customers, tmp_path):
    text = "number|customer|issue_date|due_date|amount\nINV-9|C-2|05/03/2026|04/04/2026|10,50\n"
    report = import_csv(customers, "invoices", write(tmp_path, "eu.csv", text), date_format="eu")
    assert report.ok
    with customers.session() as s:
        inv = s.exec(select(Invoice)).one()
    assert inv.issue_date == date(2026, 3, 5) and inv.amount == Decimal("10.50")


def test_contacts_and_flags(customers, tmp_path):
    text = (
        "customer_external_id,email,name,role,primary,bounced\n"
        "C-1,Dana@Acme-Build.com,Dana Ortiz,billing,yes,no\n"
        "C-1,dana@acme-build.com,Dana O.,billing,yes,no\n"
        "C-1,broken,No One,billing,maybe,no\n"
    )
    report = import_csv(customers, "contacts", write(tmp_path, "ct.csv", text))
    assert (report.created, report.updated) == (1, 1)
    assert [line for line, _ in report.errors] == [4]
    with customers.session() as s:
        contact = s.exec(select(Contact)).one()
    assert (contact.email, contact.name, contact.is_primary) == (
        "dana@acme-build.com",
        "Dana O.",
        True,
    )


def test_payments_apply_or_go_to_suspense(customers, tmp_path):
    import_csv(customers, "invoices", write(tmp_path, "i.csv", INVOICES))
    text = (
        "reference,received_on,amount,customer_external_id,payer_name,method,invoice\n"
        "W-1,2026-02-10,1234.56,C-1,Acme,wire,INV-1\n"
        "W-2,2026-02-11,75.00,,ACME BUILD,ach,\n"
        "W-3,2026-02-11,9999.00,C-1,Acme,wire,INV-2\n"
    )
    path = write(tmp_path, "p.csv", text)
    report = import_csv(customers, "payments", path)
    assert report.created == 2 and [line for line, _ in report.errors] == [4]
    assert "exceeds the open balance" in report.errors[0][1]
    again = import_csv(customers, "payments", path)
    assert again.created == 0 and again.unchanged == 2
    with customers.session() as s:
        pays = {p.reference: p for p in s.exec(select(Payment))}
        inv1 = s.exec(select(Invoice).where(Invoice.number == "INV-1")).one()
    assert inv1.balance == Decimal("0.00")
    assert pays["W-2"].unapplied == Decimal("75.00") and pays["W-2"].customer_id is None


def test_ragged_row_and_quoted_newlines(tmp_path):
    text = 'a,b\n1,"two\nlines"\n3,4,5\n6,7\n'
    rows = list(read_rows(text))
    assert [line for line, _ in rows] == [2, 4, 5]
    assert sniff_delimiter("a;b;c,d") == ";"


def test_unknown_kind_is_a_clear_error(ledger, tmp_path):
    with pytest.raises(ValueError, match="unknown kind"):
        import_csv(ledger, "vendors", write(tmp_path, "x.csv", "a\n1\n"))
