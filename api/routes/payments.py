"""Pushes from cash application and the ERP: payments, invoices, disputes, credits.

Each push is one transaction: the ledger change, its audit row, and the trimming
or cancelling of the customer's unsent notices. Each is idempotent on the
caller's reference: sending it again changes nothing and says so.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from ...tools.audit import ActionResult
from ...tools.errors import LedgerError
from ...tools.locking import retry_on_conflict
from ..deps import RowId, ServicesDep, WriterDep
from ..errors import ledger_status
from ..ledger_schemas import (
    BatchItem,
    CreditIn,
    DisputeIn,
    DisputeResolve,
    InvoiceIn,
    InvoicePushed,
    NoticeChange,
    PaymentBatchIn,
    PaymentBatchOut,
    PaymentIn,
    PaymentOut,
    Pushed,
)
from ..sync import apply_payment, close_dispute, push_credit, push_dispute, upsert_invoice
from .common import WRITE_ERRORS
from .ledger import invoices_out

router = APIRouter(tags=["sync"])


def _post(services: ServicesDep, body: PaymentIn) -> PaymentOut:
    # A deadlock or serialization failure runs the whole transaction again.
    return retry_on_conflict(lambda: _post_once(services, body))


def _post_once(services: ServicesDep, body: PaymentIn) -> PaymentOut:
    with services.ledger.transaction() as session:
        pay, replayed, notices = apply_payment(session, body, services.today())
        customer = None
        if pay.customer_id is not None:
            from ...tools.models import Customer

            cust = session.get(Customer, pay.customer_id)
            customer = cust.external_id if cust else None
        return PaymentOut(
            reference=pay.reference,
            replayed=replayed,
            amount=pay.amount,
            applied=pay.applied,
            unapplied=pay.unapplied,
            customer=customer,
            notices=notices,
        )


@router.post(
    "/payments",
    status_code=201,
    response_model=PaymentOut,
    responses={200: {"model": PaymentOut, "description": "Replayed"}, **WRITE_ERRORS},
)
def post_payment(
    body: PaymentIn, services: ServicesDep, _: WriterDep, response: Response
) -> PaymentOut:
    """Apply a payment the moment cash application posts it; unsent notices follow at once."""
    out = _post(services, body)
    if out.replayed:
        response.status_code = 200
    return out


@router.post("/payments/batch", response_model=PaymentBatchOut, responses=WRITE_ERRORS)
def post_payments(body: PaymentBatchIn, services: ServicesDep, _: WriterDep) -> PaymentBatchOut:
    """Many payments; each its own transaction, so one refusal loses none of the others."""
    items = []
    for p in body.payments:
        try:
            items.append(BatchItem(reference=p.reference, ok=True, result=_post(services, p)))
        except LedgerError as exc:
            code = ledger_status(exc)[1]
            items.append(BatchItem(reference=p.reference, ok=False, error=f"{code}: {exc}"))
    failed = sum(not i.ok for i in items)
    return PaymentBatchOut(posted=len(items) - failed, failed=failed, items=items)


@router.post("/invoices", response_model=InvoicePushed, responses=WRITE_ERRORS)
def push_invoice(body: InvoiceIn, services: ServicesDep, _: WriterDep) -> InvoicePushed:
    """Create or update an invoice (keyed on its number)."""

    def once() -> InvoicePushed:
        with services.ledger.transaction() as session:
            outcome, inv, notices = upsert_invoice(session, body, services.today())
            return InvoicePushed(
                result=outcome, invoice=invoices_out(session, [inv], services)[0], notices=notices
            )

    return retry_on_conflict(once)


@router.post("/disputes", response_model=Pushed, responses=WRITE_ERRORS)
def push_dispute_route(body: DisputeIn, services: ServicesDep, _: WriterDep) -> Pushed:
    """Open a dispute on an invoice (keyed on the caller's reference)."""

    def once() -> tuple[ActionResult, list[NoticeChange]]:
        with services.ledger.transaction() as session:
            return push_dispute(session, body, services.today())

    result, notices = retry_on_conflict(once)
    return Pushed(
        replayed=result.replayed,
        record_id=result.record_id,
        message=result.message,
        notices=notices,
    )


@router.post("/disputes/{dispute_id}/resolve", response_model=Pushed, responses=WRITE_ERRORS)
def resolve_dispute_route(
    dispute_id: RowId, body: DisputeResolve, services: ServicesDep, _: WriterDep
) -> Pushed:
    """Close a dispute as resolved or rejected."""
    with services.ledger.transaction() as session:
        result = close_dispute(
            session, dispute_id, reference=body.reference, outcome=body.outcome, note=body.note
        )
    return Pushed(
        replayed=result.replayed, record_id=result.record_id, message=result.message, notices=[]
    )


@router.post("/credits", response_model=Pushed, responses=WRITE_ERRORS)
def push_credit_route(body: CreditIn, services: ServicesDep, _: WriterDep) -> Pushed:
    """Record a credit memo (keyed on its number)."""

    def once() -> tuple[ActionResult, list[NoticeChange]]:
        with services.ledger.transaction() as session:
            return push_credit(session, body, services.today())

    result, notices = retry_on_conflict(once)
    return Pushed(
        replayed=result.replayed,
        record_id=result.record_id,
        message=result.message,
        notices=notices,
    )
