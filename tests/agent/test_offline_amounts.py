"""Which amount of a short pay is paid and which deducted: a deduction given in brackets after
its reason, said as a difference or as kept back in our languages, and the payment said
beside the deduction when a reply pays several invoices."""

from decimal import Decimal

import pytest

from arbox.agent.offline.amounts import short_pay_amounts


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
