"""`arbox demo`: the whole product on the embedded default, no key and no server."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .demo_inbox import build_demo_inbox
from .tools.db import Ledger
from .tools.demo import build_demo_ledger


def run_demo(folder: Path | None, *, today: date, seed: int, console: Console) -> None:
    """Build the demo ledger and inbox, triage the inbox, run one dunning pass, print it all."""
    from .agent.checkpoint import open_checkpointer
    from .cli import print_outcomes
    from .mailbox.sources import iter_paths
    from .settings import get_settings
    from .worker import build_triager, ingest, process_pending

    where = folder or Path(tempfile.mkdtemp(prefix="arbox-demo-"))
    where.mkdir(parents=True, exist_ok=True)
    db_path = where / "arbox.db"
    if db_path.exists():
        raise ValueError(f"{db_path} already exists; choose an empty --dir")
    ledger = Ledger.open(f"sqlite:///{db_path}")
    summary = build_demo_ledger(ledger, today=today, seed=seed)
    table = Table(title=f"Demo ledger as of {today.isoformat()}", show_header=False)
    for label, value in [
        ("customers", summary.customers),
        ("invoices", summary.invoices),
        ("open invoices", summary.open_invoices),
        ("open balance", f"{summary.open_balance:,.2f}"),
        ("overdue balance", f"{summary.overdue_balance:,.2f}"),
        ("payments", summary.payments),
        ("unapplied (suspense)", f"{summary.suspense:,.2f}"),
    ]:
        table.add_row(label, str(value))
    console.print(table)

    inbox = build_demo_inbox(ledger, where / "inbox", today=today)
    ingested = ingest(ledger, iter_paths([str(p) for p in inbox]), folder="demo")
    with open_checkpointer(ledger.url) as saver:
        triager = build_triager(ledger, saver, get_settings(), model="offline")
        outcomes = process_pending(triager, today=today)
    order = {mid: n for n, mid in enumerate(ingested.new)}
    outcomes.sort(key=lambda o: order.get(o.message_id, 0))
    print_outcomes(outcomes)
    from .agent.notice_commands import print_run
    from .agent.notices import run_dunning

    run = run_dunning(ledger, today=today, dry_run=True)
    print_run(run, console)
    done = sum(o.status == "done" for o in outcomes)
    console.print(
        f"{done} replies handled, {len(outcomes) - done} waiting for approval "
        f"(`arbox approvals --db sqlite:///{db_path}`)",
        highlight=False,
    )
    console.print(f"demo folder: {where}", highlight=False)
