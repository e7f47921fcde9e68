"""Misreadings found by probing with phrasing the datasets never had (each test in new words)."""

from datetime import UTC, datetime

from arbox.agent.classifier import Reply
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
rules = OfflineClassifier(model=None)


def votes(text: str) -> dict[str, float]:
    return rules.rule_votes(Reply(text=text, sent_at=SENT))


def test_asking_why_a_document_was_sent_does_not_ask_for_one():
    assert "invoice_request" not in votes(
        "Why did you email us a statement for an account we closed?"
    )
    assert "invoice_request" not in votes("why do you share our invoices with the plant manager")
    # Asking for one still counts.
    assert "invoice_request" in votes("Please email us the statement for Q3.")


def test_goods_never_ordered_in_german_dutch_italian_french_spanish_portuguese():
    for text in (
        "Drei der Artikel haben wir niemals bestellt.",
        "Deze onderdelen hebben wij nooit besteld.",
        "Quei pezzi non li abbiamo mai ordinati.",
        "Nous n'avons jamais commandé ces cartouches.",
        "Nunca pedimos esas piezas.",
        "Nunca encomendamos esses parafusos.",
    ):
        assert "dispute" in votes(text), text


def test_goods_not_received_in_five_languages():
    for text in (
        "Nous n'avons toujours pas reçu les colis.",
        "Todavía no hemos recibido el pedido.",
        "Ainda não recebemos a encomenda.",
        "Non abbiamo mai ricevuto la merce.",
        "De bestelling hebben we nooit ontvangen.",
        "Die Sendung haben wir bis heute nicht erhalten.",
        "La marchandise n'est jamais arrivée.",
        "A encomenda nunca chegou.",
    ):
        assert "dispute" in votes(text), text
    # A document not received is not goods not received.
    assert "dispute" not in votes("Nous n'avons pas reçu la facture.")
    assert "dispute" not in votes("Ainda não recebemos a fatura.")


def test_price_above_what_was_agreed_in_other_languages():
    for text in (
        "El importe es más caro que lo pactado.",
        "Le tarif appliqué est plus élevé que le devis.",
        "Der Stundensatz ist höher als vereinbart.",
        "Il costo è più alto del preventivo.",
        "De prijs is hoger dan afgesproken.",
        "O valor cobrado é superior ao orçamento.",
    ):
        assert "dispute" in votes(text), text
    assert "dispute" not in votes("Zur Bestellung 7781 haben wir die Rechnung nicht erhalten.")


def test_we_shall_make_the_payment_in_the_future_tense_with_a_date():
    for text in (
        "Faremos a transferência no dia 18 de março.",
        "Haremos la transferencia el jueves 19 de marzo.",
        "Nous ferons le virement le 18 mars.",
        "Faremo il bonifico giovedì 19 marzo.",
        "Efectuaremos el pago el 2 de abril.",
        "Nous effectuerons le règlement le 2 avril.",
    ):
        assert "promise_to_pay" in votes(text), text
    assert "promise_to_pay" not in votes("Faremos a transferência quando recebermos a nota.")


def test_an_agreed_discount_left_off_the_invoice_is_a_terms_dispute():
    for text in (
        "Your bill doesn't include the volume rebate we negotiated.",
        "This statement did not apply the 3% early-payment discount.",
        "The 5% discount is missing from this invoice.",
        "Der vereinbarte Rabatt fehlt auf der Rechnung.",
        "La remise convenue n'a pas été appliquée.",
        "No se aplicó el descuento pactado.",
        "Lo sconto concordato non è stato applicato.",
        "De afgesproken korting ontbreekt.",
        "O desconto combinado não foi aplicado.",
    ):
        assert "dispute" in votes(text), text


def test_an_invoice_cleared_or_an_amount_credited_to_the_supplier_is_a_payment():
    for text in (
        "Accounting cleared the invoice on Monday 2 March.",
        "We cleared your invoice in last Friday's batch.",
        "The funds were credited to your bank account yesterday.",
        "Der Betrag wurde Ihrem Konto am 3. März gutgeschrieben.",
        "Le montant a été crédité sur votre compte le 3 mars.",
        "O valor foi creditado na sua conta ontem.",
    ):
        assert "payment_sent" in votes(text), text
    assert "payment_sent" not in votes("We cleared the pallets through customs on Monday.")
    assert "payment_sent" not in votes("Has the amount been credited to your account yet?")


