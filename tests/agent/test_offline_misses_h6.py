"""Families of phrasing the offline classifier misread (issue 11), in phrasing of our own."""

from datetime import UTC, datetime

import pytest

from arbox.agent.classifier import Reply
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
full = OfflineClassifier()


def findings(text: str) -> dict[str, dict]:
    triage = full.classify(Reply(text=text, sent_at=SENT))
    return {f.intent.value: (f.fields.model_dump() if f.fields else {}) for f in triage.findings}


# 1. Goods that never came, whatever they are called and whatever verb says it.


@pytest.mark.parametrize(
    "text",
    [
        "Die Paletten sind nie angekommen. Wir bezahlen nicht.",
        "A mercadoria nunca foi entregue. Não vamos pagar.",
        "the pallets never turned up, so no payment from us until they do",
        "Os materiais da fatura 3310 nunca foram entregues, não pagaremos.",
    ],
)
def test_goods_that_never_came_are_disputed_as_not_received(text):
    found = findings(text)
    assert "dispute" in found
    assert found["dispute"]["reason"] == "not_received"


def test_still_waiting_on_the_delivery_is_the_reason():
    found = findings("We are still waiting on our delivery, therefore we dispute the invoice.")
    assert found["dispute"]["reason"] == "not_received"


# 2. A count short: "only" before the verb, or a count of a count beside a verb of receiving.


@pytest.mark.parametrize(
    "text",
    [
        "Solo nos llegaron 7 de los 10 rollos.",
        "Únicamente llegaron 7 de 10 rollos al almacén.",
        "Es sind nur 8 von 12 Paletten eingetroffen.",
        "Apenas chegaram 4 das 6 caixas.",
    ],
)
def test_a_count_short_is_a_quantity_dispute(text):
    found = findings(text)
    assert found.get("dispute", {}).get("reason") == "quantity"


def test_a_page_count_is_no_short_delivery():
    assert "dispute" not in findings("Thanks, we received page 1 of 2 of the statement, all good.")


# 3. Billed twice: a verb of billing or charging and "twice", in either order.


@pytest.mark.parametrize(
    "text",
    [
        "Buongiorno, il trasporto ci è stato fatturato due volte, stornate una delle due.",
        "A Sra. Lima viu que a entrega foi faturada duas vezes.",
        "Jullie hebben de vracht twee keer gefactureerd.",
        "Ci avete addebitato due volte lo stesso trasporto.",
    ],
)
def test_billed_twice_is_a_duplicate_dispute(text):
    found = findings(text)
    assert found.get("dispute", {}).get("reason") == "duplicate"
    assert "payment_sent" not in found


def test_charged_twice_the_rate_is_no_duplicate():
    found = findings("You charged us twice the agreed rate for the freight on this order.")
    assert found.get("dispute", {}).get("reason") != "duplicate"


# 4. Already paid in other words; "pagamos" with a time still to come is a promise.


@pytest.mark.parametrize(
    "text",
    ["Deze factuur hebben wij al voldaan.", "Bom dia, a nota 5512 já está quitada."],
)
def test_already_paid_in_other_words(text):
    assert "payment_sent" in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pagamos o saldo até dia 30, combinado.",
        "Pagamos amanhã sem falta.",
        "Pagamos la factura el viernes que viene.",
    ],
)
def test_pagamos_with_a_time_to_come_is_a_promise(text):
    found = findings(text)
    assert "promise_to_pay" in found
    assert "payment_sent" not in found


def test_pagamos_yesterday_stays_a_payment():
    assert "payment_sent" in findings("Pagamos a fatura ontem por transferência.")


# 5. A credit note still needed is a document asked for, not a dispute of its own.


@pytest.mark.parametrize(
    "text",
    [
        "Ich bräuchte noch die Gutschrift für die zurückgeschickten Kartons.",
        "Nos falta todavía la nota de crédito de la devolución.",
        "De creditnota voor de retour hebben we nog nodig.",
    ],
)
def test_a_credit_note_still_needed_is_a_document_asked(text):
    found = findings(text)
    assert "invoice_request" in found
    assert "dispute" not in found


def test_a_contest_with_a_credit_note_stays_a_dispute():
    found = findings("We dispute this, we still need a credit note for the 3 broken units.")
    assert "dispute" in found


# 6. Portuguese promises with "vamos/iremos/vou" and a verb of settling, or its future.


@pytest.mark.parametrize(
    "text",
    [
        "Boa tarde Carla, vou acertar esse boleto amanhã cedo.",
        "Iremos quitar as duas notas até o dia 12.",
        "Quitaremos o valor em aberto no dia 5 de dezembro.",
    ],
)
def test_portuguese_settling_with_a_date_is_a_promise(text):
    assert "promise_to_pay" in findings(text)


# 7. Two asks in one mail: the writer is not the one to ask, and the goods never came.


@pytest.mark.parametrize(
    "text",
    [
        "wrong contact - and we never received the shipment anyway",
        "Je ne suis pas la bonne personne, et nous n'avons jamais reçu la marchandise.",
        "Não sou a pessoa certa, e a mercadoria nunca chegou.",
    ],
)
def test_a_wrong_contact_stays_beside_a_dispute(text):
    found = findings(text)
    assert {"wrong_contact", "dispute"} <= set(found)


def test_not_the_right_contact_alone():
    assert set(findings("Hi, I am not the right contact for this. Thanks.")) == {"wrong_contact"}


def test_a_colleague_who_left_is_no_wrong_contact_beside_a_payment():
    text = "We paid INV-2290 by ACH on 11/18. The buyer who placed the order is no longer with us."
    assert set(findings(text)) == {"payment_sent"}


# Guards: a document or a mail that never came, or a count of documents, is no goods dispute.


@pytest.mark.parametrize(
    "text",
    [
        "Ihre Mahnung ist nie angekommen, bitte nochmal schicken.",
        "We got the 3 of 4 quotes you sent, thanks.",
        "Thanks, we received 2 of the 3 credit notes.",
    ],
)
def test_documents_are_no_goods_dispute(text):
    assert "dispute" not in findings(text)
