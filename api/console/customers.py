"""A customer's page: open items, promises, disputes, pauses, contacts, and a timeline."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel import Session, col, select

from ...tools.errors import UnknownCustomer
from ...tools.lookup import get_customer
from ...tools.models import (
    Approval,
    AuditLog,
    Contact,
    Customer,
    Deduction,
    Dispute,
    DunningPause,
    InboundMessage,
    Invoice,
    OutgoingNotice,
    PaymentClaim,
    Promise,
    Task,
    as_utc,
)
from ...tools.status import invoice_statuses
from ..deps import ServicesDep, SessionDep
from .common import Table, UserDep, render

router = APIRouter()
ZERO = Decimal("0.00")
TIMELINE_LIMIT = 300


def _targets(session: Session, cust: Customer, invoices: list[Invoice]) -> list[str]:
    """Every audit target that belongs to this customer."""
    cid = cust.id
    out = [f"customer:{cust.external_id}"] + [f"invoice:{i.number}" for i in invoices]
    for model, label in (
        (OutgoingNotice, "notice"),
        (Promise, "promise"),
        (Task, "task"),
        (DunningPause, "pause"),
        (PaymentClaim, "claim"),
        (Deduction, "deduction"),
        (Dispute, "dispute"),
    ):
        ids = session.exec(select(model.id).where(model.customer_id == cid)).all()
        out += [f"{label}:{i}" for i in ids]
    return out


def timeline(
    session: Session,
    cust: Customer,
    invoices: list[Invoice],
    replies: list[InboundMessage],
    notices: list[OutgoingNotice],
) -> list[list[Any]]:
    """(when, kind, who, what, detail), newest first: replies, notices and audited actions."""
    rows: list[list[Any]] = []
    for m in replies:
        intents = [f.get("intent") for f in (m.triage or {}).get("findings") or []]
        rows.append(
            [
                as_utc(m.received_at),
                "reply",
                m.from_addr,
                m.subject,
                f"{m.status}; {', '.join(map(str, intents)) or 'no finding'}",
            ]
        )
    for d in session.exec(select(Approval).where(Approval.customer_id == cust.id)).all():
        if d.decided_at is None:
            continue
        # The decision itself (a reject runs no action, so the audit log has nothing of it).
        rows.append(
            [
                as_utc(d.decided_at),
                "decision",
                f"analyst:{d.decided_by}",
                f"approval #{d.id} {d.status}",
                str((d.decision or {}).get("note") or ""),
            ]
        )
    for n in notices:
        when = as_utc(n.sent_at or n.created_at)
        rows.append(
            [
                when,
                "notice",
                "arbox",
                f"{n.stage} notice #{n.id}",
                f"{n.status}; {', '.join(n.invoices)}; total {n.total:.2f} {n.currency}",
            ]
        )
    audit = session.exec(
        select(AuditLog)
        .where(col(AuditLog.target).in_(_targets(session, cust, invoices)))
        .order_by(col(AuditLog.id).desc())
        .limit(TIMELINE_LIMIT)
    ).all()
    for a in audit:
        rows.append([as_utc(a.at), "action", a.actor, a.action, f"{a.target} {a.note}".strip()])
    rows.sort(key=lambda r: r[0], reverse=True)
    return rows[:TIMELINE_LIMIT]


@router.get("/customers/{external_id}")
def customer_page(
    external_id: str, request: Request, session: SessionDep, services: ServicesDep, user: UserDep
) -> Response:
    try:
        cust = get_customer(session, external_id)
    except UnknownCustomer:
        return render(request, "missing.html", status_code=404, what=f"customer {external_id}")
    today = services.today()
    cid = cust.id
    invoices = list(session.exec(select(Invoice).where(Invoice.customer_id == cid)).all())
    by_id = {i.id: i.number for i in invoices}
    open_items = sorted((i for i in invoices if i.balance > 0), key=lambda i: i.due_date)
    statuses = invoice_statuses(session, open_items, today=today)
    items = Table(
        "open_items",
        "Open items",
        [
            "invoice",
            "po",
            "project",
            "issued",
            "due",
            "days past due",
            "amount",
            "balance",
            "status",
        ],
        [
            [
                i.number,
                i.po,
                i.project,
                i.issue_date,
                i.due_date,
                max((today - i.due_date).days, 0),
                i.amount,
                i.balance,
                statuses.get(i.id or 0, "open"),
            ]
            for i in open_items
        ],
    )
    promises = session.exec(
        select(Promise).where(Promise.customer_id == cid).order_by(col(Promise.id).desc())
    ).all()
    promise_t = Table(
        "promises",
        "Promises and how they went",
        ["id", "made", "amount", "promised on", "status", "paid", "settled on"],
        [
            [p.id, p.created_at, p.amount, p.promised_on, p.status, p.paid_amount, p.settled_on]
            for p in promises
        ],
    )
    disputes = session.exec(select(Dispute).where(Dispute.customer_id == cid)).all()
    deductions = session.exec(select(Deduction).where(Deduction.customer_id == cid)).all()
    dispute_t = Table(
        "disputes",
        "Disputes and deductions",
        ["kind", "id", "invoice", "reason", "amount", "status", "opened", "closed"],
        [
            [
                "dispute",
                d.id,
                by_id.get(d.invoice_id),
                d.reason,
                d.disputed_amount,
                d.status,
                d.opened_at,
                d.closed_at,
            ]
            for d in disputes
        ]
        + [
            [
                "deduction",
                d.id,
                by_id.get(d.invoice_id),
                d.reason,
                d.deducted_amount,
                d.status,
                d.opened_at,
                d.closed_at,
            ]
            for d in deductions
        ],
    )
    pauses = session.exec(
        select(DunningPause)
        .where(DunningPause.customer_id == cid)
        .order_by(col(DunningPause.id).desc())
    ).all()
    pause_t = Table(
        "pauses",
        "Dunning pauses",
        ["id", "invoice", "reason", "until", "active", "since", "ended"],
        [
            [
                p.id,
                by_id.get(p.invoice_id) if p.invoice_id else "all invoices",
                p.reason,
                p.until,
                "yes" if p.active else "no",
                p.created_at,
                p.ended_at,
            ]
            for p in pauses
        ],
    )
    contacts = session.exec(select(Contact).where(Contact.customer_id == cid)).all()
    contact_t = Table(
        "contacts",
        "Contacts",
        ["name", "email", "role", "primary", "active", "bounced"],
        [
            [
                c.name,
                c.email,
                c.role,
                "yes" if c.is_primary else "",
                "yes" if c.active else "no",
                "yes" if c.bounced else "",
            ]
            for c in contacts
        ],
    )
    replies = list(
        session.exec(select(InboundMessage).where(InboundMessage.customer_id == cid)).all()
    )
    notices = list(
        session.exec(select(OutgoingNotice).where(OutgoingNotice.customer_id == cid)).all()
    )
    events = Table(
        "timeline",
        "Timeline",
        ["when", "kind", "who", "what", "detail"],
        timeline(session, cust, invoices, replies, notices),
    )
    pending = session.exec(
        select(Approval).where(Approval.customer_id == cid, Approval.status == "pending")
    ).all()
    balance = sum((i.balance for i in open_items), ZERO)
    overdue = sum((i.balance for i in open_items if i.due_date < today), ZERO)
    return render(
        request,
        "customer.html",
        tables=[items, promise_t, dispute_t, pause_t, contact_t, events],
        customer=cust,
        balance=balance,
        overdue=overdue,
        pending=pending,
        today=today,
    )
