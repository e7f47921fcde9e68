"""Draft, rewrite and prove one notice: the first half of the pipeline (nothing is written).

`plan_notice` renders the draft from the ledger, runs the rewrite graph (which proves
the wording with the guardrails, retries once, then falls back to the plain draft)
and decides whether the notice waits for a person.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from arbox.tools.dunning import DueNotice

from ..guardrails import GuardrailReport, LedgerView
from ..locales import DEFAULT_LOCALE, NoticeLocale, resolve
from ..rewrite import RewriteState
from ..tones import TONES, render_draft, tone_for
from .statement import merge, prove_statement_text, statement_text
from .views import ledger_views

log = logging.getLogger("arbox.notices")
ESCALATE_AFTER = 2
"""Ignored notices in a row after which the next one escalates (ARBOX_ESCALATE_AFTER_IGNORED)."""


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
    wording: str = ""
    """The wording in its slotted form (what a later trim works on)."""
    slots: dict[str, str] = field(default_factory=dict)
    """Slot -> the ledger's value as printed when drafted."""
    locale: NoticeLocale = field(default_factory=resolve)
    """The language and locale the notice is written in."""
    statement: str = ""
    """The statement of account's lines (proved with the body); the PDF of them is
    rendered, read back, proved and attached at send time."""
    escalated: bool = False
    """The customer ignored its last notices: this one is a tone firmer, and the credit
    manager gets a task with the account summary."""

    @property
    def invoices(self) -> list[str]:
        return [i.number for i in self.due.invoices]


def plan_notice(
    rewrite: Callable[[RewriteState], RewriteState],
    due: DueNotice,
    *,
    today: date,
    flagged: str | None = None,
    rewriter_name: str = "offline",
    default_locale: str = DEFAULT_LOCALE,
    escalate_after: int = ESCALATE_AFTER,
) -> PlannedNotice:
    """Draft, rewrite and prove one notice; decide whether it waits for a person.

    The notice is written in the recipient's language and locale (`locales.resolve`),
    ``default_locale`` (``ARBOX_DEFAULT_LOCALE``) when neither contact nor customer has one.
    """
    draft = render_draft(due, today=today, locale=resolve(due.language, due.locale, default_locale))
    tone = tone_for(due.segment)
    escalated = 0 < escalate_after <= due.ignored
    if escalated:
        tone = firmer(tone)
    view = LedgerView.of(tuple(ledger_views(due)))  # the body and the statement share it
    state = rewrite(
        RewriteState(
            draft=draft,
            tone=tone,
            views=view,
            currency=due.currency,
            recipient=due.contact_email,
            contact_on_file=due.contact_email,
        )
    )
    lines = statement_text(due, today=today, locale=draft.locale)
    report = merge(
        state.report or GuardrailReport(),
        prove_statement_text(lines, due, locale=draft.locale, view=view),
    )
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
        wording=state.candidate if state.outcome == "rewritten" else draft.variants["neutral"],
        slots=dict(draft.slots),
        locale=draft.locale,
        statement=lines,
        escalated=escalated,
    )


def firmer(tone: str) -> str:
    """One step up: warm -> neutral -> firm (firm stays firm; stronger language is the
    stage's to allow, not the tone's)."""
    return TONES[min(TONES.index(tone) + 1, len(TONES) - 1)] if tone in TONES else "firm"
