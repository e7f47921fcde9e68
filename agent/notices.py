"""The notice pipeline: select -> draft -> rewrite -> guardrails -> hold or queue -> send.

`run_dunning` plans one notice per customer due today and (unless a dry run) records
it as ``draft`` or ``held``; with a sender it then sends the drafts. `send_notice` is
the send-time check: in the transaction that marks the notice sent it reads the
ledger again, drops invoices paid, disputed, promised or paused since drafting
(re-rendering and re-checking the text), or cancels the notice when none is left.
The sender is injected (``send(EmailMessage) -> Message-ID``): agent never imports mailbox.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Protocol

from arbox.tools import notices as store
from arbox.tools.audit import jsonable, record
from arbox.tools.db import Ledger
from arbox.tools.dunning import Cadence, DueNotice, select_due
from arbox.tools.errors import LedgerError
from arbox.tools.locking import lock_for_send, retry_on_conflict
from arbox.tools.models import OutgoingNotice

from .guardrails import GuardrailReport, InvoiceView, check_notice
from .rewrite import OfflineRewriter, Rewriter, RewriteState, make_runner
from .tones import Draft, render_draft, tone_for

log = logging.getLogger("arbox.notices")
DEFAULT_FROM = "ar@example.com"


class Sender(Protocol):
    """Sends one message and returns its Message-ID (arbox.mailbox.smtp.Mailer, OutboxWriter)."""

    def send(self, msg: EmailMessage) -> str: ...


@dataclass
class PlannedNotice:
    """One customer's notice of a run, as planned (and, unless a dry run, recorded)."""

    due: DueNotice
    subject: str
    body: str
    status: str
    """`draft` (would be sent) or `held` (waits for review); after sending: `sent`,
    `cancelled` or `held`."""
    held_reason: str | None
    report: GuardrailReport
    outcome: str
    """`rewritten` or `fallback` (the plain draft replaced a failing rewrite)."""
    tone: str
    events: list[str] = field(default_factory=list)
    notice_id: int | None = None
    message_id: str | None = None

    @property
    def invoices(self) -> list[str]:
        return [i.number for i in self.due.invoices]


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


def ledger_views(due: DueNotice) -> list[InvoiceView]:
    """The guardrails' view: the notice's invoices open, the customer's others by reason."""
    views = [
        InvoiceView(i.number, i.amount, i.balance, "open", i.po, i.project) for i in due.invoices
    ]
    views += [
        InvoiceView(number, Decimal(0), Decimal(0), reason)
        for number, reason in due.excluded.items()
    ]
    return views


def plan_notice(
    rewrite: Callable[[RewriteState], RewriteState],
    due: DueNotice,
    *,
    today: date,
    flagged: str | None = None,
    rewriter_name: str = "offline",
) -> PlannedNotice:
    """Draft, rewrite and prove one notice; decide whether it waits for a person."""
    draft = render_draft(due, today=today)
    tone = tone_for(due.segment)
    state = rewrite(
        RewriteState(
            draft=draft,
            tone=tone,
            views=ledger_views(due),
            currency=due.currency,
            recipient=due.contact_email,
            contact_on_file=due.contact_email,
        )
    )
    report = state.report or GuardrailReport()
    reason = due.hold_reason or flagged
    if reason is None and not report.ok:
        reason = f"guardrails failed: {', '.join(report.codes)}"
    if state.outcome == "fallback":
        log.warning(
            "notice for %s: %s rewrite failed guardrails, plain draft used: %s",
            due.external_id,
            rewriter_name,
            state.events,
        )
    return PlannedNotice(
        due,
        draft.subject,
        draft.compose(state.message),
        "held" if reason else "draft",
        reason,
        report,
        state.outcome,
        tone,
        state.events,
    )


