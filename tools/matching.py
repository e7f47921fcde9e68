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
from collections.abc import Iterable, Iterator
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


def _domains(addr: str) -> list[str]:
    domain = addr.rpartition("@")[2].lower()
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)] if domain else []


def _name_candidates(email: SenderInfo) -> list[str]:
    candidates = [email.from_name, *email.signature.splitlines()[:8]]
    label = email.from_addr.rpartition("@")[2].split(".")[0]
    candidates.append(label.replace("-", " ").replace("_", " "))
    # "AP Manager | Acme Build Co." -> both halves
    split = [piece for c in candidates for piece in re.split(r"\s[|•·–-]\s", c)]
    return [c for c in (normalise_name(x) for x in split) if len(c) >= MIN_CANDIDATE_LEN]


class Matcher:
    """`match_customer` for many messages at once: each look-up (notices, contacts,
    domains, customer names) is one query for the whole batch, read once and kept.

    Made per batch inside the batch's transaction; it sees the ledger as it was then.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._notices: dict[str, tuple[int, int] | None] = {}
        self._contacts: dict[str, int | None] = {}
        self._domains: dict[str, int | None] = {}
        self._names: dict[int, str] | None = None

    def prefetch(self, emails: Iterable[SenderInfo]) -> None:
        """Look up every notice, address and domain the messages name, in three queries."""
        emails = list(emails)
        self._load_notices({i for e in emails for i in (e.in_reply_to, *e.references) if i})
        self._load_contacts({a for e in emails for a in (e.from_addr, e.reply_to) if a})
        self._load_domains({d for e in emails for d in _domains(e.from_addr)})

    def match(self, email: SenderInfo) -> Match:
        """The customer (and notice) a message belongs to; ``method="none"`` when unmatched.

        Each step looks up only what is not known yet, and only when the steps before it
        found nothing.
        """
        refs = [i for i in [email.in_reply_to, *reversed(email.references)] if i]
        self._load_notices(set(refs))
        for mid in refs:  # the most recent reference first
            if (notice := self._notices.get(mid)) is not None:
                return Match(
                    customer_id=notice[0],
                    method="notice",
                    score=100.0,
                    notice_id=notice[1],
                    detail=mid,
                )
        addrs = [a for a in (email.from_addr, email.reply_to) if a]
        self._load_contacts(set(addrs))
        for addr in addrs:
            if (by_contact := self._contacts.get(addr)) is not None:
                return Match(customer_id=by_contact, method="contact", score=100.0, detail=addr)
        domains = _domains(email.from_addr)
        self._load_domains(set(domains))
        for domain in domains:
            if (by_domain := self._domains.get(domain)) is not None:
                return Match(customer_id=by_domain, method="domain", score=100.0, detail=domain)
        return self._by_name(email) or Match()

    def _load_notices(self, refs: set[str]) -> None:
        new = sorted(refs - self._notices.keys())
        self._notices.update(dict.fromkeys(new))
        for chunk in _chunks(new):
            notices = select(
                OutgoingNotice.message_id, OutgoingNotice.customer_id, OutgoingNotice.id
            ).where(col(OutgoingNotice.message_id).in_(chunk))
            for mid, customer_id, notice_id in self.session.exec(notices):
                if mid is not None and notice_id is not None:
                    self._notices[mid] = (customer_id, notice_id)

    def _load_contacts(self, addrs: set[str]) -> None:
        new = sorted(addrs - self._contacts.keys())
        self._contacts.update(dict.fromkeys(new))
        for chunk in _chunks(new):
            email = func.lower(Contact.email)
            contacts = (
                select(email, Contact.customer_id)
                .where(email.in_(chunk))
                .order_by(col(Contact.active).desc(), col(Contact.id))
            )
            for addr, contact_of in self.session.exec(contacts):
                if self._contacts.get(addr) is None:  # the active contact first
                    self._contacts[addr] = contact_of

    def _load_domains(self, domains: set[str]) -> None:
        new = sorted(domains - self._domains.keys())
        self._domains.update(dict.fromkeys(new))
        for chunk in _chunks(new):
            domain = func.lower(Customer.domain)
            owners = select(domain, Customer.id).where(domain.in_(chunk)).order_by(col(Customer.id))
            for name, owner in self.session.exec(owners):
                if self._domains.get(name) is None:
                    self._domains[name] = owner

    def _by_name(self, email: SenderInfo) -> Match | None:
        if self._names is None:
            customers = self.session.exec(select(Customer.id, Customer.name))
            self._names = {cid: normalise_name(name) for cid, name in customers if cid is not None}
        if not self._names:
            return None
        best: Match | None = None
        for candidate in _name_candidates(email):
            hit = process.extractOne(
                candidate, self._names, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_THRESHOLD
            )
            if hit and (best is None or hit[1] > best.score):
                best = Match(
                    customer_id=hit[2],
                    method="name",
                    score=round(float(hit[1]), 1),
                    detail=candidate,
                )
        return best


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    # Bound the IN lists (SQLite's default limit on bound parameters is 32,766).
    for start in range(0, len(items), size):
        yield items[start : start + size]


def match_customer(session: Session, email: SenderInfo) -> Match:
    """The customer (and notice) a message belongs to; ``method="none"`` when unmatched."""
    return Matcher(session).match(email)


def assign_match(row: InboundMessage, match: Match) -> None:
    """Write a match onto the stored message (unmatched ones keep customer_id None)."""
    row.customer_id = match.customer_id
    row.match_method = match.method
    row.match_score = match.score if match.method != "none" else None
