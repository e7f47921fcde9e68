"""The document an `invoice_request` names: in the customer's words and language, also where
the verb comes last (German, Dutch) or the article is elided (French, Italian)."""

import pytest

from arbox.agent.offline.documents import document_asked


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # the verb at the end of a German or Dutch request
        ("Könnten Sie uns bitte den unterschriebenen Lieferschein zuschicken?",
         "unterschriebenen Lieferschein"),
        ("Kun je ons de getekende werkbon nog even sturen?", "getekende werkbon"),
        ("Bitte den Stundennachweis für Mai nochmals senden.", "Stundennachweis für Mai"),
        # an elided article before the document
        ("Pourriez-vous nous transmettre l'attestation d'assurance en cours ?",
         "attestation d'assurance"),
        ("Ci potete mandare l'estratto conto aggiornato?", "estratto conto aggiornato"),
        # request verbs in more forms
        ("Renvoyez-moi le bon de livraison signé, merci.", "bon de livraison signé"),
        ("Il revisore ci chiede copia del verbale firmato.", "copia del verbale firmato"),
        # an invoice named with its number keeps the customer's language
        ("Pourriez-vous nous renvoyer la facture 41-220 ?", "facture 41-220"),
        ("Bitte schicken Sie die Rechnung 7781 noch einmal.", "Rechnung 7781"),
        ("Can you resend invoice 5521?", "invoice copy 5521"),
        # copies of several documents are those documents, kept plural
        ("Can you send copies of the signed load tickets?", "signed load tickets"),
        # a subject after the verb, as German puts it, is no part of the document
        ("Für die Prüfung benötigen wir die Materialzertifikate.", "Materialzertifikate"),
        ("Dafür brauche ich noch einmal den Lieferschein.", "Lieferschein"),
        # the Dutch article, and "van de" with nothing after it
        ("We missen de getekende opdrachtbon van de installateur.", "getekende opdrachtbon"),
        # "una", "plutôt", "también" are not the document
        ("¿Nos mandan también una copia del contrato?", "copia del contrato"),
        ("Merci de nous adresser plutôt un avoir.", "avoir"),
        # a verb after the request verb: the document follows the second one
        ("Vi chiedo di inviarci copia dei verbali firmati.", "copia dei verbali firmati"),
        # a clause after a comma is not the document: the German object comes before the verb
        ("Bitte eine Kopie des Auftrags schicken, auf den sich die Rechnung bezieht.",
         "Kopie des Auftrags"),
    ],
)  # fmt: skip
def test_the_document_in_the_customers_words(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # what the document must show or carry, said with "with"
        ("Could you send the delivery log with the driver signatures so we can match them?",
         "delivery log with driver signatures"),
        ("Bitte schicken Sie uns die Rechnung mit der neuen Adresse.",
         "Rechnung mit neuen Adresse"),
        # the date a statement is drawn up to
        ("Please send a statement as of June 30; the auditors ask every vendor.",
         "statement as of June 30"),
        ("Pouvez-vous nous adresser un relevé au 31 mars ?", "relevé au 31 mars"),
        ("Bitte senden Sie uns eine Saldenbestätigung zum 30.06.2026.",
         "Saldenbestätigung zum 30.06.2026"),
        # not the reason, the one who needs it, nor the invoice it is for (the finding's
        # invoices say that)
        ("Please send the W-9 for our auditors.", "W-9"),
        ("Can you send me the packing slip for 88213?", "packing slip"),
        # nor a condition: "until we get" still asks
        ("Payment is held until we get a signed lien waiver from you.", "signed lien waiver"),
    ],
)  # fmt: skip
def test_the_document_keeps_what_it_must_show(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # the document as the subject of "is missing", "fehlt", "manque"
        ("Die unterschriebene Abnahmebescheinigung fehlt uns noch.",
         "unterschriebene Abnahmebescheinigung"),
        ("The signed change order is still missing.", "signed change order"),
        # saying what one has is no request for it
        ("We have net 60 under the framework agreement, could you send the signed copy?",
         "signed copy"),
        # someone asking for the document, not the customer sending it
        ("Notre commissaire aux comptes demande une copie du contrat de maintenance.",
         "copie du contrat de maintenance"),
        ("Our lender asked for the signed delivery receipts before funding.",
         "signed delivery receipts"),
        # a purchase order is a document
        ("Can you send me the PO that goes with invoice 5512?", "PO"),
    ],
)  # fmt: skip
def test_the_document_before_its_verb_and_no_claim_as_a_request(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # a plain invoice in the customer's language stays in it (no English "invoice copy")
        ("Pourriez-vous me renvoyer la facture, s'il vous plaît ?", "facture"),
        ("Stuur de factuur nog even opnieuw.", "factuur"),
        ("Könnten Sie uns die Rechnung bitte als PDF zuschicken?", "Rechnung als PDF"),
        # "again" in any language is no part of the document
        ("Pode mandar a nota fiscal de novo?", "nota fiscal"),
        ("Could you send the packing list again, please?", "packing list"),
        # Dutch inverted subject and fillers before the object
        ("Mail je me nog even een kopie van de werkbon?", "kopie van de werkbon"),
    ],
)  # fmt: skip
def test_the_language_and_fillers(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # two documents asked for in one sentence, after a date, a purpose or brackets
        ("We need a statement as of March 31 and copies of the open invoices for the audit.",
         "statement as of March 31 and invoice copies"),
        ("Wir brauchen die Wartungsberichte für April sowie die Prüfprotokolle.",
         "Wartungsberichte für April und Prüfprotokolle"),
        ("Pouvez-vous nous envoyer le bon de livraison (camion 2) et le certificat d'origine ?",
         "bon de livraison et certificat d'origine"),
        ("Ci servono la scheda tecnica del prodotto e il certificato di collaudo.",
         "scheda tecnica del prodotto e certificato di collaudo"),
    ],
)  # fmt: skip
def test_every_document_asked_for(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("text", "document"),
    [
        # the document named before a request that points back to it with a pronoun
        ("We never got the signed change order from your foreman. Can you resend it?",
         "signed change order"),
        ("Il nous manque l'attestation d'assurance décennale. Merci de nous l'envoyer.",
         "attestation d'assurance décennale"),
        ("Uns fehlt noch der Abnahmebericht. Schicken Sie uns den bitte?", "Abnahmebericht"),
        ("Nos falta el certificado de retenciones. ¿Nos lo podéis mandar?",
         "certificado de retenciones"),
        ("Per la pratica serve la dichiarazione di conformità: ce la potete inviare?",
         "dichiarazione di conformità"),
    ],
)  # fmt: skip
def test_a_pronoun_points_back_to_the_document(text, document):
    last = text.split(". ")[-1].split(": ")[-1]
    assert document_asked(last, text) == document


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # documents the lexicon did not know: sheets, charts, schedules, files
        ("Can you send the route sheets?", "route sheets"),
        ("Please send the drying charts.", "drying charts"),
        ("Would you mind sending me the amortization schedule?", "amortization schedule"),
        # request verbs in more forms and languages
        ("Aprovecho para pediros el certificado de titularidad bancaria.",
         "certificado de titularidad bancaria"),
        ("Außerdem bitten wir um Zusendung einer aktuellen Unbedenklichkeitsbescheinigung.",
         "Unbedenklichkeitsbescheinigung"),
        ("Ci servirebbe la quietanza firmata.", "quietanza firmata"),
    ],
)  # fmt: skip
def test_more_documents_and_verbs(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("text", "clause", "document"),
    [
        # "a copy" of the document named just before, not of an invoice
        ("Our site office cannot find the weighbridge ticket for this load. Could you send a copy?",
         "Could you send a copy?", "copy of weighbridge ticket"),
        ("We hebben de getekende opleverbon niet. Kunt u een kopie mailen?",
         "Kunt u een kopie mailen?", "kopie van getekende opleverbon"),
        # an invoice, or its number, named nearer: a copy of the invoice
        ("The statement lists 7781 and 7790, which we never got. Please send copies.",
         "Please send copies.", "invoice copies"),
    ],
)  # fmt: skip
def test_a_copy_of_the_document_named_before(text, clause, document):
    assert document_asked(clause, text) == document


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # the period, lot or draw a document covers belongs to it
        ("Can you send the weigh tickets for September?", "weigh tickets for September"),
        ("We still need a partial lien waiver for the June draw.",
         "partial lien waiver for the June draw"),
        ("Please send the test reports for that batch.", "test reports for that batch"),
        # but not the reason or the reader
        ("Please send the W-9 for our records.", "W-9"),
        # a document named by a clause ("being up to date with the tax office")
        ("¿Nos envían el certificado de estar al corriente de pago con la Seguridad Social?",
         "certificado de estar al corriente de pago con Seguridad Social"),
        # the invoice a receipt is for is the finding's, not part of the document
        ("Podem enviar o recibo da fatura 2026/77?", "recibo"),
        # "à jour" after the document, an abbreviation it is known by
        ("Merci de nous transmettre un Kbis à jour.", "Kbis à jour"),
        ("Send the updated COI before Friday.", "COI"),
    ],
)  # fmt: skip
def test_what_belongs_to_the_document(clause, document):
    assert document_asked(clause) == document


