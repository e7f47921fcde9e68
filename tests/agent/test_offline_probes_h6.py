"""Misreadings found by probing with fresh replies (session h6); each test in new words."""

from datetime import UTC, datetime

from arbox.agent.classifier import Reply
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
rules = OfflineClassifier(model=None)
shipped = OfflineClassifier()


def votes(text: str) -> dict[str, float]:
    return rules.rule_votes(Reply(text=text, sent_at=SENT))


def intents(text: str) -> set[str]:
    triage = shipped.classify(Reply(text=text, sent_at=SENT))
    return {f.intent.value for f in triage.findings}


def test_a_charge_taken_out_or_left_off_a_payment_is_a_short_pay():
    for text in (
        "We settled INV-2207 but took out the $64 pallet charge, it was never quoted.",
        "Cheque mailed for 5120; we left off the 35.00 EUR admin fee.",
        "Remitted today, we have excluded the duplicated freight line ($212).",
        "Nous avons payé la facture 881 en déduisant la remise oubliée.",
        "Abbiamo saldato la fattura 31 togliendo le spese di incasso.",
    ):
        assert "short_pay" in votes(text), text
        assert intents(text) == {"payment_sent", "short_pay"}, text
    # A loan taken out is no deduction; asking to remove a charge is not one taken.
    assert "short_pay" not in votes("We took out a loan to pay our suppliers this month.")
    assert "short_pay" not in votes("Please remove the $64 pallet charge and reissue.")


def test_french_ne_pas_around_the_verb_negates_a_promise():
    for text in (
        "Nous ne réglerons pas cette facture avant le 15 décembre sans l'avoir corrigée.",
        "Comme convenu, nous ne paierons jamais les frais de relance du 3 novembre.",
    ):
        assert "promise_to_pay" not in votes(text), text
    # Without the negation it is still a promise.
    assert "promise_to_pay" in votes("Nous réglerons cette facture le 15 décembre.")


def test_a_count_missing_said_with_a_singular_verb_is_a_quantity_dispute():
    for text in (
        "Il manque 4 colis sur la livraison de mardi.",
        "Bei der Lieferung fehlt 1 Palette.",
        "Falta 1 bobina en el envío.",
        "Manca 1 scatola nella consegna.",
    ):
        assert "dispute" in votes(text), text
    # A reference missing is no count missing.
    assert "dispute" not in votes("Il manque le numéro de commande sur la facture.")


def test_goods_not_received_on_an_invoice_ask_for_no_document():
    for text in (
        "We never got the toner on invoice 5518, so it stays unpaid.",
        "We haven't received the rest for that invoice.",
        "I did not get the parts on this bill yet.",
    ):
        assert "invoice_request" not in votes(text), text
    # The document itself not received is still asked for.
    assert "invoice_request" in votes("We never received your invoice for the October visit.")
    assert "invoice_request" in votes("We haven't got the credit memo yet.")


def test_a_cheque_in_post_without_the_article_is_sent():
    for text in ("chq in post fri", "Cheque in mail as of 11/17.", "the wire is in post"):
        assert "payment_sent" in votes(text), text
    assert "payment_sent" not in votes("The cheque is not in post yet.")


def test_tax_withheld_at_source_is_a_short_pay():
    for text in (
        "Released today net of 2% EWT; BIR 2307 to follow.",
        "Remitted INR 98,000 after TDS of 2,000 under 194C.",
        "Paid 4,750.00, WHT 5% retained as required by law.",
        "Pagamos com IRRF retido, comprovante em anexo.",
    ):
        assert "short_pay" in votes(text), text


def test_a_remittance_whose_dates_are_all_past_promises_nothing():
    text = (
        "Dear Vendor, kindly find below the payment details: Invoice No. 40213 gross 3,100.00 / "
        "WHT 2% 62.00 / net paid 3,038.00, value date 17-Nov-2026."
    )
    assert intents(text) == {"payment_sent", "short_pay"}


def test_a_document_named_as_the_topic_is_not_the_one_asked_for():
    for text in (
        "We'd like a word with your credit team about the invoice 3307.",
        "I need some clarification regarding invoice 9920, what is the 'misc' line?",
        "Please get back to me concerning the statement, the totals differ from ours.",
    ):
        assert "invoice_request" not in votes(text), text
    # The document asked for before the topic still counts.
    assert "invoice_request" in votes("Could you send the POD regarding invoice 9920?")


def test_a_promise_to_the_middle_of_a_named_month_keeps_its_date():
    for text in (
        "We will settle this by mid-January.",
        "Wir begleichen den Betrag Mitte Januar.",
        "Nous réglerons la facture mi-janvier.",
    ):
        found = shipped.classify(Reply(text=text, sent_at=SENT)).findings
        promise = [f for f in found if f.intent.value == "promise_to_pay"]
        assert promise and promise[0].fields.promised_on is not None, text
        assert promise[0].fields.promised_on.isoformat() == "2027-01-15", text


