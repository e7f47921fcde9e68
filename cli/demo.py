"""`arbox demo`: print what the demo built, understood and would send."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .common import DateOption, console, handle_errors, parse_day, plain
from .notices import print_run
from .triage import print_outcomes

if TYPE_CHECKING:
    from ..demo import DemoRun


@handle_errors
def demo(
    folder: Annotated[
        Path | None, typer.Option("--dir", help="Keep the demo here (default: a temporary folder)")
    ] = None,
    on: DateOption = None,
    seed: int = 7,
    serve: Annotated[
        bool,
        typer.Option("--serve", help="Then serve the analyst console on the demo (Ctrl-C stops)"),
    ] = False,
    port: Annotated[int, typer.Option(help="Port for --serve")] = 8000,
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
    print_languages(run)
    for customer, task in run.escalations:
        console.print(
            Panel(
                Text(task),
                title=Text(f"Escalated: task for the credit manager ({customer})"),
            ),
            highlight=False,
        )
    done = sum(o.status == "done" for o in run.outcomes)
    console.print(
        f"{done} replies handled, {len(run.outcomes) - done} waiting for approval "
        f"(`arbox approvals --db {run.database_url}`)",
        highlight=False,
    )
    console.print(f"demo folder: {run.folder}", highlight=False)
    if serve:
        serve_console(run, today, port)


def print_languages(run: DemoRun) -> None:
    """The notices not in English: language, subject and opening line, as drafted."""
    table = Table(title="Notices in the customer's language")
    for col in ("customer", "language", "subject", "opening"):
        table.add_column(col)
    for n in run.dunning.notices:
        if n.locale.language != "en":
            opening = next((line for line in n.body.splitlines() if line.strip()), "")
            table.add_row(*plain(n.due.customer, n.locale.locale, n.subject, opening))
    console.print(table)


def serve_console(run: DemoRun, today: date, port: int) -> None:
    """Serve the console on the demo (its dunning pass is recorded: drafts and held
    notices, nothing sent), offline and without Slack, with the demo's date as today."""
    import os
    import secrets

    import uvicorn
    from pydantic import SecretStr

    from ..api import create_app
    from ..settings import Settings

    token = os.environ.get("ARBOX_API_TOKEN") or secrets.token_urlsafe(12)
    settings = Settings(
        database_url=run.database_url,
        model="offline",
        api_token=SecretStr(token),
        slack_bot_token=None,
        slack_channel=None,
        serve_watch=False,
    )
    console.print(
        f"recorded {len(run.dunning.notices)} notices ({len(run.dunning.held)} held for review)\n"
        f"console: http://127.0.0.1:{port}/console  (sign in with your name and the token "
        f"{token})",
        highlight=False,
    )
    uvicorn.run(create_app(settings, today=lambda: today, watch=False), host="127.0.0.1", port=port)
