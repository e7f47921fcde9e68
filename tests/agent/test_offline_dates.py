"""Weekdays said of a payment made: "last Thursday" written on a Thursday is a week back, a
weekday before "I mailed" is a past one, "the 3rd one" is no date."""

from datetime import date

import pytest

from arbox.agent.dates import find_dates
from arbox.agent.findings import Intent
from arbox.agent.offline.fields import fill

THURSDAY = date(2026, 10, 15)


def test_last_weekday_written_on_that_weekday_is_a_week_back():
    (m,) = find_dates("The cheque went out last Thursday.", THURSDAY, "past")
    assert m.value == date(2026, 10, 8)
    (n,) = find_dates("Le virement est parti jeudi dernier.", THURSDAY, "past")
    assert n.value == date(2026, 10, 8)


def test_an_ordinal_followed_by_one_is_no_date():
    values = [m.value for m in find_dates("i paid monday, the 2nd one not yet", THURSDAY, "past")]
    assert values == [date(2026, 10, 12)]


def test_a_weekday_before_i_mailed_is_the_payment_made_beside_a_promise():
    text = "Tuesday I mailed the check for September. October I'll pay on the 30th."
    f = fill(Intent.payment_sent, text, text, THURSDAY, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == date(2026, 10, 13)


def test_a_payment_settled_on_a_day_beside_a_promise_stays_past():
    monday = date(2026, 5, 11)
    text = "La 2603-540 a été réglée par virement le 7 mai ; la 2603-548 partira le 25 mai."
    f = fill(Intent.payment_sent, text, text, monday, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == date(2026, 5, 7)


def test_a_labelled_payment_date_without_a_year_is_the_nearest_one():
    tuesday = date(2026, 4, 28)
    text = "Van incluidas en la remesa del día 5 de mayo, por transferencia."
    f = fill(Intent.payment_sent, text, text, tuesday, "", [])
    assert f.paid_on == date(2026, 5, 5)


def test_a_payment_the_bank_will_run_is_in_the_future():
    thursday = date(2026, 7, 16)
    text = "Las facturas están en la remesa que el banco ejecutará el viernes 24 de julio."
    f = fill(Intent.payment_sent, text, text, thursday, "", [])
    assert f.paid_on == date(2026, 7, 24)


def test_a_labelled_day_without_a_year_is_the_nearest_such_day():
    december = date(2026, 12, 22)
    text = "Zahlungsavis\nZahlungsdatum: 4. Januar\nBetrag: 1.200,00 EUR"
    f = fill(Intent.payment_sent, text, text, december, "", [])
    assert f.paid_on == date(2027, 1, 4)


def test_a_payment_sent_months_ago_without_a_year_stays_in_the_past():
    november = date(2026, 11, 24)
    text = "Payment of 2,350.00 EUR for invoice INV-3391 was sent by wire on 12 March."
    f = fill(Intent.payment_sent, text, text, november, "", [])
    assert f.paid_on == date(2026, 3, 12)


def test_a_scheduled_payment_is_the_coming_day_not_an_old_one_moved_a_year():
    # written on 10 February: the invoice of 3 January is not next January's payment
    text = "Votre facture du 3 janvier est programmée au virement du 27 février."
    february = date(2026, 2, 10)
    f = fill(Intent.payment_sent, text, text, february, "", [], frozenset({Intent.promise_to_pay}))
    assert f.paid_on == date(2026, 2, 27)


def test_a_day_month_year_written_with_hyphens():
    text = "Payment released on 07-Sep-2026 after deducting TDS."
    f = fill(Intent.payment_sent, text, text, date(2026, 9, 10), "", [])
    assert f.paid_on == date(2026, 9, 7)


def test_the_day_of_this_month_said_as_dia():
    monday = date(2026, 3, 16)
    text = "A fatura foi paga no dia 11 via TED."
    assert fill(Intent.payment_sent, text, text, monday, "", []).paid_on == date(2026, 3, 11)
    text = "Se pagó el día 9, con la retención."
    assert fill(Intent.payment_sent, text, text, monday, "", []).paid_on == date(2026, 3, 9)


def test_a_day_the_fields_read_is_grounded_in_the_reply():
    # the policy asks a person for a field the reply does not state: these days are stated
    from arbox.agent.grounding import dates_written

    written = dates_written("Released 07-Sep-2026; the rest paga no dia 18.", date(2026, 9, 10))
    assert {date(2026, 9, 7), date(2026, 9, 18)} <= written


WEDNESDAY = date(2026, 3, 11)


def _promised(text: str, anchor: date = WEDNESDAY) -> date | None:
    return fill(Intent.promise_to_pay, text, text, anchor, "", []).promised_on


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day of the month with no "the" before it
        ("we can pay 20th, not before", date(2026, 3, 20)),
        ("ok will settle it by 2nd", date(2026, 4, 2)),
        # the end of a named month in Italian, Dutch and Portuguese
        ("la saldiamo a fine aprile con la distinta", date(2026, 4, 30)),
        ("we maken het eind mei over", date(2026, 5, 31)),
        ("vamos liquidar no final de maio", date(2026, 5, 31)),
        # a day of next month, in our languages
        ("we will pay it on the 1st of next month", date(2026, 4, 1)),
        ("la pagheremo il 12 del mese prossimo", date(2026, 4, 12)),
        ("wir begleichen sie am 8. des nächsten Monats", date(2026, 4, 8)),
        ("le virement partira le 6 du mois prochain", date(2026, 4, 6)),
        ("we pay on the first of the month", date(2026, 4, 1)),
        # a weekday of next week, said with the week first or as "Monday week"
        ("we betalen volgende week donderdag", date(2026, 3, 19)),
        ("wir zahlen nächste Woche Dienstag", date(2026, 3, 17)),
        ("I'll get it to you Tuesday week", date(2026, 3, 24)),
    ],
)
def test_more_promised_days(text, expected):
    assert _promised(text) == expected