def _record(
    session: Any,
    plan: PlannedNotice,
    today: date,
    rewriter_name: str,
    draft_hash: str | None = None,
) -> OutgoingNotice:
    due = plan.due
    row = store.create_notice(
        session,
        OutgoingNotice(
            customer_id=due.customer_id,
            to_email=due.contact_email or "",
            stage=due.stage.name,
            status=plan.status,
            subject=plan.subject,
            body=plan.body,
            invoices=plan.invoices,
            total=due.total,
            currency=due.currency,
            held_reason=plan.held_reason,
            run_date=today,
            guardrail=jsonable(
                {
                    "report": plan.report.as_dict(),
                    "outcome": plan.outcome,
                    "tone": plan.tone,
                    "rewriter": rewriter_name,
                    "events": plan.events,
                    "stages": {i.number: i.stage for i in due.invoices},
                    "balances": {i.number: i.balance for i in due.invoices},
                }
            ),
        ),
    )
    if plan.outcome == "fallback":
        record(
            session,
            actor=store.ACTOR,
            action="notice.rewrite_fallback",
            target=f"notice:{row.id}",
            key=None,
            after={"events": plan.events},
            note=f"{rewriter_name} rewrite failed the guardrails twice; plain draft used",
        )
    return row


def run_dunning(
    ledger: Ledger,
    *,
    today: date,
    rewriter: Rewriter | None = None,
    sender: Sender | None = None,
    dry_run: bool = True,
    cadences: dict[str, Cadence] | None = None,
    from_addr: str = DEFAULT_FROM,
) -> DunningRunResult:
    """One dunning pass for ``today``: what would be sent and what is held for review."""
    rewriter = rewriter or OfflineRewriter()
    rewrite = make_runner(rewriter)
    with ledger.session() as session:
        due = select_due(session, today, cadences)
        flags = store.flagged_customers(session)
    result = DunningRunResult(today, dry_run)
    for d in due:
        result.notices.append(
            plan_notice(
                rewrite,
                d,
                today=today,
                flagged=flags.get(d.customer_id),
                rewriter_name=rewriter.name,
            )
        )
    if dry_run:
        return result
    with ledger.transaction() as session:
        for plan in result.notices:
            plan.notice_id = _record(session, plan, today, rewriter.name).id
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


@dataclass
class SendOutcome:
    notice_id: int
    status: str
    """`sent`, `cancelled`, `held` (failed the send-time proof) or `skipped` (not sendable)."""
    message_id: str | None = None
    dropped: dict[str, str] = field(default_factory=dict)
    reason: str | None = None


