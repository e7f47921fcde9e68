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


def _dated(intent: Intent, text: str, anchor: date, also=frozenset()):
    return fill(intent, text, text, anchor, "", [], also)


def test_the_date_said_of_paying_wins_over_other_dates():
    text = (
        "VOS-31480 will be presented for approval at the September 21 board meeting. "
        "Checks are printed the day after approval and mailed on the 23rd."
    )
    assert _dated(Intent.promise_to_pay, text, date(2026, 9, 10)).promised_on == date(2026, 9, 23)
    dated = "CW-54700 is dated 12/30/2025 and is set up for payment on its due date, 02/28/2026."
    assert _dated(Intent.promise_to_pay, dated, date(2026, 2, 9)).promised_on == date(2026, 2, 28)
    later = "It's on their agenda for this week, so I'll have your money by the end of next week."
    assert _dated(Intent.promise_to_pay, later, date(2026, 2, 18)).promised_on == date(2026, 2, 27)


def test_a_payment_made_is_not_the_one_they_will_make():
    text = "paid SR-78210 in full today by card ($1,120.00). SR-78244 I'll pay on the 23rd."
    anchor = date(2026, 10, 9)
    assert _dated(Intent.payment_sent, text, anchor).paid_on == anchor


def test_a_scheduled_payment_is_dated_on_the_future_side_beside_a_promise():
    text = "Our next check run is on the 15th and your invoice is on it."
    anchor = date(2026, 3, 4)
    alone = _dated(Intent.payment_sent, text, anchor)
    scheduled = _dated(Intent.payment_sent, text, anchor, frozenset({Intent.promise_to_pay}))
    assert alone.paid_on == date(2026, 2, 15)
    assert scheduled.paid_on == date(2026, 3, 15)


def test_an_out_of_office_return_date():
    from arbox.agent.offline.fields import _return_on

    text = (
        "I'm out of the office until Monday 6/29.\n\nAll invoices approved through 6/12 were "
        "paid on check 10944 mailed 6/18."
    )
    assert _return_on(text, date(2026, 6, 19)) == date(2026, 6, 29)
    german = "ich bin bis Freitag, 28. August im Urlaub und ab Montag, 31. August wieder im Büro."
    assert _return_on(german, date(2026, 8, 17)) == date(2026, 8, 31)
    inclusive = "I am out of the office until and including January 2, 2027."
    assert _return_on(inclusive, date(2026, 12, 22)) == date(2027, 1, 4)


REMITTANCE = """Kindly be informed that payment has been made today.

Invoice No.     Amount (USD)   Less: 2% Early Pay    Net Paid
PFP-120501        9,600.00          192.00           9,408.00
PFP-120533        4,100.00           82.00           4,018.00
Total            13,700.00          274.00          13,426.00
"""

ONE_LINE_DEDUCTED = """Avviso di pagamento n. 2026/04/0917

Documento     Data doc.    Importo      Abbuono    Pagato
INV-50518     12/03/2026   4.200,00     84,00      4.116,00
INV-50522     14/03/2026   1.000,00      0,00      1.000,00
"""


def test_a_remittance_table_is_read_by_its_columns():
    pay = fields(Intent.payment_sent, REMITTANCE)
    short = fields(Intent.short_pay, REMITTANCE)
    assert pay.amount == Decimal("13426.00")
    assert (short.paid_amount, short.deducted_amount) == (Decimal("13426.00"), Decimal("274.00"))
    line = fields(Intent.short_pay, ONE_LINE_DEDUCTED)
    assert (line.paid_amount, line.deducted_amount) == (Decimal("4116.00"), Decimal("84.00"))
    assert fields(Intent.payment_sent, ONE_LINE_DEDUCTED).amount == Decimal("5116.00")


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # a conjunction ends the deduction's reach
        ("wir haben 3% Skonto abgezogen und 4.850,00 EUR überwiesen.", "4850.00", None),
        ("Nous avons réglé en retenant 1 240,00 €. Virement de 23 560,00 € effectué.", "23560.00",
         "1240.00"),
        # a rate is no amount paid; "held back" after the amount names the deduction
        ("Daily rate $180 x 7 days = $1,260.00 held back. Check for the remaining $1,980.00.",
         "1980.00", "1260.00"),
        # the balance a short pay leaves open is the deduction
        ("HF-92188 was paid on day 12, so the $64.80 you show as open isn't owed.", None, "64.80"),
    ],
)  # fmt: skip
def test_which_amount_is_paid_and_which_deducted(text, paid, deducted):
    f = fields(Intent.short_pay, text)
    assert f.paid_amount == (Decimal(paid) if paid else None)
    assert f.deducted_amount == (Decimal(deducted) if deducted else None)


