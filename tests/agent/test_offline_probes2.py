"""Misreadings found by probing with fresh replies, fixed by structure (a date form, a
question's scope, a quoted layout) rather than by a phrase: each test in new words."""

from datetime import UTC, date, datetime

from arbox.agent.classifier import Reply
from arbox.agent.dates import find_dates
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday, in ISO week 47
ANCHOR = SENT.date()
full = OfflineClassifier()


def findings(text: str) -> dict[str, dict[str, object]]:
    triage = full.classify(Reply(text=text, sent_at=SENT))
    return {f.intent.value: f.fields.model_dump() for f in triage.findings}


def test_a_calendar_week_is_its_monday_in_every_language():
    monday_of_week_50 = date(2026, 12, 7)
    for text in (
        "Überweisung in KW50",
        "bezahlt wird in der 50. Kalenderwoche",
        "règlement prévu sem. 50",
        "lo pagamos la semana 50",
        "bonifico entro la settimana 50",
        "we betalen in week 50",
        "paying wk 50",
    ):
        values = [d.value for d in find_dates(text, ANCHOR)]
        assert values == [monday_of_week_50], text
    # A week number of the next year, and one with its year written out.
    assert [d.value for d in find_dates("KW 2", ANCHOR)] == [date(2027, 1, 11)]
    assert [d.value for d in find_dates("KW 3/2027", ANCHOR)] == [date(2027, 1, 18)]
    # Counted weeks and a week of a month are no calendar week.
    assert not [
        d for d in find_dates("la semana 2 de diciembre", ANCHOR) if d.kind == "calendar_week"
    ]
    assert not find_dates("wir brauchen 3 Wochen", ANCHOR)


def test_a_payment_in_a_calendar_week_is_a_promise_for_it():
    read = findings("Die Begleichung erfolgt in KW 51.")
    assert set(read) == {"promise_to_pay"}
    assert read["promise_to_pay"]["promised_on"] == date(2026, 12, 14)
    read = findings("Nous réglerons la facture semaine 50.")
    assert read["promise_to_pay"]["promised_on"] == date(2026, 12, 7)


def test_a_portuguese_short_weekday_after_a_payment_word_is_a_day():
    for text, day in (
        ("pagamos quarta", date(2026, 11, 25)),
        ("vamos transferir na segunda", date(2026, 11, 23)),
        ("vamos pagar terça sem falta", date(2026, 11, 24)),
    ):
        read = findings(text)
        assert read.get("promise_to_pay", {}).get("promised_on") == day, text
    # Still an ordinal where nothing is paid on it.
    assert not find_dates("a segunda fatura está errada", ANCHOR)
    assert not find_dates("pagamos a segunda parcela", ANCHOR)


def test_asking_which_or_what_a_charge_is_does_not_contest_it():
    # A question about what an unknown line is asks; it contests nothing (CONTRACTS.md
    # section 1: a question is not the claim it asks about).
    for text in (
        "What's that freight line for? We don't recognize it.",
        "Which delivery is this invoice for? I do not recognize the amount.",
    ):
        assert set(findings(text)) == {"other"}, text
    # Refusing it is still a dispute.
    assert "dispute" in findings("We don't recognize this fee and will not pay it.")


def test_a_portal_to_submit_through_is_a_redirect_not_a_missing_reference():
    for text in (
        "All supplier invoices have to be uploaded into our Ariba portal.",
        "Please send your invoices via the Tungsten platform from now on.",
    ):
        assert set(findings(text)) == {"wrong_contact"}, text
    # A PO named as lacking is still a missing reference.
    assert "missing_po" in findings(
        "Ariba rejected the invoice: the PO number is missing. Please resubmit it there."
    )


def test_a_payment_made_this_week_is_no_promise():
    tuesday = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
    for text in (
        "Hemos transferido el saldo esta semana.",
        "Abbiamo saldato la fattura questa settimana.",
        "We settled the balance this week.",
    ):
        triage = full.classify(Reply(text=text, sent_at=tuesday))
        read = {f.intent.value: f.fields for f in triage.findings}
        assert set(read) == {"payment_sent"}, text
        paid_on = read["payment_sent"].paid_on
        assert paid_on is None or paid_on <= tuesday.date(), text
    # Said of the future, this week is still its Friday.
    triage = full.classify(Reply(text="We will settle it this week.", sent_at=tuesday))
    assert [f.fields.promised_on for f in triage.findings] == [date(2026, 11, 20)]


def test_a_wish_to_pay_is_no_payment_made():
    for text in (
        "Queremos abonar con tarjeta de crédito.",
        "We'd like to settle by card.",
        "Vorremmo pagare con bonifico.",
    ):
        assert "payment_sent" not in findings(text), text
    # Telling that it was paid stays a payment.
    assert "payment_sent" in findings("We would like to let you know we paid it by wire.")


def test_passing_the_mail_on_to_no_one_named_is_other():
    for text in (
        "inoltro la mail all'amministrazione",
        "Je transmets au service concerné.",
    ):
        assert set(findings(text)) == {"other"}, text
    # An address to write to is still a new contact.
    assert "wrong_contact" in findings("Bitte an buchhaltung@kunde-gmbh.de schicken.")


def test_a_plan_asked_for_with_a_first_date_is_a_promise_too():
    # The labelling guide: a payment plan with a first date is distress and a promise; the
    # datasets label the plan asked as a question the same ("Could we do $1,500 a month
    # starting July 1?"): it is the customer's own commitment offered, not a claim asked about.
    read = findings("Money is tight. Can we send $250 on December 3 and then $250 each week?")
    assert {"financial_distress", "promise_to_pay"} <= set(read)
    assert read["promise_to_pay"]["promised_on"] == date(2026, 12, 3)
    read = findings("Podemos pagar 200 € el 7 de diciembre y luego cada quince días?")
    assert read.get("promise_to_pay", {}).get("promised_on") == date(2026, 12, 7)
