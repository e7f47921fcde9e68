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
from collections.abc import Iterable, Iterator, Sequence
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
# Each pattern opens with a lookahead for the characters a match can start with: one
# test per character of the text instead of one per alternative.
_MONEY_STARTS = re.escape("".join(sorted({c[0] for c in _CODES.split("|")} | set("$€£¥"))))
# The two forms that open with a number share their look-behind: inside a number (most
# digits of a statement) one test fails both. A currency mark never starts with a digit,
# so the first form and the other two never compete for a start.
_MONEY_RE = re.compile(  # groups: cur1, neg, num1, num2, cur2, num3 (`find_amounts`)
    rf"(?=[\d{_MONEY_STARTS}])"
    rf"(?:(?P<cur1>{_CUR}){_SP}?(?P<neg>-)?(?P<num1>{_NUM}){_NOT_AFTER}"
    rf"|(?<![\w.,'/:-])(?:(?P<num2>{_NUM}){_SP}?(?P<cur2>{_CUR})"
    rf"|(?<![$€£¥])(?P<num3>{_BARE}){_NOT_AFTER}(?![\w])))"
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
    r"(?=[{\[<⟦X])"
    r"(?:\{\{.*?\}\}|\{%.*?%\}|\{[A-Za-z_]\w*\}|\[[A-Za-z][A-Za-z _]*\]|<[A-Z][A-Z0-9_ -]*>"
    r"|⟦[^⟧]*⟧|\bX{3,}\b)"
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
_EARLY = (
    r"\b(?:past due|overdue|mahnung\w*|überfällig\w*|relances?|impayée?s?|vencid[ao]s?"
    r"|impagad[ao]s?|requerimiento)\b"
)
# `re.IGNORECASE` makes Python's regex engine about three times slower on these long
# alternations, so each pattern is also compiled case-sensitive and run on the text
# folded once per check (`fold`), which matches exactly what IGNORECASE would.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "ẛ": "ṡ", "ﬅ": "ﬆ"})
"""The letters `re.IGNORECASE` equates beyond lower-casing (`re._compiler._equivalences`)."""


def fold(text: str) -> str | None:
    """``text`` as `re.IGNORECASE` compares it, one character for each (so offsets hold),
    or None when lower-casing changes the length (``İ``): then the slow path is taken."""
    low = text.lower().translate(_FOLD)
    return low if len(low) == len(text) else None


@dataclass(frozen=True)
class Caseless:
    """A lower-case pattern matched case-insensitively: on the folded text when there is
    one, else with `re.IGNORECASE` on the text itself."""

    anycase: re.Pattern[str]
    lower: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str) -> Caseless:
        letters = pattern.replace("(?P<", "(")
        assert letters == letters.lower(), "written in lower case, so folding cannot miss"
        return cls(re.compile(pattern, re.IGNORECASE), re.compile(pattern))

    def finditer(self, text: str, folded: str | None) -> Iterator[re.Match[str]]:
        """Matches (offsets valid in ``text``; read the matched text from ``text``)."""
        return self.lower.finditer(folded) if folded is not None else self.anycase.finditer(text)

    def search(self, text: str, folded: str | None) -> str | None:
        """The first match's text as written in ``text``, or None."""
        m = self.lower.search(folded) if folded is not None else self.anycase.search(text)
        return text[m.start() : m.end()] if m else None


_EARLY_RE = Caseless.compile(_EARLY)
_INVOICE_WORD_RE = Caseless.compile(
    r"(?=[fir])\b(?:invoices?|inv\.?|rechnung(?:en|snummern?)?|factures?|facturas?)(?![a-z])"
    r"[ \t]*(?:no\.?|number|nr\.?|#)?[ \t]*#?[ \t]*"
    r"(?P<ref>[a-z0-9][a-z0-9/-]*\d[a-z0-9/-]*)"
)
_LANGUAGE_RE = {k: Caseless.compile(rf"\b(?:{v})\b") for k, v in _LANGUAGE.items()}


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def first_letters(pattern: str) -> frozenset[str]:
    """The letters a match of ``pattern`` (an alternation of words, each opening with a
    letter or a ``(?:...)`` group of such) can start with."""
    letters: set[str] = set()
    for alt in _alternatives(pattern):
        if alt.startswith("(?:"):
            depth, end = 1, 3  # find the group's closing parenthesis
            while depth:
                depth += {"(": 1, ")": -1}.get(alt[end], 0) if alt[end - 1] != "\\" else 0
                end += 1
            letters |= first_letters(alt[3 : end - 1])
        else:
            assert alt[:1].isalpha() and alt[1:2] not in ("?", "*", "{"), alt
            letters.add(alt[0])
    return frozenset(letters)