def test_the_contested_amount_is_the_difference_not_a_unit_price():
    text = (
        "il prezzo applicato alle valvole (46,00 € cad.) non corrisponde al listino (41,50 € "
        "cad.). Su 150 pezzi la differenza è di 675,00 €."
    )
    assert fields(Intent.dispute, text).disputed_amount == Decimal("675.00")


def test_a_promised_amount_is_the_one_they_can_pay_with_its_schedule():
    text = "I can not pay full amount $5,420. Can I pay $600 every two week?"
    assert fields(Intent.promise_to_pay, text).amount == Decimal("600")
    plan = "We owe Harlow $6,300. Our board approved a plan: $700 on the 1st of each month."
    assert fields(Intent.promise_to_pay, plan).amount == Decimal("700")


def test_html_entities_do_not_hide_an_amount():
    text = "r&eacute;gl&eacute;e par virement, pour un montant de 1&nbsp;745,00&nbsp;&euro;."
    assert fields(Intent.payment_sent, text).amount == Decimal("1745.00")


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        ("Please provide the signed BOL and the carrier's delivery receipt for PFP-119190.",
         "signed BOL and carrier's delivery receipt"),
        ("¿Me podrían reenviar la factura INV-50588 y el albarán firmado?",
         "factura INV-50588 y albarán firmado"),
        ("We need (1) a current W-9 and (2) your SOC 2 Type II report before we can start.",
         "W-9 and SOC 2 Type II report"),
        ("But while I have you, could you send me the proof of delivery for the shipment?",
         "proof of delivery"),
        ("Hola, ¿nos pueden enviar copia de las facturas pendientes?", "invoice copies"),
        ("can you resend INV-51558?", "invoice INV-51558"),
        ("Bitte senden Sie uns einen aktuellen Kontoauszug.", "Kontoauszug"),
    ],
)  # fmt: skip
def test_documents_in_the_customers_words_and_language(clause, document):
    assert document_asked(clause) == document


def test_a_new_contact_writing_from_the_address_they_give():
    text = "Please send everything to me at this address (k.obrien.estate@gmail.com) from now on."
    f = fill(Intent.wrong_contact, text, text, ANCHOR, "K <k.obrien.estate@gmail.com>", [])
    assert f.new_contact_email == "k.obrien.estate@gmail.com"
    other = "Write to ap@acme.com from now on. Regards, me@acme.com"
    g = fill(Intent.wrong_contact, other, other, ANCHOR, "me@acme.com", [])
    assert g.new_contact_email == "ap@acme.com"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The invoice bills 12 hours at $145/hr, but the signed ticket shows 7.5 hours.",
         "quantity"),
        ("It bills the annual fee at the 2025 list price instead of the locked 2024 rate.",
         "pricing"),
        ("Our terms are net 60 days, not 30 days; the price is also wrong.", "pricing"),
    ],
)  # fmt: skip
def test_the_dispute_reason(text, reason):
    assert fields(Intent.dispute, text).reason == reason


