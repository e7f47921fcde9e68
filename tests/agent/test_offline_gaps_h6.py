"""Known gaps of the offline classifier (issue 11), in phrasing of our own."""

from datetime import UTC, date, datetime

import pytest

from arbox.agent.classifier import Reply
from arbox.agent.dates import find_dates
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
full = OfflineClassifier()


def intents(text: str, **kw) -> set[str]:
    triage = full.classify(Reply(text=text, sent_at=SENT, **kw))
    return {f.intent.value for f in triage.findings}


# 1. A further intent the model alone reads needs a part of the reply of its own.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("send PO pls", {"missing_po"}),
        ("can u resend a duplicate of INV-5521", {"invoice_request"}),
        ("kindly forward a duplicate copy of the invoice for order 8812", {"invoice_request"}),
    ],
)
def test_one_ask_is_not_read_as_its_neighbour_too(text, expected):
    assert intents(text) == expected


def test_two_asks_joined_by_and_keep_both():
    assert intents("pls send PO and invoice copy") == {"missing_po", "invoice_request"}


# 2. "Next Friday" and its family in seven languages, resolved against the Date header.

WEDNESDAY = date(2026, 11, 18)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("até à próxima sexta", "2026-11-20"),
        ("na próxima segunda", "2026-11-23"),
        ("nesta quinta", "2026-11-19"),
        ("terça que vem", "2026-11-24"),
        ("next Fri", "2026-11-27"),
        ("this coming Friday", "2026-11-20"),
        ("this Friday", "2026-11-20"),
        ("kommenden Montag", "2026-11-23"),
        ("nächsten Freitag", "2026-11-20"),
        ("vendredi prochain", "2026-11-20"),
        ("ce vendredi", "2026-11-20"),
        ("el próximo viernes", "2026-11-20"),
        ("este viernes", "2026-11-20"),
        ("aanstaande vrijdag", "2026-11-20"),
        ("questo venerdì", "2026-11-20"),
        ("venerdì prossimo", "2026-11-20"),
        ("volgende week vrijdag", "2026-11-27"),
        ("nächste Woche Donnerstag", "2026-11-26"),
        ("next week Thursday", "2026-11-26"),
        ("la semaine prochaine, le jeudi", "2026-11-26"),
        ("na próxima semana, na quarta", "2026-11-25"),
        ("by the end of next week", "2026-11-27"),
        ("fin de semaine prochaine", "2026-11-27"),
        ("a finales de la próxima semana", "2026-11-27"),
    ],
)
def test_next_weekday_family(phrase, day):
    found = find_dates(f"we pay {phrase}.", WEDNESDAY)
    assert [str(m.value) for m in found] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "Precisamos da segunda via da fatura.",
        "a sexta parcela vence em dezembro",
        "até segunda ordem",
    ],
)
def test_portuguese_ordinals_are_not_weekdays(text):
    assert not [m for m in find_dates(text, WEDNESDAY) if m.kind.startswith("weekday")]


def test_a_portuguese_promise_to_a_short_weekday_keeps_its_date():
    sent = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    triage = full.classify(Reply(text="Vamos pagar o saldo na próxima sexta.", sent_at=sent))
    promise = [f for f in triage.findings if f.intent.value == "promise_to_pay"]
    assert promise and promise[0].fields.promised_on == date(2026, 11, 20)


def test_a_payment_on_a_short_weekday_is_the_last_one():
    sent = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    triage = full.classify(Reply(text="Fizemos a transferência na sexta.", sent_at=sent))
    paid = [f for f in triage.findings if f.intent.value == "payment_sent"]
    assert paid and paid[0].fields.paid_on == date(2026, 11, 13)
