"""Ledger reads: customers with their open items, promises, disputes; the audit trail."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlmodel import Session, col, select

from ...tools.errors import UnknownInvoice
from ...tools.lookup import get_customer
from ...tools.models import AuditLog, Customer, Dispute, Invoice, Promise, PromiseInvoice
from ...tools.status import invoice_statuses
from ..deps import ServicesDep, SessionDep
from ..ledger_schemas import (
    AuditOut,
    CustomerOut,
    CustomerSummary,
    DisputeOut,
    InvoiceOut,
    PromiseOut,
)
from .common import READ_ERRORS

router = APIRouter(tags=["ledger"])
ExternalId = Annotated[str, Path(min_length=1, max_length=100)]


def invoices_out(session: Session, rows: list[Invoice], services: ServicesDep) -> list[InvoiceOut]:
    statuses = invoice_statuses(session, rows, today=services.today())
    return [
        InvoiceOut(
            number=i.number,
            po=i.po,
            project=i.project,
            issue_date=i.issue_date,
            due_date=i.due_date,
            amount=i.amount,
            balance=i.balance,
            currency=i.currency,
            status=statuses.get(i.id or 0, "open"),
        )
        for i in rows
    ]


def _summary(session: Session, c: Customer) -> CustomerSummary:
    balances = session.exec(
        select(col(Invoice.balance)).where(Invoice.customer_id == c.id, Invoice.balance > 0)
    ).all()
    return CustomerSummary(
        external_id=c.external_id,
        name=c.name,
        segment=c.segment,
        currency=c.currency,
        domain=c.domain,
        language=c.language,
        locale=c.locale,
        open_balance=sum(balances, Decimal("0.00")),
    )


def promises_of(session: Session, customer_id: int) -> list[PromiseOut]:
    out = []
    for p in session.exec(
        select(Promise).where(Promise.customer_id == customer_id).order_by(col(Promise.id))
    ).all():
        numbers = session.exec(
            select(Invoice.number)
            .join(PromiseInvoice, col(PromiseInvoice.invoice_id) == col(Invoice.id))
            .where(PromiseInvoice.promise_id == p.id)
        ).all()
        out.append(
            PromiseOut(
                id=p.id or 0,
                amount=p.amount,
                promised_on=p.promised_on,
                tolerance_days=p.tolerance_days,
                status=p.status,
                invoices=list(numbers),
                source_message=p.source_message,
            )
        )
    return out


def disputes_of(session: Session, customer_id: int) -> list[DisputeOut]:
    rows = session.exec(
        select(Dispute, Invoice.number)
        .join(Invoice, col(Invoice.id) == col(Dispute.invoice_id))
        .where(Dispute.customer_id == customer_id)
        .order_by(col(Dispute.id))
    ).all()
    return [
        DisputeOut(
            id=d.id or 0,
            invoice=number,
            reason=d.reason,
            disputed_amount=d.disputed_amount,
            status=d.status,
            note=d.note,
            source_message=d.source_message,
            opened_at=d.opened_at,
        )
        for d, number in rows
    ]


@router.get("/customers", response_model=list[CustomerSummary])
def list_customers(
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=100, description="Name or id contains")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[CustomerSummary]:
    query = select(Customer).order_by(col(Customer.external_id)).limit(limit)
    if q:
        like = f"%{q}%"
        query = query.where(col(Customer.name).ilike(like) | col(Customer.external_id).ilike(like))
    return [_summary(session, c) for c in session.exec(query).all()]


@router.get("/customers/{external_id}", response_model=CustomerOut, responses=READ_ERRORS)
def read_customer(
    external_id: ExternalId, session: SessionDep, services: ServicesDep
) -> CustomerOut:
    """A customer with open items (balance > 0, with status), promises and disputes."""
    c = get_customer(session, external_id)
    assert c.id is not None
    items = session.exec(
        select(Invoice)
        .where(Invoice.customer_id == c.id, Invoice.balance > 0)
        .order_by(col(Invoice.due_date), col(Invoice.number))
    ).all()
    return CustomerOut(
        **_summary(session, c).model_dump(),
        terms_days=c.terms_days,
        open_items=invoices_out(session, list(items), services),
        promises=promises_of(session, c.id),
        disputes=disputes_of(session, c.id),
    )


@router.get(
    "/customers/{external_id}/promises", response_model=list[PromiseOut], responses=READ_ERRORS
)
def customer_promises(external_id: ExternalId, session: SessionDep) -> list[PromiseOut]:
    c = get_customer(session, external_id)
    return promises_of(session, c.id or 0)


@router.get(
    "/customers/{external_id}/disputes", response_model=list[DisputeOut], responses=READ_ERRORS
)
def customer_disputes(external_id: ExternalId, session: SessionDep) -> list[DisputeOut]:
    c = get_customer(session, external_id)
    return disputes_of(session, c.id or 0)


@router.get("/invoices/{number}", response_model=InvoiceOut, responses=READ_ERRORS)
def read_invoice(
    number: Annotated[str, Path(min_length=1, max_length=100)],
    session: SessionDep,
    services: ServicesDep,
) -> InvoiceOut:
    inv = session.exec(select(Invoice).where(Invoice.number == number)).first()
    if inv is None:
        raise UnknownInvoice(f"unknown invoice {number!r}")
    return invoices_out(session, [inv], services)[0]


@router.get("/audit", response_model=list[AuditOut])
def audit_trail(
    session: SessionDep,
    target: Annotated[str | None, Query(max_length=200, description="e.g. invoice:INV-1")] = None,
    action: Annotated[str | None, Query(max_length=100)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    before_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> list[AuditOut]:
    """The append-only audit log, newest first (page with ``before_id``)."""
    query = select(AuditLog).order_by(col(AuditLog.id).desc()).limit(limit)
    if target:
        query = query.where(AuditLog.target == target)
    if action:
        query = query.where(AuditLog.action == action)
    if actor:
        query = query.where(AuditLog.actor == actor)
    if before_id:
        query = query.where(col(AuditLog.id) < before_id)
    return [AuditOut.model_validate(r, from_attributes=True) for r in session.exec(query).all()]