@lru_cache(maxsize=32)
def _any_language(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """One pass over the folded text that finds a hit of any of ``kinds`` wherever one of
    their own patterns would: when it finds none, none of them is searched one by one."""
    starts = "".join(sorted(set().union(*(first_letters(_LANGUAGE[k]) for k in kinds))))
    either = "|".join(f"(?:{_LANGUAGE[k]})" for k in kinds)
    return re.compile(rf"(?=[{starts}])\b(?:{either})\b")


@lru_cache(maxsize=65536)
def _amount(num: str) -> Decimal | None:
    """A matched number's value (None: not an amount); notices repeat theirs many times."""
    try:
        return parse_amount(num.replace("’", "'"))
    except MoneyError:
        return None


def find_amounts(text: str) -> list[tuple[Decimal, str | None, str, int]]:
    """Every money amount in ``text``: (value, currency mark or None, text matched, offset)."""
    found = []
    for m in _MONEY_RE.finditer(text):
        cur1, neg, num1, num2, cur2, num3 = m.groups()  # in the order they are written
        value = _amount(num1 or num2 or num3)
        if value is not None:
            found.append((-value if neg else value, cur1 or cur2, m.group(), m.start()))
    return found


def currency_matches(mark: str, currency: str) -> bool:
    """Whether a currency mark (``$``, ``€``, ``EUR``...) can denote ``currency``."""
    if mark == "$":
        return currency.endswith("D")
    return currency in _SYMBOLS.get(mark, {mark})


# Scanned left to right, a match starts and ends where a run of letters and digits does,
# so `findall` needs no lookarounds to take whole references only.
_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*")
_PLAIN_REF_RE = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*")


def _tokens(text: str) -> set[str]:
    """Reference-like tokens, upper-cased: ``INV-10442``, ``PO-7781``, ``2026-02-01``..."""
    if text.isascii():
        # Upper-casing ASCII text maps letters to letters one for one, so its tokens are
        # the tokens upper-cased (one call, not one a token). Not so beyond ASCII: "ß"
        # becomes "SS", and "ı" becomes "I", which would make new tokens.
        return set(_TOKEN_RE.findall(text.upper()))
    return {t.upper() for t in _TOKEN_RE.findall(text)}


@lru_cache(maxsize=4096)
def _ref_re(ref: str) -> re.Pattern[str] | None:
    """How a reference that is not one plain token is found (None: look up the token)."""
    if _PLAIN_REF_RE.fullmatch(ref):
        return None
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(ref)}(?![A-Za-z0-9]|-[A-Za-z0-9])", re.I)


def _named(ref: str, text: str, tokens: set[str]) -> bool:
    """Whether ``ref`` occurs in ``text`` as a whole reference (not inside a longer one)."""
    pattern = _ref_re(ref)
    return ref.upper() in tokens if pattern is None else pattern.search(text) is not None


@lru_cache(maxsize=256)
def _shape_re(prefix: str) -> re.Pattern[str]:
    # The prefix first, then what may not stand before it (a look-behind over the prefix):
    # a pattern that opens with a literal is searched for as one, several times faster.
    p = re.escape(prefix)
    return re.compile(rf"{p}(?<![A-Za-z0-9-]{p})\d+(?:-\d+)?(?![A-Za-z0-9])")


_SHAPE_RE = re.compile(r"([A-Za-z]+[-/ #]?)(\d+)")


def _shape(ref: str) -> re.Pattern[str] | None:
    """`INV-10442` -> a pattern for any `INV-<digits>`: how unknown invoices are spotted."""
    m = _SHAPE_RE.fullmatch(ref)
    return _shape_re(m.group(1)) if m else None


@dataclass(frozen=True)
class LedgerView:
    """What a check needs of the invoices, worked out once per ledger view (a notice's
    body, its statement and every rewrite attempt are checked against the same one)."""

    invoices: tuple[InvoiceView, ...]
    open_invs: tuple[InvoiceView, ...]
    total: Decimal
    """The sum of the open balances."""
    allowed: frozenset[Decimal]
    """Every amount a notice may state: open balances and amounts, and their total."""
    known: frozenset[str]
    """Every invoice number of the view, upper-cased."""
    others: frozenset[str]
    """The POs and projects of the view, upper-cased."""
    shapes: tuple[re.Pattern[str], ...]
    """Patterns for any invoice number shaped like one of the view's."""
    po_shapes: tuple[re.Pattern[str], ...]
    """Patterns for any PO shaped like one of the view's."""

    @classmethod
    @lru_cache(maxsize=256)
    def of(cls, invoices: tuple[InvoiceView, ...]) -> LedgerView:
        open_invs = tuple(inv for inv in invoices if inv.status == "open")
        total = sum((inv.balance for inv in open_invs), Decimal("0"))
        return cls(
            invoices,
            open_invs,
            total,
            frozenset({i.balance for i in open_invs} | {i.amount for i in open_invs} | {total}),
            frozenset(inv.number.upper() for inv in invoices),
            frozenset(r.upper() for inv in invoices for r in (inv.po, inv.project) if r),
            _unique(_shape(inv.number) for inv in invoices),
            _unique(_shape(inv.po) for inv in invoices if inv.po),
        )


