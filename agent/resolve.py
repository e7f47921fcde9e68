"""The `resolve` node's ledger look-ups (no LLM): who wrote, and which invoices are theirs."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from rapidfuzz import fuzz, process
from sqlmodel import Session, col, select

from ..tools.models import Contact, Customer, Invoice, OutgoingNotice

NAME_MATCH_THRESHOLD = 88.0
"""rapidfuzz WRatio needed to accept a display-name match to a customer name."""
PUBLIC_DOMAINS = frozenset(
    {
        "gmail.com",
        "outlook.com",
        "hotmail.com",
        "yahoo.com",
        "icloud.com",
        "aol.com",
        "gmx.de",
        "web.de",
        "orange.fr",
    }
)


def find_customer(
    session: Session,
    *,
    sender: str,
    in_reply_to: str | None = None,
    references: list[str] | None = None,
) -> tuple[Customer | None, str | None, float | None]:
    """The sender's customer: by our notice's Message-ID, contact address, domain, then name."""
    thread_ids = [i for i in [in_reply_to, *(references or [])] if i]
    if thread_ids:
        notice = session.exec(
            select(OutgoingNotice).where(col(OutgoingNotice.message_id).in_(thread_ids))
        ).first()
        if notice is not None:
            return session.get(Customer, notice.customer_id), "notice", 100.0
    name, address = parseaddr(sender)
    address = address.lower()
    if address:
        contact = session.exec(select(Contact).where(Contact.email == address)).first()
        if contact is not None:
            return session.get(Customer, contact.customer_id), "contact", 100.0
        domain = address.rsplit("@", 1)[-1]
        if domain not in PUBLIC_DOMAINS:
            by_domain = session.exec(select(Customer).where(Customer.domain == domain)).first()
            if by_domain is None:
                hit = session.exec(
                    select(Contact).where(col(Contact.email).endswith("@" + domain))
                ).first()
                by_domain = session.get(Customer, hit.customer_id) if hit else None
            if by_domain is not None:
                return by_domain, "domain", 100.0
    if name:
        names = {c.id: c.name for c in session.exec(select(Customer))}
        best = process.extractOne(name, names, scorer=fuzz.WRatio)
        if best and best[1] >= NAME_MATCH_THRESHOLD:
            return session.get(Customer, best[2]), "name", round(best[1], 1)
    return None, None, None


def customer_view(session: Session, customer: Customer) -> dict[str, Any]:
    """What the policy needs of a customer, JSON-safe."""
    domains = {customer.domain} if customer.domain else set()
    for email in session.exec(select(Contact.email).where(Contact.customer_id == customer.id)):
        domains.add(email.rsplit("@", 1)[-1])
    return {
        "id": customer.id,
        "external_id": customer.external_id,
        "name": customer.name,
        "segment": customer.segment,
        "domains": sorted(d for d in domains if d),
    }


def invoice_numbers(session: Session, customer_id: int, *, open_only: bool = False) -> list[str]:
    query = select(Invoice.number).where(Invoice.customer_id == customer_id)
    if open_only:
        query = query.where(Invoice.balance > 0)
    return list(session.exec(query.order_by(Invoice.number)))
