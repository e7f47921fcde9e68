"""Field extraction: amounts never from dates or numbers, short pays, PO numbers, languages."""

from datetime import date
from decimal import Decimal

import pytest

from arbox.agent import extract
from arbox.agent.dates import first_date
from arbox.agent.findings import Intent
from arbox.agent.offline.fields import document_asked, fill

ANCHOR = date(2026, 11, 24)


def fields(intent: Intent, text: str):
    return fill(intent, text, text, ANCHOR, "", [])


def test_a_german_date_is_not_an_amount():
    f = fields(
        Intent.payment_sent,
        "Wir haben die Rechnung INV-50412 bereits am 20.11. überwiesen, Betrag 4.870,00 €.",
    )
    assert f.amount == Decimal("4870.00")
    assert f.paid_on == date(2026, 11, 20)
    assert f.method == "wire"


@pytest.mark.parametrize(
    "text",
    [
        "Wir haben die Rechnung INV-x bereits am 20.11. überwiesen",
        "paid on 15.03 as agreed",
        "call me on (559) 555-0147",
        "PO 4500012345 and invoice 2026-0457",
    ],
)
def test_no_amount_from_dates_phones_or_numbers(text):
    assert extract.find_amounts(text) == []


def test_short_pay_gets_paid_and_deducted_amounts():
    f = fields(
        Intent.short_pay,
        "von Ihrer Rechnung INV-50655 über 3.412,60 € haben wir 612,60 € einbehalten und "
        "den Restbetrag von 2.800,00 € heute angewiesen.",
    )
    assert (f.paid_amount, f.deducted_amount) == (Decimal("2800.00"), Decimal("612.60"))
    g = fields(Intent.short_pay, "when we pay it'll be $96.00 light, so expect $1,514.00.")
    assert (g.paid_amount, g.deducted_amount) == (Decimal("1514.00"), Decimal("96.00"))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Die Bestellnummer für diesen Auftrag lautet 4500871234.", "4500871234"),
        ("por favor agreguen la OC 2026-118.", "2026-118"),
        ("Manca il numero d'ordine. Il numero corretto è 4700093211.", "4700093211"),
        ("Please reissue with PO 2026-000417.", "2026-000417"),
    ],
)
def test_missing_po_captures_the_number_given(text, number):
    f = fields(Intent.missing_po, text)
    assert f.po_required is True
    assert number in (f.detail or "")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("op 10 maart betaald", date(2026, 3, 10)),
        ("agendado para o dia 6 de abril", date(2026, 4, 6)),
        ("pagato con bonifico del 17/04", date(2026, 4, 17)),
        ("gisteren overgemaakt", date(2026, 11, 23)),
        ("le virement est parti ce matin", ANCHOR),
    ],
)
def test_dates_in_the_reply_language(text, day):
    assert first_date(text, ANCHOR, "past") == day


def test_the_document_is_named_in_the_customers_words():
    assert document_asked("Could you send the signed work orders for INV-1?") == (
        "signed work orders"
    )
    assert document_asked("statement pls") == "statement"
