"""Plan a run's notices on every core: rendering and proving are pure CPU work per notice.

`plan_all` plans in this process when the run is small, the rewriter calls a model
(network-bound: the model's latency, not the CPU, sets the pace) or ``fork`` is not
available; otherwise it forks worker processes that inherit the compiled templates and
patterns, and each plans a share of the notices exactly as `plan.plan_notice` does here.
Nothing in a worker touches the database: the notices are selected before and recorded
after, in this process.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from arbox.tools.dunning import DueNotice

from ..rewrite import OfflineRewriter, Rewriter, make_runner
from .plan import PlannedNotice, plan_notice

MIN_PER_WORKER = 200
"""Below this many notices per extra process, forking costs more than it saves."""
CHUNK = 100
"""Notices a worker plans per task (small enough to share the work out evenly)."""


@dataclass(frozen=True)
class Job:
    """What every notice of a run is planned with."""

    rewriter: Rewriter
    today: date
    flags: dict[int, str]
    default_locale: str
    escalate_after: int

    def plan(self, due: list[DueNotice]) -> list[PlannedNotice]:
        rewrite = make_runner(self.rewriter)
        return [
            plan_notice(
                rewrite,
                d,
                today=self.today,
                flagged=self.flags.get(d.customer_id),
                rewriter_name=self.rewriter.name,
                default_locale=self.default_locale,
                escalate_after=self.escalate_after,
            )
            for d in due
        ]


_inherited: tuple[Job, list[DueNotice]] | None = None
"""The job and its notices, which forked workers inherit (set just before the fork): a
worker is sent only where its share starts and ends, and sends back each plan without
its `DueNotice` (this process has it), so nothing is pickled twice."""


def _plan_share(bounds: tuple[int, int]) -> list[dict[str, Any]]:
    assert _inherited is not None, "set before the workers were forked"
    job, due = _inherited
    return [
        {f.name: getattr(plan, f.name) for f in dataclasses.fields(plan) if f.name != "due"}
        for plan in job.plan(due[bounds[0] : bounds[1]])
    ]


def default_workers() -> int:
    """The processes a run may use: the cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def plan_all(job: Job, due: list[DueNotice], *, workers: int | None = None) -> list[PlannedNotice]:
    """Every notice of ``due`` planned, in order; on up to ``workers`` processes (default:
    the cores available) when the run is large enough to gain from it."""
    n = min(workers or default_workers(), len(due) // MIN_PER_WORKER)
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if n < 2 or not forkable or not isinstance(job.rewriter, OfflineRewriter):
        return job.plan(due)
    global _inherited
    _inherited = (job, due)
    try:
        shares = [(i, min(i + CHUNK, len(due))) for i in range(0, len(due), CHUNK)]
        with multiprocessing.get_context("fork").Pool(n) as pool:
            planned = [fields for part in pool.imap(_plan_share, shares) for fields in part]
    finally:
        _inherited = None
    return [PlannedNotice(due=d, **fields) for d, fields in zip(due, planned, strict=True)]
