"""An invoice's collection status as the contract names it: open, disputed, promised, paused, paid.

Computed in a few set-based queries so that exports, the API and the dunning
run agree on what "open" means.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlmodel import Session, col, or_, select

from .models import Dispute, DunningPause, Invoice, Promise, PromiseInvoice

STATUSES = ("open", "disputed", "promised", "paused", "paid")


def invoice_statuses(
    session: Session, invoices: Iterable[Invoice], *, today: date
) -> dict[int, str]:
    """Status per invoice id, by precedence paid > disputed > promised > paused > open."""
    rows = [i for i in invoices if i.id is not None]
    ids = [i.id for i in rows]
    if not ids:
        return {}
    disputed = set(
        session.exec(
            select(Dispute.invoice_id).where(
                col(Dispute.invoice_id).in_(ids), Dispute.status == "open"
            )
        )
    )
    promised = {
        inv_id
        for inv_id, on, tol in session.exec(
            select(PromiseInvoice.invoice_id, Promise.promised_on, Promise.tolerance_days)
            .join(Promise, PromiseInvoice.promise_id == Promise.id)  # type: ignore[arg-type]
            .where(col(PromiseInvoice.invoice_id).in_(ids), Promise.status == "open")
        )
        if today <= on + timedelta(days=tol)
    }
    customers = {i.customer_id for i in rows}
    pauses = session.exec(
        select(DunningPause).where(
            col(DunningPause.active).is_(True),
            col(DunningPause.customer_id).in_(customers),
            or_(col(DunningPause.until).is_(None), col(DunningPause.until) >= today),
        )
    ).all()
    paused_customers = {p.customer_id for p in pauses if p.invoice_id is None}
    paused_invoices = {p.invoice_id for p in pauses if p.invoice_id is not None}
    result: dict[int, str] = {}
    for inv in rows:
        assert inv.id is not None
        if inv.balance <= 0:
            result[inv.id] = "paid"
        elif inv.id in disputed:
            result[inv.id] = "disputed"
        elif inv.id in promised:
            result[inv.id] = "promised"
        elif inv.id in paused_invoices or inv.customer_id in paused_customers:
            result[inv.id] = "paused"
        else:
            result[inv.id] = "open"
    return result
