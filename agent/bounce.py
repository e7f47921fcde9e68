"""Delivery-status reports in the triage graph: the `resolve` and `plan` steps' one call each.

A bounce is machine data, not a customer's words, so the classifier's reading of it
(``auto_reply`` + ``wrong_contact``, as the contract labels it) plans nothing here:

- `resolve_delivery` (resolve): the customer and contacts the report is about, from the
  report as the mailbox parsed it (`Reply.delivery`) and the ledger (`tools.bounces`);
- `plan_bounce` (plan): a permanent failure of a contact our notice went to marks it
  bounced (hold the customer's notices, a task to find a new contact) with no person;
  a report that names no notice of ours, or anything else that does not line up, goes
  to a person; a delay, or an address nobody has, changes nothing.
"""

from __future__ import annotations

from sqlmodel import Session

from ..tools.bounces import BounceResolution, resolve_bounce
from .reply import Reply
from .state import CustomerView, PlannedAction
from .toolbox import ActionName

__all__ = ["plan_bounce", "resolve_delivery"]

DIAGNOSTIC_CHARS = 200
"""The receiving server's words kept in the hold's reason (Gmail's run to paragraphs)."""


def resolve_delivery(session: Session, reply: Reply) -> BounceResolution | None:
    """What the reply's delivery report is about; None when the reply is not one."""
    if reply.delivery is None:
        return None
    refs = [reply.headers.get("In-Reply-To", ""), *reply.headers.get("References", "").split()]
    return resolve_bounce(session, reply.delivery, [r for r in refs if r])


def plan_bounce(
    bounce: BounceResolution, *, message_id: str, customer: CustomerView | None
) -> tuple[list[PlannedAction], list[str]]:
    """The actions a delivery report calls for, and why a person must look (if they must)."""
    reasons = list(bounce.doubts)
    if customer is None:
        return [], reasons
    actions = [
        PlannedAction(
            name=ActionName.mark_bounced.value,
            args={
                "customer": customer.external_id,
                "email": failed.email,
                "status": failed.status,
                "diagnostic": failed.diagnostic[:DIAGNOSTIC_CHARS],
                "source_message": message_id,
            },
            key=f"{message_id}:{ActionName.mark_bounced.value}:{failed.email}",
            needs_approval=bool(reasons),
            why=(
                f"a delivery report says mail to {failed.email} fails for good "
                f"({failed.status or 'no status'}): mark the contact bounced, hold "
                f"{customer.name}'s notices, ask for a new contact"
            ),
        )
        for failed in bounce.bounced
    ]
    return actions, reasons
