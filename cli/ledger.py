"""`arbox import` and `arbox export`: CSV in and out of the ledger."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import (
    EXIT_FAILED,
    DateOption,
    DbOption,
    console,
    counted,
    err,
    handle_errors,
    open_ledger,
    parse_day,
)


@handle_errors
def import_cmd(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="customers | contacts | invoices | payments")],
    file: Annotated[Path, typer.Argument(exists=False, help="CSV file (, ; or | delimited)")],
    date_format: Annotated[
        str,
        typer.Option(
            help="Day-month order of dates such as 03/04/2026, 03.04.26: "
            "us (month first) or eu (day first)."
        ),
    ] = "us",
    decimal_comma: Annotated[
        bool | None,
        typer.Option(
            "--decimal-comma/--decimal-point",
            help="The amounts' decimal mark. Unset, an amount such as 1.234 is refused.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Import a CSV file into the ledger; bad rows are reported by line and the rest kept."""
    from ..tools.csv_import import import_csv

    decimal = "auto" if decimal_comma is None else "comma" if decimal_comma else "point"
    ledger = open_ledger(ctx, db, create=True)
    report = import_csv(ledger, kind, file, date_format=date_format, decimal=decimal)
    for warning in report.warnings:
        err.print(f"{file}: {warning}", highlight=False, markup=False)
    console.print(
        f"{kind}: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.errors)} failed",
        highlight=False,
    )
    for line, reason in report.errors:
        err.print(f"{file}:{line}: {reason}", highlight=False, markup=False)
    if not report.ok:
        raise typer.Exit(EXIT_FAILED)


@handle_errors
def export_cmd(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option(help="Folder to write open_items.csv and audit_log.csv")
    ] = Path("."),
    on: DateOption = None,
    db: DbOption = None,
) -> None:
    """Write the open items and the audit log to CSV."""
    from ..tools.csv_export import export_audit, export_open_items

    out.mkdir(parents=True, exist_ok=True)
    with open_ledger(ctx, db).session() as s:
        items = export_open_items(s, out / "open_items.csv", today=parse_day(on))
        audit = export_audit(s, out / "audit_log.csv")
    console.print(
        f"wrote {counted(items, 'open item')} to {out / 'open_items.csv'} and "
        f"{counted(audit, 'audit row')} to {out / 'audit_log.csv'}",
        highlight=False,
    )
