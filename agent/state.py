"""The triage graph's state. Every value is JSON-safe (money as strings) so the
checkpoint survives a process restart on SQLite or PostgreSQL alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PlannedAction:
    """One ledger action the policy proposes. ``name`` is an `ActionName`."""

    name: str
    args: dict[str, Any]
    key: str
    """Idempotency key: derived from the message and the action, stable across retries."""
    needs_approval: bool = False
    why: str = ""
    """Why the policy proposes it, in a sentence an analyst reads."""


@dataclass
class TriageState:
    """One reply on its way through resolve -> classify -> plan -> approve -> act."""

    message_id: str
    """The reply's Message-ID; also the graph's thread id."""
    sender: str = ""
    """The From header."""
    subject: str = ""
    text: str = ""
    """The new text of the reply (quoted history and signature removed)."""
    quoted: str = ""
    """Quoted history, kept for context, never classified."""
    sent_at: str | None = None
    """The Date header, ISO 8601."""
    headers: dict[str, str] = field(default_factory=dict)
    auto_reply: bool = False
    """Known from headers before any model call."""
    customer_id: int | None = None
    """Set by the caller when threading already matched the sender, else by `resolve`."""
    match_method: str | None = None
    """How the customer was found: notice, contact, domain, name, or None."""
    match_score: float | None = None
    customer: dict[str, Any] | None = None
    """external_id, name, segment of the resolved customer."""
    known_invoices: list[str] = field(default_factory=list)
    """Open invoice numbers of the resolved customer."""
    triage: dict[str, Any] | None = None
    """The classifier's `Triage`, as JSON."""
    plan: list[dict[str, Any]] = field(default_factory=list)
    """The proposed actions, each a `PlannedAction` as a plain dict (checkpoint-safe)."""
    approval_reasons: list[str] = field(default_factory=list)
    """Why a person must decide; empty when the plan runs on its own."""
    decision: dict[str, Any] | None = None
    """The analyst's answer: {"decision": accept|edit|reject, "by": ..., "actions": [...]}."""
    results: list[dict[str, Any]] = field(default_factory=list)
    """What `act` did: one entry per planned action, with its status."""