@pytest.mark.parametrize(
    ("text", "sender", "name"),
    [
        ("please contact Maria Lopez in the Business Office at maria.lopez@ridge-isd.org.",
         "auto@ridge-isd.org", "Maria Lopez"),
        ("send all invoices to our new firm: ap@summitbooks.net (attn: Carl Reyes). Alan, thanks",
         "Donna <d@x.com>", "Carl Reyes"),
        ("Please write to me at this email from now on.", "Maria Russo <mr@x.com>",
         "Maria Russo"),
        ("I think the new manager is Dave, but I don't have his email.", "b@x.com", "Dave"),
        ("not me - ask Omar", "a@b.com", "Omar"),
        # a person given a title or honorific, lower-case or abbreviated as the language does
        ("Le liquidateur est Maître Paul Aubert, écrivez à creances@aubert-mj.fr.", "a@b.com",
         "Maître Paul Aubert"),
        ("Bewindvoerder is mr. K.L. de Boer, vorderingen via boer@insolventie.nl.", "a@b.com",
         "mr. K.L. de Boer"),
        ("Commissario è il dott. Marco Ferri. Scrivete a ferri@studio.it per i crediti.",
         "a@b.com", "dott. Marco Ferri"),
        # the name after its title and initials ends before the firm's "van"
        ("Bewindvoerder is mr. A.B. Smit van Smit Advocaten. Wij betalen niets meer. Uw "
         "vorderingen kunt u sturen naar info@smit-advocaten.nl.", "a@b.com", "mr. A.B. Smit"),
        ("Sachwalterin ist Rechtsanwältin Dr. Eva Kern. Bitte wenden Sie sich an die Kanzlei: "
         "kern@kern-recht.de.", "a@b.com", "Rechtsanwältin Dr. Eva Kern"),
        # the person greeted is not the new contact
        ("Dear Mr. Lund, claims now go to claims@lund-admin.co.uk.", "a@b.com", None),
        # a word capitalised only because it opens the sentence is nobody
        ("Hola. Los pedidos los lleva la central, escriban a compras@central.es.", "a@b.com",
         None),
        ("Our office moved. All post to ap@newco.com please.", "a@b.com", None),
        # a month is no person
        ("Invoices after May 1 go to ap@newco.com instead.", "a@b.com", None),
        # the one a letter is to be marked for
        ("Envíen la factura a pagos@hotelmar.es, a la atención de Lucía.", "a@b.com", "Lucía"),
        ("Mandem para contas@loja.com.br, aos cuidados do Sr. Paulo.", "a@b.com", "Sr. Paulo"),
    ],
)  # fmt: skip
def test_the_new_contacts_name(text, sender, name):
    assert fill(Intent.wrong_contact, text, text, ANCHOR, sender, []).new_contact_name == name


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # the deduction word after the amount, words between (Dutch, German)
        (
            "Betaald op maandag: € 1.870,00. De bonus (€ 130,00) hebben wij ingehouden.",
            "1870.00",
            "130.00",
        ),
        ("Überwiesen 3.100,00 €, die 95,00 € Porto haben wir verrechnet.", "3100.00", "95.00"),
        # "per" before an article is "for", not a unit price (Italian)
        (
            "Pagata ieri trattenendo € 42,00 per le tre casse rotte. Bonifico di € 958,00.",
            "958.00",
            "42.00",
        ),
        # the rest is what was paid; the deduction named again is no payment
        (
            "The $75 we took off is the pallet charge. The remainder, $1,425.00, went by ACH.",
            "1425.00",
            "75.00",
        ),
        (
            "We short-paid by $60.00: the $60.00 rush fee was never agreed. Sending $940.00.",
            "940.00",
            "60.00",
        ),
        # Portuguese, a verb of deducting in the infinitive
        ("Vamos descontar R$ 300,00 do frete; o valor pago será R$ 4.700,00.", "4700.00", "300.00"),
        # a backcharge named before its amount
        (
            "Paid $9,000.00 today after a backcharge of $450.00 for site cleanup.",
            "9000.00",
            "450.00",
        ),
    ],
)
def test_short_pay_amounts_in_new_words(text, paid, deducted):
    f = fields(Intent.short_pay, text)
    assert f.paid_amount == Decimal(paid)
    assert f.deducted_amount == Decimal(deducted)


def test_a_remittance_row_with_a_remark_column_left_empty_is_read_by_its_header():
    text = (
        "Invoice      Billed      Paid        Adj      Reason\n"
        "B-1          500.00      500.00      0.00\n"
        "B-2          800.00      740.00      60.00    late delivery penalty\n"
    )
    f = fields(Intent.short_pay, text)
    assert (f.paid_amount, f.deducted_amount) == (Decimal("740.00"), Decimal("60.00"))


