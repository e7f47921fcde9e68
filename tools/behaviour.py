"""How a customer pays and answers, read from the ledger: what adapts the cadence.

- `payment_patterns`: each customer's usual days-to-pay (days after the due date the
  money came, the median of its last paid invoices) and how steady it is. A reliable
  payer's lateness within its own pattern is not escalated; an invoice far outside the
  pattern is flagged for a person.
- `ignored_streaks`: how many of the customer's last notices in a row got neither a
  reply (auto-replies do not count) nor a payment before the next one.
- `account_summary`: a short text for the credit manager when notices go unanswered:
  open items, promises and how they went, disputes, last replies, and next steps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from statistics import median

from sqlmodel import Session, col, select

from .models import (
    Dispute,
    InboundMessage,
    Invoice,
    OutgoingNotice,
    Payment,
    PaymentApplication,
    Promise,
    as_utc,
)
from .money import format_money

MIN_SAMPLES = 4
"""Paid invoices needed before a customer's pattern counts."""
HISTORY = 12
"""The most recent paid invoices a pattern is read from."""
MAX_SPREAD = 5.0
"""A pattern is reliable when the median absolute deviation is at most this many days."""
SLACK_DAYS = 3
"""Lateness up to the usual days plus this slack (or twice the spread) is the pattern."""
DEVIATION_DAYS = 10
"""Lateness beyond the usual days plus this (or four times the spread) is a deviation."""


@dataclass(frozen=True)
class Pattern:
    """A customer's payment habit."""

    usual: float
    """Median days after the due date that payment arrived."""
    spread: float
    """Median absolute deviation, in days."""
    samples: int

    @property
    def reliable(self) -> bool:
        return self.samples >= MIN_SAMPLES and self.spread <= MAX_SPREAD

    @property
    def expected_by(self) -> float:
        """Days past due within which this customer usually pays."""
        return self.usual + max(SLACK_DAYS, 2 * self.spread)

    @property
    def deviates_after(self) -> float:
        return self.usual + max(DEVIATION_DAYS, 4 * self.spread)

    def judge(self, days_past_due: int) -> str | None:
        """`within` (not escalated), `deviates` (flagged) or None (the plain cadence)."""
        if not self.reliable or self.usual <= 0 or days_past_due <= 0:
            return None
        if days_past_due <= self.expected_by:
            return "within"
        if days_past_due > self.deviates_after:
            return "deviates"
        return None

    def describe(self) -> str:
        return f"usually pays {self.usual:g} days after the due date ({self.samples} invoices)"


def payment_patterns(session: Session, customer_ids: Iterable[int]) -> dict[int, Pattern]:
    """customer id -> payment pattern, from fully paid invoices (last payment's date)."""
    ids = set(customer_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(
            col(Invoice.customer_id),
            col(Invoice.id),
            col(Invoice.due_date),
            col(Payment.received_on),
        )
        .join(PaymentApplication, col(PaymentApplication.invoice_id) == col(Invoice.id))
        .join(Payment, col(Payment.id) == col(PaymentApplication.payment_id))
        .where(col(Invoice.customer_id).in_(ids), Invoice.balance <= 0)
    ).all()
    last: dict[tuple[int, int], tuple[date, date]] = {}
    for cust, inv, due, received in rows:
        if inv is None:
            continue
        if (cust, inv) not in last or received > last[cust, inv][1]:
            last[cust, inv] = (due, received)
    lateness: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for (cust, _), (due, received) in last.items():
        lateness[cust].append((due, (received - due).days))
    out = {}
    for cust, samples in lateness.items():
        days = [d for _, d in sorted(samples)[-HISTORY:]]
        mid = median(days)
        out[cust] = Pattern(float(mid), float(median(abs(d - mid) for d in days)), len(days))
    return out


