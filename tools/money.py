"""Exact money: parsing, formatting and the database column type.

Money is `Decimal` from the CSV cell to the database row and back. The column
type below stores it exactly on every backend: `NUMERIC(20, 4)` on PostgreSQL,
and a scaled integer (ten-thousandths) on SQLite, whose NUMERIC affinity would
otherwise round through a binary float.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import BigInteger, Numeric
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

SCALE = 4
"""Decimal places kept in storage (enough for every ISO 4217 currency)."""

_QUANT = Decimal(1).scaleb(-SCALE)
_FACTOR = 10**SCALE
CENT = Decimal("0.01")

_CURRENCY_RE = re.compile(r"^(?:[A-Z]{3}|[$€£¥]|US\$|CA\$|A\$)\s*|\s*(?:[A-Z]{3}|[$€£¥])$")


MAX_AMOUNT = Decimal(10) ** 16
"""Amounts must stay below this: what ``NUMERIC(20, 4)`` (and SQLite's scaled integer) holds."""


class MoneyError(ValueError):
    """A text that is not an amount of money."""


def to_money(value: Any) -> Decimal:
    """Coerce ``value`` to an exact Decimal. Floats are refused: they are not exact."""
    if isinstance(value, bool):
        raise MoneyError(f"not an amount: {value!r}")
    if isinstance(value, float):
        raise MoneyError(f"float money is refused (use Decimal or a string): {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        return _in_range(parse_amount(value))
    else:
        raise MoneyError(f"not an amount: {value!r}")
    if not result.is_finite():
        raise MoneyError(f"not a finite amount: {value!r}")
    return _in_range(result)


def _in_range(amount: Decimal) -> Decimal:
    """Refuse what the Money column cannot hold (``NUMERIC(20, 4)``: under 10**16)."""
    if abs(amount) >= MAX_AMOUNT:
        raise MoneyError(f"amount too large to store: {amount}")
    return amount


def parse_amount(text: str) -> Decimal:
    """Parse an amount as people write it.

    Accepts ``1234.56``, ``1,234.56``, ``1.234,56``, ``1 234,56``, ``$1,234.56``,
    ``USD 1,234``, ``1.250,00 €``, ``-12.00`` and ``(120.00)`` (negative). The last
    separator followed by exactly one or two digits is the decimal mark; a lone
    separator followed by three digits is a thousands separator.
    """
    raw = text
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not s:
        raise MoneyError("empty amount")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s = _CURRENCY_RE.sub("", s).strip()
    if s.startswith("-"):
        negative, s = not negative, s[1:].strip()
    elif s.startswith("+"):
        s = s[1:].strip()
    s = _CURRENCY_RE.sub("", s).strip()
    s = s.replace(" ", "").replace("'", "")
    if not s or not re.fullmatch(r"[0-9.,]+", s) or not s[0].isdigit():
        raise MoneyError(f"not an amount: {raw!r}")
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    mark = max(last_dot, last_comma)
    if mark == -1:
        digits = s
    else:
        sep = s[mark]
        tail = s[mark + 1 :]
        other = "," if sep == "." else "."
        both = last_dot != -1 and last_comma != -1
        if both or len(tail) in (1, 2) or (s.count(sep) == 1 and len(tail) != 3):
            # `sep` is the decimal mark; the other separator groups thousands.
            if s.count(sep) > 1 or other in tail:
                raise MoneyError(f"not an amount: {raw!r}")
            head = s[:mark]
            if other in head and not _grouped(head, other):
                raise MoneyError(f"misplaced thousands separator: {raw!r}")
            digits = head.replace(other, "") + "." + tail
        else:
            # Only one kind of separator, each followed by three digits: grouping.
            if not _grouped(s, sep):
                raise MoneyError(f"misplaced thousands separator: {raw!r}")
            digits = s.replace(sep, "")
    try:
        value = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex above
        raise MoneyError(f"not an amount: {raw!r}") from exc
    return -value if negative else value


def _grouped(s: str, sep: str) -> bool:
    groups = s.split(sep)
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def quantize(value: Decimal, places: int = 2) -> Decimal:
    """Round half-even to ``places`` decimals (banker's rounding, as ledgers do)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def format_money(value: Decimal, currency: str = "USD") -> str:
    """``Decimal('1250') -> 'USD 1,250.00'``."""
    return f"{currency} {quantize(value):,.2f}"


class Money(TypeDecorator[Decimal]):
    """An exact Decimal column on SQLite and PostgreSQL alike."""

    impl = Numeric(20, SCALE, asdecimal=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(20, SCALE, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        amount = to_money(value)
        if amount != amount.quantize(_QUANT):
            raise MoneyError(f"more than {SCALE} decimal places: {amount}")
        if dialect.name == "sqlite":
            return int(amount.quantize(_QUANT) * _FACTOR)
        return amount.quantize(_QUANT)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return _canonical(Decimal(int(value)) / _FACTOR)
        return _canonical(Decimal(value))

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


def _canonical(value: Decimal) -> Decimal:
    """Two decimals when the value has no more (``1250.0000 -> 1250.00``)."""
    cents = value.quantize(CENT)
    return cents if cents == value else value.normalize()
