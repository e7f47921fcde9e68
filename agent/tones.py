"""Notice drafts and their tone variants, rendered from `prompts/notices/*.j2`.

A draft's wording is rendered with *slots* (``⟦TOTAL⟧``, ``⟦INV_1⟧``...) instead of the
ledger's values; `Draft.fill` puts the values in. The offline rewriter picks the
variant for the segment's tone; the LLM sees a slotted text and can only move slots
around, never change what they stand for. The statement table and the payment
instructions are rendered from the ledger directly and are never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

import jinja2

from arbox.prompts import content_hash, read
from arbox.tools.dunning import DueInvoice, DueNotice
from arbox.tools.money import format_money

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
DEFAULT_INSTRUCTIONS = (
    "ACH or wire transfer to the bank account printed on your invoice, "
    "or card payment through the link on the invoice."
)
DEFAULT_SIGNATURE = "Accounts Receivable"
PAY_BY_DAYS = 7
"""The call to action's deadline: this many days after the run date."""

SLOT_RE = re.compile(r"⟦([A-Z0-9_]+)⟧")
TEMPLATE_DIR = "notices"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # Plain-text e-mail, so no HTML autoescape; a missing variable is a bug, not a blank.
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: read(f"{TEMPLATE_DIR}/{name}")),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def render(name: str, **context: object) -> str:
    """Render ``prompts/notices/<name>`` (stripped of surrounding blank space)."""
    return _env().get_template(name).render(**context).strip()


@lru_cache(maxsize=64)
def template_hash(*names: str) -> str:
    """Content hash of the templates a draft used (stored with the notice)."""
    return content_hash("".join(read(f"{TEMPLATE_DIR}/{n}") for n in sorted(names)))


def tone_for(segment: str) -> str:
    return SEGMENT_TONES.get(segment, "neutral")


@dataclass
class Draft:
    """A notice before sending: slotted wording per tone, plus fixed ledger sections."""

    subject: str
    variants: dict[str, str]
    """tone -> message wording with ⟦slots⟧."""
    slots: dict[str, str]
    """slot name -> the ledger's value as printed."""
    statement: str
    payment: str
    template: str
    allows: tuple[str, ...] = ()
    hashes: dict[str, str] = field(default_factory=dict)
    currency: str = "USD"

    def money(self, value: Decimal, with_currency: bool = True) -> str:
        """An amount as this notice prints it (bare: without the currency)."""
        text = format_money(value, self.currency)
        return text if with_currency else text.removeprefix(f"{self.currency} ")

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


def _when(inv: DueInvoice) -> str:
    if inv.days_past_due > 0:
        return f"{inv.days_past_due} days overdue" if inv.days_past_due > 1 else "1 day overdue"
    if inv.days_past_due == 0:
        return "due today"
    return f"due in {-inv.days_past_due} days" if inv.days_past_due < -1 else "due tomorrow"


def render_draft(
    notice: DueNotice,
    *,
    today: date,
    instructions: str = DEFAULT_INSTRUCTIONS,
    signature: str = DEFAULT_SIGNATURE,
) -> Draft:
    """Render ``notice`` with every tone variant, its statement table and payment section."""
    cur = notice.currency
    invoices = sorted(notice.invoices, key=lambda i: (i.due_date, i.number))
    slots = {
        "TOTAL": format_money(notice.total, cur),
        "CUSTOMER": notice.customer,
        "GREETING": notice.contact_name or f"{notice.customer} team",
        "PAY_BY": (today + timedelta(days=PAY_BY_DAYS)).isoformat(),
    }
    slotted = []
    for n, inv in enumerate(invoices, 1):
        slots |= {
            f"INV_{n}": inv.number,
            f"AMOUNT_{n}": format_money(inv.amount, cur),
            f"BALANCE_{n}": format_money(inv.balance, cur),
            f"DUE_{n}": inv.due_date.isoformat(),
        }
        slotted.append(
            {
                "number": f"⟦INV_{n}⟧",
                "amount": f"⟦AMOUNT_{n}⟧",
                "balance": f"⟦BALANCE_{n}⟧",
                "due": f"⟦DUE_{n}⟧",
            }
        )
    kind = notice.stage.template
    context = {
        "invoices": slotted,
        "total": "⟦TOTAL⟧",
        "greeting": "⟦GREETING⟧",
        "customer": "⟦CUSTOMER⟧",
        "pay_by": "⟦PAY_BY⟧",
        "allows": notice.stage.allows,
        "stage": notice.stage.name,
        "kind": kind,
    }
    variants = {tone: render(f"{kind}.j2", tone=tone, **context) for tone in TONES}
    subject = render("subject.j2", **(context | {"tone": "neutral"}))

    rows = [
        {
            "number": i.number,
            "due": i.due_date.isoformat(),
            "when": _when(i),
            "amount": format_money(i.amount, cur),
            "balance": format_money(i.balance, cur),
        }
        for i in invoices
    ]
    by_number = {r["number"]: r for r in rows}
    groups = [(label, [by_number[i.number] for i in invs]) for label, invs in notice.groups()]
    statement = render(
        "statement.j2",
        customer=notice.customer,
        today=today.isoformat(),
        currency=cur,
        groups=groups,
        total=slots["TOTAL"],
        width=max(len(r["number"]) for r in rows),
        money_width=max(len(r[k]) for r in rows for k in ("amount", "balance")),
    )
    payment = render(
        "payment.j2",
        instructions=instructions,
        signature=signature,
        numbers=[i.number for i in invoices],
    )
    names = (f"{kind}.j2", "subject.j2", "statement.j2", "payment.j2", "_macros.j2")
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
    )
