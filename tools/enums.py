"""Closed vocabularies of the ledger (CONTRACTS.md and the foundation issue)."""

from __future__ import annotations

from enum import StrEnum


class Segment(StrEnum):
    strategic = "strategic"
    standard = "standard"
    chronic_late = "chronic_late"
    high_risk = "high_risk"


class Reason(StrEnum):
    """Dispute and deduction reasons (from X12 426 / EDIFACT 4465)."""

    pricing = "pricing"
    quantity = "quantity"
    damaged = "damaged"
    not_received = "not_received"
    duplicate = "duplicate"
    terms = "terms"
    freight = "freight"
    other = "other"


class Queue(StrEnum):
    billing = "billing"
    cash_app = "cash_app"
    credit = "credit"
    sales = "sales"
    collections = "collections"


class TaskStatus(StrEnum):
    open = "open"
    claimed = "claimed"
    done = "done"
    cancelled = "cancelled"


class DisputeStatus(StrEnum):
    open = "open"
    resolved = "resolved"
    rejected = "rejected"


class PromiseStatus(StrEnum):
    open = "open"
    kept = "kept"
    partial = "partial"
    broken = "broken"
    cancelled = "cancelled"


class ClaimStatus(StrEnum):
    open = "open"
    matched = "matched"
    closed = "closed"


class PaymentMethod(StrEnum):
    ach = "ach"
    wire = "wire"
    check = "check"
    card = "card"
    other = "other"


class MessageStatus(StrEnum):
    received = "received"
    parse_error = "parse_error"
    triaged = "triaged"
    pending_approval = "pending_approval"
    done = "done"
    unmatched = "unmatched"


class NoticeStatus(StrEnum):
    draft = "draft"
    held = "held"
    approved = "approved"
    sent = "sent"
    cancelled = "cancelled"
    rejected = "rejected"
