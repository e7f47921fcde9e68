"""`arbox demo`: the whole product on the embedded default, no key and no server.

`run_demo` builds the demo company's books and inbox in a folder, triages the
inbox through the composition root and runs one dunning pass (dry run); the
command line prints what it returns.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..agent.notices import DunningRunResult
    from ..agent.service import Outcome
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
            dunning = run_dunning(app.ledger, today=today, rewriter=app.rewriter, dry_run=True)
    finally:
        ledger.dispose()
    return DemoRun(where, url, summary, outcomes, dunning)