def test_part_of_a_larger_amount_is_paid_and_the_larger_is_the_gross():
    f = fields(
        Intent.short_pay, "We are paying $8,100 of the $9,000 now and holding 10% as retainage."
    )
    assert f.paid_amount == Decimal("8100")
    assert f.deducted_amount == Decimal("900")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # damaged, in more languages; a word inside another ("storno") is no cue
        ("Zwei Kisten kamen mit gebrochenen Gläsern an, bitte eine Gutschrift.", "damaged"),
        ("Le 4 confezioni di yogurt erano scadute alla consegna.", "damaged"),
        ("De panelen zijn met krassen geleverd.", "damaged"),
        ("Half the sacks arrived ripped open.", "damaged"),
        ("Bitte um Stornierung, das ist eine Doppelberechnung.", "duplicate"),
        ("Questa fattura è la stessa della 118, vi chiediamo lo storno.", "duplicate"),
        # a service that never took place
        ("O técnico não apareceu e não houve atendimento.", "not_received"),
        ("The installer was a no-show on the 4th, so nothing to pay.", "not_received"),
        # part of the goods never came: quantity
        ("Die drei fehlenden Kartons wurden nie geliefert.", "quantity"),
        # a rate in Dutch; 'after-hours' counts nothing
        ("Het uurtarief op de factuur is € 82,00, afgesproken was € 74,00.", "pricing"),
        ("Nobody approved after-hours service on this account.", "other"),
        # a company name or 'Importe' is no freight
        ("No hemos recibido el pedido. Importe total 300,00 €.", "not_received"),
    ],
)
def test_the_reason_from_multilingual_cue_words(text, reason):
    assert fields(Intent.dispute, text).reason == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("We won't pay the $30 late fee, it's a $120 bill.", "other"),
        ("No late fee applies: our agreement says net 45.", "terms"),
        ("Paid less the $600 backcharge for the damaged curb your crew broke.", "other"),
        ("We withheld the 5% waarborg as agreed in the contract.", "terms"),
        ("Deducted the 2% promotional allowance for the spring program.", "terms"),
        ("Took $210 off for the contractual late-delivery penalty.", "other"),
        ("Pagámos com um desconto de 90,00 €: faltaram 3 caixas.", "quantity"),
    ],
)
def test_the_deduction_reason_by_what_was_taken(text, reason):
    assert fields(Intent.short_pay, text).reason == reason


@pytest.mark.parametrize(
    ("clause", "text", "document"),
    [
        # a W-9 is no invoice number
        ("Also, could I get a W9?", "", "W-9"),
        (
            "Please send an updated W-9 and a signed ACH authorization.",
            "",
            "W-9 and signed ACH authorization",
        ),
        # "of" followed by no document name
        ("They need a full statement of what we owe you.", "", "full statement"),
        # a copy of a multi-word document
        ("Please send a copy of the signed rental agreement.", "", "signed rental agreement copy"),
        # the clause names only an invoice; the reply asks for a document elsewhere
        (
            "Thanks for the invoice.",
            "Thanks for the invoice. We'll also need the mill certs for the last load.",
            "mill certs",
        ),
    ],
)
def test_the_document_asked_for(clause, text, document):
    assert document_asked(clause, text) == document


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("All three were paid by ACH, $2,310.00; the $25.00 late fee will not be paid.", "25.00"),
        (
            "The unit price is €12,40 instead of €11,10; on 500 units l'écart est de 650,00 €.",
            "650.00",
        ),
        ("You billed 80 seats at $30/seat, our contract says $27. That's $240.00 over.", "240.00"),
        ("I'll send an ACH for $900.00 today but I'm not paying the $40 reminder fee.", "40"),
    ],
)
def test_the_disputed_amount_is_the_one_contested_not_the_one_paid(text, amount):
    assert fields(Intent.dispute, text).disputed_amount == Decimal(amount)


def test_the_rest_promised_is_dated_by_the_rest_not_by_the_payment_made():
    text = "wired 800 today, balance on the 28th"
    f = fill(Intent.promise_to_pay, text, text, ANCHOR, "", [], frozenset({Intent.payment_sent}))
    assert f.promised_on == date(2026, 11, 28)


