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
        ("Bitte den Stundennachweis für Mai nochmals senden.", "Stundennachweis"),
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
