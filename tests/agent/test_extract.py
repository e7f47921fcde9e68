"""Dates, amounts, invoice and PO numbers, addresses and terms found in reply text."""

from datetime import date
from decimal import Decimal

import pytest

from arbox.agent import extract
from arbox.agent.dates import find_dates, first_date

MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we'll pay next Friday", date(2026, 3, 13)),
        ("we'll pay Friday", date(2026, 3, 6)),
        ("by end of month", date(2026, 3, 31)),
        ("EOM", date(2026, 3, 31)),
        ("end of next month", date(2026, 4, 30)),
        ("on 15/03", date(2026, 3, 15)),
        ("on 03/15", date(2026, 3, 15)),
        ("March 15th", date(2026, 3, 15)),
        ("15th of March", date(2026, 3, 15)),
        ("the 20th", date(2026, 3, 20)),
        ("tomorrow", date(2026, 3, 3)),
        ("in two weeks", date(2026, 3, 16)),
        ("within 10 business days", date(2026, 3, 16)),
        ("bis 20. März", date(2026, 3, 20)),
        ("le 15 mars", date(2026, 3, 15)),
        ("el 6 de abril", date(2026, 4, 6)),
        ("bis Ende März", date(2026, 3, 31)),
        ("on 27.03.2026", date(2026, 3, 27)),
        ("on 27.03", date(2026, 3, 27)),
        ("2026-04-01", date(2026, 4, 1)),
        ("this week", date(2026, 3, 6)),
    ],
)
def test_dates_resolve_against_the_email_date(text, expected):
    assert first_date(text, MONDAY) == expected


def test_ambiguous_numeric_dates_take_the_nearest_reading_on_the_preferred_side():
    # 04/05 is 5 April (m/d) or 4 May (d/m): a promise takes the nearer future one...
    assert first_date("04/05", MONDAY, "future") == date(2026, 4, 5)
    # ...a payment already made takes the nearest past reading.
    assert first_date("paid 01/02", MONDAY, "past") == date(2026, 2, 1)
    assert first_date("paid 28/02", MONDAY, "past") == date(2026, 2, 28)


def test_year_rolls_over_for_future_dates_without_a_year():
    assert first_date("January 10", date(2026, 12, 20)) == date(2027, 1, 10)


def test_amounts_with_cents_or_a_currency_are_not_dates_and_vice_versa():
    assert find_dates("we paid $5.06 and 1,250.00", MONDAY) == []
    assert [a.value for a in extract.find_amounts("$5.06 and 1,250.00")] == [
        Decimal("5.06"),
        Decimal("1250.00"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$1,250.00", Decimal("1250.00")),
        ("USD 4,750.00", Decimal("4750.00")),
        ("5.600,00 EUR", Decimal("5600.00")),
        ("€18.400,00", Decimal("18400.00")),
        ("8.500 dollars", Decimal("8500")),
        ("GBP 3,460.20", Decimal("3460.20")),
    ],
)
def test_amounts_are_exact_decimals(text, value):
    (found,) = extract.find_amounts(f"amount {text} thanks")
    assert found.value == value and isinstance(found.value, Decimal)


def test_invoice_numbers_in_common_spellings():
    text = "INV-10442, INV10443, #10444, invoice 2026-0457 and invoices 88123, 88140"
    assert extract.find_invoices(text) == [
        "INV-10442",
        "INV10443",
        "10444",
        "2026-0457",
        "88123",
        "88140",
    ]


def test_check_and_po_numbers_are_not_invoices():
    assert extract.find_invoices("check #5521 for PO #77812") == []


def test_near_miss_invoice_numbers_map_to_the_ledger_spelling():
    known = ("INV-10442", "INV-10450")
    assert extract.find_invoices("about INV-1044 and 10450", known) == ["INV-10442", "INV-10450"]
    assert extract.match_known("INV-10424", known) == "INV-10442"  # swapped digits
    assert extract.match_known("INV-99999", known) is None
    # one typo away from two known numbers: ambiguous, so no match
    assert extract.match_known("INV-10452", ("INV-10442", "INV-10462")) is None


