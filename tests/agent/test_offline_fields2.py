"""Fields read from fresh replies in every language (helper fields2): an amount followed by
"per <method>", the amount paid before "and kept back <amount>", an unquoted payment
description with its label, card approval codes and SEPA end-to-end ids, dashed day-month-
year dates; reasons said in other words (a machine that never worked, delivery billed, a
freight charge contested as not agreed), tax forms and proofs of delivery named in our
languages, German order numbers."""

from datetime import date
from decimal import Decimal

import pytest

from arbox.agent.dates import first_date
from arbox.agent.offline.amounts import payment_amount, short_pay_amounts
from arbox.agent.offline.contacts import new_contact
from arbox.agent.offline.documents import document_asked
from arbox.agent.offline.fields import _PO_WORDS, payment_method, payment_reference
from arbox.agent.offline.reasons import reason_of


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Heute 1.315,40 € per Überweisung an Sie gezahlt.", "1315.40"),
        ("Saldato 640 € per assegno la settimana scorsa.", "640"),
        ("Wij hebben 2.205,00 euro per bank voldaan.", "2205.00"),
    ],
)
def test_an_amount_paid_per_method_is_no_unit_price(text, amount):
    assert payment_amount(text, text) == Decimal(amount)


def test_a_rate_per_unit_stays_a_unit_price():
    text = "Sie berechnen 12,50 € per Stunde statt 10,00 €."
    assert payment_amount(text, text) != Decimal("12.50")


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        ("Avons payé 3 120,00 € et déduit 180,00 € de frais de port.", "3120.00", "180.00"),
        ("Hemos abonado 1.530,00 € y descontado 70,00 € por el retraso.", "1530.00", "70.00"),
        ("Abbiamo versato 2.950 € e trattenuto 50 € per i colli mancanti.", "2950", "50"),
        ("We remitted $5,410.00 and held back $290.00 for missing cartons.", "5410.00", "290.00"),
    ],
)
def test_the_amount_paid_before_and_kept_back(text, paid, deducted):
    assert short_pay_amounts(text) == (Decimal(paid), Decimal(deducted))


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Überweisung heute raus, Verwendungszweck RG 40917 KdNr 118.", "RG 40917 KdNr 118"),
        ("Bonifico inviato, causale FT 2026/733 del 02/11/2026.", "FT 2026/733"),
        ("Charged to the corporate Amex; approval code 771204.", "771204"),
        ("SEPA transfer done, end-to-end ID PAYX-4410-2026.", "PAYX-4410-2026"),
    ],
)
def test_payment_references(text, reference):
    assert payment_reference(text) == reference


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Op 03-11-2026 betaald.", date(2026, 11, 3)),
        ("Pago efectuado el 28-10-2026.", date(2026, 10, 28)),
    ],
)
def test_dashed_day_month_year(text, day):
    assert first_date(text, date(2026, 11, 20), "past") == day


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The scanner has never worked properly, so invoice 301 stays unpaid.", "damaged"),
        ("That compressor won't even start; we are not paying for it.", "damaged"),
        ("You billed us for delivery although we picked the order up at your dock.", "freight"),
        ("We will not pay the delivery fee on invoice 77, it was meant to be free.", "freight"),
    ],
)
def test_reasons_said_in_other_words(text, reason):
    assert reason_of(text, []) == reason


def test_a_freight_charge_contested_as_not_agreed_is_freight_not_pricing():
    text = "The detention charge on 4410 was never agreed with us."
    assert reason_of(text, ["pricing"]) == "freight"


def test_a_price_contested_beside_a_freight_word_stays_pricing():
    text = "The unit price on the freight-included quote was $12, you billed $14."
    assert reason_of(text, ["pricing"]) == "pricing"


def test_a_late_delivery_fee_is_no_freight():
    assert reason_of("We withheld the late delivery fee per our agreement.", []) != "freight"


@pytest.mark.parametrize(
    ("text", "document"),
    [
        ("Our payables team needs a signed W-8BEN-E from you.", "signed W-8BEN-E"),
        ("Could you forward the remittance you got from our bank?", "remittance"),
        ("Pourriez-vous nous envoyer la preuve de livraison ?", "preuve de livraison"),
    ],
)
def test_documents_named_by_their_own_words(text, document):
    assert document_asked(text, text) == document


