"""The report: `build_report(session, as_of=...)` reads the ledger once and feeds the
formulas (`formulas`, `replies`); `DEFINITIONS` says what every figure means.

Past balances are rolled back from today's truth: the AR at a past date is the
balance now of every invoice issued by then, plus what was applied to those
invoices by payments received after that date. Money stays `Decimal`; ratios are
`Decimal` too, rounded only for display.

Periods are the ``months`` months ending on ``as_of`` (``as_of`` minus one month,
exclusive, to ``as_of``, inclusive; and so on backwards), so a report run in the
middle of a month still covers whole months of days.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlmodel import Session, col, select

from ..models import (
    Approval,
    AuditLog,
    Customer,
    Dispute,
    InboundMessage,
    Invoice,
    OutgoingNotice,
    Payment,
    PaymentApplication,
    Promise,
    as_utc,
)
from .formulas import (
    ZERO,
    Settled,
    aging,
    cei,
    dso_countback,
    dso_simple,
    promise_rates,
    ratio,
    spread,
)
from .replies import REPLY_WINDOW_DAYS, Reply, Sent, first_replies, reply_rates

DEFINITIONS: dict[str, str] = {
    "dso_countback": (
        "Days sales outstanding, countback method: start from the closing AR and walk back "
        "month by month; while the AR left covers a month's credit sales, subtract them and "
        "add that month's days; for the first month it does not cover, add "
        "(AR left / that month's credit sales) x its days, and stop."
    ),
    "dso_simple": (
        "Days sales outstanding, simple method: closing AR / credit sales of the period "
        "x days in the period."
    ),
    "cei": (
        "Collection effectiveness index over one period: (opening AR + credit sales - closing "
        "total AR) / (opening AR + credit sales - closing current AR) x 100, where current AR "
        "is the part not yet past due. 100% means everything collectable was collected."
    ),
    "add": (
        "Average days delinquent: DSO (simple) - best possible DSO, where best possible DSO = "
        "closing current AR / credit sales of the period x days in the period."
    ),
    "aging": (
        "Open balances at the date by days past due (date - due date): current (not yet due), "
        "1-30, 31-60, 61-90, over 90."
    ),
    "promise_kept": (
        "Among promises settled (kept, partial, broken; open and cancelled left out): by count, "
        "kept / settled; by amount, the sum of min(paid, promised) / the sum promised."
    ),
    "dispute_cycle": (
        "Days from a dispute being opened to being resolved or rejected, mean and median over "
        "the disputes closed; open disputes are shown with their average age."
    ),
    "replies": (
        "A reply (auto-replies left out) answers the notice whose Message-ID it names "
        "(In-Reply-To or References), else the customer's last notice sent before it within "
        f"{REPLY_WINDOW_DAYS} days. Reply rate = notices answered / notices sent; time to reply "
        "= median hours from sending to the first reply. Per stage, tone (of the notice) and "
        "segment (of the customer)."
    ),
    "automation": ("Automation rate: replies triaged with no person asked / all replies triaged."),
    "override": (
        "Analyst override rate per intent: approvals answered edit or reject / approvals "
        "answered, counted under every intent the approval's findings carry."
    ),
    "send_time": (
        "Notices trimmed at send time (an invoice dropped from an unsent notice because it was "
        "paid, disputed, promised or paused since drafting) or cancelled (nothing left to dun), "
        "over the notices that reached sending (sent or cancelled)."
    ),
}


def month_periods(as_of: date, months: int) -> list[tuple[date, date]]:
    """(start exclusive, end inclusive) for each month ending on ``as_of``, newest first."""
    out = []
    for k in range(months):
        end = as_of - relativedelta(months=k)
        out.append((as_of - relativedelta(months=k + 1), end))
    return out


class LedgerView:
    """The invoices and cash applications, read once as plain tuples, to roll balances back
    to any date: AR at a date is a scan of both lists, credit sales a bisection."""

    def __init__(self, session: Session) -> None:
        rows = session.exec(
            select(
                col(Invoice.id),
                col(Invoice.issue_date),
                col(Invoice.due_date),
                col(Invoice.balance),
            )
        ).all()
        self.invoices: dict[int, tuple[date, date, Decimal]] = {
            i or 0: (issue, due, balance) for i, issue, due, balance in rows
        }
        """Invoice id -> (issued, due, balance now)."""
        applied = session.exec(
            select(
                col(PaymentApplication.invoice_id),
                col(PaymentApplication.amount),
                col(Payment.received_on),
            ).join(Payment, col(Payment.id) == col(PaymentApplication.payment_id))
        ).all()
        self.applied = [(i, received, amount) for i, amount, received in applied]
        """(invoice id, received on, amount) of every cash application."""
        by_issue = session.exec(
            select(col(Invoice.issue_date), col(Invoice.amount)).order_by(col(Invoice.issue_date))
        ).all()
        self._issued = [d for d, _ in by_issue]
        self._cumulative = list(accumulate((a for _, a in by_issue), initial=ZERO))

    def _later(self, on: date) -> dict[int, Decimal]:
        """Per invoice, what payments received after ``on`` took off its balance."""
        out: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for i, received, amount in self.applied:
            if received > on:
                out[i] += amount
        return out

    def ar(self, on: date) -> tuple[Decimal, Decimal]:
        """(total AR, current AR: not yet past due) at the end of ``on``."""
        total = current = ZERO
        for issue, due, balance in self.invoices.values():
            if issue <= on:
                total += balance
                if due >= on:
                    current += balance
        for i, received, amount in self.applied:
            if received > on and i in self.invoices:
                issue, due, _ = self.invoices[i]
                if issue <= on:
                    total += amount
                    if due >= on:
                        current += amount
        return total, current

    def sales(self, start: date, end: date) -> Decimal:
        """Credit sales: invoices issued after ``start`` up to and including ``end``."""
        lo, hi = bisect_right(self._issued, start), bisect_right(self._issued, end)
        return self._cumulative[hi] - self._cumulative[lo] if hi > lo else ZERO

    def open_items(self, on: date) -> list[tuple[date, Decimal]]:
        """(due date, balance) of every invoice open at the end of ``on``."""
        later = self._later(on)
        return [
            (due, b)
            for i, (issue, due, balance) in self.invoices.items()
            if issue <= on and (b := balance + later.get(i, ZERO)) > 0
        ]


def _stamp(value: datetime | None) -> datetime | None:
    return as_utc(value) if value else None


@dataclass
class Report:
    """Every figure of `arbox report` and the dashboard, with the period it covers."""

    as_of: date
    months: int
    figures: dict[str, Any] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=lambda: dict(DEFINITIONS))


def receivables(view: LedgerView, as_of: date, months: int) -> dict[str, Any]:
    """DSO (both methods), CEI, ADD and aging over the ``months`` ending ``as_of``."""
    periods = month_periods(as_of, months)
    closing, current = view.ar(as_of)
    start = periods[-1][0]
    opening, _ = view.ar(start)
    sales = view.sales(start, as_of)
    days = (as_of - start).days
    per_month: list[dict[str, Any]] = [
        {"start": s + timedelta(days=1), "end": e, "days": (e - s).days, "sales": view.sales(s, e)}
        for s, e in periods
    ]
    dso = dso_simple(closing, sales, days)
    best = dso_simple(current, sales, days)
    return {
        "period": {"start": start + timedelta(days=1), "end": as_of, "days": days},
        "opening_ar": opening,
        "credit_sales": sales,
        "closing_ar": closing,
        "closing_current_ar": current,
        "months": per_month,
        "dso_countback": dso_countback(closing, [(m["days"], m["sales"]) for m in per_month]),
        # The closing AR exceeds all the months' sales: the countback ran out of months and
        # the true DSO is larger than the figure (report more months).
        "dso_countback_capped": closing > sales,
        "dso_simple": dso,
        "best_possible_dso": best,
        "add": None if dso is None or best is None else dso - best,
        "cei": cei(opening, sales, closing, current),
        "aging": aging(view.open_items(as_of), as_of),
        "trend": trend(view, as_of, months),
    }


def trend(view: LedgerView, as_of: date, months: int, points: int = 6) -> list[dict[str, Any]]:
    """DSO by countback at ``as_of`` and each of the ``points - 1`` month-ends before it
    (each over its own ``months`` months), oldest first."""
    out = []
    for k in reversed(range(points)):
        end = as_of if k == 0 else as_of - relativedelta(months=k, day=31)
        closing, _ = view.ar(end)
        spans = month_periods(end, months)
        periods = [(e - s).days for s, e in spans]
        sales = [view.sales(s, e) for s, e in spans]
        out.append(
            {
                "end": end,
                "dso_countback": dso_countback(closing, list(zip(periods, sales, strict=True))),
                "capped": closing > sum(sales, ZERO),
            }
        )
    return out


def promise_figures(session: Session) -> dict[str, Any]:
    rows = session.exec(select(Promise)).all()
    return promise_rates(Settled(p.status, p.amount, p.paid_amount or ZERO) for p in rows)


def dispute_figures(session: Session, as_of: date) -> dict[str, Any]:
    closed, ages = [], []
    for d in session.exec(select(Dispute)).all():
        opened = as_utc(d.opened_at)
        if d.status != "open" and d.closed_at is not None:
            closed.append((as_utc(d.closed_at) - opened).total_seconds() / 86400)
        elif d.status == "open":
            ages.append((as_of - opened.date()).days)
    return {"closed": spread(closed), "open": len(ages), "open_mean_age": spread(ages)["mean"]}


def reply_figures(session: Session) -> dict[str, Any]:
    """Reply rate and median hours to reply, per stage, tone and segment (see DEFINITIONS)."""
    segments = dict(session.exec(select(Customer.id, Customer.segment)).all())
    sent = [
        Sent(
            n.id or 0,
            n.customer_id,
            as_utc(n.sent_at),
            n.message_id,
            (
                ("stage", n.stage),
                ("tone", str((n.guardrail or {}).get("tone") or "unknown")),
                ("segment", segments.get(n.customer_id, "unknown")),
            ),
        )
        for n in session.exec(select(OutgoingNotice)).all()
        if n.sent_at is not None
    ]
    replies = []
    for m in session.exec(
        select(InboundMessage).where(col(InboundMessage.customer_id).is_not(None))
    ).all():
        parsed = m.parsed or {}
        if parsed.get("auto_reply"):
            continue
        refs = [parsed.get("in_reply_to"), *(parsed.get("references") or [])]
        when = _stamp(m.sent_at) or as_utc(m.received_at)
        replies.append(Reply(m.customer_id or 0, when, tuple(r for r in refs if r)))
    return reply_rates(sent, first_replies(sent, replies))


def arbox_figures(session: Session) -> dict[str, Any]:
    """Automation rate, analyst override rate per intent, send-time trims and cancellations."""
    # A JSON column's None reads back as JSON null, so filter here, not in SQL.
    triaged = [
        mid
        for mid, triage in session.exec(select(InboundMessage.message_id, InboundMessage.triage))
        if triage
    ]
    approvals = session.exec(select(Approval)).all()
    asked = {a.message_id for a in approvals}
    per_intent: dict[str, dict[str, Any]] = {}
    for a in approvals:
        if a.status == "pending":
            continue
        intents = {f.get("intent") for f in (a.proposal or {}).get("findings") or []} or {"none"}
        for intent in sorted(str(i) for i in intents):
            row = per_intent.setdefault(intent, {"decided": 0, "overridden": 0})
            row["decided"] += 1
            row["overridden"] += a.status in ("edited", "rejected")
    for row in per_intent.values():
        row["rate"] = ratio(row["overridden"], row["decided"])
    trimmed = set(
        session.exec(
            select(AuditLog.target).where(
                col(AuditLog.action).in_(("notice.rerendered", "notice.trimmed"))
            )
        ).all()
    )
    statuses = session.exec(select(OutgoingNotice.status)).all()
    reached = sum(s in ("sent", "cancelled") for s in statuses)
    cancelled = sum(s == "cancelled" for s in statuses)
    automated = sum(m not in asked for m in triaged)
    return {
        "triaged": len(triaged),
        "automated": automated,
        "automation_rate": ratio(automated, len(triaged)),
        "override": dict(sorted(per_intent.items())),
        "notices_reached_send": reached,
        "trimmed": len(trimmed),
        "cancelled": cancelled,
        "trimmed_rate": ratio(len(trimmed), reached),
        "cancelled_rate": ratio(cancelled, reached),
    }


def build_report(session: Session, *, as_of: date, months: int = 3) -> Report:
    """Every figure as of ``as_of`` (receivables over the ``months`` months ending then)."""
    if months < 1:
        raise ValueError("months must be at least 1")
    report = Report(as_of, months)
    report.figures = {
        "receivables": receivables(LedgerView(session), as_of, months),
        "promises": promise_figures(session),
        "disputes": dispute_figures(session, as_of),
        "replies": reply_figures(session),
        "arbox": arbox_figures(session),
    }
    return report
