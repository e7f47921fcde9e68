"""Structured facts in a reply's text: amounts, invoice and PO numbers, addresses, terms.

Everything here is pattern work with no opinion about intent; the classifiers use
it to fill `Fields`. Money is always `Decimal`. Invoice numbers that nearly match
the customer's known invoices (a dropped, added, changed or swapped digit) are
mapped to the ledger's spelling with rapidfuzz's optimal-string-alignment distance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rapidfuzz.distance import OSA

from arbox.tools.money import MoneyError, parse_amount

NEAR_MISS_EDITS = 1
"""A written invoice number this many typos (insert, delete, change, swap) from exactly one
known number is taken for it."""

_INDIAN = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"
"""Indian digit grouping (lakh and crore): "2,37,450.00", "1,02,34,500"."""
_NUMBER = (
    rf"{_INDIAN}(?![\d,])|\d{{1,3}}(?:[,.' ]\d{{3}})+(?:[.,]\d{{1,2}}|,-)?|\d+(?:[.,]\d{{1,2}}|,-)?"
)
_CURRENCY = (
    r"US\$|CA\$|A\$|R\$|\$|€|£|₹|\bRs\.?(?=\s?\d)|\beuros?(?=\s?\d[\d.,' ]*\d)|"
    r"\b(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|MXN|BRL|INR)"
)
_AMOUNT_RE = re.compile(
    rf"(?:(?:{_CURRENCY})\s?)?(?<![\w.,#/-])(?P<k>\d{{1,3}}(?:[.,]\d{{1,2}})?)\s?[kK]\b(?!-)"
    rf"|(?P<pre>{_CURRENCY})\s?(?P<a>{_NUMBER})"
    rf"|(?<![\w.,#-])(?P<b>{_NUMBER})\s?(?P<post>€|\$|\b(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|"
    rf"PLN|MXN|BRL|INR|dollars|euros?|Euro|rupees|d[óo]lares|reais|francs|franken|pesos|"
    rf"sterling|zł|złotych|kronor|kroner)\b)"
    rf"|(?<![\w.,#/-])(?P<c>\d{{1,2}}(?:,\d{{2}})+,\d{{3}}\.\d{{2}}|\d{{1,3}}(?:,\d{{3}})*\.\d{{2}}|"
    rf"\d{{1,3}}(?:\.\d{{3}})*,\d{{2}})"
    rf"(?![\d%/]|[.,]\d)",
    re.I,
)
_INV_PREFIXED = re.compile(r"\b(INV[-#_]?\d[\d-]{2,}\d)\b", re.I)
_INV_AFTER_WORD = re.compile(
    r"\b(?:invoices?|inv\.?|bill|rechnung|facture|factura)\s*(?:no\.?|nos\.?|number|num|nr\.?|n°)?"
    r"\s*[:#]?\s*#?\s*((?:[A-Z]{1,4}-)?\d[\d-]{2,}\d)"
    r"((?:\s*(?:,|&|and|\+|/)\s*#?(?:[A-Z]{1,4}-)?\d[\d-]{2,}\d)*)",
    re.I,
)
_HASH_NUMBER = re.compile(r"(?<![\w])#\s?(\d{4,})\b")
_NOT_INVOICE_BEFORE = re.compile(
    r"(?:check|cheque|chk|po|p\.o\.|purchase order|ref|reference|confirmation|conf|order|"
    r"tracking|case|ticket|trace|ach|wire)\s*(?:no\.?|number)?\s*$",
    re.I,
)
_PO_RE = re.compile(
    r"\b(?:P\.?\s?O\.?|purchase\s+order)(?:\s*(?:#|no\.?|number|num|nr\.?))?\s*[:#]?\s*"
    r"(?!number\b|required\b|is\b)([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)",
    re.I,
)
_PO_PREFIXED = re.compile(r"\b(PO-[A-Z0-9-]*\d[A-Z0-9-]*)\b", re.I)
"""A PO number that carries its prefix: ``PO-QL-1182``."""
_ORDER_REF_RE = re.compile(
    r"\b(?:P\.?\s?O\.?(?:-?(?:nummer|number|no|nr|n°))?|purchase\s+order(?:\s+number)?|order\s+number|"
    r"bestellnummer|bestellung|auftragsnummer|ordernummer|inkoopordernummer|inkooporder|"
    r"num[ée]ro de commande|bon de commande|\bBC\b|r[ée]f[ée]rence de commande|orden de compra|"
    r"\bOC\b|n[úu]mero de pedido|pedido|numero d'ordine|ordem de compra|nota de encomenda|\bNE\b|"
    # "ordine", not a transfer order ("numero ordine di bonifico 55812093")
    r"ordine(?! di (?:bonifico|pagamento|versamento))|"
    r"job number|project number|cost cent(?:er|re)|vendor (?:id|number)|(?:correct|right|richtige|"
    r"korrekte|corretto|correcto|correto|juiste|bon) (?:po |order )?(?:number|nummer|numero|"
    r"número|numéro)|(?:numero|número|numéro|nummer) (?:corretto|correto|correcto|correct|juiste))"
    # "ordine n. 4500334455", "pedido nr. 88": the dot of an abbreviated "number" goes on
    r"(?:[^\d\n.]|\b(?:n|nr|no|num)\.){0,40}?(?<![\w-])([A-Z]{0,5}[-/]?\d[A-Z0-9/-]*\d|\d)(?![\w-])",
    re.I,
)
_EMAIL_RE = re.compile(r"\b[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_TERMS_RE = re.compile(
    r"\bnet[\s-]*(\d{1,3})\b|\b(\d{2,3})[\s-]*days?\s+(?:payment\s+)?terms\b"
    r"|\bterms\s+(?:of|are|were|is)\s+(?:net\s+)?(\d{2,3})(?:\s+days)?\b"
    r"|\b(\d{2,3})[\s-]*days?\s+(?:to pay|from invoice|payment window)\b",
    re.I,
)
_REFERENCE_RE = re.compile(
    r"\b(?:check|cheque|chèque|chk|ck|scheck|assegno|warrant|eft|auth)\s*(?:#|no\.?|nr\.?|n°|"
    r"number)?\s*:?\s*#?\s*(\d{3,})\b"
    r"|\b(?:check|cheque|ck)\b[^.#\d\n]{0,25}#\s?(\d{3,})\b"
    r"|\bpayment(?: no\.?| number| #)?\s*:?\s*(\d{5,})\b"
    r"|\b(?:ref(?:erence)?|ref\.ª|référence|referencia|referenz|zahlungsreferenz|riferimento|"
    r"betaalreferentie|betalingskenmerk|bank reference|confirmation(?: code| number)?|conf|"
    r"trace(?: number)?|transaction(?: id)?|trn|utr|remittance|payment (?:id|number|document|ref)|"
    r"wire ref|cro|comprovante|comprobante|autorisation|authori[sz]ation|id da transação|"
    r"zahlungsavis|avviso di pagamento|aviso de pagamento|payment advice|receipt|memo|batch|"
    r"payment run|remesa|lote|zahllauf)\.?(?:\s+(?:de|of|du|del|da|di)\s+\w+)?"
    r"(?:\s*(?:#|no\.?|nr\.?|n°|n\.º|n\.|number|id|code|is|says|ending(?: in)?|:))*\s*"
    r"(?=[A-Z0-9/-]*\d)([A-Z0-9][A-Z0-9/-]{3,}[A-Z0-9])",
    re.I,
)
_METHODS: list[tuple[str, re.Pattern[str]]] = [
    (
        "wire",
        re.compile(
            r"\b(?:wire|wired|wiring|swift|bank transfer|telegraphic|sepa|mt ?103|transfer|via tt|"
            r"transferred|value date|bank portal|\w*überweisung\w*|überwiesen|valuta(?:datum)?|"
            r"fecha valor|date de valeur|"
            r"überweisen|virement|viré|transferencia|transferido|transferimos|transferência|"
            r"bonifico|overgemaakt|overboeking|overgeboekt)\b",
            re.I,
        ),
    ),
    ("ach", re.compile(r"\b(?:ach|eft|direct deposit|electronic funds transfer|bacs)\b", re.I)),
    (
        "check",
        re.compile(
            r"\b(?:check|cheque|chk)\s*(?:#|no\.?|number|\d|was|is|has|in the mail"
            r"|mailed|sent|went|run)|\b(?:mailed|sent|posted|dropped|cut|wrote)\s+(?:off\s+)?(?:a|"
            r"the|our)\s+(?:check|cheque)\b|\bcheck\b(?=[^.]{0,40}\bmail)|\b(?:a|the|our) "
            r"(?:check|cheque)\b|\bchèque|\bscheck\b|\bassegno\b",
            re.I,
        ),
    ),
    (
        "card",
        re.compile(
            r"\b(?:credit card|debit card|card payment|by card|visa|mastercard|amex|carte "
            r"bancaire|par carte|tarjeta|cartão|kreditkarte|creditcard|carta di credito|"
            r"(?:your|the|via|through) (?:online |payment |customer |billing )?portal|(?:on|with) "
            r"(?:the|our|my|a) (?:company |corporate |business |credit )?card)\b",
            re.I,
        ),
    ),
    (
        "other",
        re.compile(r"\b(?:paypal|zelle|venmo|stripe|bill\.com|bizum|pix|boleto)\b", re.I),
    ),
]


@dataclass(frozen=True)
class Mention:
    """A value found at ``start:end`` of the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AmountMention(Mention):
    value: Decimal


