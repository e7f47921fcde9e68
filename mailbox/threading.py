"""Threading a reply to the ledger: the mailbox's side of `arbox.tools.matching`."""

from __future__ import annotations

from sqlmodel import Session

from arbox.tools.matching import (
    NAME_THRESHOLD,
    Match,
    Matcher,
    SenderInfo,
    assign_match,
    normalise_name,
)
from arbox.tools.matching import match_customer as match_sender

from .models import InboundEmail

__all__ = [
    "NAME_THRESHOLD",
    "Match",
    "Matcher",
    "assign_match",
    "match_customer",
    "normalise_name",
    "sender_info",
]


def sender_info(email: InboundEmail) -> SenderInfo:
    return SenderInfo(
        from_addr=email.from_addr,
        from_name=email.from_name,
        reply_to=email.reply_to,
        in_reply_to=email.in_reply_to,
        references=list(email.references),
        signature=email.signature,
    )


def match_customer(session: Session, email: InboundEmail) -> Match:
    """The customer (and notice) a message belongs to; ``method="none"`` when unmatched."""
    return match_sender(session, sender_info(email))