@pytest.mark.parametrize(
    "text",
    ["we counted the 12th of the cases", "we'll pay in 3rd quarter", "on the 4th floor"],
)
def test_an_ordinal_that_is_no_day(text):
    assert _promised(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several instalments or a part and the rest: the first dated one
        ("Can do $900 on the 16th and the rest by the end of April.", date(2026, 3, 16)),
        ("Je peux verser 1 000 € le 18 mars et le solde fin avril.", date(2026, 3, 18)),
    ],
)
def test_the_first_of_several_promised_days(text, expected):
    assert _promised(text) == expected


def _back(text: str, anchor: date) -> date | None:
    return fill(Intent.auto_reply, text, text, anchor, "", []).return_on


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # the return said after its date, in Dutch ("weer bereikbaar")
        ("Wij zijn gesloten tot en met 14 augustus. Vanaf maandag 17 augustus zijn wij weer "
         "bereikbaar.", date(2026, 8, 3), date(2026, 8, 17)),
        # return words in other forms: reopens, returning, me reincorporo, réouverture
        ("The office is closed from 22 December and reopens on 4 January.", date(2026, 12, 18),
         date(2027, 1, 4)),
        ("Away at a trade show through Thursday 10/8, returning Monday.", date(2026, 10, 5),
         date(2026, 10, 12)),
        ("Estoy fuera hasta el 9 de abril incluido; me reincorporo el viernes 10.",
         date(2026, 4, 1), date(2026, 4, 10)),
        ("Fermeture annuelle du 3 au 21 août. Réouverture le lundi 24 août.", date(2026, 7, 31),
         date(2026, 8, 24)),
        # an absence from one day to another: back the next working day
        ("sono fuori ufficio dal 3 al 14 agosto.", date(2026, 7, 31), date(2026, 8, 17)),
        # the absence's end, not a later date said of something else in the same paragraph
        ("I'm away until Friday, October 16. Before leaving I paid the September invoices on "
         "9/30.", date(2026, 10, 8), date(2026, 10, 16)),
        # back on a weekend or New Year's Day is back the next working day
        ("Out of office until Sunday 14 June.", date(2026, 6, 8), date(2026, 6, 15)),
        ("I'm out through December 31 and will reply when back.", date(2026, 12, 22),
         date(2027, 1, 4)),
    ],
)  # fmt: skip
def test_more_return_days(text, anchor, expected):
    assert _back(text, anchor) == expected


def test_a_later_day_from_which_they_answer_is_the_return():
    text = "Bureau fermé jusqu'au 7 août. Réponses à partir du lundi 10 août."
    assert _back(text, date(2026, 7, 27)) == date(2026, 8, 10)


