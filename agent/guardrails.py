"""Guardrails: prove a finished notice against the ledger (CONTRACTS.md section 2).

`check_notice` is a pure function over a small ledger view, shared by the notice
pipeline and the `arbox eval guardrails` runner. A notice passes only if:

- every invoice number it names is an `open` invoice of the view, and every open
  invoice is named; no invoice of another status, and no unknown invoice or PO, is named;
- every money amount it states (``$1,250.00``, ``USD 1,250``, ``1.250,00 €``, or a
  bare ``1,250.00``) equals an open invoice's balance or amount, or the sum of the open
  balances, to the cent, in the notice's currency; an amount labelled "total" must be
  that sum;
- no placeholder is left (``{{...}}``, ``[Customer Name]``, ``<INVOICE>``, ``⟦...⟧``);
- no legal threat, collection-agency, late-fee or credit-hold language appears unless
  the stage allows that kind;
- the recipient, when given, is the contact on file;
- with the notice's locale given (`agent.locales`): every amount is printed as that
  locale prints it (so ``1.234,50 €`` is read as German and proved to the cent), the
  text is in the locale's language (a stop-word check), and a notice before the due
  date does not call itself a dunning letter (``Mahnung``, ``relance``, "overdue").

Firm-language patterns cover English, German, French and Spanish.

Dates, percentages, "net 30", phone and bank numbers are not money: only numbers
marked with a currency, or written with exactly two decimals, are read as amounts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from arbox.tools.money import MoneyError, parse_amount

from .locales import LANGUAGE_NAMES, NoticeLocale, detect_language, squash

ESCALATIONS: tuple[str, ...] = ("credit_hold", "late_fee", "collections", "legal")
"""Kinds of firm language a stage may allow (cadence.toml `allows`)."""


@dataclass(frozen=True)
class InvoiceView:
    """One invoice as the checker sees it."""

    number: str
    amount: Decimal
    balance: Decimal
    status: str = "open"
    """`open`, `disputed`, `paid`, `promised`, `paused`, or any other word: only
    `open` invoices may (and must) be named."""
    po: str | None = None
    project: str | None = None


@dataclass(frozen=True)
class Violation:
    """One reason a notice may not be sent."""

    code: str
    message: str


@dataclass
class GuardrailReport:
    """The checker's verdict on one text."""

    violations: list[Violation] = field(default_factory=list)
    amounts: list[Decimal] = field(default_factory=list)
    invoices_named: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def codes(self) -> list[str]:
        return sorted({v.code for v in self.violations})

    def describe(self) -> str:
        """The violations as one line each (fed back to a rewriter that must fix them)."""
        return "\n".join(f"- {v.code}: {v.message}" for v in self.violations)

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "violations": [{"code": v.code, "message": v.message} for v in self.violations],
            "amounts": [str(a) for a in self.amounts],
            "invoices_named": list(self.invoices_named),
        }


_CODES = r"USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|CNY|SEK|NOK|DKK|MXN|INR|SGD|HKD|ZAR|BRL|PLN"
_CUR = rf"(?:US\$|CA\$|C\$|A\$|NZ\$|[$€£¥]|\b(?:{_CODES})\b)"
_SP = r"[ \u00a0\u202f]"
# Grouped thousands (`,` `.` `'` or a space) with optional decimals, or plain digits.
_NUM = rf"\d{{1,3}}(?:(?:,|\.|'|’|{_SP})\d{{3}})+(?:[.,]\d{{1,2}})?|\d+(?:[.,]\d{{1,2}})?"
_BARE = r"\d{1,3}(?:,\d{3})+\.\d{2}|\d{1,3}(?:\.\d{3})+,\d{2}|\d+[.,]\d{2}"
_NOT_AFTER = r"(?!\d|[.,'/:-]\d|\s?%)"
_MONEY_RE = re.compile(
    rf"(?P<cur1>{_CUR}){_SP}?(?P<neg>-)?(?P<num1>{_NUM}){_NOT_AFTER}"
    rf"|(?<![\w.,'/:-])(?P<num2>{_NUM}){_SP}?(?P<cur2>{_CUR})"
    rf"|(?<![\w.,'/:$€£¥-])(?P<num3>{_BARE}){_NOT_AFTER}(?![\w])"
)
_SYMBOLS = {
    "€": {"EUR"},
    "£": {"GBP"},
    "¥": {"JPY", "CNY"},
    "US$": {"USD"},
    "CA$": {"CAD"},
    "C$": {"CAD"},
    "A$": {"AUD"},
    "NZ$": {"NZD"},
}
_TOTAL_RE = re.compile(r"\b(?:total|\w*gesamt\w*)\b[^\n\d$€£¥]{0,30}$", re.IGNORECASE)