def test_a_payment_made_on_a_past_date_stays_past_beside_a_promise():
    text = "La 301 l'abbiamo pagata il 20/11, la 305 la paghiamo a fine mese."
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ('Überwiesen am 3.11. mit Verwendungszweck "RE 4410 Kd 7712".', "RE 4410 Kd 7712"),
        ("Paid on 12 Nov (€ 900,00, kenmerk VDB-1108).", "VDB-1108"),
        (
            "Bezahlt per Überweisung (Zahlungsreferenz 12 00000 00004 55120).",
            "12 00000 00004 55120",
        ),
        ("I mailed a check Monday for INV-2231, #8814, $310.00.", "8814"),
        ("It went out on the ACH run this morning (trace ending 4402).", "4402"),
        ("Medio de pago: transferencia. Referencia de remesa: REM-1130-XY.", "REM-1130-XY"),
    ],
)
def test_the_payment_reference_in_new_words(text, reference):
    assert fields(Intent.payment_sent, text).reference == reference


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("Payment No.: 5531    Method: Cheque    Date: 11/20/2026", "check"),
        ("pd 11/18 ck 3310", "check"),
        ("It was paid on county warrant #20417.", "check"),
        ("réglé par CB hier soir, 120,00 €", "card"),
        ("Our card on file should have been charged on the 1st.", "card"),
        ("Pagamos ontem via TED, R$ 2.000,00.", "wire"),
        ("I paid cash at your counter on Tuesday.", "other"),
    ],
)
def test_the_payment_method_in_shorthand_and_local_schemes(text, method):
    assert fields(Intent.payment_sent, text).method == method


@pytest.mark.parametrize(
    ("text", "paid", "deducted"),
    [
        # the deduction named by what it is, after the amount; the rest said paid after it
        (
            "The short payment is the $300.00 freight chargeback. The remaining $4,700.00 was "
            "paid by ACH on the 2nd.",
            "4700.00",
            "300.00",
        ),
        # paying "the difference" is the payment, not the deduction
        (
            "We netted your bill against ours ($1,000.00) and paid the difference of $2,500.00.",
            "2500.00",
            "1000.00",
        ),
        # a remittance total with net and deduction columns
        (
            "Invoice     Gross      Difference    Paid\n"
            "A-1         1,000.00   50.00         950.00\n"
            "A-2         500.00     0.00          500.00\n"
            "Total       1,500.00   50.00         1,450.00\n",
            "1450.00",
            "50.00",
        ),
    ],
)
def test_which_amount_was_paid_and_which_taken(text, paid, deducted):
    f = fields(Intent.short_pay, text)
    assert (f.paid_amount, f.deducted_amount) == (Decimal(paid), Decimal(deducted))


@pytest.mark.parametrize(
    ("text", "paid_on"),
    [
        (
            "RE-88 wurde heute überwiesen; der Fahrer hatte am 12.11. zwei Stunden gewartet.",
            date(2026, 11, 24),
        ),
        ("réglé par CB ce soir sur votre site", date(2026, 11, 24)),
        ("Paid with the company Visa on your site last night, $90.", date(2026, 11, 23)),
        ("La factura la pagamos el 21 de noviembre, importe 800,00 €.", date(2026, 11, 21)),
    ],
)
def test_the_day_paid_said_in_words_or_after_a_verb_of_paying(text, paid_on):
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == paid_on


def test_a_release_this_morning_for_a_later_date_is_dated_that_later_date():
    text = "Released in our system this morning, it is scheduled for the 27th."
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "return_on"),
    [
        ("Ich bin bis einschließlich 4.12. nicht im Büro.", date(2026, 12, 7)),
        (
            "Sono fuori sede fino al 30 novembre compreso, rientro il 1° dicembre.",
            date(2026, 12, 1),
        ),
        ("Ik ben afwezig tot en met vrijdag 27 november.", date(2026, 11, 30)),
        (
            "Oficina cerrada hasta el 2 de diciembre. Retomamos la actividad el 3 de diciembre.",
            date(2026, 12, 3),
        ),
    ],
)
def test_the_return_date_of_an_out_of_office_in_more_languages(text, return_on):
    assert fields(Intent.auto_reply, text).return_on == return_on


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        ("Could you send your W9 and statement?", "W-9 and statement"),
        ("Please send a statement of what's still open.", "statement"),
    ],
)
def test_the_document_phrase_is_normalised(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Voorstel: € 400 per maand, de eerste op 1 december, tot de € 4.800 voldaan is.", "400"),
        ("I can't pay all EUR 6.000 now; first part EUR 1.500 on 30 November.", "1500"),
        ("I can get you $700 tomorrow and the rest ($450) next Friday.", "700"),
    ],
)
def test_the_amount_promised_is_the_first_instalment_or_the_one_paid_first(text, amount):
    assert fields(Intent.promise_to_pay, text).amount == Decimal(amount)


