"""`Reply`: the one shape of a customer reply inside the agent.

The mailbox's `InboundEmail` becomes a `Reply` once (`worker.incoming`); the
triage graph keeps it in its state, and every classifier reads it. It is a
frozen pydantic model, so it goes into a checkpoint as plain JSON and comes
back the same.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from ..tools.bounces import DeliveryReport

MATCH_METHODS = ("notice", "contact", "domain", "name", "signature")
"""How a sender can be matched to a customer, strongest first (`tools.matching`)."""
WEAK_MATCHES = frozenset({"name", "signature"})
"""Matches anyone can fake by choosing a display name or a signature line."""


class Match(BaseModel):
    """The customer the mailbox matched the sender to when it recorded the message."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    customer_id: int
    method: str | None = None
    """One of `MATCH_METHODS`."""
    score: float | None = None


class Reply(BaseModel):
    """A customer reply: what the mailbox parsed, and what a classifier reads."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    message_id: str = ""
    """The reply's Message-ID; also the triage graph's thread id."""
    text: str = ""
    """The new text of the reply: quoted history and signature already removed."""
    subject: str = ""
    sender: str = ""
    """The From header, e.g. ``Dana Ortiz <dana@acme-build.com>``."""
    sent_at: datetime | None = None
    """The email's Date header; relative dates ("next Friday") resolve against it."""
    headers: dict[str, str] = Field(default_factory=dict)
    quoted: str = ""
    """Quoted history and signature: context for threading, never classified."""
    auto_reply: bool = False
    """Known from the headers (RFC 3834 and friends) before any model call."""
    known_invoices: tuple[str, ...] = ()
    """Invoice numbers of the resolved customer's ledger (helps near-miss matching)."""
    match: Match | None = None
    """The mailbox's customer match, when it made one; else `resolve` looks the sender up."""
    delivery: DeliveryReport | None = None
    """A delivery-status report (bounce or delay) as the mailbox parsed it; else None."""