def test_po_numbers_emails_terms_method_reference():
    text = "Use PO# 4500012345. Write to ap@acme-build.com. Our terms are net 60."
    assert extract.find_pos(text) == ["4500012345"]
    assert extract.find_emails(text) == ["ap@acme-build.com"]
    assert extract.find_emails(text, exclude=["AP@acme-build.com"]) == []
    assert extract.terms_days(text) == 60
    assert extract.terms_days("we have 90-day terms") == 90
    assert extract.payment_method("sent by bank transfer") == "wire"
    assert extract.payment_method("paid via ACH") == "ach"
    assert extract.payment_method("check #10233 was mailed") == "check"
    assert extract.payment_reference("check #10233 was mailed") == "10233"
    assert extract.payment_reference("Confirmation number: W2603051187") == "W2603051187"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paiement fin de mois", date(2026, 3, 31)),
        ("Zahlung Ende des Monats", date(2026, 3, 31)),
        ("Zahlung bis Ende nächsten Monats", date(2026, 4, 30)),
        ("a fin de mes", date(2026, 3, 31)),
        ("fin du mois prochain", date(2026, 4, 30)),
        ("eind van de maand", date(2026, 3, 31)),
        ("ultimo März", date(2026, 3, 31)),
        ("überweise bis Ende nächster Woche", date(2026, 3, 13)),
        ("pagaremos el 15 de marzo", date(2026, 3, 15)),
        ("am 15. März", date(2026, 3, 15)),
        ("vendredi prochain", date(2026, 3, 6)),
        ("el próximo viernes", date(2026, 3, 6)),
        ("in zwei Wochen", date(2026, 3, 16)),
        ("dans 8 jours", date(2026, 3, 10)),
        ("Te hago la transferencia el viernes 13 sin falta", date(2026, 3, 13)),
        ("I'll pay on Friday the 13th", date(2026, 3, 13)),
        # a vaguer mention right before a precise one only names it
        ("we will pay next week Wednesday 11 of march", date(2026, 3, 11)),
        ("we'll pay it next Tuesday, March 10.", date(2026, 3, 10)),
    ],
)
def test_dates_in_other_languages_and_named_days(text, expected):
    assert first_date(text, MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mailed it wed", date(2026, 2, 25)),
        ("payé hier", date(2026, 3, 1)),
        ("I sent it just now", MONDAY),
    ],
)
def test_past_days_as_people_write_them(text, expected):
    assert first_date(text, MONDAY, "past") == expected


@pytest.mark.parametrize(
    "text", ["Ich habe hier die Rechnung", "we will wed the two lists", "in the sun today"]
)
def test_words_that_only_look_like_days(text):
    assert all(d.text not in {"hier", "wed", "sun"} for d in find_dates(text, MONDAY))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,50 EUR", "1234.50"),
        ("1 234,50 €", "1234.50"),
        ("1\u00a0234,50 €", "1234.50"),
        ("1\u202f234,50 €", "1234.50"),
        ("CHF 1'234.50", "1234.50"),
        ("CHF 1\u2019234.50", "1234.50"),
        ("$1,234.50", "1234.50"),
        ("we can do 12k now", "12000"),
        ("$1.5k", "1500"),
        ("1.000,- EUR", "1000"),
    ],
)
def test_amounts_in_every_locale_format(text, value):
    assert [a.value for a in extract.find_amounts(text)] == [Decimal(value)]


@pytest.mark.parametrize("text", ["12kg of steel", "PO 12k-44", "part 20k-B"])
def test_a_k_that_is_not_thousands(text):
    assert extract.find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Remittance No. is 0318-TT-55127.", "0318-TT-55127"),
        ("was paid in payment run F110/0529 in the amount of EUR 4.500,00", "F110/0529"),
        ("ACH 3/27, batch 0327-A", "0327-A"),
        ("Referencia de remesa: REM-0521-ALV.", "REM-0521-ALV"),
    ],
)
def test_payment_references_under_their_labels(text, reference):
    assert extract.payment_reference(text) == reference


def test_po_numbers_with_their_prefix_and_never_an_invoice_number():
    assert extract.find_pos("PO-QL-1182 was approved yesterday") == ["PO-QL-1182"]
    text = "every invoice must reference a purchase order number, and INV-51330 has none."
    assert extract.find_pos(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Indian digit grouping (lakh, crore): the first group of three, then groups of two
        ("Released INR 2,37,450.00 against the bill today.", "237450.00"),
        ("Rs. 12,04,300 has been paid after TDS.", "1204300"),
        ("Amount transferred: ₹ 3,15,000.50 via NEFT.", "315000.50"),
        ("paid 1,23,456.00 on 4th", "123456.00"),
        ("total 1,02,34,500.00 for all lots", "10234500.00"),
    ],
)
def test_indian_digit_grouping(text, value):
    assert [a.value for a in extract.find_amounts(text)] == [Decimal(value)]


def test_a_misgrouped_number_that_is_not_indian_stays_unread():
    assert extract.find_amounts("part 12,3,45 of the kit") == []
