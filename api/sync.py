"""Real-time pushes from cash application and the ERP: the API's side, and nothing more.

Each push is one transaction: `tools.erp` writes the ledger (idempotent, audited) and
names the customers it touched; the notice pipeline's trim
(`agent.notices.trim_customer_notices`) then brings their unsent notices in line with
the ledger and proves them at once. So a notice can never go out for money that
arrived a second earlier.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session

from ..agent.notices import trim_customer_notices
from ..tools import erp
from ..tools.audit import ActionResult
from ..tools.locking import lock_for_customers
from ..tools.models import Invoice, Payment
from .ledger_schemas import CreditIn, DisputeIn, InvoiceIn, NoticeChange, PaymentIn

ACTOR = "arbox.sync"
"""Who the audit log names for notices trimmed after a push."""


def trim_notices(session: Session, customers: Iterable[int], today: date) -> list[NoticeChange]:
    """Trim the customers' unsent notices; what happened to each, for the response."""
    return [
        NoticeChange(notice_id=t.notice_id, status=t.status, dropped=t.dropped)
        for cid in sorted(set(customers))
        for t in trim_customer_notices(session, cid, today, actor=ACTOR)
    ]


def apply_payment(
    session: Session, body: PaymentIn, today: date
) -> tuple[Payment, bool, list[NoticeChange]]:
    """Post a payment (idempotent on its reference) and trim the customer's notices."""
    # Invoices, then notices, before anything is written: the one lock order.
    lock_for_customers(session, [body.customer], [a.invoice for a in body.applications])
    posted = erp.apply_payment(
        session,
        reference=body.reference,
        received_on=body.received_on,
        amount=body.amount,
        customer=body.customer,
        payer_name=body.payer_name,
        method=body.method,
        memo=body.memo,
        applications=[(a.invoice, a.amount) for a in body.applications],
    )
    return posted.payment, posted.replayed, trim_notices(session, posted.customers, today)


def upsert_invoice(
    session: Session, body: InvoiceIn, today: date
) -> tuple[erp.Pushed, Invoice, list[NoticeChange]]:
    """Create or update an invoice from the ERP; trim the customer's notices."""
    lock_for_customers(session, [body.customer], [body.number])  # the one lock order
    outcome, inv = erp.upsert_invoice(session, **body.model_dump())
    if outcome == "unchanged":
        return outcome, inv, []
    return outcome, inv, trim_notices(session, [inv.customer_id], today)


def push_dispute(
    session: Session, body: DisputeIn, today: date
) -> tuple[ActionResult, list[NoticeChange]]:
    """Open a dispute from the ERP; the disputed invoice leaves the customer's notices."""
    lock_for_customers(session, [body.customer], [body.invoice])  # the one lock order
    result, customer_id = erp.push_dispute(session, **body.model_dump())
    return result, trim_notices(session, [customer_id], today)


def close_dispute(
    session: Session, dispute_id: int, *, reference: str, outcome: str, note: str
) -> ActionResult:
    """Close a dispute as resolved or rejected."""
    return erp.close_dispute(session, dispute_id, reference=reference, outcome=outcome, note=note)


def push_credit(
    session: Session, body: CreditIn, today: date
) -> tuple[ActionResult, list[NoticeChange]]:
    """Record a credit memo from the ERP; trim the customer's notices."""
    lock_for_customers(session, [body.customer], [body.invoice] if body.invoice else [])
    result, customer_id = erp.push_credit(session, **body.model_dump())
    if customer_id is None:
        return result, []
    return result, trim_notices(session, [customer_id], today)