_PLACEHOLDER_RE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{[A-Za-z_]\w*\}|\[[A-Za-z][A-Za-z _]*\]|<[A-Z][A-Z0-9_ -]*>"
    r"|⟦[^⟧]*⟧|\bX{3,}\b"
)
_INVOICE_WORD_RE = re.compile(
    r"\b(?:invoices?|inv\.?|rechnung(?:en|snummern?)?|factures?|facturas?)(?![a-z])"
    r"[ \t]*(?:no\.?|number|nr\.?|#)?[ \t]*#?[ \t]*"
    r"(?P<ref>[A-Za-z0-9][A-Za-z0-9/-]*\d[A-Za-z0-9/-]*)",
    re.IGNORECASE,
)
_LANGUAGE = {
    "legal": r"legal (?:action|proceedings|steps|remed(?:y|ies))|attorneys?|lawyers?|lawsuit"
    r"|litigation|court|sue|suing|legal counsel|solicitors?"
    r"|rechtliche(?:n)? schritte|rechtsanwalt\w*|anwalt\w*|gerichtlich\w*|gericht|klage"
    r"|mahnbescheid"
    r"|mise en demeure|poursuites? judiciaires?|action en justice|avocats?|tribunal\w*"
    r"|huissier|injonction de payer|contentieux"
    r"|acciones? (?:legales|judicial(?:es)?)|abogados?|tribunales|demanda judicial"
    r"|procedimiento judicial|vía judicial|reclamación judicial",
    "collections": r"collection agency|collections agency|debt collect\w*|collection firm"
    r"|third[- ]party collect\w*|(?:referr?\w*|sen[dt]|assign\w*|turn\w* over) "
    r"(?:\w+ ){0,3}to (?:a )?collections?"
    r"|inkasso\w*|(?:société|agence|cabinet) de recouvrement|recouvrement forcé"
    r"|agencia de (?:cobro|recobro)s?|empresa de (?:cobro|recobro)s?",
    "late_fee": r"late (?:payment )?(?:fees?|charges?)|interest charges?|finance charges?"
    r"|penalt(?:y|ies)|interest (?:at|of) \d"
    r"|verzugszinsen|mahngebühr\w*|säumniszuschl\w*|verzugspauschale"
    r"|pénalités? de retard|intérêts de retard|indemnité forfaitaire"
    r"|intereses de demora|recargos?|penalizaci\w+",
    "credit_hold": r"credit hold|on hold|hold (?:on )?(?:your|all|new|further) (?:orders|shipments"
    r"|account)|suspend\w* (?:\w+ ){0,2}(?:account|shipments|orders|credit|deliveries)"
    r"|stop (?:all )?(?:shipments|deliveries)"
    r"|liefersperre|kreditsperre|(?:kunden)?konto (?:\w+ )?gesperrt|nicht mehr ausgeliefert"
    r"|compte sera bloqué|blocage (?:de votre|du) compte|livraisons? (?:\w+ )?suspendues?"
    r"|suspension des livraisons|aucune nouvelle commande ne sera livrée"
    r"|cuenta quedará bloqueada|bloqueo de (?:su|la) cuenta|suspender\w* (?:los )?envíos"
    r"|no se servirán nuevos pedidos",
}
_EARLY_RE = re.compile(
    r"\b(?:past due|overdue|mahnung\w*|überfällig\w*|relances?|impayée?s?|vencid[ao]s?"
    r"|impagad[ao]s?|requerimiento)\b",
    re.IGNORECASE,
)
_LANGUAGE_RE = {k: re.compile(rf"\b(?:{v})\b", re.IGNORECASE) for k, v in _LANGUAGE.items()}


def find_amounts(text: str) -> list[tuple[Decimal, str | None, str, int]]:
    """Every money amount in ``text``: (value, currency mark or None, text matched, offset)."""
    found = []
    for m in _MONEY_RE.finditer(text):
        num = m.group("num1") or m.group("num2") or m.group("num3")
        cur = m.group("cur1") or m.group("cur2")
        try:
            value = parse_amount(num.replace("’", "'"))
        except MoneyError:
            continue
        if m.group("neg"):
            value = -value
        found.append((value, cur, m.group(0), m.start()))
    return found


def currency_matches(mark: str, currency: str) -> bool:
    """Whether a currency mark (``$``, ``€``, ``EUR``...) can denote ``currency``."""
    if mark == "$":
        return currency.endswith("D")
    return currency in _SYMBOLS.get(mark, {mark})


_TOKEN_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*(?![A-Za-z0-9])")
_PLAIN_REF_RE = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*")


def _tokens(text: str) -> set[str]:
    """Reference-like tokens, upper-cased: ``INV-10442``, ``PO-7781``, ``2026-02-01``..."""
    return {m.group(0).upper() for m in _TOKEN_RE.finditer(text)}


def _named(ref: str, text: str, tokens: set[str]) -> bool:
    """Whether ``ref`` occurs in ``text`` as a whole reference (not inside a longer one)."""
    if _PLAIN_REF_RE.fullmatch(ref):
        return ref.upper() in tokens
    pattern = rf"(?<![A-Za-z0-9]){re.escape(ref)}(?![A-Za-z0-9]|-[A-Za-z0-9])"
    return re.search(pattern, text, re.IGNORECASE) is not None


@lru_cache(maxsize=256)
def _shape_re(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9-]){re.escape(prefix)}\d+(?:-\d+)?(?![A-Za-z0-9])")


