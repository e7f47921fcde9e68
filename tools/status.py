"""An invoice's collection status as the contract names it: open, disputed, promised, paused, paid.

The same exclusion rules the dunning run uses (`tools.dunning.load_exclusions`), so
exports, the API and the dunning run agree on what "open" means.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session

from .dunning import load_exclusions
from .models import Invoice

STATUSES = ("open", "disputed", "promised", "paused", "paid")


def invoice_statuses(
    session: Session, invoices: Iterable[Invoice], *, today: date
) -> dict[int, str]:
    """Status per invoice id, by precedence paid > disputed > promised > paused > open.

    Invoices dunning leaves out for other reasons (covered by a credit, matched by a
    payment in suspense) are still `open` in the contract's sense.
    """
    rows = [(i.id, i.customer_id, i.balance) for i in invoices if i.id is not None]
    excluded = load_exclusions(session, today, rows)
    return {
        inv_id: reason if (reason := excluded.reason(inv_id)) in STATUSES else "open"
        for inv_id, _, _ in rows
    }
