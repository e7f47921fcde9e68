"""Money and dates read by structure: a date written year first with slashes or dots, a day
after a preposition of time never an amount, an invoice number after "paid" never the
amount, the amount paid "instead of" the gross never the deduction, and a day said of a
payment made read in the past."""

from datetime import date
from decimal import Decimal

import pytest

from arbox.agent import extract
from arbox.agent.dates import find_dates
from arbox.agent.findings import Intent
from arbox.agent.offline.amounts import payment_amount, short_pay_amounts
from arbox.agent.offline.fields import fill

ANCHOR = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Transfer executed 2026/10/28, ref attached.", date(2026, 10, 28)),
        ("Bezahlt am 2026.11.02 per Überweisung.", date(2026, 11, 2)),
        ("Le chèque sera posté le 2026/12/04.", date(2026, 12, 4)),
    ],
)
def test_a_date_written_year_first_with_slashes_or_dots(text, day):
    assert [m.value for m in find_dates(text, ANCHOR, "past")] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "Wij hebben per 3.11 de helft overgemaakt.",
        "Die Gutschrift gilt ab 9.12 und wird verrechnet.",
        "Sinds 4.10 staat de betaling open.",
    ],
)
def test_a_day_after_a_preposition_of_time_is_no_amount(text):
    assert extract.find_amounts(text) == []


def test_a_day_after_valuta_is_the_date():
    (m,) = find_dates("Überwiesen mit Valuta 6.11 laut Bankauszug.", ANCHOR, "past")
    assert m.value == date(2026, 11, 6)


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        ("We took the volume rebate, sending $8,120.00 instead of $8,400.00.", "8120.00", "280.00"),
        ("Abzüglich der Gutschrift haben wir 2.640 statt 2.900 angewiesen.", "2640", "260"),
        ("Con el abono descontado transferimos 6.300 en lugar de 6.750.", "6300", "450"),
        ("Tenuto conto dello sconto abbiamo pagato 1.150 invece di 1.200.", "1150", "50"),
    ],
)
def test_the_amount_set_against_the_gross_is_the_one_paid(text, paid, deducted):
    assert short_pay_amounts(text) == (Decimal(paid), Decimal(deducted))


def test_a_count_set_against_another_is_no_money():
    assert extract.find_amounts("They delivered 1,200 instead of 1,500 pieces.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Paid 6093 last Thursday through the bank.",
        "Factura 3318 recibida. Hey, we sent 3318 by check on the 2nd.",
        "Same story for 71406 as soon as the credit is in.",
    ],
)
def test_an_invoice_number_paid_is_no_amount(text):
    assert payment_amount(text, text) is None


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("sent 385 thru zelle just now", "385"),
        ("mailed the cheque for 1275 on tuesday", "1275"),
        ("We paid $2150 yesterday.", "2150"),
    ],
)
def test_a_bare_sum_after_a_paying_word_stays_the_amount(text, amount):
    assert payment_amount(text, text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Our transfer was already released on 2/11, it will show up in a day or two.",
            date(2026, 11, 2),
        ),
        ("El pago fue transferido el 9/11, lo verán en su cuenta.", date(2026, 11, 9)),
    ],
)
def test_a_payment_said_gone_is_on_the_past_reading_of_its_day(text, day):
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == day


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        (
            "Your bill carries $58.90 of state excise, which we have removed as a reseller. "
            "The transfer will be for $1,441.10.",
            "1441.10",
            "58.90",
        ),
        (
            "There was a $120.00 pallet charge on it that we have taken off; "
            "the check is $2,880.00.",
            "2880.00",
            "120.00",
        ),
    ],
)
def test_a_deduction_said_after_the_amount_in_english(text, paid, deducted):
    assert short_pay_amounts(text) == (Decimal(paid), Decimal(deducted))
    assert payment_amount(text, text) == Decimal(paid)


def test_an_amount_taken_from_the_account_is_no_deduction():
    text = "The $640.00 was removed from our account on Tuesday by your direct debit."
    assert payment_amount(text, text) == Decimal("640.00")


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        ("Abzüglich Frachtkosten 3.815,00 € anstatt 3.900,00 € angewiesen.", "3815.00", "85.00"),
        ("Descontada a multa, R$ 7.250,00 ao invés de R$ 7.600,00.", "7250.00", "350.00"),
        ("Detratta la penale: 5.520,00 € anziché 5.800,00 €.", "5520.00", "280.00"),
    ],
)
def test_the_amount_paid_instead_of_the_gross_after_a_deducting_word(text, paid, deducted):
    assert short_pay_amounts(text) == (Decimal(paid), Decimal(deducted))
    assert payment_amount(text, text) == Decimal(paid)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("La transferencia se realizó el 05/11, la verá pronto.", date(2026, 11, 5)),
        ("Die Überweisung wurde am 6.11 ausgeführt, Sie erhalten sie in Kürze.", date(2026, 11, 6)),
        ("A transferência foi feita no dia 10/11, vão receber em breve.", date(2026, 11, 10)),
    ],
)
def test_a_payment_said_gone_in_our_languages_is_in_the_past(text, day):
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("De rest maken we over op de 8e van volgende maand.", date(2026, 12, 8)),
        ("Le solde partira le 15e du mois prochain.", date(2026, 12, 15)),
    ],
)
def test_a_day_of_next_month_with_a_short_ordinal(text, day):
    f = fill(Intent.promise_to_pay, text, text, ANCHOR, "", [], frozenset())
    assert f.promised_on == day


@pytest.mark.parametrize(
    "text",
    [
        "Hemos abonado la mitad, el resto se lo pagamos el 14/12.",
        "Ein Drittel ist raus, den Restbetrag überweisen wir am 11.12.",
    ],
)
def test_the_day_of_the_rest_is_no_payment_date(text):
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on is None


def test_a_rest_said_paid_keeps_its_day():
    text = "Der Rest wurde am 16.11. beglichen, die Mahngebühr zahlen wir nicht."
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset())
    assert f.paid_on == date(2026, 11, 16)


def test_a_day_after_we_paid_the_whole_thing_is_past_beside_a_promise():
    text = "I mailed the old invoice payment on Oct 30; the new one I'll pay tomorrow."
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == date(2026, 10, 30)


def test_a_remittance_footer_with_a_date_starts_no_new_table():
    text = (
        "Invoice     Amount      Skonto    Paid\n"
        "R-7781      2.000,00    40,00     1.960,00\n"
        "R-7790        500,00     0,00       500,00\n"
        "Payment run 18.11.2026     Payment date 19.11.2026\n"
    )
    assert short_pay_amounts(text) == (Decimal("1960.00"), Decimal("40.00"))
