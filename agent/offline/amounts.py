"""Which amount of a reply is which: paid, deducted, promised, contested.

A reply names several amounts (the invoice's gross, the deduction, what was paid, a unit
price); words around each tell them apart ("less $48", "$96.00 light", "über 3.412,60 €",
"Restbetrag von 2.800,00 €", "$4.10/sq ft"). Money is `Decimal`; `extract.find_amounts`
has already refused dates, phone, PO and invoice numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal

from arbox.agent import extract

_DEDUCT = re.compile(
    r"less|deduct|took|except|withheld|held back|short|abgezogen|abzüglich|minus|\bmin\b|"
    r"rebate|net of|differenz|difference|déduit|déduction|retenu|moins|descontamos|descontado|"
    r"desconto|deducido|retenido|trattenendo|trattenuto|detratto|ingehouden|korting|in mindering",
    re.I,
)


_DEDUCT_BEFORE = re.compile(rf"(?:{_DEDUCT.pattern})[^\d\n.]{{0,25}}$", re.I)


_GROSS = re.compile(
    r"(?:invoice total|\(total|über|billed|facturad\w*|facturé\w*|invoiced|instead of|au lieu "
    r"de?s?|statt|in plaats van|invece di|em vez de|en lugar de|de los|gross|brutto|"
    r"bruttobetrag|invoice (?:amount|of))[^\d\n]{0,12}$",
    re.I,
)


_DEDUCTED_AFTER = re.compile(
    r"\s*(?:light|short|less|off\b|deducted|abgezogen|einbehalten|retenido|descontado|in "
    r"mindering|isn't an oversight|was (?:deducted|withheld|taken))",
    re.I,
)


_PAY_VERB = re.compile(
    r"\b(?:pay|paying|send|sending|transfer|wire|remit|expect|überweisen|zahlen|begleichen|pagar|"
    r"pagaremos|payer|réglerons|paierons|betalen|pagare|pagheremo|pagaremos|of|über|de|van|di)\b"
    r"[^\d\n]{0,25}$",
    re.I,
)


_NOT_PAID = re.compile(
    r"(?:less|deduct\w*|minus|\bmin\b|withheld|held back|short|abzug|abzüglich|einbehalten|"
    r"differenz|déduit|retenant|retenu|descontado|descontamos|desconto de|retenido|trattenendo|"
    r"invoice total|\(total|über|billed|facturad\w*|facturé\w*|invoiced|instead of|au lieu de?s?|"
    r"statt|in plaats van|invece di|em vez de|en lugar de|de los|gross|brutto|bruttobetrag)"
    r"[^\d\n]{0,12}$",
    re.I,
)


_TOTAL = re.compile(
    r"\b(?:total|totaling|totalling|sum|amount(?: of)?|in the amount of|betrag|gesamt|summe|"
    r"zahlbetrag|montant|importe|importo|valor|bedrag|totaal|net|net paid|pagado|pagato|pago|"
    r"betaald|valor transferido|bonifico di|transferencia de|restbetrag von|mit|expect)\b"
    r"[^\d\n]{0,45}$",
    re.I,
)


def payment_amount(clause: str, text: str) -> Decimal | None:
    """The amount paid: a total or "in the amount of" first (remittance tables list every
    line), then the first amount of the clause, then of the reply; never an amount named
    as deducted or as the invoice's gross ("instead of 4 620,00", "invoice total")."""
    for source in (clause, text):
        amounts = [
            a
            for a in extract.find_amounts(source)
            if not _NOT_PAID.search(source[max(0, a.start - 30) : a.start])
            and not _DEDUCTED_AFTER.match(source[a.end : a.end + 30])
        ]
        totals = [a for a in amounts if _TOTAL.search(source[max(0, a.start - 60) : a.start])]
        if totals:
            return totals[-1].value
        if amounts:
            return amounts[0].value
    return bare_amount(clause) or bare_amount(text)


_UNIT_PRICE = re.compile(r"\s*(?:/|per\b|each\b|a (?:unit|piece|page|hour)|pro\b|par\b)", re.I)


def disputed_amount(clause: str, text: str) -> Decimal | None:
    """The contested amount: in the clause, else the reply; never a unit price ("$4.10/sq ft")."""
    for source in (clause, text):
        for a in extract.find_amounts(source):
            if not _UNIT_PRICE.match(source[a.end : a.end + 12]):
                return a.value
    return None


def promised_amount(clause: str) -> Decimal | None:
    """The amount right after a verb of paying ("I can send $1,000 on Friday")."""
    for a in extract.find_amounts(clause):
        if _PAY_VERB.search(clause[max(0, a.start - 40) : a.start]) and not _GROSS.search(
            clause[max(0, a.start - 20) : a.start]
        ):
            return a.value
    return None


_BARE = re.compile(
    r"\b(?:for|pay|paid|payed|sent|send|zelle|venmo|wired|of|remitted)\s+\$?(\d{2,6})\b(?![\d/,-]|\.\d)",
    re.I,
)


def bare_amount(text: str) -> Decimal | None:
    """A whole number right after a paying word ("mailed check #4471 for 1860", "sent zelle
    500"): only when the reply writes no amount with a currency or cents; never a year."""
    for m in _BARE.finditer(text):
        value = int(m.group(1))
        if not 1990 <= value <= 2100:
            return Decimal(value)
    return None


def first_amount(text: str) -> Decimal | None:
    amounts = extract.find_amounts(text)
    return amounts[0].value if amounts else None


def short_pay_amounts(text: str) -> tuple[Decimal | None, Decimal | None]:
    """(paid, deducted): the deduction is an amount named as taken off ("less $48", "$96.00
    light", "612,60 € einbehalten"); the payment is the amount paid, never the invoice's gross;
    one missing is the gross minus the other."""
    amounts = extract.find_amounts(text)
    deducted = next((a.value for a in amounts if _deduction(text, a)), None)
    gross = next(
        (a.value for a in amounts if _GROSS.search(text[max(0, a.start - 40) : a.start])), None
    )
    paid = None
    for a in amounts:
        window = text[max(0, a.start - 60) : a.start]
        if _deduction(text, a) or _NOT_PAID.search(window) or a.value == gross:
            continue
        if _TOTAL.search(window) or paid is None:
            paid = a.value
    if deducted is None and paid is not None and gross is not None and gross > paid:
        deducted = gross - paid
    if paid is None and deducted is not None and gross is not None and gross > deducted:
        paid = gross - deducted
    if paid is not None and deducted is None and len(amounts) >= 2:
        # "$1,800 instead of $2,000", "9,310.00 ... (invoice total 9,500.00)"
        total = max(a.value for a in amounts)
        if total > paid:
            deducted = total - paid
    return paid, deducted


def _deduction(text: str, a: extract.AmountMention) -> bool:
    before = text[max(0, a.start - 40) : a.start]
    after = text[a.end : a.end + 30]
    return bool(_DEDUCT_BEFORE.search(before) and not _GROSS.search(before[-15:])) or bool(
        _DEDUCTED_AFTER.match(after)
    )
