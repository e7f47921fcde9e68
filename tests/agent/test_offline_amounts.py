"""Which amount of a short pay is paid and which deducted: a deduction given in brackets after
its reason, said as a difference or as kept back in our languages, and the payment said
beside the deduction when a reply pays several invoices."""

from decimal import Decimal

import pytest

from arbox.agent.offline.amounts import payment_amount, short_pay_amounts


@pytest.mark.parametrize(
    ("text", "deducted"),
    [
        ("We kept back the 3% early-payment discount shown on the invoice ($61.20).", "61.20"),
        ("Retuvimos el 10% de garantía de obra (€ 2.450,00) hasta la recepción.", "2450.00"),
        ("The withholding tax at 5% (USD 310.00) was taken as the law requires.", "310.00"),
        ("La différence de 215,00 € vient des palettes abîmées.", "215.00"),
        ("A diferença de 88,00 € é o frete.", "88.00"),
        ("Het verschil met de factuur (€ 42,50) is de korting.", "42.50"),
        ("We keep EUR 150,00 for the dented panels.", "150.00"),
        ("Pagamos hoy menos 75,00 € por las cajas rotas.", "75.00"),
        ("Os 120,00 € em falta são a multa contratual.", "120.00"),
        ("The other $96.00 is not coming until the parts are replaced.", "96.00"),
        ("The $140.00 is our new-item slotting allowance.", "140.00"),
    ],
)
def test_the_deduction(text, deducted):
    assert short_pay_amounts(text)[1] == Decimal(deducted)


def test_the_payment_beside_the_deduction_when_several_invoices_are_paid():
    text = (
        "Invoice 71 went in full by wire, $4,400.00. On invoice 72 we took off $90.00 for "
        "the broken tiles and wired $1,210.00."
    )
    assert short_pay_amounts(text) == (Decimal("1210.00"), Decimal("90.00"))


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # German "weniger" after the deduction
        ("Heute überwiesen, aber 85,00 EUR weniger (1.915,00 statt 2.000,00 EUR).", "1915.00",
         "85.00"),
        # a unit price "je Stück" is neither paid nor deducted
        ("Wir haben 3.100,00 € überwiesen und 150,00 € abgezogen: 12,50 € je Stück war "
         "vereinbart.", "3100.00", "150.00"),
        # the amount before "less" is the gross; the one after "so" is paid
        ("The draw is approved at $18,000 less 5% retainage, so $17,100 goes out Friday.",
         "17100", None),
        # a count of "6 of them" in the previous sentence does not make the payment a gross
        ("We scrapped 6 of them. Paid $940 of the $1,000 and kept $60 back.", "940", "60"),
        # a deduction on a padded remittance line
        ("Deducted                         -$75.00\nPaid $1,925.00 against $2,000.00 billed.",
         "1925.00", "75.00"),
    ],
)  # fmt: skip
def test_paid_and_deducted(text, paid, deducted):
    expected = (Decimal(paid), Decimal(deducted) if deducted else None)
    got = short_pay_amounts(text)
    assert got[0] == expected[0]
    if deducted:
        assert got[1] == expected[1]


def test_less_than_billed_is_the_deduction():
    text = "We sent $4,700.00 by check, which is $300.00 less than you invoiced."
    assert short_pay_amounts(text) == (Decimal("4700.00"), Decimal("300.00"))


@pytest.mark.parametrize(
    ("text", "deducted"),
    [
        ("RE 4410: gekürzt um 310,00 EUR wegen der Kratzer, bezahlt 2.690,00 EUR.", "310.00"),
        ("The 6 rolls without a delivery signature ($240.00) were taken off.", "240.00"),
        ("We won't be paying the $1,150.00 for the two chairs; the rest goes Friday.", "1150.00"),
    ],
)
def test_more_ways_to_say_the_deduction(text, deducted):
    assert short_pay_amounts(text)[1] == Decimal(deducted)


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # beside the amount paid, the one smaller amount a short pay names is what it kept
        ("Wired $6,300 this morning. The remaining $420 covers the pallets you never collected.",
         "6300", "420"),
        ("Abbiamo pagato 2.150,00 €; i 180,00 € del trasporto non erano nell'offerta.",
         "2150.00", "180.00"),
        ("Betaald: € 940,00. De € 60,00 voor de spoedlevering staat niet in de order.",
         "940.00", "60.00"),
    ],
)  # fmt: skip
def test_the_one_smaller_amount_beside_a_payment_is_the_deduction(text, paid, deducted):
    assert short_pay_amounts(text) == (Decimal(paid), Decimal(deducted))