@pytest.mark.parametrize(
    "text", ["Bitte Auftragsnummer angeben.", "Die Bestell-Nr. fehlt auf der Rechnung."]
)
def test_german_order_numbers_are_po_words(text):
    assert _PO_WORDS.search(text)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Paid through Cash App, the memo reads RE 4471.", "RE 4471"),
        ("Zahlungsnummer 6100098812 vom 12.11., 990,00 EUR.", "6100098812"),
        ("Virement parti hier, numéro de remise 5512093.", "5512093"),
        ("Bonifico disposto, numero ordine di bonifico 40918833, € 310,00.", "40918833"),
        ("Pago hecho, comprobante nº 7730012, 455,00 €.", "7730012"),
        ("Paid by card, transaction-ID 77120044519.", "77120044519"),
    ],
)
def test_more_payment_labels(text, reference):
    assert payment_reference(text) == reference


@pytest.mark.parametrize(
    "text",
    [
        "Your invoice is approved; checks are cut every second Tuesday and mailed that day.",
        "The checks from Monday's council meeting were signed and go out Friday.",
    ],
)
def test_a_run_of_checks_is_paid_by_check(text):
    assert payment_method(text) == "check"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Versati euro 2.315,00 ieri sera.", "2315.00"),
        ("Transferimos 780 dólares esta mañana.", "780"),
        ("Já pagamos 1.940 reais pelo PIX.", "1940"),
    ],
)
def test_currency_said_as_a_word(text, amount):
    assert payment_amount(text, text) == Decimal(amount)


def test_a_euro_emission_class_is_no_amount():
    text = "The Euro 6 truck delivered it."
    assert payment_amount(text, text) is None


@pytest.mark.parametrize(
    ("text", "paid"),
    [
        (
            "Wir behalten 1.200,00 EUR für die Nacharbeit ein. Die Differenz von 6.300,00 EUR "
            "überweisen wir morgen.",
            "6300.00",
        ),
        (
            "La fattura (4.000,00 €) è compensata con la nostra nota (700,00 €). La differenza, "
            "3.300,00 €, è stata pagata ieri.",
            "3300.00",
        ),
    ],
)
def test_the_difference_said_paid_is_the_payment(text, paid):
    assert short_pay_amounts(text)[0] == Decimal(paid)
    assert payment_amount(text, text) == Decimal(paid)


def test_a_difference_explained_by_a_relative_clause_is_no_payment():
    text = (
        "Invoice 12 (EUR 3.000,00) was paid in the amount of EUR 2.600,00. The difference of "
        "EUR 400,00 concerns a fee that was paid under invoice 9 already."
    )
    assert short_pay_amounts(text)[0] == Decimal("2600.00")


@pytest.mark.parametrize(
    "text",
    [
        "Invoice 880 bills 10 hours for the audit; your consultant was here from 9 am to 2 pm.",
        "The invoice charges us for 24 pallets of storage, we returned 8 of them in week 2.",
        "In fattura sono indicate 6 ore di lavoro, ma il tecnico è rimasto dalle 14:00 alle 16:00.",
    ],
)
def test_a_count_billed_against_our_own_is_quantity(text):
    assert reason_of(text, []) == "quantity"


def test_a_billed_count_contested_on_price_stays_pricing():
    text = "Your invoice charges the 12 pallets at the old rate; our contract price is lower."
    assert reason_of(text, []) == "pricing"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Stuur het naar administratie@hoek.nl t.a.v. Sanne van den Hoek.", "Sanne van den Hoek"),
        ("Please write to Pieter van der Linde at p.linde@lindebv.nl.", "Pieter van der Linde"),
        ("Bitte z. Hd. Jonas von der Au, buchhaltung@au-bau.de.", "Jonas von der Au"),
    ],
)
def test_names_with_two_particles(text, name):
    assert new_contact(text, "").new_contact_name == name


@pytest.mark.parametrize(
    ("text", "document"),
    [
        ("Misplaced the packing slip, pls resend", "packing slip"),
        ("My boss shredded the credit memo, send it again please", "credit memo"),
    ],
)
def test_a_short_request_names_the_document_not_the_words_before_it(text, document):
    assert document_asked(text, text) == document


@pytest.mark.parametrize(
    "text",
    [
        "We took 3% off because you delivered the order late.",
        "Wij hebben 2% korting ingehouden, want de levering was vier dagen te laat.",
        "Abbiamo applicato uno sconto del 3% per la consegna in ritardo di una settimana.",
    ],
)
def test_a_deduction_for_late_delivery_is_a_penalty(text):
    assert reason_of(text, ["terms"]) == "other"


def test_an_early_payment_discount_stays_terms():
    assert reason_of("We took the 2% discount for paying within 10 days.", ["terms"]) == "terms"
