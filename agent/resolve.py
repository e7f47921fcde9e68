"""The `resolve` node's ledger look-ups (no LLM): who wrote, and which invoices are theirs."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from sqlmodel import Session, select

from ..tools.matching import SenderInfo, match_customer
from ..tools.models import Contact, Customer, Invoice


def find_customer(
    session: Session,
    *,
    sender: str,
    in_reply_to: str | None = None,
    references: list[str] | None = None,
) -> tuple[Customer | None, str | None, float | None]:
    """The sender's customer, by the same rules the mailbox threads with (`tools.matching`)."""
    name, address = parseaddr(sender)
    match = match_customer(
        session,
        SenderInfo(
            from_addr=address.lower(),
            from_name=name,
            in_reply_to=in_reply_to,
            references=list(references or []),
        ),
    )
    if match.customer_id is None:
        return None, None, None
    return session.get(Customer, match.customer_id), match.method, match.score


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
