"""Notice drafts and their tone variants, rendered from `prompts/notices/*.j2`.

A draft's wording is rendered with *slots* (``⟦TOTAL⟧``, ``⟦INV_1⟧``...) instead of the
ledger's values; `Draft.fill` puts the values in. The offline rewriter picks the
variant for the segment's tone; the LLM sees a slotted text and can only move slots
around, never change what they stand for. The statement table and the payment
instructions are rendered from the ledger directly and are never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import jinja2

from arbox.prompts import content_hash, read
from arbox.tools.dunning import DueNotice

from .locales import NoticeLocale, resolve

TONES: tuple[str, ...] = ("warm", "neutral", "firm")
SEGMENT_TONES = {
    "strategic": "warm",
    "standard": "neutral",
    "chronic_late": "firm",
    "high_risk": "firm",
}
TONE_HELP = {
    "warm": "friendly and appreciative of the relationship, assumes good faith",
    "neutral": "polite, clear and businesslike",
    "firm": "direct and serious about the deadline, still courteous",
}
PAY_BY_DAYS = 7
"""The call to action's deadline: this many days after the run date."""

SLOT_RE = re.compile(r"⟦([A-Z0-9_]+)⟧")
TEMPLATE_DIR = "notices"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # Plain-text e-mail, so no HTML autoescape; a missing variable is a bug, not a blank.
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: read(f"{TEMPLATE_DIR}/{name}")),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    # Padding for the statement tables, as filters (`r.number | ljust(width)`): a compiled
    # template calls a filter directly, where `r.number.ljust(width)` goes through Jinja's
    # generic call (four times slower; a run pads over a million cells).
    env.filters["ljust"] = str.ljust
    env.filters["rjust"] = str.rjust
    return env


def render(name: str, **context: object) -> str:
    """Render ``prompts/notices/<name>`` (stripped of surrounding blank space)."""
    return _env().get_template(name).render(**context).strip()


class Shape(NamedTuple):
    """All a notice's slotted wording depends on: notices of one shape read the same
    until their slots are filled, so each shape is rendered once (`slotted_wording`)."""

    invoices: int
    """How many invoices the notice names (slots ⟦INV_1⟧ to ⟦INV_n⟧)."""
    allows: tuple[str, ...]
    stage: str
    kind: str
    """The stage's template: reminder, overdue, final..."""
    promise: bool | None
    """None: no promise named; else whether it was broken."""


def slotted_context(shape: Shape) -> dict[str, object]:
    """The wording templates' context for ``shape``: slots and flags, no ledger value."""
    invoices = [
        {
            "number": f"⟦INV_{n}⟧",
            "amount": f"⟦AMOUNT_{n}⟧",
            "balance": f"⟦BALANCE_{n}⟧",
            "due": f"⟦DUE_{n}⟧",
        }
        for n in range(1, shape.invoices + 1)
    ]
    promise = None
    if shape.promise is not None:
        promise = {"on": "⟦PROMISED_ON⟧", "made": "⟦PROMISE_MADE⟧", "broken": shape.promise}
    return {
        "invoices": invoices,
        "total": "⟦TOTAL⟧",
        "greeting": "⟦GREETING⟧",
        "customer": "⟦CUSTOMER⟧",
        "pay_by": "⟦PAY_BY⟧",
        "allows": shape.allows,
        "stage": shape.stage,
        "kind": shape.kind,
        "promise": promise,
    }


@lru_cache(maxsize=4096)
def slotted_wording(name: str, tone: str, shape: Shape) -> str:
    """``name`` rendered in ``tone`` for a notice of ``shape``, with ⟦slots⟧ for values."""
    return render(name, tone=tone, **slotted_context(shape))


@lru_cache(maxsize=64)
def template_hash(*names: str) -> str:
    """Content hash of the templates a draft used (stored with the notice)."""
    return content_hash("".join(read(f"{TEMPLATE_DIR}/{n}") for n in sorted(names)))


def tone_for(segment: str) -> str:
    return SEGMENT_TONES.get(segment, "neutral")


class Variants(Mapping[str, str]):
    """tone -> slotted wording, each rendered the first time it is asked for: a run uses
    the chosen tone and the neutral one (the fallback and the slots' reference), so the
    third is never rendered."""

    def __init__(self, render_tone: Callable[[str], str], tones: tuple[str, ...] = TONES):
        self._render = render_tone
        self._tones = tones
        self._done: dict[str, str] = {}

    def __getitem__(self, tone: str) -> str:
        if tone not in self._done:
            if tone not in self._tones:
                raise KeyError(tone)
            self._done[tone] = self._render(tone)
        return self._done[tone]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tones)

    def __len__(self) -> int:
        return len(self._tones)


@dataclass
class Draft:
    """A notice before sending: slotted wording per tone, plus fixed ledger sections."""

    subject: str
    variants: Mapping[str, str]
    """tone -> message wording with ⟦slots⟧ (`Variants`: rendered when first read)."""
    slots: dict[str, str]
    """slot name -> the ledger's value as printed."""
    statement: str
    payment: str
    template: str
    allows: tuple[str, ...] = ()
    hashes: dict[str, str] = field(default_factory=dict)
    currency: str = "USD"
    locale: NoticeLocale = field(default_factory=resolve)
    """The notice's language and locale (templates, money and date formats)."""
    early: bool = False
    """A reminder before any invoice is due: it may not read as a dunning letter."""

    def money(self, value: Decimal, with_currency: bool = True) -> str:
        """An amount as this notice prints it (bare: without the currency)."""
        return self.locale.money(value, self.currency, with_currency)

    def fill(self, text: str) -> str:
        """Put the ledger's values into the slots (unknown slots stay, and fail the guardrails)."""
        return SLOT_RE.sub(lambda m: self.slots.get(m.group(1), m.group(0)), text)

    def compose(self, message: str) -> str:
        """The whole body around a (filled) message."""
        return f"{message.strip()}\n\n{self.statement}\n\n{self.payment}\n"

    @property
    def plain(self) -> str:
        """The plain draft: the neutral wording, filled. The fallback of every rewrite."""
        return self.compose(self.fill(self.variants["neutral"]))