def build_message(notice: OutgoingNotice, from_addr: str, in_reply_to: str | None) -> EmailMessage:
    """The e-mail for ``notice``, threaded on the customer's previous notice."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = from_addr, notice.to_email, notice.subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid(idstring=f"notice{notice.id}", domain=from_addr.split("@")[-1])
    if in_reply_to:
        msg["In-Reply-To"], msg["References"] = in_reply_to, in_reply_to
    msg.set_content(notice.body)
    return msg


def send_notice(
    ledger: Ledger,
    notice_id: int,
    sender: Sender,
    *,
    today: date,
    from_addr: str = DEFAULT_FROM,
    cadences: dict[str, Cadence] | None = None,
) -> SendOutcome:
    """The send-time check and the send, in one transaction (see the module doc)."""
    with ledger.transaction() as session:
        lock_for_send(session, notice_id)  # invoices, then the notice: the one lock order
        notice = store.claim(session, notice_id)
        if notice is None:
            return SendOutcome(notice_id, "skipped", reason="not draft or approved")
        fresh = store.reread(session, notice, today, cadences=cadences)
        if fresh.due is None:
            store.set_status(
                session,
                notice_id,
                "cancelled",
                allowed_from=store.SENDABLE,
                actor=store.ACTOR,
                note=f"nothing left to dun: {fresh.dropped}",
            )
            return SendOutcome(notice_id, "cancelled", dropped=fresh.dropped)
        subject, body = notice.subject, notice.body
        views = ledger_views(fresh.due)
        views += [InvoiceView(n, Decimal(0), Decimal(0), r) for n, r in fresh.dropped.items()]
        if fresh.changed:
            draft: Draft = render_draft(fresh.due, today=today)
            subject = draft.subject
            body = draft.compose(draft.fill(draft.variants[tone_for(fresh.due.segment)]))
        contact = fresh.due.contact_email
        report = check_notice(
            f"{subject}\n\n{body}",
            views,
            currency=fresh.due.currency,
            allows=fresh.due.stage.allows,
            recipient=contact or notice.to_email,
            contact_on_file=contact,
        )
        changes = {
            "subject": subject,
            "body": body,
            "total": fresh.due.total,
            "invoices": [i.number for i in fresh.due.invoices],
        }
        if not report.ok:
            reason = f"send-time check failed: {', '.join(report.codes)}"
            store.set_status(
                session,
                notice_id,
                "held",
                allowed_from=store.SENDABLE,
                actor=store.ACTOR,
                held_reason=reason,
                **changes,
            )
            return SendOutcome(notice_id, "held", dropped=fresh.dropped, reason=reason)
        if fresh.changed or contact != notice.to_email:
            for key, value in (changes | {"to_email": contact}).items():
                setattr(notice, key, value)
            record(
                session,
                actor=store.ACTOR,
                action="notice.rerendered",
                target=f"notice:{notice_id}",
                key=None,
                after={"dropped": fresh.dropped, "invoices": notice.invoices, "to": contact},
            )
        msg = build_message(notice, from_addr, store.last_message_id(session, notice.customer_id))
        store.mark_sent(session, notice, msg["Message-ID"])
        # Sent last, inside the transaction: if sending fails, the notice is not marked sent.
        returned = sender.send(msg)
        if returned and returned != msg["Message-ID"]:
            notice.message_id = returned
            session.add(notice)
        return SendOutcome(notice_id, "sent", notice.message_id, dropped=fresh.dropped)


def send_safely(ledger: Ledger, notice_id: int, sender: Sender, **kw: Any) -> SendOutcome:
    """`send_notice`, run again after a lock conflict; a failed send leaves the notice
    unsent (its transaction rolled back) for the next run, and the run goes on."""
    try:
        return retry_on_conflict(lambda: send_notice(ledger, notice_id, sender, **kw))
    except Exception as exc:
        log.warning("notice %s not sent (kept for the next run): %s", notice_id, exc)
        return SendOutcome(notice_id, "failed", reason=f"send failed: {exc}"[:500])


def send_pending(
    ledger: Ledger,
    sender: Sender,
    *,
    today: date,
    from_addr: str = DEFAULT_FROM,
    skip: set[int | None] | None = None,
) -> list[SendOutcome]:
    """Send every draft and approved notice (each through the send-time check)."""
    with ledger.session() as session:
        ids = [n.id for status in store.SENDABLE for n in store.list_notices(session, status)]
    return [
        send_safely(ledger, i, sender, today=today, from_addr=from_addr)
        for i in ids
        if i is not None and i not in (skip or set())
    ]


class NoticeEditRejected(LedgerError):
    """An edited notice that fails the guardrails; nothing was saved."""

    def __init__(self, report: GuardrailReport) -> None:
        super().__init__("the edit fails the guardrails:\n" + report.describe())
        self.report = report


def edit_notice(
    ledger: Ledger,
    notice_id: int,
    *,
    body: str,
    subject: str | None = None,
    today: date,
    actor: str,
) -> OutgoingNotice:
    """Replace a notice's text after proving it against the ledger as it is now.

    The edited notice is ``held`` until someone approves it; a failing edit raises
    `NoticeEditRejected` and changes nothing.
    """
    with ledger.transaction() as session:
        notice = store.get_notice(session, notice_id)
        subject = notice.subject if subject is None else subject
        fresh = store.reread(session, notice, today)
        views = ledger_views(fresh.due) if fresh.due else []
        views += [InvoiceView(n, Decimal(0), Decimal(0), r) for n, r in fresh.dropped.items()]
        due = fresh.due
        report = check_notice(
            f"{subject}\n\n{body}",
            views,
            currency=due.currency if due else notice.currency,
            allows=due.stage.allows if due else (),
            recipient=notice.to_email,
            contact_on_file=due.contact_email if due else None,
        )
        if not report.ok:
            raise NoticeEditRejected(report)
        extra = dict(notice.guardrail or {}) | {"report": report.as_dict(), "edited_by": actor}
        return store.set_status(
            session,
            notice_id,
            "held",
            allowed_from=store.OPEN,
            actor=actor,
            subject=subject,
            body=body,
            guardrail=extra,
            held_reason=f"edited by {actor}; awaits approval",
        )
