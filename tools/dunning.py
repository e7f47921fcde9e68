"""The dunning schedule: which invoices are due a notice on a given day.

Cadences per segment come from ``cadence.toml`` (shipped beside this module, or a
file of yours). Selection is set-based: the open invoices near a stage are read in
one query and every exclusion (dispute, pause, promise, credit, payment in suspense,
stage already noticed) in one query each, so a run over 100,000 invoices stays fast.
The result is one `DueNotice` per customer; its invoices are grouped by PO or project.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Protocol

from sqlmodel import Session, col, or_, select

from .behaviour import Pattern, ignored_streaks, payment_patterns
from .errors import InvalidValue
from .holds import HoldInForce, active_holds
from .models import (
    Contact,
    CreditMemo,
    Customer,
    Dispute,
    DunningPause,
    Invoice,
    OutgoingNotice,
    Payment,
    Promise,
    PromiseInvoice,
)
from .promise_notices import PromiseRef, lapsed_promises

DEFAULT_FINAL_WINDOW = 30
"""Days a last stage with no `window` keeps going out when it was missed."""


@dataclass(frozen=True)
class Stage:
    name: str
    days: int
    """Days after the due date (negative: before it)."""
    template: str
    end: int
    """First day (relative to due) on which this stage no longer goes out."""
    allows: tuple[str, ...] = ()
    """Firm language this stage may use: credit_hold, late_fee, collections, legal."""


@dataclass(frozen=True)
class Cadence:
    segment: str
    tone: str
    review: bool
    stages: tuple[Stage, ...]
    promise_reminder: bool = False
    """Remind the customer the day before a promise to pay falls due."""

    def stage_on(self, days_past_due: int) -> int | None:
        """Index of the stage that applies ``days_past_due`` days after due, if any."""
        if days_past_due not in self._stage_on:
            self._stage_on[days_past_due] = next(
                (i for i, s in enumerate(self.stages) if s.days <= days_past_due < s.end), None
            )
        return self._stage_on[days_past_due]

    def index(self, stage_name: str) -> int:
        """Index of the (first) stage named ``stage_name``; -1 when there is none."""
        return self._positions.get(stage_name, -1)

    # Worked out once per cadence: a run asks for every invoice of a 100,000-invoice ledger.
    @cached_property
    def _positions(self) -> dict[str, int]:
        return {s.name: i for i, s in reversed(list(enumerate(self.stages)))}

    @cached_property
    def _stage_on(self) -> dict[int, int | None]:
        return {}


def load_cadences(path: str | Path | None = None) -> dict[str, Cadence]:
    """Read cadences from ``path`` (default: the shipped ``cadence.toml``)."""
    if path is None:
        text = resources.files("arbox.tools").joinpath("cadence.toml").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
        return {seg: _cadence(seg, spec) for seg, spec in raw["segments"].items()}
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InvalidValue(f"bad cadence file {path or 'cadence.toml'}: {exc!r}") from exc


def _cadence(segment: str, spec: dict) -> Cadence:
    raw = sorted(spec["stages"], key=lambda s: int(s["days"]))
    stages = []
    for i, s in enumerate(raw):
        days = int(s["days"])
        if "window" in s:
            end = days + int(s["window"])
        elif i + 1 < len(raw):
            end = int(raw[i + 1]["days"])
        else:
            end = days + DEFAULT_FINAL_WINDOW
        if i + 1 < len(raw):
            end = min(end, int(raw[i + 1]["days"]))
        stages.append(
            Stage(
                str(s["name"]),
                days,
                str(s.get("template", "overdue")),
                end,
                tuple(s.get("allows", ())),
            )
        )
    if not stages:
        raise ValueError(f"segment {segment} has no stages")
    return Cadence(
        segment,
        str(spec.get("tone", "neutral")),
        bool(spec.get("review")),
        tuple(stages),
        bool(spec.get("promise_reminder", False)),
    )


@dataclass(frozen=True)
class DueInvoice:
    id: int
    number: str
    amount: Decimal
    balance: Decimal
    due_date: date
    po: str | None
    project: str | None
    stage: str
    days_past_due: int


@dataclass
class DueNotice:
    """One customer's notice for one run: the invoices due a stage today."""

    customer_id: int
    customer: str
    external_id: str
    segment: str
    currency: str
    cadence: Cadence
    stage: Stage
    """The most advanced stage among the invoices (sets template and allowed language)."""
    invoices: list[DueInvoice]
    contact_email: str | None
    contact_name: str = ""
    excluded: dict[str, str] = field(default_factory=dict)
    """The customer's other near-due invoices and why they are left out (number -> reason)."""
    language: str | None = None
    """The recipient's language (the contact's, else the customer's); None: the default."""
    locale: str | None = None
    """The recipient's locale (e.g. ``de_DE``), picked with the language."""
    contact_hold: str | None = None
    """Why notices to this contact wait (out of office, bounced), from `tools.holds`."""
    deferred_until: date | None = None
    """Out of office: the first day the notice may go out; the run drafts it anew then."""
    deviation: str | None = None
    """An invoice is far later than this customer's usual pattern: the notice goes out
    and a person is told (a task for the credit queue)."""
    ignored: int = 0
    """How many of the customer's last notices in a row got no reply and no payment."""
    promise: PromiseRef | None = None
    """The promise this notice names (a reminder before it falls due, or a broken one)."""

    @property
    def total(self) -> Decimal:
        return sum((i.balance for i in self.invoices), Decimal("0.00"))

    @property
    def hold_reason(self) -> str | None:
        """Why a person must look first, or None."""
        if self.contact_hold:
            return self.contact_hold
        if self.contact_email is None:
            return "no active billing contact on file"
        if self.cadence.review:
            return f"{self.segment} account: every notice is reviewed"
        return None

    def groups(self) -> list[tuple[str, list[DueInvoice]]]:
        """Invoices grouped by PO, then project; those with neither come last, unlabelled."""
        out: dict[str, list[DueInvoice]] = defaultdict(list)
        for inv in sorted(self.invoices, key=lambda i: (i.due_date, i.number)):
            key = f"PO {inv.po}" if inv.po else f"Project {inv.project}" if inv.project else ""
            out[key].append(inv)
        return sorted(out.items(), key=lambda kv: (kv[0] == "", kv[0]))