def template_name(name: str, language: str) -> str:
    """``overdue.j2`` in ``language``: English at the top, the others in a folder each."""
    return name if language == "en" else f"{language}/{name}"


class StatementRow(NamedTuple):
    """One invoice's row of the statement table, as printed. A tuple with named fields,
    not a dict: Jinja reads ``r.number`` as an attribute first, and a dict fails that
    lookup (thousands of rows a run)."""

    number: str
    due: str
    days: int
    amount: str
    balance: str
    when: str
    """The row's timing ("3 days overdue"), from the language's `when` macro (`_when`)."""


@lru_cache(maxsize=1024)
def _when(language: str, days: int) -> str:
    """The `when` macro of ``language``'s `_macros.j2` for ``days`` past due, rendered once
    per language and day count (a macro call per row was a fifth of a statement table)."""
    macros = _env().get_template(template_name("_macros.j2", language)).module
    return str(macros.when(days))  # type: ignore[attr-defined]  # the template's macro


class Group(NamedTuple):
    """A statement group's label: ``kind`` is po, project or empty (the rest)."""

    kind: str
    ref: str


def _group(label: str) -> Group:
    kind, _, ref = label.partition(" ")
    return Group(kind.lower() if ref else "", ref)


def render_draft(
    notice: DueNotice,
    *,
    today: date,
    locale: NoticeLocale | None = None,
    instructions: str | None = None,
    signature: str | None = None,
) -> Draft:
    """Render ``notice``: its tone variants (each when first read), statement table and
    payment section.

    ``locale`` defaults to the recipient's (``notice.language``/``locale``, else en_US);
    ``instructions`` and ``signature`` default to the templates' own, in that language.
    """
    loc = locale or resolve(notice.language, notice.locale)
    lang = loc.language
    cur = notice.currency
    invoices = sorted(notice.invoices, key=lambda i: (i.due_date, i.number))
    greeting = notice.contact_name or (
        f"{notice.customer} team" if lang == "en" else notice.customer
    )
    slots = {
        "TOTAL": loc.money(notice.total, cur),
        "CUSTOMER": notice.customer,
        "GREETING": greeting,
        "PAY_BY": loc.day(today + timedelta(days=PAY_BY_DAYS)),
    }
    for n, inv in enumerate(invoices, 1):
        slots[f"INV_{n}"] = inv.number
        slots[f"AMOUNT_{n}"] = loc.money(inv.amount, cur)
        slots[f"BALANCE_{n}"] = loc.money(inv.balance, cur)
        slots[f"DUE_{n}"] = loc.day(inv.due_date)
    if notice.promise is not None:
        slots["PROMISED_ON"] = loc.day(notice.promise.promised_on)
        slots["PROMISE_MADE"] = loc.day(notice.promise.made_on)
    kind = notice.stage.template
    shape = Shape(
        len(invoices),
        notice.stage.allows,
        notice.stage.name,
        kind,
        None if notice.promise is None else notice.promise.broken,
    )
    wording = template_name(f"{kind}.j2", lang)
    variants = Variants(lambda tone: slotted_wording(wording, tone, shape))
    subject = slotted_wording(template_name("subject.j2", lang), "neutral", shape)

    rows = [
        StatementRow(
            i.number,
            loc.day(i.due_date),
            i.days_past_due,
            loc.money(i.amount, cur),
            loc.money(i.balance, cur),
            _when(lang, i.days_past_due),
        )
        for i in invoices
    ]
    by_number = {r.number: r for r in rows}
    groups = [
        (_group(label), [by_number[i.number] for i in invs]) for label, invs in notice.groups()
    ]
    statement = render(
        template_name("statement.j2", lang),
        customer=notice.customer,
        today=loc.day(today),
        currency=cur,
        groups=groups,
        total=slots["TOTAL"],
        width=max(len(r.number) for r in rows),
        money_width=max(len(m) for r in rows for m in (r.amount, r.balance)),
        due_width=max(len(r.due) for r in rows),
    )
    payment = render(
        template_name("payment.j2", lang),
        instructions=instructions,
        signature=signature,
        numbers=[i.number for i in invoices],
    )
    names = [
        template_name(n, lang)
        for n in (f"{kind}.j2", "subject.j2", "statement.j2", "payment.j2", "_macros.j2")
    ]
    return Draft(
        subject=SLOT_RE.sub(lambda m: slots.get(m.group(1), m.group(0)), subject),
        variants=variants,
        slots=slots,
        statement=statement,
        payment=payment,
        template=kind,
        allows=notice.stage.allows,
        hashes={"templates": template_hash(*names)},
        currency=cur,
        locale=loc,
        early=is_early(notice),
    )


def is_early(notice: DueNotice) -> bool:
    """Whether ``notice`` is a reminder sent before any of its invoices is due."""
    return notice.stage.template == "reminder" and all(
        i.days_past_due <= 0 for i in notice.invoices
    )