_DATE_WORD_BEFORE = re.compile(
    r"\b(?:on|am|vom|seit|bis|zum|ab|per|le|du|au|el|del|al|il|dal|op|em|dated?|since|until|"
    r"from|sinds|vanaf|tot|depuis|desde|datum|fecha|data|date|valuta|value date)\s*:?\s*$",
    re.I,
)


def _is_date(text: str, m: re.Match[str]) -> bool:
    """A bare ``dd.mm`` that is a date: "am 20.11. überwiesen", "on 15.03", "20.11.2026"."""
    day, dot, month = m.group("c").partition(".")
    if not dot or "," in day or "," in month or not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return False
    after = text[m.end() : m.end() + 2]
    if after.startswith(".") and not after[1:].isdigit():
        return True  # "20.11." : the German and Dutch way to write a day
    return bool(_DATE_WORD_BEFORE.search(text[max(0, m.start() - 20) : m.start()]))


_SET_AGAINST = re.compile(
    r"(?<![\w.,#/-])(?P<x>\d{1,3}(?P<g>[.,' ])\d{3}(?:(?P=g)\d{3})*)\s+(?:statt|anstatt|"
    r"anstelle von|instead of|rather than|au lieu de|plutôt que|en vez de|en lugar de|em vez de|"
    r"ao invés de|invece di|invece che|anziché|anziche|in plaats van)"
    r"\s+(?P<y>\d{1,3}(?P=g)\d{3}(?:(?P=g)\d{3})*)(?![\w,/-]|\.\d|\s+(?:units?|pcs|pieces|items|"
    r"cases|boxes|bags|pallets?|kg|lbs?|tons?|m|sq|st(?:ück|k)?|stuks|pièces|unidades|pezzi|"
    r"peças|liters?|litres?)\b)",
    re.I,
)
"""Two whole amounts set against each other with no currency: "4.750 statt 5.000 überwiesen",
"pagamos 4.750 en vez de 5.000" (what was paid against the invoice's gross); never a count
("4,750 instead of 5,000 pieces")."""


