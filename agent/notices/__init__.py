"""The notice pipeline: draft -> rewrite -> guardrails -> record; trim; send-time re-check.

The CLI, the API and the dunning run all go through these names:

- `run_dunning` (run.py): select what is due, plan (plan.py) and record each notice,
  optionally send;
- `trim_customer_notices` / `trim_notice` (trim.py): after a ledger change, keep the
  wording where it still holds, re-render where it does not, and prove it at once;
- `send_notice` / `send_pending` (send.py): the same trim and proof at send time, in
  the transaction that marks the notice sent;
- `edit_notice` (edit.py): a person's text, proved before it is saved.
"""

from .edit import NoticeEditRejected, edit_notice
from .plan import PlannedNotice, ledger_views, plan_notice
from .run import DunningRunResult, record_plans, run_dunning
from .send import DEFAULT_FROM, Sender, SendOutcome, build_message, send_notice, send_pending
from .trim import TrimOutcome, trim_customer_notices, trim_notice

__all__ = [
    "DEFAULT_FROM",
    "DunningRunResult",
    "NoticeEditRejected",
    "PlannedNotice",
    "SendOutcome",
    "Sender",
    "TrimOutcome",
    "build_message",
    "edit_notice",
    "ledger_views",
    "plan_notice",
    "record_plans",
    "run_dunning",
    "send_notice",
    "send_pending",
    "trim_customer_notices",
    "trim_notice",
]