def test_a_german_payment_that_will_be_carried_out_is_a_promise():
    for text in (
        "Die Überweisung wird planmäßig am 3. Dezember erfolgen.",
        "Die Zahlung wird zum 04.12. ausgeführt.",
        "Der Saldo wird bis 11.12. ausgeglichen.",
    ):
        assert "promise_to_pay" in votes(text), text
    # Something else carried out is no payment.
    assert "promise_to_pay" not in votes("Die Prüfung wird bis zum 4. Dezember erfolgen.")


def test_dutch_verb_last_payments_and_promises():
    assert "payment_sent" in votes("Uw factuur 3318 is vanochtend voldaan.")
    for text in (
        "Wij zullen het bedrag vóór 9 december overmaken.",
        "We gaan factuur 3318 volgende week vrijdag betalen.",
    ):
        assert "promise_to_pay" in votes(text), text
    for text in (
        "Wij zullen factuur 3318 niet betalen zolang de creditnota ontbreekt.",
        "Wir werden die Rechnung vom 2.11. nicht bezahlen.",
    ):
        assert "promise_to_pay" not in votes(text), text
    assert "payment_sent" not in votes("Factuur 3318 is nog niet voldaan.")


def test_a_promise_to_the_start_of_a_named_month_keeps_its_date():
    for text in ("We will pay this in early January.", "Wir zahlen Anfang Januar."):
        found = shipped.classify(Reply(text=text, sent_at=SENT)).findings
        promise = [f for f in found if f.intent.value == "promise_to_pay"]
        assert promise and promise[0].fields.promised_on is not None, text
        assert promise[0].fields.promised_on.isoformat() == "2027-01-10", text


def test_a_day_just_behind_read_a_year_ahead_is_no_promise_date():
    for text in (
        "Pourriez-vous vérifier si notre virement du 12 novembre est bien arrivé ?",
        "Die Rechnung vom 3.11. zahlen wir erst nach Klärung der Mengen.",
    ):
        assert "promise_to_pay" not in intents(text), text
    # A date with its year, or one ahead, still makes a promise.
    assert "promise_to_pay" in intents("We will pay on 12 November 2027 as agreed.")
    assert "promise_to_pay" in intents("We will pay on 12 December.")


def test_a_german_complaint_lodged_or_a_formal_objection_is_a_dispute():
    for text in (
        "Die Teile haben wir am 2.11. reklamiert.",
        "Unsere Reklamation zu den Kartons ist noch offen.",
        "We are lodging a formal objection to the call-out fee on 7718.",
    ):
        assert "dispute" in votes(text), text


def test_a_payment_only_thought_or_assumed_made_is_not_claimed():
    for text in (
        "Apologies, we thought the wire went out in October with the others.",
        "I assumed the cheque was mailed by our office manager.",
    ):
        assert "payment_sent" not in votes(text), text
    assert "payment_sent" in votes("The wire went out on 2 October, ref 77120.")


def test_would_like_to_inform_tells_rather_than_asks_for_a_document():
    for text in (
        "We would like to advise that invoice 3390 is approved for the 8 December run.",
        "I'd like to let you know the invoice was forwarded to our plant.",
    ):
        assert "invoice_request" not in votes(text), text
    assert "invoice_request" in votes("We'd like to receive the invoice as a PDF.")


def test_cannot_pay_since_the_invoice_is_wrong_is_no_distress():
    for text in (
        "We are not able to pay since the quantities do not match the delivery note.",
        "We cannot pay as the invoice is missing the agreed discount.",
        "Unable to pay due to the wrong VAT rate on the invoice.",
    ):
        assert "financial_distress" not in votes(text), text
    assert "financial_distress" in votes("We cannot pay anything this month, sales are down.")


def test_a_promise_to_a_day_of_this_month_keeps_its_date():
    for text in (
        "El importe se abonará el 28 de este mes.",
        "Le solde sera réglé le 28 de ce mois.",
        "Der Betrag wird am 28. dieses Monats überwiesen.",
    ):
        found = shipped.classify(Reply(text=text, sent_at=SENT)).findings
        promise = [f for f in found if f.intent.value == "promise_to_pay"]
        assert promise and promise[0].fields.promised_on is not None, text
        assert promise[0].fields.promised_on.isoformat() == "2026-11-28", text


def test_less_transferred_than_billed_with_other_payment_verbs():
    for text in (
        "Hemos transferido 410 € en lugar de 460 € por el portes cobrado dos veces.",
        "Abbiamo bonificato 700 € invece di 760 € per la merce rovinata.",
        "Transferimos 1.100 reais em vez de 1.250 por causa do atraso.",
    ):
        assert "short_pay" in votes(text), text