def test_two_smaller_amounts_name_no_deduction_alone():
    # which of them was kept is not said by size alone
    text = "Paid $5,000 today. Freight was $120 and the fuel surcharge $80."
    assert short_pay_amounts(text)[1] is None


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # prices named "at" or "je Stück" are neither paid nor deducted
        ("Billed 12 drums at $85.00, quoted at $78.00. So we sent $936.00; the other $84.00 stays.",
         "936.00", "84.00"),
        ("Überwiesen: 1.910,00 €. Abgezogen: 90,00 €, da 18,00 € je Stück statt 13,00 € je Stück.",
         "1910.00", "90.00"),
        # "paid X rather than Y": X is the payment, Y the invoice
        ("Invoice 71 paid in full, $1,200.00. On 72 we paid $3,300.00 rather than $3,450.00.",
         "3300.00", "150.00"),
        # a line written with a minus is a deduction, never the payment
        ("Credits taken:\nINV 881  broken lids  -$42.00\nINV 884  short 2 cases  -$58.00\n"
         "Total deducted -$100.00\nRemitted $2,400.00.", "2400.00", "100.00"),
        # a payment made "at" an amount is no price; a dash before an amount is no minus
        ("We'll settle 5521 at $2,640, not $2,900, the volume rebate is owed to us.",
         "2640", "260"),
        ("Paid in this week's run - $980.00 - after the $45.00 restocking fee we took off.",
         "980.00", "45.00"),
        # "paid the difference, $X"
        ("Your rebate ($300) never came, so we offset it. Paid the difference, $1,700.00, today.",
         "1700.00", "300"),
    ],
)  # fmt: skip
def test_prices_minus_lines_and_rather_than_in_a_short_pay(text, paid, deducted):
    assert short_pay_amounts(text) == (Decimal(paid), Decimal(deducted))


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # the amount "after deduction of" something is what was paid, net
        ("We remitted EUR 9.310,00 after deduction of the 2% discount (EUR 190,00).",
         "9310.00", "190.00"),
        ("Released Rs. 4,85,000.00 after deduction of TDS @ 3% (Rs. 15,000.00) today.",
         "485000.00", "15000.00"),
    ],
)  # fmt: skip
def test_an_amount_after_deduction_is_the_net_paid(text, paid, deducted):
    assert short_pay_amounts(text) == (Decimal(paid), Decimal(deducted))


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # a deduction verb at the end of its clause, as German, Dutch and Spanish put it
        ("Die Fracht, 84,50 €, haben wir bei der Zahlung vom 02.11. abgezogen.", None, "84.50"),
        ("El descuento pactado, 212,40 €, lo hemos finalmente descontado del pago de hoy.",
         None, "212.40"),
        ("De bonus (€ 96,10) hebben wij zoals afgesproken met de betaling verrekend.", None,
         "96.10"),
        # a bare figure after minus: no currency written
        ("sending the 1,840.00 friday minus 60 for the cracked panel", "1840.00", "60"),
        # the balance they show open is the deduction
        ("Paid in full at the quoted $12.10/unit on 5/2. The $96.40 you show open is the "
         "price difference and won't be paid.", None, "96.40"),
    ],
)  # fmt: skip
def test_more_deductions_in_new_words(text, paid, deducted):
    got = short_pay_amounts(text)
    assert got[1] == Decimal(deducted)
    if paid is not None:
        assert got[0] == Decimal(paid)


def test_a_remittance_table_with_a_variance_column_and_empty_text_cells():
    from arbox.agent.offline.remittance import read_table

    text = (
        "Inv No      Inv Date    Inv Amt     Variance    Reason      Paid\n"
        "A-1001      04/01/26    1,200.00    0.00                    1,200.00\n"
        "A-1007      04/03/26    3,400.00    240.00      PRC-VAR     3,160.00\n"
        "Total                                                       4,360.00\n"
    )
    table = read_table(text)
    assert table is not None
    assert table.short_paid() == (Decimal("3160.00"), Decimal("240.00"))
    assert table.paid() == Decimal("4360.00")


def test_a_deduction_verb_before_the_next_amount_is_that_amounts():
    text = "Bezahlt wurden 3.104,00 €, abgezogen 96,00 € Fracht."
    assert short_pay_amounts(text) == (Decimal("3104.00"), Decimal("96.00"))


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # an instalment plan: the amount with its day right after it
        ("Je propose de régler les 4 500 € en trois fois : 1 500 € le 20 avril, puis fin mai "
         "et fin juin.", "1500"),
        ("Ik betaal de € 6.000 graag in drie keer: € 2.000 op 12 april, dan mei en juni.",
         "2000"),
        ("Could we split the $9,000 balance: $3,000 on April 3, then May and June?", "3000.00"),
    ],
)  # fmt: skip
def test_the_first_instalment_is_the_amount_with_its_day(text, amount):
    from arbox.agent.offline.amounts import promised_amount

    assert promised_amount(text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Ontem transferimos 1.000,00 €. O restante, 1.350,00 €, será pago a 20 de abril.",
         "1350.00"),
        ("Hier j'ai viré 500,00 €. Le reste, soit 412,80 €, je le règle le 2 avril.", "412.80"),
        ("Ieri ho fatto un bonifico di € 300,00. I restanti € 280,00 li verso il 31 marzo.",
         "280.00"),
    ],
)  # fmt: skip
def test_beside_a_payment_made_the_rest_is_what_is_promised(text, amount):
    from datetime import date

    from arbox.agent.findings import Intent
    from arbox.agent.offline.fields import fill

    f = fill(
        Intent.promise_to_pay,
        text,
        text,
        date(2026, 3, 11),
        "",
        [],
        frozenset({Intent.payment_sent}),
    )
    assert f.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("die RE-4410 über 3.200,00 € ist freigegeben; wir zahlen abzüglich 3 % Skonto, also "
         "3.104,00 €.", "3104.00"),
        ("Pay app 2 ($18,000.00) was approved at $16,200.00 and goes out Friday.", "16200.00"),
    ],
)  # fmt: skip
def test_the_amount_that_results_is_the_payment(text, amount):
    assert payment_amount(text, text) == Decimal(amount)


def test_the_gross_a_part_is_paid_of_is_not_promised():
    from arbox.agent.offline.amounts import promised_amount

    text = "We will pay $7,200 of the $8,000 on May 4 and hold the rest."
    assert promised_amount(text) == Decimal("7200")


def test_a_gross_said_with_less_after_it_is_not_the_payment():
    text = "Wir haben EUR 4.900,00 überwiesen, also EUR 5.000,00 abzüglich 2 % Skonto."
    assert payment_amount(text, text) == Decimal("4900.00")
