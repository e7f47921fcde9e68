"""Known misreadings of the offline classifier (helper gaps2), in phrasing of our own: a whole
invoice withheld, a person's own mail about their absence, a notice sent to the wrong company,
a past day beside a promise, "now" as a day, a question about an unknown invoice, a closure,
and terse one-line replies."""

from datetime import UTC, date, datetime

import pytest

from arbox.agent.classifier import Reply
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 18, 10, 30, tzinfo=UTC)  # a Wednesday
full = OfflineClassifier()


def findings(text: str, **kw) -> dict[str, dict]:
    triage = full.classify(Reply(text=text, sent_at=SENT, **kw))
    return {f.intent.value: f.fields.model_dump(exclude_none=True) for f in triage.findings}


def intents(text: str, **kw) -> set[str]:
    return set(findings(text, **kw))


# 1. A whole invoice withheld beside one paid is a dispute, not a deduction from the payment.


@pytest.mark.parametrize(
    "text",
    [
        "Hemos abonado la 2207 ayer; la 2210 la dejamos retenida hasta recibir el abono.",
        "Invoice 3391 was paid Monday. We're withholding INV-3394 until the credit note is issued.",
        "Die 5520 ist bezahlt, die Rechnung 5531 halten wir zurück, bis die Gutschrift da ist.",
        "Factuur 7710 is voldaan, factuur 7715 houden we aan tot de creditnota binnen is.",
        "Abbiamo saldato la 4410; la 4418 la tratteniamo finché non riceviamo la nota di credito.",
    ],
)
def test_a_whole_invoice_withheld_beside_a_payment_is_a_dispute(text):
    assert intents(text) == {"payment_sent", "dispute"}


def test_an_amount_held_back_on_an_invoice_stays_a_deduction():
    text = "Check 8812 went out Monday. We held back $420.00 on 60311 for the cracked tiles."
    assert intents(text) == {"payment_sent", "short_pay"}


# 2. A person mentioning their absence in their own mail is no automatic reply.


@pytest.mark.parametrize(
    ("text", "paid_on"),
    [
        ("I'm away on holiday until the 30th, but the transfer left our bank this morning.", 18),
        ("Estoy de vacaciones hasta el lunes, pero la transferencia salió hoy.", 18),
        ("Je suis en congés jusqu'à lundi mais le virement est parti hier.", 17),
    ],
)
def test_a_person_on_holiday_who_paid_is_a_payment_not_an_auto_reply(text, paid_on):
    found = findings(text)
    assert set(found) == {"payment_sent"}
    assert found["payment_sent"]["paid_on"] == date(2026, 11, paid_on)


def test_the_day_they_return_is_not_the_day_they_paid():
    found = findings("On vacation until Dec 1, but I mailed the check before I left.")
    assert set(found) == {"payment_sent"}
    assert "paid_on" not in found["payment_sent"]


def test_an_absence_told_in_the_past_is_a_person_writing():
    text = "Sorry, I was on sick leave until last Monday. Invoice 4471 was paid on the 9th by ACH."
    assert intents(text) == {"payment_sent"}


@pytest.mark.parametrize(
    "text",
    [
        "I am out of the office until Monday 23 November and will reply on my return.",
        "Ich bin bis einschließlich 27.11. im Urlaub. Ihre Nachricht wird nicht weitergeleitet.",
    ],
)
def test_an_out_of_office_notice_without_headers_stays_automatic(text):
    assert "auto_reply" in intents(text)


def test_an_out_of_office_that_reports_a_payment_in_its_wording_stays_automatic():
    text = (
        "Thanks for your message. I am on leave until 1 December and the transfer for INV-5120 "
        "was released on 12 November."
    )
    assert "auto_reply" in intents(text)


def test_a_person_on_leave_whose_transfer_was_made_in_french():
    text = "Je suis absent jusqu'au 1er décembre, mais le virement de la 318 est parti hier."
    assert intents(text) == {"payment_sent"}


def test_an_out_of_office_with_headers_stays_automatic():
    text = "I'm on holiday until Monday but the wire went out today."
    assert "auto_reply" in intents(text, headers={"Auto-Submitted": "auto-replied"})


# 3. A notice sent to another company: wrong_contact, in our seven languages.


@pytest.mark.parametrize(
    "text",
    [
        "Falsche Adresse, hier gibt es keine Schneider Logistik.",
        "Da haben Sie wohl die falsche Firma angeschrieben.",
        "Wir sind nicht die Becker Bau GmbH.",
        "Je crois que vous vous êtes trompés de société.",
        "Nous ne sommes pas Dupont Services SARL.",
        "Creo que se han equivocado de empresa.",
        "No somos Talleres Gómez, somos una panadería.",
        "Non siamo la Bianchi Srl, avete sbagliato destinatario.",
        "Wij zijn niet Visser Installatietechniek.",
        "Jullie hebben je vergist van bedrijf, wij zijn een school.",
        "We're not Harbor Freight Supply, this was sent to the wrong company.",
    ],
)
def test_a_notice_sent_to_another_company_is_a_wrong_contact(text):
    assert intents(text) == {"wrong_contact"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wij zijn niet akkoord met het bedrag op deze factuur.", {"dispute"}),
        ("Non siamo in grado di pagare questo mese, la cassa è vuota.", {"financial_distress"}),
    ],
)
def test_we_are_not_before_a_lower_case_word_names_no_company(text, expected):
    assert intents(text) == expected


