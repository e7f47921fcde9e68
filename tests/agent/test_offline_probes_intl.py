"""Misreadings of replies in German, French, Spanish, Dutch, Italian and Portuguese, found by
probing with realistic AP mail (each test in new words, not the probe's sentence)."""

from probing import SENT, full, intents, votes

from arbox.agent.classifier import Reply


def test_italian_plural_participles_report_a_payment():
    assert "payment_sent" in votes("Le due fatture di ottobre risultano pagate dal 12/11.")
    assert "payment_sent" in votes("Saldati i 3.120,00 € con valuta 17 novembre.")


def test_money_paid_in_by_the_verbs_of_paying_in():
    for text in (
        "Ieri abbiamo versato 1.500,00 € sul vostro conto.",
        "Nous avons versé 800 € le 12 novembre à titre d'acompte.",
        "Hemos ingresado 950,00 € en su cuenta esta mañana.",
        "Depositamos R$ 2.300,00 na conta de vocês na terça.",
    ):
        assert "payment_sent" in votes(text), text
    # Not in the future, nor negated.
    assert "payment_sent" not in votes("Non abbiamo ancora versato nulla.")


def test_a_reply_that_is_only_done_says_paid():
    for text in ("Schon erledigt.", "ist bereits erledigt", "Is inmiddels geregeld."):
        assert "payment_sent" in votes(text), text
    # A complaint settled is not a payment; nor is what is still to be done.
    assert "payment_sent" not in votes("Die Reklamation hat sich erledigt, danke.")
    assert "payment_sent" not in votes("Noch nicht erledigt, kommt nächste Woche.")


def test_an_invoice_sent_twice_in_dutch_italian_portuguese_is_a_duplicate():
    for text in (
        "Wij hebben deze nota twee keer ontvangen.",
        "La fattura 2291 ci è stata inviata due volte.",
        "Esta nota foi emitida duas vezes.",
    ):
        assert "dispute" in votes(text), text


def test_german_agreed_payment_term_inflected():
    assert "extended_terms" in votes(
        "Innerhalb des vereinbarten Zahlungsziels von 60 Tagen ist die Rechnung nicht überfällig."
    )


def test_scheduled_in_spanish_preterite_is_paid_and_promised():
    found = intents("Ya se programó el pago de la factura para el 2 de diciembre.")
    assert {"payment_sent", "promise_to_pay"} <= found


def test_netted_credit_note_beside_a_payment_is_a_short_pay():
    found = intents(
        "Die Gutschrift GS-77 über 210,00 € haben wir verrechnet, der Rest ist gestern überwiesen."
    )
    assert "short_pay" in found and "dispute" not in found


def test_a_payment_that_can_or_must_be_made_is_not_made():
    for text in (
        "Aucune facture ne peut être réglée avant la fin de la procédure.",
        "La factura debe ser pagada por la casa matriz.",
        "Nessuna fattura può essere pagata prima dell'udienza.",
    ):
        assert "payment_sent" not in votes(text), text


def test_a_price_set_against_the_quote_with_nothing_paid_is_a_dispute():
    assert intents(
        "Le tarif appliqué est de 3,20 € le mètre au lieu de 2,75 €, merci de corriger."
    ) == {"dispute"}
    # A payment set against the bill stays a short pay.
    found = intents("Wir haben 1.200,00 € statt 1.500,00 € überwiesen, da 3 Teile fehlten.")
    assert "short_pay" in found and "dispute" not in found


def test_a_count_received_instead_of_the_count_billed_is_contested():
    for text in (
        "Abbiamo ricevuto 12 bancali anziché 15: attendiamo la nota di credito.",
        "We got 18 cartons instead of 20 - please credit the missing two.",
    ):
        found = votes(text)
        assert "dispute" in found and "short_pay" not in found, text


def test_german_present_tense_with_a_date_is_a_promise():
    assert "promise_to_pay" in votes("Wir überweisen den Betrag am 4.12.")
    assert "promise_to_pay" not in votes("Wir zahlen nicht, solange die Gutschrift fehlt.")


def test_a_payment_announced_for_a_date_less_a_charge_is_a_short_pay():
    for text in (
        "De palletkosten van € 45,00 waren niet afgesproken. Wij betalen de factuur exclusief "
        "die kosten op 4 december.",
        "Los portes de 80 € no estaban en el pedido; pagaremos el día 30 menos esos portes.",
        "Nous contestons le forfait de 45 € : nous réglerons le 4 décembre moins ce forfait.",
    ):
        found = intents(text)
        assert {"short_pay", "promise_to_pay"} <= found and "dispute" not in found, text


def test_a_payment_planned_in_french_is_a_promise_not_yet_a_payment():
    assert intents("Le règlement est prévu pour le 9 décembre.") == {"promise_to_pay"}


def test_portuguese_invoice_without_the_purchase_order_number():
    assert "missing_po" in votes("A nota não pode ser registrada sem o número do pedido de compra.")