@pytest.mark.parametrize(
    ("text", "document"),
    [
        # an invoice reissued to another name: the name is what they ask for
        ("The entity changed in May. Could you reissue it to Oakmont Dental PLLC?",
         "reissued invoice to Oakmont Dental PLLC"),
        ("Can you re-issue both invoices under our new trading name, please?",
         "reissued invoices under our new trading name"),
        ("We need the invoice reissued in the trust's name before we can pay.",
         "reissued invoice in the trust's name"),
        ("The bill should be made out to Carver Holdings LLC instead. Please resend.",
         "reissued invoice to Carver Holdings LLC"),
        ("Kunt u de factuur op naam van Bakkerij Vos B.V. zetten?",
         "factuur op naam van Bakkerij Vos B.V"),
        ("Merci d'établir la facture au nom de notre filiale (Dumas Logistique SARL).",
         "facture au nom de Dumas Logistique SARL"),
    ],
)  # fmt: skip
def test_an_invoice_reissued_to_another_name(text, document):
    assert document_asked(text, text) == document


@pytest.mark.parametrize(
    ("text", "clause", "document"),
    [
        # a copy said only by what was done to it is that document, so done
        ("We agreed the rates in the framework agreement. Could you send the signed copy?",
         "Could you send the signed copy?", "signed framework agreement"),
        # "a copy ... with the corrected invoice": the invoice goes with it, it is not copied
        ("The warehouse lost the pick list for that order. Send a copy along with the corrected "
         "invoice, please.", "Send a copy along with the corrected invoice, please.",
         "copy of pick list"),
        # the format said after a Dutch verb-last request
        ("Wilt u de creditnota opnieuw aanleveren als PDF?", "Wilt u de creditnota opnieuw "
         "aanleveren als PDF?", "creditnota als PDF"),
    ],
)  # fmt: skip
def test_copies_and_formats_around_the_verb(text, clause, document):
    assert document_asked(clause, text) == document


def test_a_document_the_next_sentence_adds():
    text = "Could you send the statement for our account? And the signed delivery note for 8812."
    clause = "Could you send the statement for our account?"
    assert document_asked(clause, text) == "statement and signed delivery note"


@pytest.mark.parametrize(
    ("clause", "document"),
    [
        # "wants", "would like" ask too; a hyphen keeps "remit-to" whole
        ("Our controller wants a statement of account from every supplier.",
         "statement of account"),
        ("Before we pay we'd need your W-9 and your remit-to address.",
         "W-9 and remit-to address"),
        # what it is for, said before the object
        ("Die Revision braucht für die Prüfung einen Kontoauszug.", "Kontoauszug"),
    ],
)  # fmt: skip
def test_more_ways_to_ask(clause, document):
    assert document_asked(clause) == document
