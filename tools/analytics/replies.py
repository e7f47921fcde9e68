"""Which notice a customer's reply answers, and reply rates per stage, tone and segment."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .formulas import ratio

REPLY_WINDOW_DAYS = 30
"""A reply with no thread counts for the customer's last notice sent within this many days."""


@dataclass(frozen=True)
class Sent:
    """A notice as sent: who to, when, under which Message-ID, and how it is grouped."""

    id: int
    customer_id: int
    at: datetime
    message_id: str | None = None
    keys: tuple[tuple[str, str], ...] = ()
    """(dimension, value): ("stage", "overdue_7"), ("tone", "firm"), ("segment", ...)."""


@dataclass(frozen=True)
class Reply:
    """A customer's message (auto-replies left out), with the Message-IDs it answers."""

    customer_id: int
    at: datetime
    refs: tuple[str, ...] = ()


def first_replies(sent: Sequence[Sent], replies: Iterable[Reply]) -> dict[int, datetime]:
    """Notice id -> when its first reply came.

    A reply that names a notice's Message-ID (In-Reply-To or References) answers that
    notice; any other reply answers the customer's last notice sent before it, within
    `REPLY_WINDOW_DAYS`. Each reply answers one notice.
    """
    by_mid = {n.message_id: n for n in sent if n.message_id}
    by_customer: dict[int, list[Sent]] = defaultdict(list)
    for n in sorted(sent, key=lambda n: n.at):
        by_customer[n.customer_id].append(n)
    out: dict[int, datetime] = {}
    for r in replies:
        named = [by_mid[m] for m in r.refs if m in by_mid and by_mid[m].at < r.at]
        if named:
            notice: Sent | None = max(named, key=lambda n: n.at)
        else:
            before = [
                n
                for n in by_customer.get(r.customer_id, [])
                if n.at < r.at <= n.at + timedelta(days=REPLY_WINDOW_DAYS)
            ]
            notice = before[-1] if before else None
        if notice is not None and (notice.id not in out or r.at < out[notice.id]):
            out[notice.id] = r.at
    return out


def reply_rates(sent: Sequence[Sent], firsts: dict[int, datetime]) -> dict[str, Any]:
    """Sent, answered, rate and median hours to the first reply, per dimension and value."""
    groups: dict[str, dict[str, dict[str, Any]]] = {"stage": {}, "tone": {}, "segment": {}}
    for n in sent:
        when = firsts.get(n.id)
        for dim, key in n.keys:
            g = groups.setdefault(dim, {}).setdefault(key, {"sent": 0, "answered": 0, "h": []})
            g["sent"] += 1
            if when is not None:
                g["answered"] += 1
                g["h"].append((when - n.at).total_seconds() / 3600)
    for by_key in groups.values():
        for g in by_key.values():
            hours = g.pop("h")
            g["rate"] = ratio(g["answered"], g["sent"])
            g["median_hours"] = statistics.median(hours) if hours else None
    return {"sent": len(sent), **groups}
