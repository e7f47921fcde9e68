"""`arbox demo`: the whole product on the embedded default, no key and no server.

`run_demo` builds the demo company's books and inbox in a folder, triages the
inbox (the replies, and a bounce of a notice sent yesterday) through the composition
root and runs one dunning pass, recorded but not sent; the command line prints what it
returns.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..agent.notices import DunningRunResult
    from ..agent.service import Outcome
    from ..tools.db import Ledger
    from .ledger import DemoSummary


@dataclass
class DemoRun:
    """What the demo built and did."""

    folder: Path
    database_url: str
    summary: DemoSummary
    outcomes: list[Outcome]
    """One per reply, in inbox order."""
    dunning: DunningRunResult
    """The dunning pass, recorded (nothing is sent: the demo has no mail server)."""
    escalations: list[tuple[str, str]] = field(default_factory=list)
    """(customer, task summary) for the credit manager, one per escalated notice."""


def run_demo(folder: Path | None, *, today: date, seed: int = 7) -> DemoRun:
    """Build the demo ledger and inbox, triage the inbox, run one dunning pass."""
    from ..agent.notices import run_dunning
    from ..bootstrap import build
    from ..mailbox.sources import iter_paths
    from ..settings import Settings
    from ..tools.db import Ledger
    from ..worker import ingest, process_pending
    from .inbox import build_demo_inbox
    from .ledger import build_demo_ledger

    where = folder or Path(tempfile.mkdtemp(prefix="arbox-demo-"))
    where.mkdir(parents=True, exist_ok=True)
    db_path = where / "arbox.db"
    if db_path.exists():
        raise ValueError(f"{db_path} already exists; choose an empty --dir")
    url = f"sqlite:///{db_path}"
    ledger = Ledger.open(url)
    try:
        summary = build_demo_ledger(ledger, today=today, seed=seed)
        inbox = build_demo_inbox(ledger, where / "inbox", today=today)
        # The demo is offline whatever the environment says: no key, no server, no Slack.
        settings = Settings(database_url=url, model="offline")
        with build(settings, ledger=ledger, slack=False, today=lambda: today) as app:
            ingested = ingest(app.ledger, iter_paths([str(p) for p in inbox]), folder="demo")
            outcomes = process_pending(app.triager, today=today)
            order = {mid: n for n, mid in enumerate(ingested.new)}
            outcomes.sort(key=lambda o: order.get(o.message_id, 0))
            # Recorded (drafts, held notices, the credit manager's tasks); with no sender
            # nothing is sent.
            dunning = run_dunning(app.ledger, today=today, rewriter=app.rewriter, dry_run=False)
            escalations = escalation_tasks(app.ledger, dunning)
    finally:
        ledger.dispose()
    return DemoRun(where, url, summary, outcomes, dunning, escalations)


def escalation_tasks(ledger: Ledger, run: DunningRunResult) -> list[tuple[str, str]]:
    """(customer, the credit manager's task) for each notice of ``run`` that escalated."""
    from sqlmodel import col, select

    from ..tools.models import AuditLog, Task

    keys = {f"escalation:notice:{n.notice_id}": n.due.customer for n in run.notices if n.escalated}
    if not keys:
        return []
    with ledger.session() as s:
        audits = s.exec(select(AuditLog).where(col(AuditLog.idempotency_key).in_(list(keys))))
        out = []
        for audit in audits:
            task = s.get(Task, int(audit.target.removeprefix("task:")))
            if task is not None and audit.idempotency_key is not None:
                out.append((keys[audit.idempotency_key], task.summary))
    return out