_PLAIN = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'"})


def find_amounts(text: str) -> list[AmountMention]:
    """Money amounts: with a currency sign or code, written with cents (``1,250.00``), or in
    thousands (``12k``).

    A bare number is not money when it is a date ("am 20.11.", "on 15.03"), part of a
    phone number, a PO, reference or invoice number (the pattern's look-arounds)."""
    return list(_find_amounts(text))


@lru_cache(maxsize=32)
def _find_amounts(text: str) -> tuple[AmountMention, ...]:
    # Cached like `dates._find_dates`: the classifier's rules and field readers read the same
    # reply and clauses again (the mentions are frozen). Small: re-reads, not across replies.
    found: list[AmountMention] = []
    # Same length, so positions still point into `text`: no-break spaces group thousands
    # ("1 234,50 €"), a typographic apostrophe groups them in Switzerland ("CHF 1’234.50").
    plain = text.translate(_PLAIN)
    for m in _AMOUNT_RE.finditer(plain):
        if m.group("c") and _is_date(plain, m):
            continue
        raw = m.group("k") or m.group("a") or m.group("b") or m.group("c")
        if re.fullmatch(_INDIAN, raw):
            raw = raw.replace(",", "")
        try:
            value = parse_amount(raw.replace(" ", "").removesuffix(",-"))
        except MoneyError:
            continue
        if m.group("k"):
            value = (value * 1000).quantize(Decimal(1))  # "12k", "$1.5k"
        if value > 0:
            written = text[m.start() : m.end()].strip()
            found.append(AmountMention(m.start(), m.end(), written, value))
    for m in _SET_AGAINST.finditer(plain):
        for key in ("x", "y"):
            start, end = m.span(key)
            if any(a.start < end and start < a.end for a in found):
                continue
            try:
                value = parse_amount(m.group(key).replace(" ", ""))
            except MoneyError:
                continue
            found.append(AmountMention(start, end, text[start:end], value))
    return tuple(sorted(found, key=lambda a: a.start))


_NOT_CANON = re.compile(r"[^0-9A-Z]")
_INV_LEAD = re.compile(r"^INV(?:OICE)?")


@lru_cache(maxsize=4096)
def _canon(number: str) -> str:
    return _NOT_CANON.sub("", number.upper())


@lru_cache(maxsize=4096)
def _core(number: str) -> str:
    """The number without a leading INV/INVOICE prefix, for matching."""
    return _INV_LEAD.sub("", _canon(number))


