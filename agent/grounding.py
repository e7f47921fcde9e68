"""Are a finding's fields in what the customer wrote? (Like the evidence quote, for values.)

An amount must be written in the reply as an amount: with a currency sign or
code, with thousands separators, or with cents in a shape that cannot be a date
("20.11" may be the 20th of November, so it does not count). A date must be one
the reply mentions, read either way (past or future) against the email's date.
An invoice number must occur in the reply or its subject. What is not found is
not proof of a mistake; it means a person should look before the ledger changes.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..tools.money import MoneyError, parse_amount
from .dates import find_dates, local_days
from .findings import Finding

MONEY_FIELDS = ("amount", "disputed_amount", "paid_amount", "deducted_amount")
DATE_FIELDS = ("paid_on", "promised_on")
_CURRENCY = r"(?:US\$|CA\$|A\$|\$|€|£|\b(?:USD|EUR|GBP|CAD|AUD|CHF)\b)"
_NUMBER = re.compile(
    rf"(?P<pre>{_CURRENCY}\s?)?(?<![\w.,/-])(?P<n>\d{{1,3}}(?:[,.' ]\d{{3}})+(?:[.,]\d{{1,2}})?"
    rf"|\d+(?:[.,]\d{{1,2}})?)(?![\w/]|[.,]\d)(?P<post>\s?(?:{_CURRENCY}|dollars|euros?))?",
    re.IGNORECASE,
)
_DATE_SHAPED = re.compile(r"^(\d{1,2})[.,](\d{1,2})$")


def amounts_written(text: str) -> set[Decimal]:
    """Every amount the text states unambiguously as money."""
    found = set()
    for m in _NUMBER.finditer(text):
        raw = m.group("n")
        marked = bool(m.group("pre") or m.group("post"))
        grouped = re.search(r"\d[,.' ]\d{3}", raw) is not None
        cents = re.search(r"[.,]\d{2}$", raw) is not None
        if not (marked or grouped or cents):
            continue
        shaped = _DATE_SHAPED.match(raw)
        if shaped and not marked and 1 <= int(shaped[1]) <= 31 and 1 <= int(shaped[2]) <= 12:
            continue  # "20.11": a day and a month as much as an amount
        try:
            found.add(parse_amount(raw.replace(" ", "")))
        except MoneyError:
            continue
    return found


def dates_written(text: str, anchor: date) -> set[date]:
    """Every date the text mentions, resolved both ways against ``anchor`` (with the days
    only the field readers read, `local_days`)."""
    return {
        d.value
        for prefer in ("past", "future")
        for d in [*find_dates(text, anchor, prefer), *local_days(text, anchor, prefer)]
    }


def _mentions(text: str, anchor: date, wanted: set[date]) -> set[date]:
    """The dates of `dates_written` read in the same order, stopping once all of ``wanted``
    are found (the later readings only add dates nobody asked about)."""
    found: set[date] = set()
    for prefer in ("past", "future"):
        for read in (find_dates, local_days):
            found.update(d.value for d in read(text, anchor, prefer))
            if wanted <= found:
                return found
    return found


def _core(number: str) -> str:
    return re.sub(r"^inv(?:oice)?", "", re.sub(r"[^0-9a-z]", "", number.casefold()))


def ungrounded(finding: Finding, *, text: str, subject: str, anchor: date) -> list[str]:
    """The finding's values that the reply does not state, as ``field value`` strings."""
    missing = []
    fields = finding.fields
    money = [(n, getattr(fields, n)) for n in MONEY_FIELDS if getattr(fields, n) is not None]
    if money:
        written = amounts_written(text)
        missing += [f"{n} {v}" for n, v in money if v not in written]
    days = [(n, getattr(fields, n)) for n in DATE_FIELDS if getattr(fields, n) is not None]
    if days:
        mentioned = _mentions(text, anchor, {v for _, v in days})
        missing += [f"{n} {v.isoformat()}" for n, v in days if v not in mentioned]
    seen = re.sub(r"[^0-9a-z]", "", f"{text} {subject}".casefold())
    missing += [f"invoice {n}" for n in finding.invoices if not _core(n) or _core(n) not in seen]
    return missing
