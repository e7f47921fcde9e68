"""The narrow, audited actions the agent may take on the ledger.

Every action is a keyword-only function taking an open `Session` (the caller
commits) and an idempotency ``key``. It validates everything before it writes
(a `LedgerError` means nothing was written), writes exactly one audit row, and
returns an `ActionResult`. Calling it again with the same key changes nothing
and says so (``replayed=True``). Two workers racing on one key collide on the
audit log's unique key: one commits, the other rolls back and, retried, replays.
"""

from .contacts import deactivate_contact, upsert_contact
from .disputes import open_deduction, resolve_deduction, resolve_dispute, tag_dispute
from .holds import defer_contact, mark_bounced, release_hold
from .pauses import end_pause, pause_dunning
from .payments import close_payment_claim, record_payment_claim
from .promises import cancel_promise, evaluate_promises, record_promise
from .tasks import claim_task, close_task, create_task, note_task

__all__ = [
    "cancel_promise",
    "claim_task",
    "close_payment_claim",
    "close_task",
    "create_task",
    "deactivate_contact",
    "defer_contact",
    "end_pause",
    "evaluate_promises",
    "mark_bounced",
    "note_task",
    "open_deduction",
    "pause_dunning",
    "record_payment_claim",
    "record_promise",
    "release_hold",
    "resolve_deduction",
    "resolve_dispute",
    "tag_dispute",
    "upsert_contact",
]
