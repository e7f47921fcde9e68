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
