"""`arbox report`: the AR figures (DSO, CEI, aging, promises, disputes, replies, arbox's own)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from .common import DateOption, DbOption, console, handle_errors, open_ledger, parse_day


def _num(value: Any, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def _pct(value: Any) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


@handle_errors
def report(
    ctx: typer.Context,
    on: DateOption = None,
    months: Annotated[
        int, typer.Option("--months", min=1, max=24, help="Months the period covers")
    ] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object")] = False,
    db: DbOption = None,
) -> None:
    """DSO (countback and simple), CEI, days delinquent, aging, promise-kept, disputes,
    reply rates, and arbox's automation and override rates, each with its definition."""
    from ..tools.analytics import build_report
    from ..tools.audit import jsonable

    day = parse_day(on)
    ledger = open_ledger(ctx, db)
    try:
        with ledger.session() as session:
            result = build_report(session, as_of=day, months=months)
    finally:
        ledger.dispose()
    if as_json:
        data = {
            "as_of": day.isoformat(),
            "months": months,
            **result.figures,
            "definitions": result.definitions,
        }
        typer.echo(json.dumps(jsonable(data), indent=2))
        return
    f, d = result.figures, result.definitions
    r, p, disp, ax = f["receivables"], f["promises"], f["disputes"], f["arbox"]
    period = r["period"]
    table = Table(
        title=f"AR report, {period['start']} to {period['end']} ({period['days']} days)",
        show_lines=False,
    )
    table.add_column("figure")
    table.add_column("value", justify="right")
    capped = "at least " if r["dso_countback_capped"] else ""
    cei = r["cei"]
    rows = [
        ("DSO, countback (days)", capped + _num(r["dso_countback"])),
        ("DSO, simple (days)", _num(r["dso_simple"])),
        ("CEI", _pct(cei / 100 if cei is not None else None)),
        ("average days delinquent", _num(r["add"])),
        ("opening AR", _num(r["opening_ar"], 2)),
        ("credit sales", _num(r["credit_sales"], 2)),
        ("closing total AR", _num(r["closing_ar"], 2)),
        ("closing current AR", _num(r["closing_current_ar"], 2)),
        *[(f"aging {a['bucket']}", f"{_num(a['amount'], 2)} ({a['count']})") for a in r["aging"]],
        ("promise-kept by count", f"{_pct(p['by_count'])} ({p['kept']} of {p['settled']})"),
        (
            "promise-kept by amount",
            f"{_pct(p['by_amount'])} ({_num(p['kept_amount'], 2)} of {_num(p['promised'], 2)})",
        ),
        (
            "dispute cycle, mean / median days",
            f"{_num(disp['closed']['mean'])} / {_num(disp['closed']['median'])}",
        ),
        ("disputes open", str(disp["open"])),
        (
            "automation rate",
            f"{_pct(ax['automation_rate'])} ({ax['automated']} of {ax['triaged']})",
        ),
        ("notices trimmed at send time", f"{ax['trimmed']} ({_pct(ax['trimmed_rate'])})"),
        ("notices cancelled at send time", f"{ax['cancelled']} ({_pct(ax['cancelled_rate'])})"),
    ]
    for label, value in rows:
        table.add_row(label, value)
    console.print(table)
    t = Table(title="DSO by countback at each month-end")
    t.add_column("month-end")
    t.add_column("days", justify="right")
    for point in r["trend"]:
        t.add_row(
            str(point["end"]),
            ("at least " if point["capped"] else "") + _num(point["dso_countback"]),
        )
    console.print(t)
    for dim in ("stage", "tone", "segment"):
        groups = f["replies"][dim]
        if not groups:
            continue
        t = Table(title=f"replies per {dim}")
        for col in (dim, "sent", "answered", "rate", "median hours"):
            t.add_column(col)
        for key, g in sorted(groups.items()):
            t.add_row(
                key, str(g["sent"]), str(g["answered"]), _pct(g["rate"]), _num(g["median_hours"])
            )
        console.print(t)
    if ax["override"]:
        t = Table(title="analyst override rate per intent")
        for col in ("intent", "decided", "overridden", "rate"):
            t.add_column(col)
        for key, v in ax["override"].items():
            t.add_row(key, str(v["decided"]), str(v["overridden"]), _pct(v["rate"]))
        console.print(t)
    console.print("\nDefinitions:", style="bold")
    for key, text in d.items():
        console.print(f"[bold]{key}[/bold]: {text}", highlight=False)
