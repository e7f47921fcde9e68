"""CSV import: delimiters, amount and date formats, line-numbered errors, re-import."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import select

from arbox.tools.csv_import import import_csv, read_rows, sniff_delimiter
from arbox.tools.errors import ImportFileError
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
        "C-1,broken,No One,billing,maybe,no\n"
    )
    report = import_csv(customers, "contacts", write(tmp_path, "ct.csv", text))
    assert report.created == 1
    assert [line for line, _ in report.errors] == [3]
    renamed = "customer_external_id,email,name,primary\nC-1,dana@acme-build.com,Dana O.,yes\n"
    again = import_csv(customers, "contacts", write(tmp_path, "ct2.csv", renamed))
    assert (again.created, again.updated, again.errors) == (0, 1, [])
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


# Issue 16, finding 2: each case below failed on the row-by-row import.


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request):
    """A ledger with customers C-1 (USD) and C-2 (EUR), on SQLite and on PostgreSQL."""
    led = request.getfixturevalue("ledger" if request.param == "sqlite" else "pg_ledger")
    tmp_path = request.getfixturevalue("tmp_path")
    text = "external_id,name,currency\nC-1,Acme,USD\nC-2,Globex,EUR\n"
    assert import_csv(led, "customers", write(tmp_path, "seed.csv", text)).ok
    return led


def invoices(ledger):
    with ledger.session() as s:
        return {i.number: i for i in s.exec(select(Invoice))}


HEAD = "number,customer,issue_date,due_date,amount\n"


def test_an_amount_too_large_to_store_is_a_row_error_and_good_rows_are_kept(db, tmp_path):
    text = HEAD + (
        "A-1,C-1,2026-01-01,2026-01-31,10.00\n"
        "A-2,C-1,2026-01-01,2026-01-31,99999999999999999999999.99\n"
        "A-3,C-1,2026-01-01,2026-01-31,0.00001\n"
        "A-4,C-1,2026-01-01,2026-01-31,99999999999999.99\n"
        "A-5,C-2,2026-01-01,2026-01-31,20.00\n"
    )
    report = import_csv(db, "invoices", write(tmp_path, "big.csv", text))
    assert report.created == 3
    errors = dict(report.errors)
    assert set(errors) == {3, 4}
    assert "too large" in errors[3] and "4 decimal places" in errors[4]
    rows = invoices(db)
    assert rows["A-4"].amount == Decimal("99999999999999.99")
    assert rows["A-5"].currency == "EUR"


def test_a_value_the_database_refuses_is_a_row_error(db, tmp_path, monkeypatch):
    # Past the import's own checks: the batch falls back to row by row.
    monkeypatch.setattr("arbox.tools.csv_values.MAX_AMOUNT", Decimal(10) ** 30)
    text = HEAD + (
        "B-1,C-1,2026-01-01,2026-01-31,10.00\n"
        "B-2,C-1,2026-01-01,2026-01-31,99999999999999999999999.99\n"
        "B-3,C-1,2026-01-01,2026-01-31,30.00\n"
    )
    report = import_csv(db, "invoices", write(tmp_path, "refused.csv", text))
    assert report.created == 2
    assert [line for line, _ in report.errors] == [3]
    assert "cannot be stored" in report.errors[0][1]
    assert set(invoices(db)) == {"B-1", "B-3"}


@pytest.mark.parametrize(
    ("date_format", "issue", "due"),
    [
        ("eu", "15.10.2026", "14.11.2026"),
        ("eu", "15/10/26", "14-11-26"),
        ("us", "10.15.2026", "11/14/26"),
    ],
)
def test_dotted_dates_and_two_digit_years(ledger, tmp_path, date_format, issue, due):
    write(tmp_path, "c.csv", "external_id,name\nC-1,Acme\n")
    import_csv(ledger, "customers", tmp_path / "c.csv")
    text = HEAD + f"D-1,C-1,{issue},{due},10.00\n"
    report = import_csv(ledger, "invoices", write(tmp_path, "d.csv", text), date_format=date_format)
    assert report.ok, report.errors
    inv = invoices(ledger)["D-1"]
    assert (inv.issue_date, inv.due_date) == (date(2026, 10, 15), date(2026, 11, 14))


def test_impossible_dates_are_row_errors(customers, tmp_path):
    text = HEAD + "E-1,C-1,31.02.2026,2026-03-31,1.00\nE-2,C-1,2026-01-01,2026-01-31,1.00\n"
    report = import_csv(customers, "invoices", write(tmp_path, "e.csv", text), date_format="eu")
    assert report.created == 1 and [line for line, _ in report.errors] == [2]
    assert "read as DD/MM/YYYY" in report.errors[0][1]


def test_enums_are_read_whatever_the_case(customers, tmp_path):
    text = "external_id,name,segment\nC-3,Initech,Strategic\nC-4,Umbrella,Chronic Late\n"
    report = import_csv(customers, "customers", write(tmp_path, "c2.csv", text))
    assert report.ok, report.errors
    with customers.session() as s:
        segments = {c.external_id: c.segment for c in s.exec(select(Customer))}
    assert (segments["C-3"], segments["C-4"]) == ("strategic", "chronic_late")
    pays = "reference,received_on,amount,method\nW-9,2026-02-10,5.00,WIRE\n"
    assert import_csv(customers, "payments", write(tmp_path, "p.csv", pays)).ok
    with customers.session() as s:
        assert s.exec(select(Payment)).one().method == "wire"


def test_a_key_repeated_in_one_file_is_an_error_on_the_later_line(db, tmp_path):
    text = HEAD + (
        "K-1,C-1,2026-01-01,2026-01-31,10.00\n"
        "K-2,C-1,2026-01-01,2026-01-31,20.00\n"
        "K-1,C-1,2026-01-01,2026-01-31,99.00\n"
    )
    report = import_csv(db, "invoices", write(tmp_path, "k.csv", text))
    assert report.created == 2
    assert report.errors == [(4, "K-1 repeats line 2")]
    assert invoices(db)["K-1"].amount == Decimal("10.00")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("\n  \n", "is empty"),
        (HEAD, "has a header but no rows"),
        (HEAD + ",,,,\n\n", "has a header but no rows"),
    ],
)
def test_an_empty_or_header_only_file_is_an_error(customers, tmp_path, text, message):
    with pytest.raises(ImportFileError, match=message):
        import_csv(customers, "invoices", write(tmp_path, "empty.csv", text))


def test_a_missing_required_column_is_reported_once_for_the_file(customers, tmp_path):
    text = "number,customer,issue_date,due_date\n" + "M-1,C-1,2026-01-01,2026-01-31\n" * 3
    with pytest.raises(ImportFileError) as err:
        import_csv(customers, "invoices", write(tmp_path, "m.csv", text))
    assert str(err.value).count("amount") == 2  # missing amount (invoices need ..., amount)
    assert "line 1: missing required column(s) amount" in str(err.value)
    assert invoices(customers) == {}


def test_a_column_named_twice_is_a_file_error_and_unknown_ones_a_warning(customers, tmp_path):
    with pytest.raises(ImportFileError, match="'amount' appears twice"):
        import_csv(customers, "invoices", write(tmp_path, "t.csv", HEAD[:-1] + ",Amount\n"))
    text = HEAD[:-1] + ",balnce\nW-1,C-1,2026-01-01,2026-01-31,10.00,5.00\n"
    report = import_csv(customers, "invoices", write(tmp_path, "w.csv", text))
    assert report.ok and report.warnings == ["ignored unknown column(s): balnce"]


@pytest.mark.parametrize(
    ("decimal", "expected"),
    [("auto", None), ("point", Decimal("1.234")), ("comma", Decimal("1234"))],
)
def test_an_ambiguous_amount_needs_the_decimal_option(customers, tmp_path, decimal, expected):
    text = HEAD + "N-1,C-1,2026-01-01,2026-01-31,1.234\nN-2,C-1,2026-01-01,2026-01-31,12\n"
    report = import_csv(customers, "invoices", write(tmp_path, "n.csv", text), decimal=decimal)
    rows = invoices(customers)
    assert rows["N-2"].amount == Decimal("12")
    if expected is None:
        assert [line for line, _ in report.errors] == [2] and "N-1" not in rows
        assert "--decimal-point or --decimal-comma" in report.errors[0][1]
    else:
        assert report.ok and rows["N-1"].amount == expected


def test_the_decimal_option_refuses_the_other_convention(customers, tmp_path):
    text = HEAD + 'P-1,C-1,2026-01-01,2026-01-31,"1.234,56"\nP-2,C-1,2026-01-01,2026-01-31,12\n'
    report = import_csv(customers, "invoices", write(tmp_path, "p.csv", text), decimal="point")
    assert report.created == 1 and [line for line, _ in report.errors] == [2]


def test_language_and_locale_of_customers_and_contacts(db, tmp_path):
    text = (
        "external_id,name,language,locale\n"
        "C-1,Acme,DE,de-ch\n"
        "C-2,Globex,,fr_CH\n"
        "C-3,Initech,klingon,\n"
        "C-4,Umbrella,en,not a locale\n"
    )
    report = import_csv(db, "customers", write(tmp_path, "l.csv", text))
    assert report.updated == 2 and [line for line, _ in report.errors] == [4, 5]
    contacts = "customer,email,language,locale\nC-1,jonas@acme.de,fr,fr_FR\n"
    assert import_csv(db, "contacts", write(tmp_path, "lc.csv", contacts)).created == 1
    # A file without the columns leaves them alone.
    import_csv(db, "customers", write(tmp_path, "n.csv", "external_id,name\nC-1,Acme AG\n"))
    with db.session() as s:
        cust = {c.external_id: (c.language, c.locale) for c in s.exec(select(Customer))}
        contact = s.exec(select(Contact)).one()
    assert cust == {"C-1": ("de", "de_CH"), "C-2": (None, "fr_CH")}
    assert (contact.language, contact.locale) == ("fr", "fr_FR")


def test_batches_count_like_row_by_row(db, tmp_path):
    lines = [f"Q-{n},C-{1 + n % 2},2026-01-01,2026-01-31,{n}.00\n" for n in range(1, 8)]
    path = write(tmp_path, "q.csv", HEAD + "".join(lines) + "Q-9,C-7,2026-01-01,2026-01-31,1\n")
    first = import_csv(db, "invoices", path, batch_size=3)
    assert (first.created, first.updated, first.unchanged) == (7, 0, 0)
    assert first.errors == [(9, "unknown customer 'C-7'")]
    lines[2] = "Q-3,C-2,2026-01-01,2026-01-31,3.50\n"  # changed amount
    lines[4] = "Q-5,C-1,2026-01-01,2026-01-31,5.00\n"  # moved to another customer
    again = import_csv(
        db, "invoices", write(tmp_path, "q2.csv", HEAD + "".join(lines)), batch_size=3
    )
    assert (again.created, again.updated, again.unchanged) == (0, 1, 5)
    assert again.errors == [(6, "invoice Q-5 belongs to another customer")]
    rows = invoices(db)
    assert rows["Q-3"].amount == Decimal("3.50") and len(rows) == 7


def test_unreadable_cells_are_row_errors(customers, tmp_path):
    text = HEAD + (
        "R-1,C-1,2026-01-01,2026-01-31,1.00\n"
        "R-2\x00,C-1,2026-01-01,2026-01-31,1.00\n"
        f"R-3,C-1,2026-01-01,2026-01-31,1.00,{'x' * 300}\n"
        "R-4,C-1,2026-01-01,2026-01-31,1.00\n"
    )
    limit = csv.field_size_limit(200)
    try:
        report = import_csv(customers, "invoices", write(tmp_path, "r.csv", text))
    finally:
        csv.field_size_limit(limit)
    assert report.created == 2
    assert report.errors[0] == (3, "contains a NUL character")
    assert report.errors[1][0] == 4 and "not readable as CSV" in report.errors[1][1]


def test_a_cp1252_file_is_read(customers, tmp_path):
    path = tmp_path / "w.csv"
    path.write_bytes("external_id,name\nC-5,Société Générale\n".encode("cp1252"))
    assert import_csv(customers, "customers", path).created == 1
    with customers.session() as s:
        names = {c.name for c in s.exec(select(Customer))}
    assert "Société Générale" in names
