"""Glue between the inbox and the triage agent: the queue of recorded messages.

The mailbox records every message (status `received`); workers claim received
messages from the database and run them through the triage graph. With
PostgreSQL several workers share the queue (`FOR UPDATE SKIP LOCKED`); a claim
that is older than `STALE_CLAIM` (its worker died) is taken again, and the
graph's checkpoint and idempotency keys make the retry act once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlmodel import col, or_, select

from .agent import build_classifier
from .agent.classifier import Classifier
from .agent.policy import PolicyConfig
from .agent.service import Incoming, Outcome, Triager
from .mailbox.errors import MailParseError
from .mailbox.models import InboundEmail
from .mailbox.parse import parse_email
from .mailbox.store import record_inbound, record_unparseable
from .mailbox.threading import assign_match, match_customer
from .settings import Settings
from .tools.db import Ledger
from .tools.models import InboundMessage

log = logging.getLogger(__name__)
STALE_CLAIM = timedelta(minutes=15)


def build_triager(
    ledger: Ledger,
    saver: Any,
    settings: Settings,
    *,
    model: str | None = None,
    classifier: Classifier | None = None,
) -> Triager:
    """A `Triager` for ``model`` (default: the setting) with the policy thresholds from settings."""
    policy = PolicyConfig(
        approval_confidence=settings.approval_confidence,
        approval_amount=settings.approval_amount,
        payment_claim_pause_days=settings.payment_claim_pause_days,
        promise_tolerance_days=settings.promise_tolerance_days,
    )
    chosen = classifier or build_classifier(model or settings.model)
    return Triager(ledger, chosen, saver, policy=policy)


def incoming(email: InboundEmail, row: InboundMessage | None = None) -> Incoming:
    """What the triage graph reads of a parsed email."""
    headers = dict(email.headers)
    if email.in_reply_to:
        headers.setdefault("In-Reply-To", email.in_reply_to)
    if email.references:
        headers.setdefault("References", " ".join(email.references))
    sender = f"{email.from_name} <{email.from_addr}>" if email.from_name else email.from_addr
    text = email.reply_text
    if email.remittance_text:
        text = f"{text}\n\n[remittance attachment]\n{email.remittance_text}".strip()
    return Incoming(
        message_id=email.message_id,
        sender=sender,
        subject=email.subject,
        text=text,
        quoted=email.quoted_text,
        sent_at=email.date,
        headers=headers,
        auto_reply=email.auto_reply,
        customer_id=row.customer_id if row else None,
        match_method=row.match_method if row else None,
        match_score=row.match_score if row else None,
    )


@dataclass
class Ingested:
    """What recording a batch of raw messages did."""

    new: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    unparseable: list[tuple[str, str]] = field(default_factory=list)
    """(source label, error) for messages stored raw with their error."""
    ids_by_source: dict[str, str] = field(default_factory=dict)


def ingest(
    ledger: Ledger, messages: Iterable[tuple[str, bytes]], *, folder: str = "files"
) -> Ingested:
    """Record raw messages (Message-ID keyed) with their customer match."""
    result = Ingested()
    for label, raw in messages:
        with ledger.transaction() as session:
            try:
                email = parse_email(raw)
            except MailParseError as exc:
                row, _ = record_unparseable(session, raw, str(exc), folder=folder)
                result.unparseable.append((label, str(exc)))
                result.ids_by_source[label] = row.message_id
                continue
            row, new = record_inbound(session, email, raw, folder=folder)
            if new:
                assign_match(row, match_customer(session, email))
                session.add(row)
            (result.new if new else result.duplicates).append(email.message_id)
            result.ids_by_source[label] = email.message_id
    return result


def claim(
    ledger: Ledger, *, limit: int = 50, message_ids: list[str] | None = None
) -> list[InboundMessage]:
    """Take up to ``limit`` received messages (or stale claims) for this worker."""
    now = datetime.now(UTC)
    with ledger.transaction() as session:
        query = select(InboundMessage).where(
            or_(
                InboundMessage.status == "received",
                (InboundMessage.status == "processing")
                & (col(InboundMessage.claimed_at) < now - STALE_CLAIM),
            )
        )
        if message_ids is not None:
            query = query.where(col(InboundMessage.message_id).in_(message_ids))
        query = query.order_by(InboundMessage.id).limit(limit)  # type: ignore[arg-type]
        if ledger.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows = list(session.exec(query))
        for row in rows:
            row.status, row.claimed_at = "processing", now
            session.add(row)
    return rows


def process_claimed(
    triager: Triager, rows: list[InboundMessage], *, today: date | None = None
) -> list[Outcome]:
    """Triage claimed messages; a failure leaves the message for a person, never crashes."""
    outcomes = []
    for row in rows:
        try:
            email = parse_email(row.raw or b"")
            outcomes.append(triager.process(incoming(email, row), today=today))
        except Exception as exc:  # keep the message and carry on with the others
            log.exception("triage of %s failed", row.message_id)
            with triager.ledger.transaction() as session:
                stored = session.get(InboundMessage, row.id)
                if stored is not None:
                    stored.status, stored.parse_error = "failed", f"triage: {exc!r}"[:2000]
                    session.add(stored)
    return outcomes


def process_pending(
    triager: Triager,
    *,
    today: date | None = None,
    batch: int = 50,
    message_ids: list[str] | None = None,
) -> list[Outcome]:
    """Drain the queue of received messages through the triage graph."""
    outcomes: list[Outcome] = []
    while rows := claim(triager.ledger, limit=batch, message_ids=message_ids):
        outcomes += process_claimed(triager, rows, today=today)
    return outcomes