def test_a_terse_payment_without_its_subject_is_claimed():
    for text in (
        "Paid $615.40 this morning.",
        "hi, wired the balance 11/17",
        "Already remitted via ACH on Monday.",
    ):
        assert "payment_sent" in votes(text), text
    # Without any detail it stays a bare word; a question claims nothing.
    assert "payment_sent" not in votes("Paid? Not that I know of.")


def test_hiring_another_company_is_not_being_the_wrong_customer():
    for text in (
        "We ended up hiring another company to redo the wiring.",
        "We brought in a different firm to finish the paving.",
    ):
        assert "wrong_contact" not in votes(text), text
    assert "wrong_contact" in votes("These invoices belong to a different company, not us.")


def test_something_not_found_in_the_contract_asks_for_no_document():
    for text in (
        "I cannot locate the escalation clause in the agreement you mention.",
        "We can't find that surcharge on your price list.",
    ):
        assert "invoice_request" not in votes(text), text
    assert "invoice_request" in votes("We cannot locate invoice 2290 anywhere, please resend.")


def test_a_helpdesk_acknowledgement_with_a_ticket_is_automatic():
    text = (
        "This is an automated acknowledgement: the Payables team got your e-mail and a ticket "
        "has been logged (PH-20931)."
    )
    assert "auto_reply" in intents(text)
    # A person who opened a ticket of their own is no automatic reply.
    assert "auto_reply" not in intents("I opened a ticket with IT, the PDF will not open.")


def test_something_included_is_no_payment_unless_in_a_run_or_a_payment():
    for text in (
        "Your quote said delivery was included.",
        "We understood the travel time was included in the day rate.",
    ):
        assert "payment_sent" not in votes(text), text
    assert "payment_sent" in votes("Your payment was included in Tuesday's ACH batch.")


def test_terms_only_asked_for_are_not_claimed():
    for text in (
        "Could we go to net 45 from January? We have been buying from you for ten years.",
        "Any chance of 60 days on the big order? Cash is fine, it's just our cycle.",
    ):
        assert "extended_terms" not in intents(text), text
    assert "extended_terms" in intents("Our terms with you are net 60 as agreed in May.")


def test_a_date_only_asked_about_is_no_promise():
    for text in (
        "Is it OK if we pay on the 12th instead? Our owner only signs cheques once a month.",
        "Would it be okay to pay on the 18th? Our owner is away.",
    ):
        assert "promise_to_pay" not in intents(text), text
    # A promise with a tag question after it is still a promise.
    assert "promise_to_pay" in intents("Le pago el viernes 27 sin falta, ¿de acuerdo?")


def test_a_payment_run_already_behind_promises_nothing():
    text = "Hello, invoice 77-410 was settled on 17.11.2026 in our weekly payment run. Regards, AP"
    assert intents(text) == {"payment_sent"}


def test_an_invoice_put_on_hold_with_a_reason_is_a_dispute():
    for text in (
        "We will settle 6610 on Monday; 6612 has been put on hold - the rates are not ours.",
        "Bill 3307 stays on hold until the missing pallets are credited.",
    ):
        assert "dispute" in votes(text), text
    assert "dispute" not in votes("Our ERP is on hold for the year-end freeze.")


def test_a_negation_does_not_reach_across_because():
    assert "invoice_request" in votes("We haven't paid because we never received your invoice.")
    assert "dispute" in votes("We will not pay it because we got the wrong parts.")
    # Inside its own clause a negation still cancels.
    assert "payment_sent" not in votes("We have not wired it because the approval is missing.")


def test_work_not_finished_is_a_dispute():
    for text in (
        "Your crew left and the work isn't finished.",
        "The install is still incomplete, two rooms have no sockets.",
    ):
        assert "dispute" in votes(text), text


def test_a_payment_foreseen_for_a_date_is_a_promise():
    for text in ("Pagamento previsto para 09/12.", "Zahlung vorgesehen für den 9. Dezember."):
        assert "promise_to_pay" in votes(text), text
    # Foreseen in the terms is no date of theirs.
    assert "promise_to_pay" not in votes("Paiement prévu dans nos conditions à 30 jours.")


def test_what_goes_on_future_invoices_is_no_redirect():
    assert "wrong_contact" not in votes("Please show our cost centre 4410 on all future invoices.")
    assert "wrong_contact" in votes("Please send all future invoices to our Leeds office.")


def test_an_amount_retained_from_a_payment_is_a_short_pay():
    text = (
        "We wired 5.600 € this morning. 400 € are retained as a guarantee until the "
        "acceptance test, per the contract."
    )
    assert "short_pay" in intents(text)
    assert "dispute" not in intents(text)