def ignored_streaks(session: Session, customer_ids: Iterable[int]) -> dict[int, int]:
    """customer id -> how many of its latest sent notices in a row were ignored."""
    ids = set(customer_ids)
    if not ids:
        return {}
    sent: dict[int, list[date]] = defaultdict(list)
    for cust, at in session.exec(
        select(OutgoingNotice.customer_id, OutgoingNotice.sent_at).where(
            col(OutgoingNotice.customer_id).in_(ids),
            OutgoingNotice.status == "sent",
            col(OutgoingNotice.sent_at).is_not(None),
        )
    ).all():
        if at is not None:
            sent[cust].append(as_utc(at).date())
    touches: dict[int, list[date]] = defaultdict(list)
    for sender, received, parsed in session.exec(
        select(InboundMessage.customer_id, InboundMessage.received_at, InboundMessage.parsed).where(
            col(InboundMessage.customer_id).in_(ids)
        )
    ).all():
        if sender is not None and not (parsed or {}).get("auto_reply"):
            touches[sender].append(as_utc(received).date())
    for payer, on in session.exec(
        select(col(Payment.customer_id), col(Payment.received_on)).where(
            col(Payment.customer_id).in_(ids)
        )
    ).all():
        if payer is not None:
            touches[payer].append(on)
    out = {}
    for cust, days in sent.items():
        days.sort()
        streak = 0
        for i in range(len(days) - 1, -1, -1):
            end = days[i + 1] if i + 1 < len(days) else date.max
            if any(days[i] <= t < end for t in touches.get(cust, [])):
                break
            streak += 1
        out[cust] = streak
    return out


def account_summary(session: Session, customer_id: int, today: date, *, replies: int = 3) -> str:
    """A few lines on the account for the credit manager, with recommended next steps."""
    invoices = session.exec(
        select(Invoice)
        .where(Invoice.customer_id == customer_id, Invoice.balance > 0)
        .order_by(col(Invoice.due_date))
    ).all()
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for i in invoices:
        totals[i.currency] += i.balance
    total = " and ".join(format_money(totals[c], c) for c in sorted(totals)) or "nothing"
    lines = [f"Open items ({len(invoices)}: {total} in total):"]
    lines += [
        f"- {i.number}: {format_money(i.balance, i.currency)}, due {i.due_date}, "
        f"{(today - i.due_date).days} days past due"
        for i in invoices
    ]
    promises = session.exec(
        select(Promise).where(Promise.customer_id == customer_id).order_by(col(Promise.id))
    ).all()
    broken = [p for p in promises if p.status in ("broken", "partial")]
    lines.append(
        "Promises: "
        + (
            "; ".join(f"{p.amount} by {p.promised_on}: {p.status}" for p in promises)
            if promises
            else "none"
        )
    )
    disputes = session.exec(
        select(Dispute, Invoice.number)
        .join(Invoice, col(Invoice.id) == col(Dispute.invoice_id))
        .where(Dispute.customer_id == customer_id)
    ).all()
    open_disputes = [d for d, _ in disputes if d.status == "open"]
    lines.append(
        "Disputes: "
        + ("; ".join(f"{n} ({d.reason}, {d.status})" for d, n in disputes) if disputes else "none")
    )
    msgs = session.exec(
        select(InboundMessage)
        .where(InboundMessage.customer_id == customer_id)
        .order_by(col(InboundMessage.received_at).desc())
        .limit(replies)
    ).all()
    lines.append("Last replies: " + ("none" if not msgs else ""))
    for m in msgs:
        intents = [f.get("intent") for f in (m.triage or {}).get("findings", [])]
        lines.append(
            f"- {as_utc(m.received_at).date()} {m.subject!r} {', '.join(map(str, intents))}"
        )
    steps = []
    if open_disputes:
        steps.append("resolve the open disputes first; they are out of dunning")
    if broken:
        steps.append("call: promises were broken; ask for a dated commitment in writing")
    if not msgs:
        steps.append("call the customer and confirm the billing contact: no reply on file")
    if invoices and (today - invoices[0].due_date).days > 60:
        steps.append("review the credit limit; consider a credit hold per policy")
    steps.append("decide whether the next stage goes out as drafted")
    lines.append("Recommended next steps: " + "; ".join(steps) + ".")
    return "\n".join(lines)
