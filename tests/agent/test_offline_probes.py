"""Misreadings found by probing with phrasing the datasets never had (each test in new words)."""

from datetime import UTC, datetime

from arbox.agent.classifier import Reply
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
rules = OfflineClassifier(model=None)


def votes(text: str) -> dict[str, float]:
    return rules.rule_votes(Reply(text=text, sent_at=SENT))


def test_asking_why_a_document_was_sent_does_not_ask_for_one():
    assert "invoice_request" not in votes("Why did you email us a statement for an account we closed?")
    assert "invoice_request" not in votes("why do you share our invoices with the plant manager")
    # Asking for one still counts.
    assert "invoice_request" in votes("Please email us the statement for Q3.")