def _shape(ref: str) -> re.Pattern[str] | None:
    """`INV-10442` -> a pattern for any `INV-<digits>`: how unknown invoices are spotted."""
    m = re.fullmatch(r"([A-Za-z]+[-/ #]?)(\d+)", ref)
    return _shape_re(m.group(1)) if m else None


def _named_refs(text: str, invoices: Sequence[InvoiceView], others: set[str]) -> set[str]:
    """Invoice-looking references in ``text`` (known or not), upper-cased."""
    refs = {m.group("ref").upper() for m in _INVOICE_WORD_RE.finditer(text)}
    for shape in {s for inv in invoices if (s := _shape(inv.number)) is not None}:
        refs.update(m.group(0).upper() for m in shape.finditer(text))
    return {r for r in refs if r not in others}


def _as_locale_writes(raw: str, value: Decimal, currency: str, locale: NoticeLocale) -> bool:
    """Whether ``raw`` is one of the ways ``locale`` writes ``value`` (the notice's own
    format first: it is what drafts print, and cheap)."""
    text = squash(raw)
    if text in (
        squash(locale.money(value, currency)),
        squash(locale.money(value, currency, False)),
    ):
        return True
    return text in locale.renderings(value, currency)


def check_notice(
    text: str,
    invoices: Sequence[InvoiceView],
    *,
    currency: str | None = None,
    allows: Iterable[str] = (),
    recipient: str | None = None,
    contact_on_file: str | None = None,
    locale: NoticeLocale | None = None,
    early: bool = False,
) -> GuardrailReport:
    """Prove ``text`` against ``invoices`` (the customer's ledger view); see the module doc."""
    report = GuardrailReport()
    bad = report.violations.append
    open_invs = [inv for inv in invoices if inv.status == "open"]
    total = sum((inv.balance for inv in open_invs), Decimal("0"))
    allowed = {inv.balance for inv in open_invs} | {inv.amount for inv in open_invs} | {total}

    # Invoice references.
    known = {inv.number.upper(): inv for inv in invoices}
    others = {r.upper() for inv in invoices for r in (inv.po, inv.project) if r}
    tokens = _tokens(text)
    for inv in invoices:
        if _named(inv.number, text, tokens):
            report.invoices_named.append(inv.number)
            if inv.status != "open":
                msg = f"{inv.number} is {inv.status}; it may not be named"
                bad(Violation("not_open_named", msg))
    for ref in sorted(_named_refs(text, invoices, others) - set(known)):
        bad(Violation("unknown_invoice", f"{ref} is not an invoice of this customer's ledger"))
    po_shapes = {s for inv in invoices if inv.po and (s := _shape(inv.po)) is not None}
    po_refs = {m.group(0).upper() for shape in po_shapes for m in shape.finditer(text)}
    for ref in sorted(po_refs - others - set(known)):
        bad(Violation("unknown_reference", f"{ref} is not a PO of the invoices in this notice"))
    for inv in open_invs:
        if inv.number not in report.invoices_named:
            bad(Violation("open_not_named", f"open invoice {inv.number} is not named"))

    # Money.
    for value, mark, raw, start in find_amounts(text):
        report.amounts.append(value)
        if value not in allowed:
            bad(Violation("amount_mismatch", f"{raw!r} is no open balance, amount or total"))
        if mark and currency and not currency_matches(mark, currency):
            bad(Violation("currency_mismatch", f"{raw!r} is not in {currency}"))
        elif locale and currency and not _as_locale_writes(raw, value, currency, locale):
            msg = f"{raw!r} is not how {locale.locale} writes {locale.money(value, currency)!r}"
            bad(Violation("amount_format", msg))
        before = text[max(0, start - 40) : start]
        if value != total and _TOTAL_RE.search(before):
            bad(Violation("total_mismatch", f"total {raw!r} is not the sum {total}"))

    # Leftovers, language, recipient.
    for m in _PLACEHOLDER_RE.finditer(text):
        bad(Violation("placeholder", f"unfilled placeholder {m.group(0)!r}"))
    allowed_language = set(allows)
    for kind, pattern in _LANGUAGE_RE.items():
        if kind not in allowed_language and (hit := pattern.search(text)):
            bad(Violation(f"language_{kind}", f"{hit.group(0)!r}: this stage does not allow it"))
    if early and (hit := _EARLY_RE.search(text)):
        bad(Violation("language_early", f"{hit.group(0)!r}: the invoices are not due yet"))
    if locale is not None:
        found = detect_language(text)
        if found is not None and found != locale.language:
            name = LANGUAGE_NAMES.get(found, found)
            msg = f"written in {name}; this customer's notices are in {locale.language}"
            bad(Violation("language_mismatch", msg))
    if recipient is not None:
        if contact_on_file is None:
            bad(Violation("recipient", f"{recipient}: no contact on file to send to"))
        elif recipient.strip().lower() != contact_on_file.strip().lower():
            bad(Violation("recipient", f"{recipient} is not the contact on file"))
    return report
