"""The `arbox` command line (typer + rich).

Bad input ends in one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from .settings import get_settings
from .tools.db import Ledger
from .tools.errors import LedgerError

app = typer.Typer(
    name="arbox",
    help="An open-source collections agent for the shared accounts-receivable inbox.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err = Console(stderr=True, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


def clear_errors(fn: F) -> F:
    """Turn expected failures into one line and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (LedgerError, ValueError, FileNotFoundError, IsADirectoryError) as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def open_ledger(url: str | None = None) -> Ledger:
    return Ledger.open(url or get_settings().database_url)


def parse_day(value: str | None) -> date:
    """`--date` values: ISO dates; none means today."""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--date {value!r} is not a date (YYYY-MM-DD)") from None


DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: ARBOX_DATABASE_URL).")
]


@app.command("import")
@clear_errors
def import_cmd(
    kind: Annotated[str, typer.Argument(help="customers | contacts | invoices | payments")],
    file: Annotated[Path, typer.Argument(exists=False, help="CSV file (, ; or | delimited)")],
    date_format: Annotated[
        str, typer.Option(help="How to read slash dates: us (MM/DD/YYYY) or eu (DD/MM/YYYY).")
    ] = "us",
    db: DbOption = None,
) -> None:
    """Import a CSV file into the ledger; bad rows are reported by line and the rest kept."""
    from .tools.csv_import import import_csv

    report = import_csv(open_ledger(db), kind, file, date_format=date_format)
    console.print(
        f"{kind}: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.errors)} failed",
        highlight=False,
    )
    for line, reason in report.errors:
        err.print(f"{file}:{line}: {reason}", highlight=False, markup=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command("export")
@clear_errors
def export_cmd(
    out: Annotated[
        Path, typer.Option(help="Folder to write open_items.csv and audit_log.csv")
    ] = Path("."),
    on: Annotated[str | None, typer.Option("--date", help="As-of date (default today)")] = None,
    db: DbOption = None,
) -> None:
    """Write the open items and the audit log to CSV."""
    from .tools.csv_export import export_audit, export_open_items

    out.mkdir(parents=True, exist_ok=True)
    with open_ledger(db).session() as s:
        items = export_open_items(s, out / "open_items.csv", today=parse_day(on))
        audit = export_audit(s, out / "audit_log.csv")
    console.print(
        f"wrote {items} open items to {out / 'open_items.csv'} and "
        f"{audit} audit rows to {out / 'audit_log.csv'}",
        highlight=False,
    )


@app.command()
@clear_errors
def demo(
    folder: Annotated[
        Path | None, typer.Option("--dir", help="Keep the demo here (default: a temporary folder)")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="The demo's today (default today)")
    ] = None,
    seed: int = 7,
) -> None:
    """Build a demo ledger and inbox, triage the inbox, run one dunning pass. No key, no server."""
    from .tools.demo import build_demo_ledger

    today = parse_day(on)
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
    console.print(f"database: {db_path}", highlight=False)


def main() -> None:
    app()