def _unique(patterns: Iterable[re.Pattern[str] | None]) -> tuple[re.Pattern[str], ...]:
    return tuple(dict.fromkeys(p for p in patterns if p is not None))


def _named_refs(text: str, folded: str | None, view: LedgerView) -> set[str]:
    """Invoice-looking references in ``text`` (known or not), upper-cased."""
    refs = {
        text[m.start("ref") : m.end("ref")].upper() for m in _INVOICE_WORD_RE.finditer(text, folded)
    }
    for shape in view.shapes:
        refs.update(m.upper() for m in shape.findall(text))
    return {r for r in refs if r not in view.others}


def _labelled_total(text: str, folded: str | None, start: int) -> bool:
    """Whether the amount at ``start`` is labelled a total (within 40 characters before)."""
    lo = max(0, start - 40)
    if (
        folded is not None
        and folded.find("total", lo, start) < 0
        and folded.find("gesamt", lo, start) < 0
    ):
        return False  # the label's words are not there in any case
    # A slice, not search(pos=...): the label's word boundary starts at the slice.
    return _TOTAL_RE.search(text[lo:start]) is not None


@lru_cache(maxsize=65536)
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
    invoices: Sequence[InvoiceView] | LedgerView,
    *,
    currency: str | None = None,
    allows: Iterable[str] = (),
    recipient: str | None = None,
    contact_on_file: str | None = None,
    locale: NoticeLocale | None = None,
    early: bool = False,
) -> GuardrailReport:
    """Prove ``text`` against ``invoices`` (the customer's ledger view; a `LedgerView`
    when the caller proves several texts against the same one); see the module doc."""
    report = GuardrailReport()
    bad = report.violations.append
    view = invoices if isinstance(invoices, LedgerView) else LedgerView.of(tuple(invoices))
    total = view.total
    folded = fold(text)

    # Invoice references.
    tokens = _tokens(text)
    for inv in view.invoices:
        if _named(inv.number, text, tokens):
            report.invoices_named.append(inv.number)
            if inv.status != "open":
                msg = f"{inv.number} is {inv.status}; it may not be named"
                bad(Violation("not_open_named", msg))
    for ref in sorted(_named_refs(text, folded, view) - view.known):
        bad(Violation("unknown_invoice", f"{ref} is not an invoice of this customer's ledger"))
    po_refs = {m.upper() for shape in view.po_shapes for m in shape.findall(text)}
    for ref in sorted(po_refs - view.others - view.known):
        bad(Violation("unknown_reference", f"{ref} is not a PO of the invoices in this notice"))
    named = set(report.invoices_named)
    for inv in view.open_invs:
        if inv.number not in named:
            bad(Violation("open_not_named", f"open invoice {inv.number} is not named"))

    # Money.
    for value, mark, raw, start in find_amounts(text):
        report.amounts.append(value)
        if value not in view.allowed:
            bad(Violation("amount_mismatch", f"{raw!r} is no open balance, amount or total"))
        if mark and currency and not currency_matches(mark, currency):
            bad(Violation("currency_mismatch", f"{raw!r} is not in {currency}"))
        elif locale and currency and not _as_locale_writes(raw, value, currency, locale):
            msg = f"{raw!r} is not how {locale.locale} writes {locale.money(value, currency)!r}"
            bad(Violation("amount_format", msg))
        if value != total and _labelled_total(text, folded, start):
            bad(Violation("total_mismatch", f"total {raw!r} is not the sum {total}"))

    # Leftovers, language, recipient.
    for m in _PLACEHOLDER_RE.finditer(text):
        bad(Violation("placeholder", f"unfilled placeholder {m.group(0)!r}"))
    banned = tuple(kind for kind in _LANGUAGE_RE if kind not in set(allows))
    if banned and (folded is None or _any_language(banned).search(folded)):
        for kind in banned:
            if hit := _LANGUAGE_RE[kind].search(text, folded):
                bad(Violation(f"language_{kind}", f"{hit!r}: this stage does not allow it"))
    if early and (hit := _EARLY_RE.search(text, folded)):
        bad(Violation("language_early", f"{hit!r}: the invoices are not due yet"))
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
