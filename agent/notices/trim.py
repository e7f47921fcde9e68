"""Trim: bring an unsent notice in line with the ledger as it is now, and prove it at once.

After a payment, a dispute, a credit or an invoice change (an ERP push, or the ledger
read again at send time), `refresh` rebuilds the notice from the ledger:

- nothing left to dun: the notice is to be cancelled;
- otherwise the wording is kept where it still holds (`wording.trim_text`): the
  rewritten wording is trimmed on its slotted form (each value known by its slot), a
  person's edit on its text; the statement and payment sections are rendered again
  from the ledger. When the wording cannot be kept safely it is re-rendered from the
  templates (a person's edit so lost is held for review);
- the result is proved by the guardrails against the ledger at once.

`trim_notice` applies that for an ERP push: a failing trim is held for review with
its report. `send.send_notice` applies it at send time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from arbox.tools import notices as store
from arbox.tools.audit import jsonable, record
from arbox.tools.dunning import Cadence, DueNotice
from arbox.tools.models import Invoice, OutgoingNotice

from ..guardrails import GuardrailReport, check_notice
from ..locales import NoticeLocale, resolve
from ..tones import SLOT_RE, Draft, is_early, render_draft, tone_for
from .views import ledger_views
from .wording import CannotTrim, trim_text

ACTOR = "arbox.notices"


@dataclass
class Refreshed:
    """A notice rebuilt from the ledger as it is now (nothing written yet)."""

    fresh: store.Fresh
    subject: str = ""
    body: str = ""
    wording: str | None = None
    """The slotted wording to store (None for a person's edit)."""
    slots: dict[str, str] = field(default_factory=dict)
    report: GuardrailReport | None = None
    """None when nothing is left to dun."""
    kept_wording: bool = True
    why_rerendered: str = ""
    lost_edit: bool = False
    """A person's edit could not be kept: a person must look again."""
    recipient: str | None = None

    @property
    def cancelled(self) -> bool:
        return self.fresh.due is None


def _slot_tokens(slots: dict[str, str], numbers: set[str]) -> tuple[set[str], set[str]]:
    """(every slot token of the invoices in ``numbers``, the INV slot tokens of the others)."""
    gone: set[str] = set()
    kept: set[str] = set()
    for name, value in slots.items():
        if name.startswith("INV_"):
            k = name.removeprefix("INV_")
            if value in numbers:
                gone |= {f"⟦{p}_{k}⟧" for p in ("INV", "AMOUNT", "BALANCE", "DUE")}
            else:
                kept.add(f"⟦INV_{k}⟧")
    return gone, kept


def _trim_slotted(wording: str, old: dict[str, str], dropped: set[str], draft: Draft) -> str:
    """Trim rewritten wording on its slots; the slots keep their old names."""
    gone, kept = _slot_tokens(old, dropped)
    trimmed = trim_text(wording, dropped=gone, kept=kept, moved={}, unchanged=(), money=_never)
    left = set(SLOT_RE.findall(trimmed.text)) - set(_renumber(old, draft))
    if left:
        raise CannotTrim(f"slots {sorted(left)} have no value any more")
    return trimmed.text


def _fill(text: str, values: dict[str, str]) -> str:
    return SLOT_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _never(value: Decimal, with_currency: bool) -> str:  # pragma: no cover - slotted text
    raise CannotTrim("slotted wording holds no amounts")


def _trim_edited(
    session: Session, notice: OutgoingNotice, fresh: store.Fresh, draft: Draft
) -> tuple[str, str]:
    """Trim a person's edited subject and body as text (amounts found and replaced)."""
    due = fresh.due
    assert due is not None
    old_balances = {
        n: Decimal(v) for n, v in ((notice.guardrail or {}).get("balances") or {}).items()
    }
    moved: dict[Decimal, Decimal] = {}
    if notice.total != due.total:
        moved[notice.total] = due.total
    for inv in due.invoices:
        before = old_balances.get(inv.number, inv.balance)
        if before != inv.balance:
            if moved.get(before, inv.balance) != inv.balance:
                raise CannotTrim(f"{before} moved to two different values")
            moved[before] = inv.balance
    unchanged = {i.amount for i in due.invoices} | {
        i.balance for i in due.invoices if old_balances.get(i.number, i.balance) == i.balance
    }
    if len(due.invoices) > 1:
        unchanged.add(due.total)
    gone = session.exec(select(Invoice).where(col(Invoice.number).in_(list(fresh.dropped)))).all()
    labels = {f"PO {i.po}" for i in gone if i.po} | {
        f"Project {i.project}" for i in gone if i.project
    }
    kept_labels = {lbl for lbl, _ in due.groups()}
    kw: dict[str, Any] = {
        "dropped": set(fresh.dropped),
        "kept": [i.number for i in due.invoices],
        "moved": moved,
        "unchanged": unchanged,
        "labels": labels - kept_labels,
        "money": draft.money,
    }
    return trim_text(notice.subject, **kw).text, trim_text(notice.body, **kw).text


def notice_locale(notice: OutgoingNotice, due: DueNotice | None = None) -> NoticeLocale:
    """The language and locale a notice was drafted in (else its recipient's now)."""
    extra = notice.guardrail or {}
    if extra.get("language"):
        return resolve(extra.get("language"), extra.get("locale"))
    return resolve(due.language, due.locale) if due else resolve()


def refresh(
    session: Session,
    notice: OutgoingNotice,
    today: date,
    *,
    cadences: dict[str, Cadence] | None = None,
) -> Refreshed:
    """Rebuild ``notice`` from the ledger and prove it (see the module doc); writes nothing."""
    fresh = store.reread(session, notice, today, cadences=cadences)
    out = Refreshed(fresh)
    if fresh.due is None:
        return out
    due: DueNotice = fresh.due
    extra = notice.guardrail or {}
    edited = "edited_by" in extra
    loc = notice_locale(notice, due)
    out.subject, out.body = notice.subject, notice.body
    out.wording, out.slots = extra.get("wording"), dict(extra.get("slots") or {})
    if fresh.changed:
        draft = render_draft(due, today=today, locale=loc)
        try:
            if edited:
                out.subject, out.body = _trim_edited(session, notice, fresh, draft)
                out.wording, out.slots = None, {}
            elif out.wording and out.slots:
                out.wording = _trim_slotted(out.wording, out.slots, set(fresh.dropped), draft)
                out.slots = _renumber(out.slots, draft)
                out.subject, out.body = draft.subject, draft.compose(_fill(out.wording, out.slots))
            else:
                raise CannotTrim("no wording on record to trim")
        except CannotTrim as exc:
            out.wording = draft.variants[tone_for(due.segment)]
            out.subject, out.body = draft.subject, draft.compose(draft.fill(out.wording))
            out.slots = dict(draft.slots)
            out.kept_wording, out.why_rerendered, out.lost_edit = False, str(exc), edited
    out.recipient = due.contact_email
    out.report = check_notice(
        f"{out.subject}\n\n{out.body}",
        ledger_views(due, fresh.dropped),
        currency=due.currency,
        allows=due.stage.allows,
        recipient=due.contact_email or notice.to_email,
        contact_on_file=due.contact_email,
        locale=loc,
        early=is_early(due),
    )
    return out


def _renumber(old: dict[str, str], draft: Draft) -> dict[str, str]:
    """The slot values the kept wording now stands for (old slot names, new values)."""
    by_number = {v: k.removeprefix("INV_") for k, v in draft.slots.items() if k.startswith("INV_")}
    values = {k: v for k, v in draft.slots.items() if not k[-1].isdigit()}
    for name, number in old.items():
        if name.startswith("INV_") and number in by_number:
            k, new = name.removeprefix("INV_"), by_number[number]
            for p in ("INV", "AMOUNT", "BALANCE", "DUE"):
                values[f"{p}_{k}"] = draft.slots[f"{p}_{new}"]
    return values


def apply(
    session: Session,
    notice: OutgoingNotice,
    done: Refreshed,
    *,
    actor: str = ACTOR,
    allowed_from: tuple[str, ...] = store.OPEN,
) -> str:
    """Write a refreshed notice: cancel it, or store the trimmed text (held when it fails
    the guardrails or lost a person's edit). Returns the notice's status."""
    assert notice.id is not None
    fresh = done.fresh
    if fresh.due is None:
        store.set_status(
            session,
            notice.id,
            "cancelled",
            allowed_from=allowed_from,
            actor=actor,
            note=f"nothing left to dun: {fresh.dropped}",
        )
        return "cancelled"
    assert done.report is not None
    due = fresh.due
    before = {"invoices": notice.invoices, "total": notice.total, "status": notice.status}
    event = {
        "dropped": fresh.dropped,
        "kept_wording": done.kept_wording,
        "why_rerendered": done.why_rerendered or None,
    }
    notice.guardrail = jsonable(
        dict(notice.guardrail or {})
        | {
            "report": done.report.as_dict(),
            "wording": done.wording,
            "slots": done.slots,
            "balances": {i.number: i.balance for i in due.invoices},
            "stages": {i.number: i.stage for i in due.invoices},
            "trims": [*(notice.guardrail or {}).get("trims", []), event],
        }
    )
    if done.lost_edit:
        notice.guardrail.pop("edited_by", None)
    notice.subject, notice.body = done.subject, done.body
    notice.invoices = [i.number for i in due.invoices]
    notice.total = due.total
    if done.recipient:
        notice.to_email = done.recipient
    reason = None
    if not done.report.ok:
        trimmed = "trimmed after a ledger change; " if fresh.changed else ""
        reason = f"{trimmed}guardrails failed: {', '.join(done.report.codes)}"
    elif done.lost_edit:
        reason = f"the edited text could not be kept ({done.why_rerendered}); re-rendered"
    if reason and notice.status != "held":
        notice.status = "held"
    if reason:
        notice.held_reason = reason
    session.add(notice)
    session.flush()
    record(
        session,
        actor=actor,
        action="notice.trimmed",
        target=f"notice:{notice.id}",
        key=None,
        before=before,
        after={
            "invoices": notice.invoices,
            "total": notice.total,
            "status": notice.status,
            **event,
            "report": done.report.as_dict(),
        },
        note=reason or "",
    )
    return notice.status


@dataclass
class TrimOutcome:
    """What a trim did to one notice."""

    notice_id: int
    status: str
    """`cancelled`, or the notice's status after the trim (`held` when it failed)."""
    dropped: dict[str, str]
    kept_wording: bool = True
    report: GuardrailReport | None = None


def trim_notice(
    session: Session,
    notice: OutgoingNotice,
    today: date,
    *,
    cadences: dict[str, Cadence] | None = None,
    actor: str = ACTOR,
) -> TrimOutcome | None:
    """Trim one unsent notice the ledger has overtaken; None when nothing changed."""
    assert notice.id is not None
    done = refresh(session, notice, today, cadences=cadences)
    if not done.fresh.changed:
        return None
    status = apply(session, notice, done, actor=actor)
    return TrimOutcome(notice.id, status, done.fresh.dropped, done.kept_wording, done.report)


def trim_customer_notices(
    session: Session,
    customer_id: int,
    today: date,
    *,
    cadences: dict[str, Cadence] | None = None,
    actor: str = ACTOR,
) -> list[TrimOutcome]:
    """Trim (or cancel) every unsent notice of the customer after a ledger change."""
    notices = session.exec(
        select(OutgoingNotice)
        .where(
            OutgoingNotice.customer_id == customer_id,
            col(OutgoingNotice.status).in_(store.OPEN),
        )
        .order_by(col(OutgoingNotice.id))
    ).all()
    out = []
    for notice in notices:
        if (
            done := trim_notice(session, notice, today, cadences=cadences, actor=actor)
        ) is not None:
            out.append(done)
    return out