def select_due(
    session: Session, today: date, cadences: dict[str, Cadence] | None = None
) -> list[DueNotice]:
    """Every customer's notice due on ``today`` (customers already noticed today are skipped)."""
    cadences = cadences or load_cadences()
    lead = max(-s.days for c in cadences.values() for s in c.stages)
    reach = max(s.end for c in cadences.values() for s in c.stages)
    rows = session.exec(
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            Invoice.id,
            Invoice.number,
            Invoice.customer_id,
            Invoice.amount,
            Invoice.balance,
            Invoice.due_date,
            Invoice.po,
            Invoice.project,
        )
        .where(Invoice.balance > 0)
        .where(Invoice.due_date <= today + timedelta(days=lead))
        .where(Invoice.due_date > today - timedelta(days=reach))
    ).all()
    if not rows:
        return []
    customers = customer_facts(session)
    excl = load_exclusions(session, today, [(r[0], r[2], r[4]) for r in rows])
    noticed, today_done = _noticed(session, today, reach, cadences, customers)
    contacts = billing_contacts(session)
    holds = active_holds(session, today)
    patterns = payment_patterns(session, {r[2] for r in rows})
    lapsed = lapsed_promises(session, today)
    named: dict[int, PromiseRef] = {}

    by_customer: dict[int, list[DueInvoice]] = defaultdict(list)
    excluded: dict[int, dict[str, str]] = defaultdict(dict)
    deviations: dict[int, list[str]] = defaultdict(list)
    for inv_id, number, cust_id, amount, balance, due, po, project in rows:
        cust = customers[cust_id]
        if cust_id in today_done:
            continue
        cadence = cadences.get(cust.segment) or cadences["standard"]
        days = (today - due).days
        if (reason := excl.reason(inv_id)) is not None:
            excluded[cust_id][number] = reason
            continue
        promise = lapsed.get(inv_id) if days > 0 else None
        pattern = patterns.get(cust_id)
        habit = pattern.judge(days) if pattern and promise is None else None
        if habit == "within" and pattern is not None:
            excluded[cust_id][number] = f"within its usual pattern ({pattern.describe()})"
            continue
        if habit == "deviates" and pattern is not None:
            deviations[cust_id].append(f"{number} is {days} days past due")
        idx = cadence.stage_on(days)
        if promise is not None:
            # A broken promise: the next stage goes out now, naming the promise.
            first = next((i for i, st in enumerate(cadence.stages) if st.days > 0), 0)
            following = min(max(noticed.get(number, -1) + 1, first), len(cadence.stages) - 1)
            idx = max(idx if idx is not None else -1, following)
        if idx is None or noticed.get(number, -1) >= idx:
            excluded[cust_id][number] = "no stage due" if idx is None else "stage already sent"
            continue
        if promise is not None:
            named.setdefault(cust_id, promise)
        stage = cadence.stages[idx].name
        by_customer[cust_id].append(
            DueInvoice(inv_id, number, amount, balance, due, po, project, stage, days)
        )

    notices = []
    streaks = ignored_streaks(session, by_customer)
    for cust_id, invs in sorted(by_customer.items()):
        cust = customers[cust_id]
        cadence = cadences.get(cust.segment) or cadences["standard"]
        top = max(cadence.index(i.stage) for i in invs)
        contact = contacts.get(cust_id)
        language, locale = recipient_locale(cust, contact)
        hold = hold_for(holds.get(cust_id, []), contact)
        notices.append(
            DueNotice(
                cust_id,
                cust.name,
                cust.external_id,
                cust.segment,
                cust.currency,
                cadence,
                cadence.stages[top],
                invs,
                contact.email if contact else None,
                contact.name if contact else "",
                excluded.get(cust_id, {}),
                language,
                locale,
                hold.reason if hold else None,
                hold.resume_on if hold else None,
                _deviation(deviations.get(cust_id), patterns.get(cust_id)),
                streaks.get(cust_id, 0),
                named.get(cust_id),
            )
        )
    return notices


