"""Fields of disputes, deductions and document requests in fresh phrasing: which noun is
the object of the ask, which clause states the cause."""

import pytest

from arbox.agent.offline.documents import document_asked
from arbox.agent.offline.reasons import reason_of


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # a wish to see or receive the document: its object follows the second verb
        (
            "Before releasing payment we need to see the signed work order for the March visit.",
            "signed work order",
        ),
        (
            "I would appreciate receiving a copy of the signed lease before the next payment.",
            "signed lease copy",
        ),
        ("We'd like to receive the packing list for the second drop.", "packing list"),
        # "provide us with": the object after "with"
        (
            "Could you kindly provide us with the order confirmation for PO 7781?",
            "order confirmation",
        ),
        # an infinitive carrying its pronoun
        ("¿Pueden reenviarme la factura 2026-118 en PDF?", "factura 2026-118 en PDF"),
        ("Potete inviarmi il DDT firmato?", "DDT firmato"),
        # a German request whose verb is "zukommen lassen", a "-zettel" document
        (
            "Könnten Sie uns bitte eine aktuelle Freistellungsbescheinigung zukommen lassen?",
            "Freistellungsbescheinigung",
        ),
        ("Könnten Sie uns die Stundenzettel Ihrer Monteure schicken?", "Stundenzettel"),
        # a month that is part of a longer phrase ("the March visit") is not what it covers
        ("Please send the signed delivery note for the June shipment.", "signed delivery note"),
        ("Please send the timesheets for March so we can approve them.", "timesheets for March"),
    ],
)
def test_document_object_of_the_ask(clause: str, document: str) -> None:
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # goods named before the paper they are billed on: the goods never came
        (
            "Bonjour, les colis de la facture 2026-310 ne sont jamais arrivés à l'entrepôt.",
            "not_received",
        ),
        (
            "Nuestro técnico esperó, pero el instalador no vino el martes, pero la factura 77 "
            "cobra la instalación.",
            "not_received",
        ),
        (
            "Der Elektriker kam nicht, Rechnung 5512 berechnet trotzdem zwei Stunden Anfahrt.",
            "not_received",
        ),
        ("De chauffeur kwam nooit, factuur 26-0410 rekent toch de rit.", "not_received"),
        ("Non paghiamo la fattura 77 perché il tecnico non si è mai presentato.", "not_received"),
        # a paper that never came stays a paper
        ("The credit note for invoice 4410 never arrived.", "other"),
        # not matching what was ordered: the quality of the goods
        ("The cabinets do not match the drawings we signed off, so 3390 is on hold.", "damaged"),
        ("Die Platten entsprachen nicht der Spezifikation, wir kürzen Rechnung 881.", "damaged"),
        ("Las baldosas no corresponden a la muestra aprobada.", "damaged"),
        ("The carpet came in the wrong shade, we sent it back.", "damaged"),
        ("The compressor broke down after two days, we won't pay the rental.", "damaged"),
        ("Zwei der Türen kamen verkratzt an.", "damaged"),
        # French "portes" are doors, not carriage
        ("Les portes livrées ne correspondent pas aux cotes de la commande.", "damaged"),
        # a count billed against what they had or used
        ("Invoice 3390 bills 21 days of the mini excavator; we had it for 15.", "quantity"),
        # a count paid for, goods ruined
        ("Two of the five pumps went back under RMA 88, so we paid for 3.", "quantity"),
        ("The cartons were left in the rain and the labels are ruined.", "damaged"),
        # something that was to cost nothing is a price matter
        (
            "Paid 610 less $75 for the training day, which was meant to be free with the unit.",
            "pricing",
        ),
        ("La mise en service devait être gratuite pour ce modèle.", "pricing"),
        # work short of a standard, redone by them
        ("Die Schweißnähte entsprachen nicht der Norm, wir mussten Nacharbeit leisten.", "damaged"),
        ("The grout lines had to be redone by our tiler; we took $300 off.", "damaged"),
        # a count of units refused
        (
            "The rental ran to the 30th but you collected it on the 12th; we're not paying the "
            "18 days after pickup.",
            "quantity",
        ),
        # a delivery made urgent is freight
        ("Olá, a fatura cobra entrega urgente, que não pedimos.", "freight"),
        ("La ligne « livraison urgente » n'a jamais été demandée.", "freight"),
        # a Dutch discount compound
        ("De kortingsafspraak van 2% is op factuur 26-90 vergeten.", "terms"),
        # waiting time is an accessorial
        ("We took $90 off 4471 for the standby time, the delay was at your plant.", "freight"),
    ],
)
def test_reason_in_fresh_phrasing(text: str, reason: str) -> None:
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the clause that states the cause outranks words elsewhere in the reply
        (
            "We are holding payment on 5520 because the pump failed its pressure test twice.",
            "damaged",
        ),
        (
            "Wir zahlen die Rechnung 3310 nicht, weil die Ware nie angekommen ist, obwohl Sie "
            "Skonto anbieten.",
            "not_received",
        ),
        ("Paid 7710 less 5% because the fabric is not as per the approved sample.", "damaged"),
        (
            "Hemos descontado 300 € por los 4 palés que nunca llegaron; el precio está bien.",
            "not_received",
        ),
        (
            "We kept back $80 for the fuel surcharge; the pallets were fine, no damage at all.",
            "freight",
        ),
        # a backcharge stays `other`, whatever it is for
        ("Paid less the $900 backcharge for the window your crew cracked.", "other"),
    ],
)
def test_reason_from_the_stated_cause(text: str, reason: str) -> None:
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # the document a payment waits for is the one asked for
        (
            "We will release payment as soon as we receive the signed delivery receipt.",
            "signed delivery receipt",
        ),
        ("Nous réglerons dès réception du procès-verbal signé.", "procès-verbal signé"),
        ("Pagaremos hasta recibir el certificado de calidad.", "certificado de calidad"),
        ("We still haven't received the mill test reports for the last load.", "mill test reports"),
        ("Nous n'avons toujours pas reçu l'attestation d'assurance.", "attestation d'assurance"),
        ("Aún no hemos recibido el certificado de retenciones.", "certificado de retenciones"),
        ("Non abbiamo ancora ricevuto il DDT firmato.", "DDT firmato"),
        ("La paghiamo, ma non prima di aver ricevuto la scheda tecnica.", "scheda tecnica"),
        # the lot a certificate covers keeps its number
        (
            "Payment follows once we get the certificate of conformity for batch 22.",
            "certificate of conformity for batch 22",
        ),
        # bank details to confirm in writing, in any language: a bank details letter
        ("Kunnen jullie het nieuwe rekeningnummer schriftelijk bevestigen?", "bank details letter"),
        ("Please confirm your IBAN in writing, our transfer came back.", "bank details letter"),
    ],
)
def test_document_a_payment_waits_for(clause: str, document: str) -> None:
    assert document_asked(clause) == document


