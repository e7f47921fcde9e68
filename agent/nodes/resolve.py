"""`resolve` (no LLM): who wrote, and which invoices are theirs."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from langgraph.runtime import Runtime
from sqlmodel import Session, select

from ...tools.matching import SenderInfo, match_customer
from ...tools.models import Contact, Customer, Invoice
from ..context import Context
from ..state import CustomerView, TriageState, update


def resolve(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The sender's customer (the mailbox's match, else a look-up) and its invoices."""
    reply = state.reply
    with runtime.context.ledger.session() as session:
        customer: Customer | None = None
        method = score = None
        if reply.match is not None:
            customer = session.get(Customer, reply.match.customer_id)
            method, score = reply.match.method, reply.match.score
        if customer is None:
            customer, method, score = find_customer(
                session,
                sender=reply.sender,
                in_reply_to=reply.headers.get("In-Reply-To"),
                references=reply.headers.get("References", "").split(),
            )
        if customer is None or customer.id is None:
            return update(customer=None, known_invoices=[])
        return update(
            customer=customer_view(session, customer),
            match_method=method,
            match_score=score,
            known_invoices=invoice_numbers(session, customer.id),
        )


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


def customer_view(session: Session, customer: Customer) -> CustomerView:
    """What the policy needs of a customer."""
    domains = {customer.domain} if customer.domain else set()
    for email in session.exec(select(Contact.email).where(Contact.customer_id == customer.id)):
        domains.add(email.rsplit("@", 1)[-1])
    assert customer.id is not None
    return CustomerView(
        id=customer.id,
        external_id=customer.external_id,
        name=customer.name,
        segment=str(customer.segment),
        domains=sorted(d for d in domains if d),
    )


def invoice_numbers(session: Session, customer_id: int, *, open_only: bool = False) -> list[str]:
    query = select(Invoice.number).where(Invoice.customer_id == customer_id)
    if open_only:
        query = query.where(Invoice.balance > 0)
    return list(session.exec(query.order_by(Invoice.number)))