def _deviation(late: list[str] | None, pattern: Pattern | None) -> str | None:
    if not late or pattern is None:
        return None
    return f"deviates from its payment pattern: {'; '.join(late)}; it {pattern.describe()}"


def hold_for(holds: list[HoldInForce], contact: BillingContact | None) -> HoldInForce | None:
    """The hold that stops today's notice: a bounce holds the customer, an absence the
    contact the notice would go to."""
    for h in holds:
        if h.kind == "bounced" or (contact is not None and h.contact_id == contact.id):
            return h
    return None


def _noticed(
    session: Session,
    today: date,
    reach: int,
    cadences: dict[str, Cadence],
    customers: dict[int, CustomerFacts],
) -> tuple[dict[str, int], set[int]]:
    """(invoice number -> highest stage index already noticed, customers noticed today).

    Only the two entries of each notice's guardrail record that matter are read (the
    database extracts them): the whole record (report, wording, slots) is ten times
    larger, and a run reads every notice of the last months."""
    extra = col(OutgoingNotice.guardrail)
    rows = session.exec(
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            OutgoingNotice.customer_id,
            OutgoingNotice.invoices,
            OutgoingNotice.stage,
            extra["stages"],
            extra["deferred_until"].as_string(),
            OutgoingNotice.run_date,
            OutgoingNotice.status,
        ).where(col(OutgoingNotice.run_date) > today - timedelta(days=reach + 60))
    ).all()
    best: dict[str, int] = {}
    done_today: set[int] = set()
    for cust_id, numbers, stage, by_invoice, deferred, run_date, status in rows:
        if status == "held" and deferred and date.fromisoformat(deferred) <= today:
            continue  # the contact is back: this notice is drafted afresh today
        if run_date == today:
            done_today.add(cust_id)
        if status == "cancelled":
            continue
        cust = customers.get(cust_id)
        cadence = cadences.get(cust.segment if cust else "standard") or cadences["standard"]
        stages = by_invoice or {}
        for number in numbers or []:
            idx = cadence.index(stages.get(number, stage))
            best[number] = max(best.get(number, -1), idx)
    return best, done_today


@dataclass(frozen=True)
class BillingContact:
    """The contact a customer's notices go to."""

    id: int
    email: str
    name: str
    language: str | None = None
    locale: str | None = None


def billing_contacts(session: Session, customer_id: int | None = None) -> dict[int, BillingContact]:
    """customer id -> its billing contact: active, not bounced, primary first."""
    q = (
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            Contact.customer_id,
            Contact.id,
            Contact.email,
            Contact.name,
            Contact.language,
            Contact.locale,
        )
        .where(
            Contact.role == "billing",
            col(Contact.active).is_(True),
            col(Contact.bounced).is_(False),
        )
        .order_by(col(Contact.is_primary).desc(), col(Contact.id))
    )
    if customer_id is not None:
        q = q.where(Contact.customer_id == customer_id)
    out: dict[int, BillingContact] = {}
    for cust_id, *contact in session.exec(q).all():
        if cust_id not in out:
            out[cust_id] = BillingContact(*contact)
    return out


@dataclass(frozen=True)
class CustomerFacts:
    """What a notice needs of its customer."""

    id: int
    name: str
    external_id: str
    segment: str
    currency: str
    language: str | None
    locale: str | None


def customer_facts(session: Session) -> dict[int, CustomerFacts]:
    """customer id -> its facts, for every customer (read as columns: thousands of them)."""
    rows = session.exec(
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            Customer.id,
            Customer.name,
            Customer.external_id,
            Customer.segment,
            Customer.currency,
            Customer.language,
            Customer.locale,
        )
    ).all()
    return {row[0]: CustomerFacts(*row) for row in rows}


