"""Known gaps of the offline classifier (issue 11), in phrasing of our own."""

from datetime import UTC, datetime

import pytest

from arbox.agent.classifier import Reply
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
