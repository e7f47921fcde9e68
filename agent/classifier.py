"""The classifier interface: what every classifier (offline, LLM) reads and returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from .findings import Triage


@dataclass(frozen=True)
class Reply:
    """The part of an inbound email a classifier reads."""

    text: str
    """The new text of the reply: quoted history and signature already removed."""
    subject: str = ""
    sender: str = ""
    """The From header, e.g. ``Dana Ortiz <dana@acme-build.com>``."""
    sent_at: datetime | None = None
    """The email's Date header; relative dates ("next Friday") resolve against it."""
    headers: Mapping[str, str] = field(default_factory=dict)
    quoted: str = ""
    """Quoted history and signature: context for threading, never classified."""
    known_invoices: tuple[str, ...] = ()
    """Invoice numbers of the resolved customer's ledger (helps near-miss matching)."""


class Classifier(Protocol):
    """Reads one reply and returns every intent in it. Never touches the ledger."""

    name: str
    """`offline` or `openai:<model>`; stored with every decision."""

    def classify(self, reply: Reply) -> Triage: ...