class _Spoken(Protocol):
    @property
    def language(self) -> str | None: ...
    @property
    def locale(self) -> str | None: ...


def recipient_locale(
    customer: _Spoken, contact: BillingContact | None
) -> tuple[str | None, str | None]:
    """(language, locale) of a notice: the contact's when set, else the customer's."""
    if contact is not None and (contact.language or contact.locale):
        return contact.language, contact.locale
    return customer.language, customer.locale


_IN_LIMIT = 500
"""Above this many invoices, exclusion tables are read whole instead of filtered by id."""


@dataclass
class Exclusions:
    """Why invoices may not be dunned today (invoice id -> reason)."""

    reasons: dict[int, str] = field(default_factory=dict)

    def reason(self, invoice_id: int) -> str | None:
        return self.reasons.get(invoice_id)


def load_exclusions(
    session: Session, today: date, invoices: list[tuple[int, int, Decimal]]
) -> Exclusions:
    """Exclusions for ``invoices`` given as (id, customer id, balance), one query per kind.

    Reasons, first match wins: paid, disputed, promised (until the promise date plus its
    tolerance), paused, credit_covered (open credit memos cover the balance),
    payment_in_suspense (an unapplied payment of the same amount from that customer).
    """
    ids = {i for i, _, _ in invoices}
    custs = {c for _, c, _ in invoices}
    few = len(ids) <= _IN_LIMIT

    q_disputes = select(Dispute.invoice_id).where(Dispute.status == "open")
    q_pauses = select(DunningPause.customer_id, DunningPause.invoice_id).where(
        col(DunningPause.active).is_(True),
        or_(col(DunningPause.until).is_(None), col(DunningPause.until) >= today),
    )
    q_promises = (
        select(
            col(PromiseInvoice.invoice_id), col(Promise.promised_on), col(Promise.tolerance_days)
        )
        .join(Promise, col(Promise.id) == col(PromiseInvoice.promise_id))
        .where(Promise.status == "open")
    )
    q_credits = select(
        col(CreditMemo.customer_id), col(CreditMemo.invoice_id), col(CreditMemo.remaining)
    ).where(CreditMemo.remaining > 0)
    q_suspense = select(col(Payment.customer_id), col(Payment.unapplied)).where(
        Payment.unapplied > 0, col(Payment.customer_id).is_not(None)
    )
    if few:
        q_disputes = q_disputes.where(col(Dispute.invoice_id).in_(ids))
        q_pauses = q_pauses.where(col(DunningPause.customer_id).in_(custs))
        q_promises = q_promises.where(col(PromiseInvoice.invoice_id).in_(ids))
        q_credits = q_credits.where(col(CreditMemo.customer_id).in_(custs))
        q_suspense = q_suspense.where(col(Payment.customer_id).in_(custs))

    disputed = set(session.exec(q_disputes).all())
    paused_customers: set[int] = set()
    paused_invoices: set[int] = set()
    for cust_id, inv_id in session.exec(q_pauses).all():
        if inv_id is None:
            paused_customers.add(cust_id)
        else:
            paused_invoices.add(inv_id)
    promised = {
        inv_id
        for inv_id, on, tol in session.exec(q_promises).all()
        if today <= on + timedelta(days=tol)
    }
    credit_by_invoice: dict[int, Decimal] = defaultdict(Decimal)
    credit_by_customer: dict[int, Decimal] = defaultdict(Decimal)
    for cust_id, inv_id, remaining in session.exec(q_credits).all():
        if inv_id is None:
            credit_by_customer[cust_id] += remaining
        else:
            credit_by_invoice[inv_id] += remaining
    suspense = {(cust_id, amount) for cust_id, amount in session.exec(q_suspense).all()}

    out = Exclusions()
    for inv_id, cust_id, balance in invoices:
        if balance <= 0:
            reason = "paid"
        elif inv_id in disputed:
            reason = "disputed"
        elif inv_id in promised:
            # Before paused: a promise pauses its invoices, and "promised" says more.
            reason = "promised"
        elif cust_id in paused_customers or inv_id in paused_invoices:
            reason = "paused"
        elif credit_by_invoice.get(inv_id, Decimal(0)) >= balance or (
            credit_by_customer.get(cust_id, Decimal(0)) >= balance
        ):
            reason = "credit_covered"
        elif (cust_id, balance) in suspense:
            reason = "payment_in_suspense"
        else:
            continue
        out.reasons[inv_id] = reason
    return out
