"""The payment method named in words the shared extractor leaves: a check said before or
after its number or amount, a card, and local schemes (RiBa, LCR, domiciliación)."""

import pytest

from arbox.agent.offline.fields import payment_method, payment_reference


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("Posted check Tuesday, number 5520, for the full amount.", "check"),
        ("Check for $980.00 left our office this morning.", "check"),
        ("We settled the balance by check on Friday.", "check"),
        ("Our May 3 check (#7781) should have covered both.", "check"),
        ("Paid it on card this morning.", "card"),
        ("Pagata il 12/05 tramite RiBa.", "other"),
        ("Réglée par LCR à l'échéance.", "other"),
        ("El recibo se cargará por domiciliación el día 5.", "other"),
        ("Gisteren hebben we het bedrag overgeschreven.", "wire"),
        ("Abbiamo bonificato l'importo venerdì.", "wire"),
        ("Le fatture sono nella distinta di bonifici di fine mese.", "wire"),
    ],
)
def test_the_method_named(text, method):
    assert payment_method(text) == method


def test_checking_something_is_no_check():
    assert payment_method("Could you check for the $500 we sent?") != "check"


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # a reference never runs on into the next line's invoice number
        ("4410  paid 03/02, ACH trace 031100209914\n4418  $610.00  next run", "031100209914"),
        ("Réglée le 2 avril par chèque (#5531), 980,00 €.", "5531"),
        ("Pagamento feito por transferência (ref.ª TRF 2026041100917).", "TRF 2026041100917"),
    ],
)
def test_the_payment_reference(text, reference):
    assert payment_reference(text) == reference


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # a reference under any label that names a payment's number
        ("Confirmation number: K7720391 for the transfer of $880.00.", "K7720391"),
        ("Ik kreeg een transactienummer 0072 1180 4431 van de bank.", "0072 1180 4431"),
        ("Me dieron el número de autorización 771203 en el datáfono.", "771203"),
        ("Pagámos com a referência ABC-4410 ontem.", "ABC-4410"),
        ("Paid 4/2 with warrant 2026-0871, both invoices.", "2026-0871"),
        ("Payment doc 4900012345 (bank transfer) on the 3rd.", "4900012345"),
        ("Paiement par e-banking, référence QR 21 00000 00003 13947 14300 09017.",
         "21 00000 00003 13947 14300 09017"),
        # a check's number said right after the word
        ("Mailed ck 40917 on Monday.", "40917"),
    ],
)  # fmt: skip
def test_more_labelled_references(text, reference):
    assert payment_reference(text) == reference


def test_a_check_with_a_small_count_after_it_has_no_reference():
    assert payment_reference("One check 3 invoices, sent Friday.") is None
