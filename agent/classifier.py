"""The classifier interface: what every classifier (offline, LLM) reads and returns."""

from __future__ import annotations

from typing import Protocol

from .findings import Triage
from .reply import Reply

__all__ = ["Classifier", "Reply"]


class Classifier(Protocol):
    """Reads one reply and returns every intent in it. Never touches the ledger."""

    name: str
    """`offline` or `openai:<model>`; stored with every decision."""

    def classify(self, reply: Reply) -> Triage: ...
