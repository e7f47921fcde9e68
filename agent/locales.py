"""A notice's language and locale: how it prints money and dates, and how to tell its language.

Customers and contacts carry a ``language`` (template set: en, de, fr, es) and a
``locale`` (babel, e.g. ``de_DE``); `resolve` picks the contact's, then the
customer's, then ``ARBOX_DEFAULT_LOCALE``. Money and dates are printed with babel:
German, French and Spanish notices use the locale's own currency format
(``1.234,50 €``, ``1 234,50 €``) and long dates (``9. März 2026``); English keeps the
ISO currency code and ISO dates (``USD 1,250.00``, ``2026-03-09``), which read the
same on both sides of the Atlantic. `renderings` lists every way the locale may
print a value, which is what the guardrails accept, and `detect_language` is the
stop-word check that catches a rewrite in the wrong language.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

DEFAULT_LOCALE = "en_US"
LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es")
"""Languages with a full set of notice templates."""
LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}
_DEFAULT_FOR = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES"}
CENT = Decimal("0.01")
_SPACES = re.compile(r"[\u00a0\u202f ]")


@dataclass(frozen=True)
class NoticeLocale:
    """How one notice is written: its template language and its babel locale."""

    language: str
    """en, de, fr or es: which templates are used."""
    locale: str
    """A babel locale of that language (``de_DE``, ``de_CH``, ``fr_FR``...)."""

    def money(self, value: Decimal, currency: str, with_currency: bool = True) -> str:
        """``value`` as this locale prints an amount (bare: the number alone)."""
        return _money(self.language, self.locale, value, currency, with_currency)

    def day(self, value: date) -> str:
        """A date as this locale writes it in a letter."""
        if self.language == "en":
            return value.isoformat()
        return format_date(value, "long", locale=self.locale)

    def renderings(self, value: Decimal, currency: str) -> frozenset[str]:
        """Every accepted way to print ``value`` here (spaces normalised by `squash`)."""
        return _renderings(self.language, self.locale, value, currency)


# Babel formats an amount in about 0.2 ms; a notice prints and proves each of its
# amounts many times (body, statement, PDF, every rewrite attempt), so cache them.
@lru_cache(maxsize=16384)
def _money(language: str, locale: str, value: Decimal, currency: str, with_currency: bool) -> str:
    if language == "en" and value >= 0:
        # What babel prints for English with the ISO pattern, without its cost
        # (tests/notices/test_languages.py holds the two equal).
        number = f"{value.quantize(CENT, rounding=ROUND_HALF_EVEN):,.2f}"
        return f"{currency} {number}" if with_currency else number
    if not with_currency:
        return format_decimal(value, "#,##0.00", locale=locale)
    if language == "en":
        return format_currency(value, currency, "¤¤ #,##0.00", locale=locale, currency_digits=False)
    return format_currency(value, currency, locale=locale)


@lru_cache(maxsize=16384)
def _renderings(language: str, locale: str, value: Decimal, currency: str) -> frozenset[str]:
    forms = {
        _money(language, locale, value, currency, True),
        _money(language, locale, value, currency, False),
        format_currency(value, currency, locale=locale),
        format_currency(value, currency, "¤¤ #,##0.00", locale=locale, currency_digits=False),
        format_currency(value, currency, "#,##0.00 ¤¤", locale=locale, currency_digits=False),
    }
    return frozenset(squash(f) for f in forms)


def squash(text: str) -> str:
    """Every kind of space as one plain space (babel uses no-break and narrow spaces)."""
    return _SPACES.sub(" ", text)


def _valid(locale: str | None) -> str | None:
    if not locale:
        return None
    try:
        return str(Locale.parse(locale.replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=256)
def resolve(
    language: str | None = None, locale: str | None = None, default: str = DEFAULT_LOCALE
) -> NoticeLocale:
    """The notice locale for a recipient's ``language`` and ``locale`` (either may be None).

    An unknown or unsupported language falls back to the default's; a locale of another
    language than the templates' is replaced by that language's usual locale.
    """
    loc = _valid(locale)
    lang = (language or (loc.split("_")[0] if loc else "") or "").lower()[:2]
    if lang not in LANGUAGES:
        loc = _valid(default) or DEFAULT_LOCALE
        lang = loc.split("_")[0]
        if lang not in LANGUAGES:
            lang, loc = "en", DEFAULT_LOCALE
    if loc is None or loc.split("_")[0] != lang:
        loc = _DEFAULT_FOR[lang]
    return NoticeLocale(lang, loc)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and to of is are we you your please for with by this that our in on be if "
        "has have will it as at not would could us"
    ),
    "de": _words(
        "der die das und ist sind wir sie ihr ihre ihnen bitte für mit bis zum zur den dem "
        "des nicht eine ein auf uns noch wird werden oder dass wenn"
    ),
    "fr": _words(
        "le les et est nous vous votre vos des du pour avec une un ce cette que qui pas sur "
        "merci au aux sont être avons"
    ),
    "es": _words(
        "el los las y es está usted su sus del para con una un que por le nos pago antes "
        "sobre ya hemos gracias"
    ),
}
MIN_STOP_WORDS = 6
"""Below this many stop-word hits a text is too short to judge its language."""
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang, stops in STOP_WORDS.items() if w in stops)
    for w in frozenset().union(*STOP_WORDS.values())
}
"""stop word -> the languages it is one of ("le", "un", "que" are French and Spanish)."""


def detect_language(text: str) -> str | None:
    """The language whose stop words ``text`` uses most, or None when too short to tell."""
    scores = dict.fromkeys(STOP_WORDS, 0)  # ties go to the first language, as listed
    if text.isascii():  # lower-casing ASCII keeps every letter a letter: words stay whole
        for word, n in Counter(_WORD_RE.findall(text.lower())).items():
            for lang in _LANGUAGES_OF.get(word, ()):
                scores[lang] += n
    else:
        for word, n in Counter(_WORD_RE.findall(text)).items():
            for lang in _LANGUAGES_OF.get(word.lower(), ()):
                scores[lang] += n
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= MIN_STOP_WORDS else None
