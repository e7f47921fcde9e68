"""The reference a missing_po reply gives leads its detail when it is no PO number: a legal
commitment number, a release, a cost centre, an order reference in any words."""

from datetime import date

import pytest

from arbox.agent.findings import Intent
from arbox.agent.offline.fields import fill

ANCHOR = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Facture rejetée sur Chorus Pro. Merci de la redéposer avec l'EJ 1300557719.",
         "1300557719"),
        ("Sem o compromisso n.º 2026/0551 não podemos processar a fatura.", "2026/0551"),
        ("Please reissue it with our release number, which is REL-2025-11-0042.",
         "REL-2025-11-0042"),
        ("De factuur mist de kostenplaats; gebruik KP-7712 voor locatie Deventer.", "KP-7712"),
        ("Resend via PEPPOL quoting the order reference NOR-5520.", "NOR-5520"),
    ],
)  # fmt: skip
def test_the_reference_given_leads_the_detail(text, number):
    clause = "We cannot book the invoice as it stands."  # the clause that showed the intent
    detail = fill(Intent.missing_po, clause, f"{clause} {text}", ANCHOR, "", []).detail
    assert detail is not None and number in detail


def test_an_invoice_number_is_no_reference_given():
    clause = "It lacks our cost centre code."
    text = f"Invoice 2026-0441 was rejected. {clause}"
    detail = fill(Intent.missing_po, clause, text, ANCHOR, "", []).detail
    assert detail is not None and "2026-0441" not in detail
