"""Search by customer (name, id, domain), invoice (number, PO) or message (subject, sender, id)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel import col, or_, select

from ...tools.models import Customer, InboundMessage, Invoice
from ..deps import SessionDep
from .common import Table, UserDep, render

router = APIRouter()
LIMIT = 100


@router.get("/search")
def search(request: Request, session: SessionDep, user: UserDep, q: str = "") -> Response:
    term = q.strip()
    tables: list[Table] = []
    if term:
        like = f"%{term}%"
        custs = session.exec(
            select(Customer)
            .where(
                or_(
                    col(Customer.name).ilike(like),
                    col(Customer.external_id).ilike(like),
                    col(Customer.domain).ilike(like),
                )
            )
            .limit(LIMIT)
        ).all()
        tables.append(
            Table(
                "customers",
                "Customers",
                ["external id", "name", "segment", "domain"],
                [[c.external_id, c.name, c.segment, c.domain] for c in custs],
                links={0: [f"/console/customers/{c.external_id}" for c in custs]},
            )
        )
        ext = dict(session.exec(select(Customer.id, Customer.external_id)).all())
        invs = session.exec(
            select(Invoice)
            .where(or_(col(Invoice.number).ilike(like), col(Invoice.po).ilike(like)))
            .limit(LIMIT)
        ).all()
        tables.append(
            Table(
                "invoices",
                "Invoices",
                ["invoice", "customer", "po", "due", "amount", "balance"],
                [
                    [i.number, ext.get(i.customer_id), i.po, i.due_date, i.amount, i.balance]
                    for i in invs
                ],
                links={1: [f"/console/customers/{ext.get(i.customer_id)}" for i in invs]},
            )
        )
        msgs = session.exec(
            select(InboundMessage)
            .where(
                or_(
                    col(InboundMessage.subject).ilike(like),
                    col(InboundMessage.from_addr).ilike(like),
                    col(InboundMessage.message_id).ilike(like),
                )
            )
            .order_by(col(InboundMessage.id).desc())
            .limit(LIMIT)
        ).all()
        tables.append(
            Table(
                "messages",
                "Messages",
                ["received", "from", "subject", "customer", "status"],
                [
                    [m.received_at, m.from_addr, m.subject, ext.get(m.customer_id), m.status]
                    for m in msgs
                ],
                links={
                    3: [
                        f"/console/customers/{ext[m.customer_id]}" if m.customer_id in ext else None
                        for m in msgs
                    ]
                },
            )
        )
    return render(request, "search.html", tables=tables, q=term)