def test_stated_cause_outranks_the_cue_hint() -> None:
    # a cue that read "surcharge" as pricing; what the deduction is for says freight (an
    # amount with cents stands between the deduction and "for")
    text = "We short-paid 7781 by $96.50 for the fuel surcharge; that is not in our agreement."
    assert reason_of(text, ["pricing"]) == "freight"


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # a document named with no verb, in a short sentence that asks
        ("une copie du bon de commande svp", "copie du bon de commande"),
        ("Lieferschein zu RE-118 bitte.", "Lieferschein"),
        ("pakbon nooit gezien, stuur maar", "pakbon"),
    ],
)
def test_document_said_bare(clause: str, document: str) -> None:
    assert document_asked(clause) == document


def test_a_subject_is_no_bare_request() -> None:
    # the document is the subject of "is": no request names it here
    assert document_asked("A scan of the ticket is all we need.") != "scan of ticket"


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # the object of a second verb after "que", "di", an adverb
        (
            "Para pagar necesitamos que nos manden el certificado de residencia fiscal.",
            "certificado de residencia fiscal",
        ),
        ("Vi preghiamo gentilmente di inviarci la visura camerale.", "visura camerale"),
        # a quote in French, a Dutch "graag ontvangen wij"
        ("Pourriez-vous me transmettre le devis signé ?", "devis signé"),
        ("Graag ontvangen wij de getekende urenstaat.", "getekende urenstaat"),
        # someone asked me for it
        ("Our treasurer asked me for a stamped bank letter.", "stamped bank letter"),
        # a renamed first document keeps what the sentence adds after it
        (
            "Kindly resend all open invoices together with a statement of account.",
            "invoice copies and statement of account",
        ),
        # a document joined once is not repeated
        (
            "We require the original bill of lading and the packing list.",
            "original bill of lading and packing list",
        ),
    ],
)
def test_document_object_after_a_second_verb(clause: str, document: str) -> None:
    assert document_asked(clause) == document


def test_send_one_points_back() -> None:
    text = "Our auditor asked about a signed balance confirmation at year end. Can you send one?"
    assert document_asked("Can you send one?", text) == "signed balance confirmation"


def test_two_unit_prices_outrank_a_quantity_hint() -> None:
    # the counts are the same; the price per case is what differs
    text = "You billed 12 drums at $41.00; our PO has 12 drums at $37.50."
    assert reason_of(text, ["quantity"]) == "pricing"


def test_a_terms_hint_needs_a_term() -> None:
    # a cue that reads "remove the ... fee" as terms; no term, discount or penalty is named
    assert (
        reason_of("Please remove the $95 onboarding fee, your rep waived it.", ["terms"]) != "terms"
    )
    assert reason_of("Please remove the late fee, we paid within net 30.", ["terms"]) == "terms"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # words of one language that spell a defect in another are no defect
        (
            "Goedemorgen, de incassokosten zijn volgens de wet niet verschuldigd, we hadden "
            "net 30 afgesproken.",
            "terms",
        ),
        ("Abbiamo pagato un importo inferiore per la penale prevista dal contratto.", "other"),
        (
            "La factura no está vencida: pactamos crédito a 60 días. "
            "No procede el cargo moratorio.",
            "terms",
        ),
        # goods past their date stay damaged
        ("Los productos vencidos del lote 44 no los pagamos.", "damaged"),
    ],
)
def test_reason_false_friends(text: str, reason: str) -> None:
    assert reason_of(text, []) == reason


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # a document not received, the verb last as German and Dutch put it
        (
            "Wir haben den unterschriebenen Lieferschein noch nicht erhalten.",
            "unterschriebenen Lieferschein",
        ),
        ("Wij hebben de creditnota nog steeds niet ontvangen.", "creditnota"),
        ("Die Gutschrift haben wir nie bekommen.", "Gutschrift"),
        # a document received is not the one asked
        ("Wir haben die Rechnung erhalten, bitte schicken Sie den Lieferschein.", "Lieferschein"),
    ],
)
def test_document_not_received_verb_last(clause: str, document: str) -> None:
    assert document_asked(clause) == document