def match_known(written: str, known: Sequence[str]) -> str | None:
    """The known invoice number that ``written`` means (exact or near miss), or None."""
    if not known:
        return None
    core = _core(written)
    by_core = {_core(k): k for k in known}
    if core in by_core:
        return by_core[core]
    if len(core) < 4:
        return None
    close = [k for k in by_core if OSA.distance(core, k) <= NEAR_MISS_EDITS]
    return by_core[close[0]] if len(close) == 1 else None


def find_invoices(text: str, known: Sequence[str] = ()) -> list[str]:
    """Invoice numbers in ``text``: ``INV-10442``, ``INV10442``, ``#10442``, ``invoice 2026-0457``.

    A number that matches one of ``known`` exactly or nearly is returned in the
    known spelling; others as written (without a leading ``#``). No duplicates.
    """
    written: list[tuple[int, str]] = []
    for m in _INV_PREFIXED.finditer(text):
        written.append((m.start(), m.group(1)))
    for m in _INV_AFTER_WORD.finditer(text):
        written.append((m.start(1), m.group(1)))
        for extra in re.finditer(r"#?((?:[A-Z]{1,4}-)?\d[\d-]{2,}\d)", m.group(2) or "", re.I):
            written.append((m.start(2) + extra.start(), extra.group(1)))
    for m in _HASH_NUMBER.finditer(text):
        if not _NOT_INVOICE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            written.append((m.start(), m.group(1)))
    if known:
        cores = {_core(k) for k in known}
        for m in re.finditer(r"\b\d{4,}\b", text):
            if m.group(0) in cores:
                written.append((m.start(), m.group(0)))
    result: list[str] = []
    seen: set[str] = set()
    for _, number in sorted(written):
        number = number.strip().lstrip("#")
        value = match_known(number, known) or number
        if _core(value) not in seen:
            seen.add(_core(value))
            result.append(value)
    return result


def named_invoices(text: str) -> list[str]:
    """Numbers written as invoices ("INV-10442", "invoice 2026-0457", "factura 4410"), not a
    bare "#10442" (a check's number as often as an invoice's)."""
    found = [m.group(1) for m in _INV_PREFIXED.finditer(text)]
    for m in _INV_AFTER_WORD.finditer(text):
        found.append(m.group(1))
        found += re.findall(r"#?((?:[A-Z]{1,4}-)?\d[\d-]{2,}\d)", m.group(2) or "", re.I)
    return found


def find_pos(text: str) -> list[str]:
    """Purchase-order numbers: ``PO 7781``, ``PO# 4500012345``, ``purchase order PO-7781``,
    and order references in other words and languages ("Die Bestellnummer lautet
    4500871234", "la OC 2026-118", "il numero corretto è 4700093211")."""
    out: list[str] = []
    invoices = {_core(n) for n in find_invoices(text)}
    for m in [*_PO_PREFIXED.finditer(text), *_PO_RE.finditer(text), *_ORDER_REF_RE.finditer(text)]:
        number = m.group(1).strip("-/")
        if (
            len(re.sub(r"\D", "", number)) >= 3
            and number not in out
            and not any(number.endswith(o) or o.endswith(number) for o in out)
            and _core(number) not in invoices  # "... a PO number, and INV-51330 has none"
        ):
            out.append(number)
    return out


def find_emails(text: str, exclude: Iterable[str] = ()) -> list[str]:
    """Email addresses, as written, skipping those in ``exclude`` (case-insensitive)."""
    skip = {e.lower() for e in exclude}
    out: list[str] = []
    for m in _EMAIL_RE.finditer(text):
        addr = m.group(0).rstrip(".")
        if addr.lower() not in skip and addr not in out:
            out.append(addr)
    return out


def terms_days(text: str) -> int | None:
    """Payment terms in days: ``net 60``, ``60-day terms``, ``terms of 45 days``."""
    for m in _TERMS_RE.finditer(text):
        raw = next(g for g in m.groups() if g)
        days = int(raw)
        if 7 <= days <= 180:
            return days
    return None


def payment_method(text: str) -> str | None:
    """ach, wire, check, card or other, when the text names one: the one named first."""
    found = method_mentions(text)
    return found[0][1] if found else None


def method_mentions(
    text: str, more: Sequence[tuple[str, re.Pattern[str]]] = ()
) -> list[tuple[int, str]]:
    """(where, method) of the first word of each method ``text`` names (and of each of
    ``more`` patterns), first named first: "once by card on the 3rd and once by ACH" names
    the card first."""
    found = []
    for order, (method, pattern) in enumerate([*_METHODS, *more]):
        m = pattern.search(text)
        if m:
            found.append((m.start(), order, method))
    return [(at, method) for at, _, method in sorted(found)]


def payment_reference(text: str) -> str | None:
    """A check number or a wire/remittance/confirmation reference."""
    m = _REFERENCE_RE.search(text)
    if not m:
        return None
    return next(g for g in m.groups() if g)
