"""A dunning run: select what is due, plan each notice, record it, and optionally send.

`run_dunning` plans one notice per customer due today and (unless a dry run) records
it as ``draft`` or ``held``; with a sender it then sends the drafts, each through the
send-time check (`send.send_notice`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from arbox.tools import notices as store
from arbox.tools.audit import audit_row, jsonable, record_many
from arbox.tools.behaviour import account_summary
from arbox.tools.db import Ledger
from arbox.tools.dunning import Cadence, load_cadences, select_due
from arbox.tools.holds import deferred_notice_ids
from arbox.tools.promise_notices import promise_reminders
from arbox.tools.promises import evaluate_promises
from arbox.tools.tasks import create_task

from ..locales import DEFAULT_LOCALE
from ..rewrite import OfflineRewriter, Rewriter
from .fanout import Job, plan_all
from .plan import ESCALATE_AFTER, PlannedNotice
from .send import DEFAULT_FROM, Sender, send_pending, send_safely

RECORD_BATCH = 500
"""Notices written per INSERT (and audit rows per INSERT) when a run is recorded."""


@dataclass
class DunningRunResult:
    run_date: date
    dry_run: bool
    notices: list[PlannedNotice] = field(default_factory=list)

    @property
    def to_send(self) -> list[PlannedNotice]:
        return [n for n in self.notices if n.status in ("draft", "sent")]

    @property
    def held(self) -> list[PlannedNotice]:
        return [n for n in self.notices if n.status == "held"]


def notice_columns(plan: PlannedNotice, today: date, rewriter_name: str) -> dict[str, Any]:
    """The outgoing notice row a planned notice is recorded as."""
    due = plan.due
    return {
        "customer_id": due.customer_id,
        "to_email": due.contact_email or "",
        "stage": due.stage.name,
        "status": plan.status,
        "subject": plan.subject,
        "body": plan.body,
        "invoices": plan.invoices,
        "total": due.total,
        "currency": due.currency,
        "held_reason": plan.held_reason,
        "run_date": today,
        # Built JSON-safe (jsonable walks only the few dates): a run writes thousands.
        "guardrail": {
            "report": plan.report.as_dict(),
            "outcome": plan.outcome,
            "tone": plan.tone,
            "rewriter": rewriter_name,
            "events": list(plan.events),
            "wording": plan.wording,
            "slots": dict(plan.slots),
            "language": plan.locale.language,
            "locale": plan.locale.locale,
            "deferred_until": jsonable(due.deferred_until),
            "escalated": plan.escalated,
            "deviation": due.deviation,
            "promise": jsonable(dataclasses.asdict(due.promise)) if due.promise else None,
            "promise_id": due.promise.id if due.promise else None,
            "promise_broken": bool(due.promise and due.promise.broken),
            "ignored": due.ignored,
            "stages": {i.number: i.stage for i in due.invoices},
            "balances": {i.number: str(i.balance) for i in due.invoices},
        },
    }


def record_plans(
    session: Session, plans: list[PlannedNotice], today: date, rewriter_name: str
) -> None:
    """Write planned notices in bulk (idempotent per customer and run date), audited; sets
    each plan's ``notice_id``. A notice recorded before (a re-run) is left as it was.

    The rows go in batches of `RECORD_BATCH` (all in the caller's transaction), so a run
    never holds every notice's serialised row at once."""
    made: list[tuple[int, bool]] = []
    for start in range(0, len(plans), RECORD_BATCH):
        batch = plans[start : start + RECORD_BATCH]
        made += store.create_notices(
            session, [notice_columns(p, today, rewriter_name) for p in batch], actor=store.ACTOR
        )
    fallbacks = []
    for plan, (notice_id, created) in zip(plans, made, strict=True):
        plan.notice_id = notice_id
        if not created:
            continue
        _open_tasks(session, plan, notice_id, today)
        if plan.outcome == "fallback":
            fallbacks.append(
                audit_row(
                    actor=store.ACTOR,
                    action="notice.rewrite_fallback",
                    target=f"notice:{notice_id}",
                    key=None,
                    after={"events": plan.events},
                )
            )
    record_many(
        session,
        fallbacks,
        note=f"{rewriter_name} rewrite failed the guardrails twice; plain draft used",
    )


def _open_tasks(session: Session, plan: PlannedNotice, notice_id: int, today: date) -> None:
    """The credit queue's tasks for a notice: a deviation from the payment pattern, an
    escalation after ignored notices."""
    due = plan.due
    if due.deviation:
        create_task(
            session,
            key=f"deviation:notice:{notice_id}",
            queue="credit",
            summary=f"{due.customer} ({due.external_id}) {due.deviation}.",
            customer=due.customer_id,
            invoices=plan.invoices,
            actor=store.ACTOR,
        )
    if plan.escalated:
        create_task(
            session,
            key=f"escalation:notice:{notice_id}",
            queue="credit",
            summary=(
                f"{due.customer} ({due.external_id}) ignored its last {due.ignored} notices "
                f"(no reply, no payment); notice #{notice_id} ({due.stage.name}) goes out a "
                f"tone firmer.\n{account_summary(session, due.customer_id, today)}"
            ),
            customer=due.customer_id,
            invoices=plan.invoices,
            actor=store.ACTOR,
        )


def replace_deferred(session: Session, today: date) -> list[int]:
    """Cancel held notices whose contact is back: today's run drafts them afresh (a new
    deadline, the stage as of today, the ledger as it is now)."""
    ids = deferred_notice_ids(session, today)
    for notice_id in ids:
        store.set_status(
            session,
            notice_id,
            "cancelled",
            allowed_from=("held",),
            actor=store.ACTOR,
            note="the contact is back from their absence; replaced by a fresh notice",
        )
    return ids


def run_dunning(
    ledger: Ledger,
    *,
    today: date,
    rewriter: Rewriter | None = None,
    sender: Sender | None = None,
    dry_run: bool = True,
    cadences: dict[str, Cadence] | None = None,
    from_addr: str = DEFAULT_FROM,
    default_locale: str = DEFAULT_LOCALE,
    escalate_after: int = ESCALATE_AFTER,
    workers: int | None = None,
) -> DunningRunResult:
    """One dunning pass for ``today``: what would be sent and what is held for review.

    ``default_locale`` (``ARBOX_DEFAULT_LOCALE``) is the language of customers with none;
    after ``escalate_after`` ignored notices in a row the next one escalates (0: never).
    A large run is planned on ``workers`` processes (default: every core; `fanout`).
    """
    rewriter = rewriter or OfflineRewriter()
    if not dry_run:
        with ledger.transaction() as session:
            # Settle promises first: a broken one sends its invoices the next stage today.
            evaluate_promises(session, today=today)
            replace_deferred(session, today)
    with ledger.session() as session:
        due = select_due(session, today, cadences)
        due += promise_reminders(
            session, today, cadences or load_cadences(), {d.customer_id for d in due}
        )
        flags = store.flagged_customers(session)
    job = Job(rewriter, today, flags, default_locale, escalate_after)
    result = DunningRunResult(today, dry_run, plan_all(job, due, workers=workers))
    if dry_run:
        return result
    with ledger.transaction() as session:
        record_plans(session, result.notices, today, rewriter.name)
    if sender is not None:
        for plan in result.to_send:
            assert plan.notice_id is not None
            outcome = send_safely(
                ledger, plan.notice_id, sender, today=today, from_addr=from_addr, cadences=cadences
            )
            plan.status, plan.message_id = outcome.status, outcome.message_id
            plan.held_reason = outcome.reason if outcome.status == "held" else plan.held_reason
        # Notices an earlier run recorded but could not send go out now.
        done = {p.notice_id for p in result.notices}
        send_pending(ledger, sender, today=today, from_addr=from_addr, skip=done)
    return result