def test_proof_of_delivery_in_portuguese_is_a_document_asked_for():
    assert "invoice_request" in votes("Precisamos do canhoto assinado da entrega.")


def test_invoices_to_go_through_a_portal_not_by_mail():
    assert "wrong_contact" in votes(
        "Ab Januar müssen Rechnungen über unser Lieferantenportal eingereicht werden, "
        "nicht mehr per E-Mail."
    )


def test_german_rest_paid_in_the_next_run_is_promised_not_paid():
    found = intents(
        "Die Position über 120,00 € für die fehlenden Teile kürzen wir; den Rest zahlen wir "
        "mit dem Zahllauf am 2.12."
    )
    assert {"short_pay", "promise_to_pay"} <= found and "payment_sent" not in found


def test_a_liquidator_is_not_a_payment_liquidated():
    assert "payment_sent" not in votes("Le liquidateur désigné est Maître Paul Roy.")


def test_dutch_settled_with_a_longer_date_between():
    assert "payment_sent" in votes("Die factuur is al sinds 2 november voldaan.")


def test_portuguese_quitamos_reports_a_payment():
    assert "payment_sent" in votes("Quitei o boleto ontem à tarde.")


def test_french_near_future_and_spanish_present_with_a_weekday_promise():
    assert intents("Nous allons vous régler jeudi prochain.") == {"promise_to_pay"}
    assert intents("Lo pagamos el miércoles 25.") == {"promise_to_pay"}


def test_a_question_about_a_payment_then_thanks_claims_nothing():
    assert intents("Hola, ¿les llegó ya nuestra transferencia del día 12? Muchas gracias") == {
        "other"
    }


def test_italian_send_again_asks_for_a_document():
    assert "invoice_request" in votes("Potete rimandarci il DDT firmato?")


def test_work_not_finished_or_goods_not_conforming_is_a_dispute():
    for text in (
        "Wir zahlen erst, wenn die Montage vollständig abgeschlossen ist. Bis dahin ist die "
        "Montage nicht abgeschlossen.",
        "Le matériel livré est non conforme à la commande.",
        "La obra todavía no está terminada, por eso no hemos pagado.",
        "Il vostro addebito risulta doppio sul nostro estratto.",
    ):
        assert "dispute" in votes(text), text


def fields_of(text: str, intent: str) -> dict[str, object]:
    triage = full.classify(Reply(text=text, sent_at=SENT))
    return next(f.fields.present() for f in triage.findings if f.intent.value == intent)


def test_the_balance_said_paid_in_the_passive_is_the_amount_paid():
    got = fields_of(
        "Nous avons déduit l'avoir n° 12 de 310,00 € ; le solde de 1 190,00 € a été viré le "
        "3 novembre.",
        "short_pay",
    )
    assert got["paid_amount"] == "1190.00" and got["deducted_amount"] == "310.00"
    got = fields_of(
        "Descontamos R$ 500,00 pelas peças quebradas; pagamos o saldo (R$ 4.500,00) ontem.",
        "short_pay",
    )
    assert got["paid_amount"] == "4500.00"


def test_a_day_and_month_with_a_dash_after_a_preposition_is_a_date():
    assert fields_of("De nota is op 12-11 overgemaakt.", "payment_sent")["paid_on"] == "2026-11-12"
    assert fields_of("Pagado el 09-11-2026 por transferencia.", "payment_sent")["paid_on"] == (
        "2026-11-09"
    )


def test_a_purchase_order_given_after_an_abbreviated_number():
    detail = fields_of(
        "Senza ordine non possiamo registrarla: riemettetela con l'ordine n. 7788123.",
        "missing_po",
    )["detail"]
    assert "7788123" in str(detail)


def test_a_colleague_named_in_french_german_spanish():
    assert (
        fields_of(
            "Je ne gère plus les fournisseurs, je transmets à ma collègue Julie Caron.",
            "wrong_contact",
        )["new_contact_name"]
        == "Julie Caron"
    )


def test_usual_thirty_days_in_the_payment_term_is_no_claim_of_other_terms():
    assert "extended_terms" not in votes(
        "Wir zahlen wie immer innerhalb unseres Zahlungsziels von 30 Tagen."
    )
    assert "extended_terms" in votes(
        "Die Rechnung ist erst nach dem mit Ihnen vereinbarten Ziel von 60 Tagen fällig."
    )


def test_dutch_payment_ready_for_a_date_is_set_up_and_promised():
    found = intents("Uw betaling staat klaar voor maandag 30 november.")
    assert {"payment_sent", "promise_to_pay"} <= found


def test_compliance_papers_asked_for_are_documents():
    assert "invoice_request" in votes("Potete mandarci la visura camerale aggiornata?")
    assert "invoice_request" in votes("Favor enviar a certidão negativa de débitos atualizada.")
