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


@pytest.mark.parametrize(
    ("text", "method"),
    [
        # the method named first is the first payment's ("paid twice: by card, then by ACH")
        ("She settled it by card on the 2nd and I sent an ACH on the 5th, so it went twice.",
         "card"),
        ("We mailed a check Monday; the wire for the other invoice goes Friday.", "check"),
        # German compounds of Überweisung, T/T in Asian trade, a value date (Valuta) in a run
        ("Überweisungsbetrag: 2.418,00 EUR", "wire"),
        ("Die Sammelüberweisung ging gestern raus.", "wire"),
        ("Payment arranged by T/T on 3 June, USD 9,400.00.", "wire"),
        ("Our finance released TT yesterday for 44120.", "wire"),
        ("Die Rechnung ist im Zahlungslauf mit Valuta 04.12. enthalten.", "wire"),
        ("La fattura è in distinta con data valuta 30/11.", "wire"),
    ],
)  # fmt: skip
def test_the_first_method_named_and_more_words(text, method):
    assert payment_method(text) == method


def test_tt_inside_a_reference_is_no_method():
    assert payment_method("Remitted on 2 July, ref GBL-TT-0702.") is None


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


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # labels of a payment's own number in the words banks use, in our languages
        ("Sent by NEFT on Monday, UTR SBIN426118803311, for both bills.", "SBIN426118803311"),
        ("Bonifico eseguito ieri, TRN 0306961234567890, importo come da fattura.",
         "0306961234567890"),
        ("Le virement est parti, référence du virement : VIR2611-4478.", "VIR2611-4478"),
        ("Hicimos la transferencia, n.º de transferencia 2026-77812, el martes.", "2026-77812"),
        ("Pagado por transferencia. Número de operación: 88120034.", "88120034"),
        ("Die Überweisung lief mit der Transaktions-ID 7F3K-22-9910 raus.", "7F3K-22-9910"),
        ("Paid by ACH, trace # 0210 0002 1123 456, on the 4th.", "0210 0002 1123 456"),
        ("Wire sent, Fed reference number 20260311B1QGC04C000451.", "20260311B1QGC04C000451"),
        ("Remittance advice no. RA-2026-0311 covers all three invoices.", "RA-2026-0311"),
        ("Overboeking gedaan met betalingskenmerk 4410 2231 0098 7712.", "4410 2231 0098 7712"),
        ("O pagamento foi feito, número do comprovativo 55120-A.", "55120-A"),
        # a check's number after the sentence that names the check
        ("The check left our office yesterday. #70215, $412.00.", "70215"),
        ("the check # is 7712, mailed Tuesday", "7712"),
        # a payment description given without quotes is its first token
        ("Überwiesen am 03.11., Verwendungszweck RE-26-2210, Betrag 1.210,00 €.", "RE-26-2210"),
    ],
)  # fmt: skip
def test_references_under_bank_labels(text, reference):
    assert payment_reference(text) == reference


@pytest.mark.parametrize(
    "text",
    [
        # never an invoice, PO, amount, date or phone number
        "Invoice no. 44120 was paid by check on 3/2.",
        "Paid today by ACH. Please quote PO 4500012345 on future invoices.",
        "Wire sent, reference date 12/03/2026, amount $4,500.00.",
        "Transaction amount: 4,500.00 USD, sent by wire.",
        "Paid by ACH today; questions to me at 312-555-0187, ref our call.",
        "We paid invoice #55120 on Friday by wire.",
    ],
)
def test_no_reference_from_invoice_po_amount_date_or_phone(text):
    assert payment_reference(text) is None


def test_a_credit_memo_is_no_payment_description():
    text = "Check No. 30871 issued 05/02.\nCredit memo CR-4410 applied in full."
    assert payment_reference(text) == "30871"


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # a label, a few small words, then the number: in our languages
        ("betaald met betalingsreferentie 2026-0412-77", "2026-0412-77"),
        ("overgemaakt met referentie ABC-2231", "ABC-2231"),
        ("referentie: RF18 5390 0754 7034", "RF18 5390 0754 7034"),
        ("referencia bancaria 00491823", "00491823"),
        ("pagado, referencia de la operación 7781-22", "7781-22"),
        ("ID de transacción: 8FJ2-2291", "8FJ2-2291"),
        ("Referência da transferência: PT50-2231-8812", "PT50-2231-8812"),
        ("Ordine di bonifico n. 00918273 eseguito", "00918273"),
        ("clave de rastreo SPEI 2026031140014BMOV0000412", "2026031140014BMOV0000412"),
        # a check's number under the word's other spellings and labels
        ("Paid with chq 5512 on Monday", "5512"),
        ("Enviámos o cheque n.º 004417", "004417"),
        ("Abbiamo spedito l'assegno n. 552211", "552211"),
        ("Scheck-Nr. 44871 ist unterwegs", "44871"),
        ("Our check number is 10442.", "10442"),
    ],
)  # fmt: skip
def test_references_after_labels_and_small_words(text, reference):
    assert payment_reference(text) == reference


@pytest.mark.parametrize(
    "text",
    [
        "Paid today. Please re-invoice with VAT ID DE 318 552 190.",
        "Bezahlt. Bitte künftig mit Leitweg-ID 991-33018-44 einreichen.",
        "Paid by wire; our postal code is 10115.",
    ],
)
def test_an_id_that_is_not_the_payments_is_no_reference(text):
    assert payment_reference(text) is None


@pytest.mark.parametrize(
    ("text", "method"),
    [
        # local schemes the customer names: other
        ("Pagamos hoy por PSE desde Bancolombia.", "other"),
        ("Las facturas van en la remesa de confirming con vencimiento a 60 días.", "other"),
        ("Les enviamos un pagaré con vencimiento 30 de junio.", "other"),
        ("Pagámos por referência Multibanco esta manhã.", "other"),
        ("Paid through Paymode on the 14th.", "other"),
    ],
)
def test_local_schemes_are_other(text, method):
    assert payment_method(text) == method


def test_pagare_the_verb_is_no_method():
    assert payment_method("Le pagaré el viernes sin falta.") is None


def test_confirming_the_english_verb_is_no_method():
    assert payment_method("Just confirming our autopay ran on April 1.") != "other"
