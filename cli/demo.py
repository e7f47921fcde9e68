"""`arbox demo`: print what the demo built, understood and would send."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from .common import DateOption, console, handle_errors, parse_day
from .notices import print_run
from .triage import print_outcomes


@handle_errors
def demo(
    folder: Annotated[
        Path | None, typer.Option("--dir", help="Keep the demo here (default: a temporary folder)")
    ] = None,
    on: DateOption = None,
    seed: int = 7,
) -> None:
    """Build a demo ledger and inbox, triage the inbox, run one dunning pass. No key, no server."""
    from ..demo import run_demo

    today = parse_day(on)
    run = run_demo(folder, today=today, seed=seed)
    summary = run.summary
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
    print_outcomes(run.outcomes)
    print_run(run.dunning, console)
    done = sum(o.status == "done" for o in run.outcomes)
    console.print(
        f"{done} replies handled, {len(run.outcomes) - done} waiting for approval "
        f"(`arbox approvals --db {run.database_url}`)",
        highlight=False,
    )
    console.print(f"demo folder: {run.folder}", highlight=False)