def test_a_return_on_a_saturday_stays():
    assert _back("Hotel closed for the season until 19 December.", date(2026, 11, 2)) == date(
        2026, 12, 19
    )


def _paid(text: str, anchor: date = WEDNESDAY) -> date | None:
    return fill(Intent.payment_sent, text, text, anchor, "", []).paid_on


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a payment made now, in words
        ("acabei de fazer o pix agora, 1.200,00", WEDNESDAY),
        ("Ik heb net betaald via de link.", WEDNESDAY),
        ("Sent it through the portal a minute ago.", WEDNESDAY),
        # a day of this month with no month, said of a payment made
        ("Già pagata il 9.", date(2026, 3, 9)),
        ("Réglée le 6, merci.", date(2026, 3, 6)),
        # a weekday first, the payment verb at the clause's end (Dutch, German word order),
        # beside a calendar date said of another event
        ("Maandag hebben we € 640,00 overgemaakt. De levering van 2 maart was niet compleet.",
         date(2026, 3, 9)),
        # yesterday said of the payment outweighs a calendar date said of something else
        ("Wired it yesterday; the parts came back to you on 3/4 with our driver.",
         date(2026, 3, 10)),
    ],
)  # fmt: skip
def test_more_paid_days(text, expected):
    assert _paid(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paid 4410 yesterday but kept the $80 pallet fee, the pallets went back on your truck "
         "on 3/2.", date(2026, 3, 10)),
        ("Le litige est clos depuis l'avoir reçu le 2 mars. Le solde a été viré ce matin.",
         WEDNESDAY),
        ("Samples went to your lab Monday. Our ACH went out today for the balance.", WEDNESDAY),
    ],
)  # fmt: skip
def test_today_or_yesterday_said_of_the_payment_is_as_exact_as_a_date(text, expected):
    assert _paid(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "around" a day is no commitment beside a day promised
        ("It will be paid by March 27; we usually pay around the 25th.", date(2026, 3, 27)),
        # "every Tuesday" is a habit, not a day
        ("Wij betalen uiterlijk 20 maart. Onze betaalrun draait elke dinsdag.",
         date(2026, 3, 20)),
        # money coming to them is not their payment
        ("The county pays us on the 16th, and I'll pay you on the 18th.", date(2026, 3, 18)),
        # a payment run "of" a day is that payment's day, not another event's
        ("Elle partira dans le virement du 24 mars, d'ici jeudi elle sera validée.",
         date(2026, 3, 24)),
    ],
)  # fmt: skip
def test_promised_day_against_habits_and_other_events(text, expected):
    assert _promised(text) == expected


@pytest.mark.parametrize(
    ("text", "scheduled", "expected"),
    [
        # a day written "17.04." (German, Dutch), labelled as the value date or not
        ("Die Rechnung ist im Zahlungsvorschlag mit Valuta 19.03. enthalten.", True,
         date(2026, 3, 19)),
        ("Die Rechnung ist im Zahlungslauf für den 20.03. enthalten und freigegeben.", True,
         date(2026, 3, 20)),
        # today in words
        ("Abbiamo provveduto al pagamento in data odierna con bonifico.", False, WEDNESDAY),
        # a weekday with the payment verb after it
        ("vrijdag betaald, kijk maandag nog eens", False, date(2026, 3, 6)),
    ],
)  # fmt: skip
def test_more_days_of_a_payment(text, scheduled, expected):
    also = frozenset({Intent.promise_to_pay}) if scheduled else frozenset()
    assert fill(Intent.payment_sent, text, text, WEDNESDAY, "", [], also).paid_on == expected


def test_a_paid_verb_of_another_clause_does_not_date_the_payment():
    text = "We paid on March 6 by ACH. Terms are 2/10 net 30, since we paid within ten days."
    assert fill(Intent.payment_sent, text, text, WEDNESDAY, "", []).paid_on == date(2026, 3, 6)


@pytest.mark.parametrize(
    "text",
    [
        "The payment will be released by this weekend.",
        "Die Zahlung geht am Wochenende raus.",
        "Nous ferons le virement ce week-end.",
    ],
)
def test_the_weekend_ahead_is_this_weeks_end(text):
    days = {d.value for d in find_dates(text, date(2026, 11, 18), "future")}
    assert date(2026, 11, 20) in days
