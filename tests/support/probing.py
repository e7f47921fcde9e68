"""What the offline classifier makes of one reply, for the probe tests: the rules' votes
alone and the shipped reading's intents, on a reply sent Friday 2026-11-20 09:00 UTC.
Loaded once per test session (the shipped model is read once)."""

from datetime import UTC, datetime

from arbox.agent.classifier import Reply
from arbox.agent.offline import OfflineClassifier

SENT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday
rules = OfflineClassifier(model=None)
full = OfflineClassifier()


def votes(text: str) -> dict[str, float]:
    return rules.rule_votes(Reply(text=text, sent_at=SENT))


def intents(text: str) -> set[str]:
    return {f.intent.value for f in full.classify(Reply(text=text, sent_at=SENT)).findings}
