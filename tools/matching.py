"""Matching a message to the ledger: which notice it answers, which customer sent it.

Used by the mailbox when it records a message and by the triage graph's `resolve`
node for messages that arrive another way (API, eval cases).

In order, the first that matches wins:

1. ``notice``: In-Reply-To or References names the Message-ID of a notice we sent;
2. ``contact``: the sender's (or Reply-To) address is a known contact;
3. ``domain``: the sender's domain (or a parent domain) is a customer's domain;
4. ``name``: rapidfuzz on the display name, the signature's lines and the domain's
   name against customer names, kept only above `NAME_THRESHOLD` (score kept);
5. ``none``: unmatched; the message is kept and queued for a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel
from rapidfuzz import fuzz, process
from sqlalchemy import func
from sqlmodel import Session, col, select

from .models import Contact, Customer, InboundMessage, OutgoingNotice

NAME_THRESHOLD = 88.0
MIN_CANDIDATE_LEN = 4
# Company-form words that say nothing about which company it is.
_NOISE = re.compile(
    r"\b(?:inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|ag|sa|sas|sarl|bv|nv|plc|co|corp|"
    r"corporation|company|the|group|holdings?|pty|srl|spa|oy|ab|as|kg)\b\.?",
    re.IGNORECASE,
)

Method = Literal["notice", "contact", "domain", "name", "none"]


@dataclass(frozen=True)
class SenderInfo:
    """What matching reads of a message."""

    from_addr: str = ""
    """Sender's address, lower case."""
    from_name: str = ""
    reply_to: str | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    signature: str = ""


class Match(BaseModel):
    """Who a message is from, and how sure we are."""

    customer_id: int | None = None
    method: Method = "none"
    score: float = 0.0
    """100 for exact matches; the rapidfuzz score for name matches."""
    notice_id: int | None = None
    """The outgoing notice this replies to, when threaded by Message-ID."""
    detail: str = ""
    """What matched (the address, domain or text)."""


def normalise_name(text: str) -> str:
    text = _NOISE.sub(" ", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _by_notice(session: Session, email: SenderInfo) -> Match | None:
    ids = [i for i in [email.in_reply_to, *reversed(email.references)] if i]
    if not ids:
        return None
    stmt = select(OutgoingNotice).where(col(OutgoingNotice.message_id).in_(ids))
    notices = {n.message_id: n for n in session.exec(stmt)}
    for mid in ids:  # the most recent reference first
        notice = notices.get(mid)
        if notice is not None:
            return Match(
                customer_id=notice.customer_id,
                method="notice",
                score=100.0,
                notice_id=notice.id,
                detail=mid,
            )
    return None


def _by_contact(session: Session, email: SenderInfo) -> Match | None:
    addrs = [a for a in (email.from_addr, email.reply_to) if a]
    for addr in addrs:
        stmt = (
            select(Contact)
            .where(func.lower(Contact.email) == addr)
            .order_by(col(Contact.active).desc())
        )
        contact = session.exec(stmt).first()
        if contact is not None:
            return Match(
                customer_id=contact.customer_id, method="contact", score=100.0, detail=addr
            )
    return None


def _domains(addr: str) -> list[str]:
    domain = addr.rpartition("@")[2].lower()
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)] if domain else []


def _by_domain(session: Session, email: SenderInfo) -> Match | None:
    for domain in _domains(email.from_addr):
        stmt = select(Customer).where(func.lower(Customer.domain) == domain)
        customer = session.exec(stmt).first()
        if customer is not None:
            return Match(customer_id=customer.id, method="domain", score=100.0, detail=domain)
    return None


def _name_candidates(email: SenderInfo) -> list[str]:
    candidates = [email.from_name, *email.signature.splitlines()[:8]]
    label = email.from_addr.rpartition("@")[2].split(".")[0]
    candidates.append(label.replace("-", " ").replace("_", " "))
    # "AP Manager | Acme Build Co." -> both halves
    split = [piece for c in candidates for piece in re.split(r"\s[|•·–-]\s", c)]
    return [c for c in (normalise_name(x) for x in split) if len(c) >= MIN_CANDIDATE_LEN]


def _by_name(session: Session, email: SenderInfo) -> Match | None:
    customers = list(session.exec(select(Customer.id, Customer.name)))
    if not customers:
        return None
    choices = {cid: normalise_name(name) for cid, name in customers}
    best: Match | None = None
    for candidate in _name_candidates(email):
        hit = process.extractOne(
            candidate, choices, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_THRESHOLD
        )
        if hit and (best is None or hit[1] > best.score):
            best = Match(
                customer_id=hit[2], method="name", score=round(float(hit[1]), 1), detail=candidate
            )
    return best


def match_customer(session: Session, email: SenderInfo) -> Match:
    """The customer (and notice) a message belongs to; ``method="none"`` when unmatched."""
    for step in (_by_notice, _by_contact, _by_domain, _by_name):
        found = step(session, email)
        if found is not None:
            return found
    return Match()


def assign_match(row: InboundMessage, match: Match) -> None:
    """Write a match onto the stored message (unmatched ones keep customer_id None)."""
    row.customer_id = match.customer_id
    row.match_method = match.method
    row.match_score = match.score if match.method != "none" else None