# 4. A day a payment is said made on is not the day a promise beside it is held to.


def test_a_past_day_beside_an_undated_promise_is_no_promise():
    found = findings("We paid INV-518 on 2/11 and will settle the rest as soon as we can.")
    assert set(found) == {"payment_sent"}
    assert found["payment_sent"]["paid_on"] == date(2026, 11, 2)


def test_a_past_day_and_a_promised_day_each_keep_their_own():
    found = findings("We wired 7730 on 2/11, and 7741 will be paid on the 27th.")
    assert found["payment_sent"]["paid_on"] == date(2026, 11, 2)
    assert found["promise_to_pay"]["promised_on"] == date(2026, 11, 27)


def test_a_payment_said_sent_keeps_its_day_beside_a_later_promise():
    found = findings("We already sent payment on 11/2 and will send the other two next Friday.")
    assert found["payment_sent"]["paid_on"] == date(2026, 11, 2)
    assert found["promise_to_pay"]["promised_on"] == date(2026, 11, 27)


# 5. A payment under way "now" is promised for the day they write.


@pytest.mark.parametrize(
    "text",
    [
        "ok wiring it now",
        "my bad, I'll send the payment now",
        "Ich zahle es jetzt gleich.",
        "Hago la transferencia ahora mismo.",
        "Ik maak het nu over.",
    ],
)
def test_a_payment_made_now_is_promised_today(text):
    found = findings(text)
    assert set(found) == {"promise_to_pay"}
    assert found["promise_to_pay"]["promised_on"] == SENT.date()


@pytest.mark.parametrize("text", ["we can't pay right now", "Right now cash is short."])
def test_now_that_is_not_a_payment_promises_nothing(text):
    assert "promise_to_pay" not in intents(text)


# 6. Asking what an invoice they do not recognise is for is a question, not a dispute.


@pytest.mark.parametrize(
    "text",
    [
        "Who is this? I don't recognise your company, what is the invoice for?",
        "No reconozco esta factura. ¿De qué se trata?",
    ],
)
def test_asking_what_an_unknown_invoice_is_for_is_a_question(text):
    assert intents(text) == {"other"}


def test_an_unknown_charge_they_want_removed_is_still_a_dispute():
    assert intents("We do not recognize the $85 service fee. Take it off please.") == {"dispute"}


# 7. A closure announced by a person promises nothing.


@pytest.mark.parametrize(
    "text",
    [
        "Our shop will be closed Dec 21 to Jan 4.",
        "The office will be shut Dec 24 to Jan 2.",
        "Just so you know, the plant is closed from December 21 through January 4.",
    ],
)
def test_a_closure_period_is_no_promise(text):
    assert "promise_to_pay" not in intents(text)


def test_a_promise_beside_a_closure_keeps_its_own_day():
    found = findings("We're closed Dec 23 to Jan 3, so the check goes out on Jan 6.")
    assert found["promise_to_pay"]["promised_on"] == date(2027, 1, 6)


# 8. Terse one-line replies, phone style.


@pytest.mark.parametrize(
    ("text", "expected", "field", "value"),
    [
        ("ach sent yday", "payment_sent", "paid_on", date(2026, 11, 17)),
        ("pd this am by card", "payment_sent", "paid_on", date(2026, 11, 18)),
        ("chk dropped fri", "payment_sent", "paid_on", date(2026, 11, 13)),
        ("pymt went out mon", "payment_sent", "paid_on", date(2026, 11, 16)),
        ("will pay next wk", "promise_to_pay", "promised_on", date(2026, 11, 23)),
        ("betalen donderdag", "promise_to_pay", "promised_on", date(2026, 11, 19)),
        ("on vous paie jeudi", "promise_to_pay", "promised_on", date(2026, 11, 19)),
        ("wire tmrw", "promise_to_pay", "promised_on", date(2026, 11, 19)),
        ("short 3 cartons", "dispute", "reason", "quantity"),
    ],
)
def test_a_terse_reply_and_its_field(text, expected, field, value):
    found = findings(text)
    assert set(found) == {expected}
    assert found[expected][field] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dispute it", {"dispute"}),
        ("no money rn", {"financial_distress"}),
        ("wrong dept", {"wrong_contact"}),
        ("left the co", {"wrong_contact"}),
        ("nicht zuständig, sorry", {"wrong_contact"}),
        ("c'est pas nous", {"wrong_contact"}),
        ("dirección equivocada", {"wrong_contact"}),
        ("DDT per favore", {"invoice_request"}),
        ("pakbon graag", {"invoice_request"}),
        ("mándanos la factura otra vez", {"invoice_request"}),
        ("pago efetuado", {"payment_sent"}),
        ("ya lo pagué", {"payment_sent"}),
        ("ooo til 11/30", {"auto_reply"}),
        ("we're all paid up", {"payment_sent"}),
        ("the chq cleared", {"payment_sent"}),
        ("já pago", {"payment_sent"}),
        ("pls take me off", {"wrong_contact"}),
        ("niente soldi adesso", {"financial_distress"}),
        ("non abbiamo soldi", {"financial_distress"}),
        ("geen geld nu", {"financial_distress"}),
        ("can we do net 75", {"other"}),
        ("ok thx", {"other"}),
    ],
)
def test_a_terse_reply(text, expected):
    assert intents(text) == expected
