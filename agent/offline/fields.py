"""Filling each intent's `Fields` from the clause that showed it and the whole reply."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from arbox.agent import extract
from arbox.agent.dates import find_dates, first_date
from arbox.agent.findings import Fields, Intent

_REASONS: list[tuple[str, re.Pattern[str]]] = [
    ("duplicate", re.compile(r"duplicat|twice|double|already billed", re.I)),
    ("damaged", re.compile(r"damag|broken|defect|expir|quality|beschädigt|endommag|dañad", re.I)),
    ("terms", re.compile(r"discount|rebate|skonto|escompte|early pay", re.I)),
    ("freight", re.compile(r"freight|shipping charge|delivery charge|fracht", re.I)),
    ("pricing", re.compile(r"pric|overcharg|rate|per unit|/unit|\bquote|devis|preis", re.I)),
    ("quantity", re.compile(r"short|units|quantity|hours|seats|licenses|heures|only \d+", re.I)),
    (
        "not_received",
        re.compile(
            r"never (?:received|delivered|arrived)|not received|no record|"
            r"no se realizó|not performed|nicht geliefert",
            re.I,
        ),
    ),
]
_DOCUMENTS: list[tuple[str, re.Pattern[str]]] = [
    ("W-9", re.compile(r"\bw-?9\b", re.I)),
    ("proof of delivery", re.compile(r"proof of delivery|\bpod\b|delivery (?:note|receipt)", re.I)),
    ("credit memo", re.compile(r"credit (?:memo|note)", re.I)),
    ("statement", re.compile(r"statement|kontoauszug|relevé|estado de cuenta|aging|ageing", re.I)),
    ("bill of lading", re.compile(r"bill of lading|\bbol\b", re.I)),
    ("packing slip", re.compile(r"packing slip", re.I)),
    ("timesheets", re.compile(r"timesheet|feuilles de temps", re.I)),
    ("certificate of insurance", re.compile(r"certificate of insurance", re.I)),
    ("bank details letter", re.compile(r"bank details", re.I)),
    ("invoice copy", re.compile(r"invoice|cop(?:y|ies)|facture|rechnung|factura|\binv\b", re.I)),
]
_DEDUCT = re.compile(
    r"less|deduct|took|except|withheld|held back|abgezogen|minus|rebate|net of", re.I
)
_NAME_BEFORE_EMAIL = re.compile(
    r"((?:[A-Z][a-z]+|[A-Z]\.)(?:\s(?:[a-z]{2,3}\s)?[A-Z][a-z]+){1,2})[^A-Za-z@]{0,40}$"
)
_BACK = re.compile(r"\b(?:back|return|retour|regreso|zurück|wieder)\b", re.I)
_INCLUSIVE = re.compile(
    r"inclus|einschließlich|through|thru|till? and including|t\.?o\.?m\.?", re.I
)


def reason_of(text: str, hinted: list[str]) -> str:
    """The dispute/deduction reason: the cue's hint if specific, else the text's words."""
    specific = [r for r in hinted if r and r != "other"]
    if specific:
        return specific[0]
    for reason, pattern in _REASONS:
        if pattern.search(text):
            return reason
    return "other"


def fill(
    intent: Intent, clause: str, text: str, anchor: date, sender: str, reasons: list[str]
) -> Fields:
    """The fields for ``intent``, read from ``clause`` first and then the whole ``text``."""
    if intent is Intent.payment_sent:
        return Fields(
            amount=_first_amount(clause) or _first_amount(text),
            paid_on=first_date(clause, anchor, "past") or first_date(text, anchor, "past"),
            method=extract.payment_method(clause) or extract.payment_method(text),
            reference=extract.payment_reference(text),
        )
    if intent is Intent.promise_to_pay:
        return Fields(
            amount=_first_amount(clause), promised_on=first_date(clause, anchor, "future")
        )
    if intent is Intent.dispute:
        return Fields(reason=reason_of(clause, reasons), disputed_amount=_first_amount(clause))
    if intent is Intent.short_pay:
        paid, deducted = _short_pay_amounts(text)
        return Fields(paid_amount=paid, deducted_amount=deducted, reason=reason_of(text, reasons))
    if intent is Intent.missing_po:
        po = bool(re.search(r"\b(?:po|p\.o\.|purchase order)\b", text, re.I))
        return Fields(po_required=po, detail=clause[:200])
    if intent is Intent.invoice_request:
        doc = next((name for name, p in _DOCUMENTS if p.search(clause)), "invoice copy")
        return Fields(document=doc)
    if intent is Intent.extended_terms:
        days = extract.terms_days(text) or _word_days(text)
        return Fields(claimed_terms_days=days)
    if intent is Intent.financial_distress:
        return Fields(detail=clause[:200])
    if intent is Intent.wrong_contact:
        return _contact(text, sender)
    if intent is Intent.auto_reply:
        return Fields(return_on=_return_on(text, anchor))
    return Fields()


def _first_amount(text: str) -> Decimal | None:
    amounts = extract.find_amounts(text)
    return amounts[0].value if amounts else None


def _short_pay_amounts(text: str) -> tuple[Decimal | None, Decimal | None]:
    amounts = extract.find_amounts(text)
    paid = deducted = None
    for a in amounts:
        before = text[max(0, a.start - 40) : a.start]
        if deducted is None and _DEDUCT.search(before):
            deducted = a.value
        elif paid is None:
            paid = a.value
    if paid is not None and deducted is None and len(amounts) >= 2:
        # "$1,800 instead of $2,000", "9,310.00 ... (invoice total 9,500.00)"
        total = max(a.value for a in amounts)
        if total > paid:
            deducted = total - paid
    return paid, deducted


def _word_days(text: str) -> int | None:
    words = {"thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90}
    m = re.search(r"\b(thirty|forty-five|sixty|ninety)\s+days\b", text, re.I)
    return words[m.group(1).lower()] if m else None


def _contact(text: str, sender: str) -> Fields:
    sender_addr = re.findall(r"[\w.+'-]+@[\w.-]+", sender)
    emails = extract.find_emails(text, exclude=sender_addr)
    if not emails:
        return Fields()
    email = emails[0]
    name = None
    before = text[: text.find(email)]
    m = _NAME_BEFORE_EMAIL.search(before[-80:])
    if m and not re.match(r"(?:Please|Her|His|The|Our|Send|Contact|Hi|Hello)\b", m.group(1)):
        name = m.group(1)
    return Fields(new_contact_email=email, new_contact_name=name)


def _return_on(text: str, anchor: date) -> date | None:
    mentions = find_dates(text, anchor, "future")
    for m in mentions:
        if _BACK.search(text[max(0, m.start - 40) : m.start]):
            return m.value
    if not mentions:
        return None
    last = mentions[-1]
    if _INCLUSIVE.search(text[max(0, last.start - 40) : last.end + 20]):
        following = last.value + timedelta(days=1)
        while following.weekday() >= 5:
            following += timedelta(days=1)
        return following
    return last.value
