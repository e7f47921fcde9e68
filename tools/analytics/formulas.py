"""The AR formulas as pure functions over plain numbers, so a worked example checks them by hand.

Money and ratios are `Decimal`; durations are floats (days or hours).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

ZERO = Decimal("0.00")
BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("current", -(10**6), 0),
    ("1-30", 1, 30),
    ("31-60", 31, 60),
    ("61-90", 61, 90),
    ("over 90", 91, None),
)
"""Aging buckets by days past due (label, first day, last day or open-ended)."""


def ratio(num: Decimal | int, den: Decimal | int) -> Decimal | None:
    """num / den as a Decimal, or None when den is zero."""
    return None if not den else Decimal(num) / Decimal(den)


def dso_countback(closing_ar: Decimal, periods: Sequence[tuple[int, Decimal]]) -> Decimal:
    """DSO by countback; ``periods`` are (days, credit sales), newest first.

    When the periods run out before the AR is used up, the result is their days
    (the true figure is larger).
    """
    left, days = closing_ar, Decimal(0)
    for n_days, sales in periods:
        if left <= 0:
            break
        if sales <= 0:  # nothing sold that month: the AR left is older still
            days += n_days
            continue
        if left >= sales:
            left -= sales
            days += n_days
        else:
            return days + left / sales * n_days
    return days


def dso_simple(closing_ar: Decimal, credit_sales: Decimal, days: int) -> Decimal | None:
    """Closing AR / credit sales x days; None without sales."""
    r = ratio(closing_ar, credit_sales)
    return None if r is None else r * days


def cei(
    opening_ar: Decimal, credit_sales: Decimal, closing_ar: Decimal, closing_current: Decimal
) -> Decimal | None:
    """(opening + sales - closing total) / (opening + sales - closing current) x 100."""
    r = ratio(opening_ar + credit_sales - closing_ar, opening_ar + credit_sales - closing_current)
    return None if r is None else r * 100


@dataclass(frozen=True)
class Settled:
    """A settled promise: what was promised and what came in."""

    status: str
    amount: Decimal
    paid: Decimal


def promise_rates(promises: Iterable[Settled]) -> dict[str, Any]:
    """Kept rate by count and by amount over settled promises (see DEFINITIONS)."""
    done = [p for p in promises if p.status in ("kept", "partial", "broken")]
    promised = sum((p.amount for p in done), ZERO)
    kept_amount = sum((min(p.paid, p.amount) for p in done), ZERO)
    kept = sum(p.status == "kept" for p in done)
    return {
        "settled": len(done),
        "kept": kept,
        "partial": sum(p.status == "partial" for p in done),
        "broken": sum(p.status == "broken" for p in done),
        "by_count": ratio(kept, len(done)),
        "promised": promised,
        "kept_amount": kept_amount,
        "by_amount": ratio(kept_amount, promised),
    }


def aging(items: Iterable[tuple[date, Decimal]], on: date) -> list[dict[str, Any]]:
    """Open balances (due date, balance) into the `BUCKETS` as of ``on``."""
    out: list[dict[str, Any]] = [{"bucket": b[0], "count": 0, "amount": ZERO} for b in BUCKETS]
    for due, balance in items:
        late = (on - due).days
        for row, (_, lo, hi) in zip(out, BUCKETS, strict=True):
            if late >= lo and (hi is None or late <= hi):
                row["count"] += 1
                row["amount"] += balance
                break
    total = sum((r["amount"] for r in out), ZERO)
    for r in out:
        r["share"] = ratio(r["amount"], total)
    return out


def spread(values: Sequence[float]) -> dict[str, Any]:
    """Count, mean and median of durations (None when empty)."""
    if not values:
        return {"count": 0, "mean": None, "median": None}
    return {
        "count": len(values),
        "mean": statistics.fmean(values),
        "median": statistics.median(values),
    }
