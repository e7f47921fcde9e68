"""`resolve` (no LLM): who wrote, and which invoices are theirs."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from langgraph.runtime import Runtime
from sqlmodel import Session, col, or_, select

from ...tools.enums import ClaimStatus, TaskStatus
from ...tools.matching import SenderInfo, match_customer
from ...tools.models import AuditLog, Contact, Customer, Invoice, PaymentClaim, Task
from ..bounce import resolve_delivery
from ..context import Context
from ..state import CustomerView, OpenClaim, OpenTask, TriageState, update


def resolve(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The sender's customer (the mailbox's match, else a look-up) and its invoices."""
    reply = state.reply
    with runtime.context.ledger.session() as session:
        customer: Customer | None = None
        method: str | None = None
        score: float | None = None
        # A delivery report is about the contact it names, not the server that sent it.
        bounce = resolve_delivery(session, reply)
        if bounce is not None:
            if bounce.customer_id is not None:
                customer = session.get(Customer, bounce.customer_id)
                method, score = bounce.method, 100.0
        elif reply.match is not None:
            customer = session.get(Customer, reply.match.customer_id)
            method, score = reply.match.method, reply.match.score
        if customer is None and bounce is None:
            customer, method, score = find_customer(
                session,
                sender=reply.sender,
                in_reply_to=reply.headers.get("In-Reply-To"),
                references=reply.headers.get("References", "").split(),
            )
        if customer is None or customer.id is None:
            return update(customer=None, known_invoices=[], bounce=bounce)
        # The customer's invoices in one read: every number, and the balance of the open ones.
        invoices = _rows(
            session,
            select(col(Invoice.number), col(Invoice.balance))
            .where(Invoice.customer_id == customer.id)
            .order_by(col(Invoice.number)),
        )
        return update(
            customer=customer_view(session, customer),
            match_method=method,
            match_score=score,
            known_invoices=[number for number, _ in invoices],
            balances={number: str(balance) for number, balance in invoices if balance > 0},
            # Not those this reply opened itself: a run cut short and run again (its
            # checkpoint is written when it ends) plans what the first run planned.
            open_tasks=open_tasks(session, customer.id, besides=reply.message_id),
            open_claims=open_claims(session, customer.id, besides=reply.message_id),
            bounce=bounce,
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
    for (email,) in _rows(session, select(Contact.email).where(Contact.customer_id == customer.id)):
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


def open_balances(session: Session, customer_id: int) -> dict[str, str]:
    """Open balance per open invoice, money as strings (JSON-safe)."""
    rows = session.exec(
        select(col(Invoice.number), col(Invoice.balance)).where(
            Invoice.customer_id == customer_id, col(Invoice.balance) > 0
        )
    )
    return {number: str(balance) for number, balance in rows}


def open_tasks(session: Session, customer_id: int, *, besides: str | None = None) -> list[OpenTask]:
    """The customer's open or claimed tasks, each with the tag of the key that opened it
    (those opened from message ``besides`` left out)."""
    query = select(col(Task.id), col(Task.queue), col(Task.invoices)).where(
        Task.customer_id == customer_id,
        col(Task.status).in_([TaskStatus.open.value, TaskStatus.claimed.value]),
    )
    if besides is not None:
        query = query.where(
            or_(col(Task.source_message).is_(None), col(Task.source_message) != besides)
        )
    tasks = _rows(session, query)
    if not tasks:
        return []
    targets = {f"task:{tid}": (tid, queue, invoices) for tid, queue, invoices in tasks}
    tags: dict[str, str] = {}
    for target, key in _rows(
        session,
        select(AuditLog.target, AuditLog.idempotency_key).where(
            AuditLog.action == "create_task", col(AuditLog.target).in_(list(targets))
        ),
    ):
        # Keys read "<message>:create_task:<queue>:<tag>" (agent.policy).
        tags[target] = (key or "").rsplit(":", 1)[-1]
    return [
        OpenTask(id=tid, queue=queue, tag=tags.get(target, ""), invoices=list(invoices))
        for target, (tid, queue, invoices) in targets.items()
        if tid is not None
    ]


def open_claims(
    session: Session, customer_id: int, *, besides: str | None = None
) -> list[OpenClaim]:
    """The customer's open payment claims (those made from message ``besides`` left out)."""
    query = select(col(PaymentClaim.id), col(PaymentClaim.invoices)).where(
        PaymentClaim.customer_id == customer_id, PaymentClaim.status == ClaimStatus.open.value
    )
    if besides is not None:
        query = query.where(
            or_(
                col(PaymentClaim.source_message).is_(None),
                col(PaymentClaim.source_message) != besides,
            )
        )
    rows = _rows(session, query)
    return [OpenClaim(id=cid, invoices=list(invoices)) for cid, invoices in rows if cid is not None]


def _rows(session: Session, query: Any) -> list[Any]:
    # Column reads through Core: no ORM result machinery on a path run once per reply.
    return list(session.connection().execute(query))
