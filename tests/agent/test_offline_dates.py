"""Weekdays said of a payment made: "last Thursday" written on a Thursday is a week back, a
weekday before "I mailed" is a past one, "the 3rd one" is no date."""

from datetime import date

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