def test_fewer_received_than_ordered_in_six_languages():
    for text in (
        "Geliefert wurden nur 12 Kartons.",
        "Bestellt waren 30 Rollen, angekommen sind nur 24.",
        "On a reçu 4 palettes au lieu de 6.",
        "Nos llegaron 9 cajas en lugar de 12.",
        "We hebben 14 rollen ontvangen in plaats van 16.",
        "Sono arrivati 3 bancali invece di 5.",
        "Chegaram 40 sacos em vez de 50.",
    ):
        assert "dispute" in votes(text), text
    # A smaller amount paid is still a deduction.
    assert "short_pay" in votes("Virement de 400,00 € au lieu de 500,00 € pour la casse.")


def test_spanish_contestar_to_someone_is_answering_not_contesting():
    assert "dispute" not in votes("Lo vemos con contabilidad y te contestamos mañana.")
    assert "dispute" not in votes("Le contesto en cuanto tenga los datos.")
    assert "dispute" in votes("Contestamos a fatura 2231: o valor está acima do pedido.")


def test_a_dispute_or_problem_settled_is_not_a_payment():
    assert "payment_sent" not in votes("Bonjour, le différend est réglé de notre côté.")
    assert "payment_sent" not in votes("Le problème a été réglé avec votre commercial.")
    assert "payment_sent" in votes("La facture a été réglée le 2 mars par virement.")


def test_tax_charged_to_an_exempt_customer_is_disputed():
    assert "dispute" in votes("You added sales tax, but our school is tax-exempt.")
    assert "dispute" in votes("Wir sind von der Umsatzsteuer befreit, die MwSt ist zu streichen.")
    assert "dispute" in votes("Nous sommes exonérés de TVA.")
    # Sending the exemption certificate contests nothing.
    assert "dispute" not in votes("Attached is our tax-exempt certificate for your records.")


def test_a_broken_link_or_portal_is_not_damaged_goods():
    assert "dispute" not in votes("The download button on your portal isn't working.")
    assert "dispute" not in votes("Your payment link doesn't work for me.")
    assert "dispute" in votes("Two of the pumps are not working.")


def test_asking_where_to_download_a_document_requests_it():
    assert "invoice_request" in votes("Where can we download the statement?")
    assert "invoice_request" in votes("Où puis-je télécharger la facture ?")


def test_a_company_being_wound_up_or_ceasing_trading_is_in_distress():
    for text in (
        "Our directors have decided to wind up the company.",
        "We are ceasing trading at the end of the month.",
        "La società è in fallimento.",
        "A empresa entrou em falência.",
    ):
        assert "financial_distress" in votes(text), text


def test_but_only_a_count_received_is_a_quantity_dispute_not_a_deduction():
    v = votes("Bestellt hatten wir 20 Paletten, aber nur 16 wurden geliefert.")
    assert "dispute" in v and "short_pay" not in v
    v = votes("Pedimos 12 cajas, pero solo 9 llegaron.")
    assert "dispute" in v and "short_pay" not in v
    assert "short_pay" in votes("Die Rechnung lautet auf 900 €, aber nur 700 € überweisen wir.")


def test_a_payment_done_in_the_passive_in_four_languages():
    for text in (
        "Onze betaling werd gisteren uitgevoerd.",
        "Il bonifico è stato eseguito stamattina.",
        "La transferencia fue realizada el lunes.",
        "A transferência foi concluída hoje.",
    ):
        assert "payment_sent" in votes(text), text
    assert "payment_sent" not in votes("Il bonifico non è stato ancora eseguito.")


def test_defective_goods_and_hours_that_do_not_add_up():
    for text in (
        "As peças chegaram com defeito.",
        "Las bombas salieron defectuosas.",
        "Die gelieferten Ventile sind fehlerhaft.",
        "Die Mengen auf dem Lieferschein stimmen nicht.",
    ):
        assert "dispute" in votes(text), text
