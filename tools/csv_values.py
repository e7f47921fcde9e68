"""Reading one CSV cell: amounts, dates, enums, flags, languages and locales.

Every reader raises `ImportRowError` with the column's name and a reason a person
can act on. Nothing here touches the database; a value that passes is one the
ledger can store (e.g. an amount within the `Money` column's range).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from importlib.util import find_spec
from typing import TypeVar

from .errors import ImportRowError
from .money import MoneyError, parse_amount

E = TypeVar("E", bound=StrEnum)

DATE_FORMATS = ("us", "eu")
"""How day-month dates are read (`--date-format`): us is month first, eu day first."""
DECIMALS = ("auto", "point", "comma")
"""The decimal mark of amounts (`--decimal-point`, `--decimal-comma`); auto refuses `1.234`."""
MAX_AMOUNT = Decimal(10) ** 14
"""Amounts must be below this: `Money` is a scaled int64 on SQLite (about 9.2e14) and
NUMERIC(20, 4) on PostgreSQL; one bound for both keeps a file portable."""
LANGUAGES = ("en", "de", "fr", "es", "nl", "it", "pt")
"""Languages a customer or contact may be given (ISO 639-1)."""

_PLAIN = {
    "auto": re.compile(r"-?\d+(?:\.\d{1,2})?"),
    "point": re.compile(r"-?\d+(?:\.\d+)?"),
    "comma": re.compile(r"-?\d+(?:,\d+)?"),
}
_NUMBER = re.compile(r"\d[\d.,' \u00a0\u202f]*")
_DAY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_LOCALE = re.compile(r"([a-z]{2})(?:_([A-Z]{2}))?")
_HAS_BABEL = find_spec("babel") is not None


def amount(raw: str, decimal: str, *, name: str = "amount") -> Decimal:
    """An amount the ledger can store, read with the file's decimal mark."""
    if _PLAIN[decimal].fullmatch(raw):
        # Most cells look like 1234.56: skip the general parser (a 100,000-row import).
        return _storable(Decimal(raw.replace(",", ".")), raw, name)
    if decimal != "auto":
        raw = _canonical_number(raw, "." if decimal == "point" else ",", name)
    elif lone := _lone_separator(raw):
        sep, head = lone
        if 1 <= len(head) <= 3 and head[0] != "0":
            raise ImportRowError(
                f"{name}: {raw!r} could be read two ways (a decimal or a thousands separator); "
                "pass --decimal-point or --decimal-comma"
            )
        raw = _canonical_number(raw, sep, name)  # 0.125, 1234.567: only a decimal mark fits
    try:
        value = parse_amount(raw)
    except MoneyError as exc:
        raise ImportRowError(f"{name}: {exc}") from None
    return _storable(value, raw, name)


def _storable(value: Decimal, raw: str, name: str) -> Decimal:
    if abs(value) >= MAX_AMOUNT:
        raise ImportRowError(f"{name}: {raw!r} is too large (the ledger stores below 10^14)")
    if value != value.quantize(Decimal("0.0001")):
        raise ImportRowError(f"{name}: {raw!r} has more than 4 decimal places")
    return value


def _lone_separator(raw: str) -> tuple[str, str] | None:
    """(separator, digits before it) for `1.234`, `0,125`: one separator, three digits after."""
    match = _NUMBER.search(raw)
    core = match.group().strip() if match else ""
    seps = [c for c in core if c in ".,"]
    if len(seps) != 1:
        return None
    head, tail = core.split(seps[0])
    return (seps[0], head) if len(tail) == 3 and head.isdigit() else None


def _canonical_number(raw: str, mark: str, name: str) -> str:
    """``raw`` with its number rewritten so that `parse_amount` cannot misread it."""
    match = _NUMBER.search(raw)
    if not match:
        return raw  # parse_amount says why it is not an amount
    core = match.group().rstrip()
    group = "," if mark == "." else "."
    head, _, tail = core.partition(mark)
    head = re.sub(r"[' \u00a0\u202f]", "", head)
    if group in tail or mark in tail or (not tail.isdigit() and tail):
        raise ImportRowError(f"{name}: {raw!r} is not an amount with {mark!r} as decimal mark")
    if group in head:
        groups = head.split(group)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise ImportRowError(f"{name}: misplaced thousands separator in {raw!r}")
        head = head.replace(group, "")
    # Three decimals would look like a thousands group to parse_amount: pad with a zero.
    number = head + ("." + tail + ("0" if len(tail) == 3 else "") if tail else "")
    return raw[: match.start()] + number + raw[match.start() + len(core) :]


def day(raw: str, date_format: str, *, name: str) -> date:
    """ISO dates always; ``d/m/y``, ``d.m.y`` or ``d-m-y`` (or month first under us),
    with four- or two-digit years (``00-68`` are 2000-2068, ``69-99`` 1969-1999)."""
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    order = "MM/DD/YYYY" if date_format == "us" else "DD/MM/YYYY"
    match = _DAY.fullmatch(raw)
    if match is None:
        raise ImportRowError(f"{name}: {raw!r} is not a date (YYYY-MM-DD or {order})")
    a, b, y = (int(g) for g in match.groups())
    month, dd = (a, b) if date_format == "us" else (b, a)
    if len(match.group(3)) == 2:
        y += 2000 if y < 69 else 1900
    try:
        return date(y, month, dd)
    except ValueError:
        raise ImportRowError(f"{name}: {raw!r} is not a date (read as {order})") from None


def choice(enum: type[E], raw: str, *, name: str) -> E:
    """A member of ``enum``, whatever the case (`Strategic`, `chronic late`, `CHRONIC-LATE`)."""
    try:
        return enum(re.sub(r"[\s\-]+", "_", raw.strip().lower()))
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise ImportRowError(f"{name} {raw!r} is not one of: {allowed}") from None


def language(raw: str) -> str:
    """A language code among `LANGUAGES`, lower case."""
    code = raw.strip().lower()
    if code not in LANGUAGES:
        raise ImportRowError(f"language {raw!r} is not one of: {', '.join(LANGUAGES)}")
    return code


def locale(raw: str) -> str:
    """A locale such as `de_DE` or `fr_CH` (`de-de` is accepted and normalised)."""
    text = raw.strip().replace("-", "_")
    lang, _, region = text.partition("_")
    text = lang.lower() + ("_" + region.upper() if region else "")
    if _HAS_BABEL:
        from babel import Locale, UnknownLocaleError

        try:
            return str(Locale.parse(text))
        except (UnknownLocaleError, ValueError):
            raise ImportRowError(f"locale {raw!r} is not a known locale") from None
    if not _LOCALE.fullmatch(text):
        raise ImportRowError(f"locale {raw!r} is not a locale such as de_DE or fr_CH")
    return text


def flag(raw: str, *, name: str) -> bool:
    """yes/no, true/false, 1/0, y/n, x (ticked) or empty (no)."""
    text = raw.lower()
    if text in ("", "0", "false", "no", "n"):
        return False
    if text in ("1", "true", "yes", "y", "x"):
        return True
    raise ImportRowError(f"{name}: {raw!r} is not yes/no")


def whole(raw: str, *, name: str, high: int) -> int:
    """A whole number from 0 to ``high``."""
    if not raw.isdigit() or int(raw) > high:
        raise ImportRowError(f"{name}: {raw!r} is not a whole number from 0 to {high}")
    return int(raw)
