"""The dashboard: `tools.analytics.build_report` as tables (each a CSV) and SVG charts."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...tools.analytics import build_report
from ..deps import ServicesDep, SessionDep
from .charts import bars
from .common import Table, UserDep, number, percent, render

router = APIRouter()


def capped(flag: bool) -> str:
    """The countback ran out of months: the true DSO is at least the figure."""
    return "≥ " if flag else ""


def _group_table(name: str, title: str, groups: dict[str, dict[str, Any]]) -> Table:
    return Table(
        name,
        title,
        [name, "sent", "answered", "reply rate", "median hours to reply"],
        [
            [k, g["sent"], g["answered"], percent(g["rate"]), number(g["median_hours"])]
            for k, g in sorted(groups.items())
        ],
    )


@router.get("/dashboard")
def dashboard(
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    user: UserDep,
    months: int = 3,
    as_of: str | None = None,
) -> Response:
    months = min(max(months, 1), 24)
    try:
        day = date.fromisoformat(as_of) if as_of else services.today()
    except ValueError:
        day = services.today()
    report = build_report(session, as_of=day, months=months)
    f, d = report.figures, report.definitions
    r, p, disp, rep, ax = f["receivables"], f["promises"], f["disputes"], f["replies"], f["arbox"]
    summary = Table(
        "figures",
        "Figures",
        ["figure", "value", "definition"],
        [
            [
                "DSO, countback method (days)",
                capped(r["dso_countback_capped"]) + number(r["dso_countback"]),
                d["dso_countback"],
            ],
            ["DSO, simple method (days)", number(r["dso_simple"]), d["dso_simple"]],
            [
                "Collection effectiveness index",
                percent(r["cei"] / 100 if r["cei"] is not None else None),
                d["cei"],
            ],
            ["Average days delinquent", number(r["add"]), d["add"]],
            ["Promise-kept rate, by count", percent(p["by_count"]), d["promise_kept"]],
            ["Promise-kept rate, by amount", percent(p["by_amount"]), d["promise_kept"]],
            ["Dispute cycle time, mean days", number(disp["closed"]["mean"]), d["dispute_cycle"]],
            [
                "Dispute cycle time, median days",
                number(disp["closed"]["median"]),
                d["dispute_cycle"],
            ],
            ["Automation rate", percent(ax["automation_rate"]), d["automation"]],
            [
                "Notices trimmed at send time",
                f"{ax['trimmed']} ({percent(ax['trimmed_rate'])})",
                d["send_time"],
            ],
            [
                "Notices cancelled at send time",
                f"{ax['cancelled']} ({percent(ax['cancelled_rate'])})",
                d["send_time"],
            ],
        ],
    )
    period = Table(
        "period",
        "The period's balances",
        ["what", "amount"],
        [
            ["opening AR", r["opening_ar"]],
            ["credit sales", r["credit_sales"]],
            ["closing total AR", r["closing_ar"]],
            ["closing current AR", r["closing_current_ar"]],
            ["best possible DSO (days)", number(r["best_possible_dso"])],
        ]
        + [
            [f"credit sales {m['start']} to {m['end']} ({m['days']} days)", m["sales"]]
            for m in r["months"]
        ],
    )
    dso_trend = Table(
        "trend",
        "DSO by countback at each month-end",
        ["month-end", "DSO countback (days)"],
        [[t["end"], capped(t["capped"]) + number(t["dso_countback"])] for t in r["trend"]],
    )
    aging = Table(
        "aging",
        "Aging",
        ["bucket", "invoices", "amount", "share"],
        [[a["bucket"], a["count"], a["amount"], percent(a["share"])] for a in r["aging"]],
    )
    promises = Table(
        "promises",
        "Promises settled",
        ["settled", "kept", "partial", "broken", "promised", "kept amount"],
        [[p["settled"], p["kept"], p["partial"], p["broken"], p["promised"], p["kept_amount"]]],
    )
    overrides = Table(
        "overrides",
        "Analyst overrides per intent",
        ["intent", "decided", "overridden", "rate"],
        [[k, v["decided"], v["overridden"], percent(v["rate"])] for k, v in ax["override"].items()],
    )
    tables = [
        summary,
        period,
        dso_trend,
        aging,
        promises,
        overrides,
        _group_table("stage", "Replies per stage", rep["stage"]),
        _group_table("tone", "Replies per tone", rep["tone"]),
        _group_table("segment", "Replies per segment", rep["segment"]),
    ]
    charts = {
        "aging": bars(
            [(a["bucket"], a["amount"], number(a["amount"], 2)) for a in r["aging"]],
            title="Open balance by days past due",
        ),
        "sales": bars(
            [(f"to {m['end']}", m["sales"], number(m["sales"], 2)) for m in reversed(r["months"])],
            title="Credit sales per month",
        ),
        "trend": bars(
            [
                (
                    f"{t['end']}",
                    t["dso_countback"],
                    capped(t["capped"]) + number(t["dso_countback"]),
                )
                for t in r["trend"]
            ],
            title="DSO by countback at each month-end",
        ),
        "stage": bars(
            [(k, g["rate"], percent(g["rate"])) for k, g in sorted(rep["stage"].items())],
            title="Reply rate per stage",
        ),
        "override": bars(
            [(k, v["rate"], percent(v["rate"])) for k, v in ax["override"].items()],
            title="Override rate per intent",
        ),
    }
    return render(
        request,
        "dashboard.html",
        tables=tables,
        report=report,
        charts=charts,
        months=months,
        as_of=day,
        disputes=disp,
        replies=rep,
        arbox=ax,
    )