def test_a_fee_named_after_its_amount_is_no_payment():
    text = "We won't pay the $60 late fee; check 5510 for the full $2,400.00 cleared Monday."
    assert fields(Intent.payment_sent, text).amount == Decimal("2400.00")


def test_a_refused_finance_charge_rests_on_terms_said_elsewhere_in_the_reply():
    text = "I'm not paying the finance charges. We always paid within 45 days, as your rep agreed."
    clause = "I'm not paying the finance charges."
    f = fill(Intent.dispute, clause, text, ANCHOR, "", ["terms"])
    assert f.reason == "terms"


@pytest.mark.parametrize(
    ("clause", "text", "amount"),
    [
        # the amount named as the difference elsewhere beats the unit prices of the clause
        (
            "Der Stückpreis von 9,80 € entspricht nicht dem vereinbarten Preis von 8,95 €.",
            "Der Stückpreis von 9,80 € entspricht nicht dem vereinbarten Preis von 8,95 €. "
            "Bei 100 Stück ergibt sich eine Differenz von 85,00 €.",
            "85.00",
        ),
        # a computed result, not the unit price it was computed from
        (
            "10 pcs at $6.85, so $68.50 we never got.",
            "10 pcs at $6.85, so $68.50 we never got.",
            "68.50",
        ),
        # the only amount is a unit charge billed twice
        (
            "You charged the transfer two times, EUR 310 each.",
            "You charged the transfer two times, EUR 310 each.",
            "310",
        ),
        # no currency written
        ("im not paying 2,400 for that pump", "im not paying 2,400 for that pump", "2400"),
    ],
)
def test_the_disputed_amount_named_computed_or_written_bare(clause, text, amount):
    f = fill(Intent.dispute, clause, text, ANCHOR, "", [])
    assert f.disputed_amount == Decimal(amount)


def test_beside_a_short_pay_the_payment_is_never_the_amount_kept():
    text = "Retivemos R$ 1.150,00 de ISS na fonte e pagamos R$ 22.850,00 ontem."
    also = frozenset({Intent.short_pay})
    f = fill(Intent.payment_sent, text, text, ANCHOR, "", [], also)
    assert f.amount == Decimal("22850.00")


def test_a_forwarded_bank_notice_fills_what_the_new_words_leave():
    from arbox.agent.findings import Fields
    from arbox.agent.offline.fields import from_quoted

    quoted = (
        "-------- Forwarded message --------\nFrom: Lakeshore Credit Union <noreply@lcu.example>\n"
        "Date: Tue, Nov 17, 2026\nSubject: Transfer completed\n\n"
        "Your outgoing wire of $2,315.60 to NORTHWIND TOOLS was completed on 11/17/2026.\n"
        "Reference: LCU-5582013\n"
    )
    f = from_quoted(Fields(), "Forwarding what the credit union sent us.", quoted, ANCHOR)
    assert (f.reference, f.method, f.amount, f.paid_on) == (
        "LCU-5582013",
        "wire",
        Decimal("2315.60"),
        date(2026, 11, 17),
    )
    # what the new words give stays; a forward nobody points at adds nothing
    assert (
        from_quoted(
            Fields(method="check"), "Forwarding what the credit union sent us.", quoted, ANCHOR
        ).method
        == "check"
    )
    assert from_quoted(Fields(), "Thanks, will look into it.", quoted, ANCHOR) == Fields()


def test_answers_typed_into_our_notice_fill_the_payment():
    from arbox.agent.findings import Fields
    from arbox.agent.offline.fields import from_quoted

    quoted = (
        "From: AR <ar@northwind.example>\nSent: Monday, November 23, 2026 8:00 AM\n\n"
        "NW-4410   $812.00   due 10/30   >> wired 11/19, ref NWB-20931\n"
        "NW-4427   $96.10    due 11/02   >> still with our buyer\n"
    )
    f = from_quoted(Fields(), "Answers next to each line.", quoted, ANCHOR)
    assert (f.reference, f.method, f.paid_on) == ("NWB-20931", "wire", date(2026, 11, 19))
