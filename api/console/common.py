"""What every console page shares: templates, tables that download as CSV, responses.

A page hands `render` its tables; ``?csv=<table name>`` on the same URL answers
that table as a CSV file instead of the page, so every table downloads with the
filters the page had.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ...tools.money import format_money
from . import auth

HERE = Path(__file__).resolve().parent.parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@dataclass
class Table:
    """One table of a page: what is shown and what the CSV holds."""

    name: str
    title: str
    columns: Sequence[str]
    rows: list[list[Any]] = field(default_factory=list)
    links: dict[int, list[str | None]] = field(default_factory=dict)
    """Column index -> a link per row (None for no link); the page only, not the CSV."""


def cell(value: Any) -> str:
    """A value as text, the same in the page and the CSV (money keeps its cents)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return str(value)


def percent(value: Decimal | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value * 100:.{digits}f}%"


def number(value: Any, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def csv_query(params: Any, name: str) -> str:
    """The page's query string with ``csv=name``: the table's download link."""
    return urlencode({**dict(params), "csv": name})


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATES))
    t.env.filters.update(
        cell=cell, percent=percent, number=number, money=format_money, urlencode_query=csv_query
    )
    return t


def csv_response(table: Table) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell(v) for v in row])
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{table.name}.csv"'},
    )


def render(
    request: Request,
    template: str,
    *,
    tables: Sequence[Table] = (),
    status_code: int = 200,
    **context: Any,
) -> Response:
    """The page, or one of its tables as CSV when asked with ``?csv=name``."""
    wanted = request.query_params.get("csv")
    if wanted:
        for t in tables:
            if t.name == wanted:
                return csv_response(t)
        return HTMLResponse("no such table", status_code=404)
    session = auth.load(request)
    response = templates().TemplateResponse(
        request,
        template,
        {
            "user": session.user,
            "csrf": auth.csrf_token(request),
            "flash": auth.take_flash(request),
            "tables": {t.name: t for t in tables},
            "active": template.removesuffix(".html"),
            **context,
        },
        status_code=status_code,
    )
    return auth.save(request, response)


def redirect(request: Request, url: str) -> Response:
    """After a post: back to a page (303, so the browser GETs it)."""
    return auth.save(request, RedirectResponse(url, status_code=303))


UserDep = Annotated[str, Depends(auth.current_user)]
"""The signed-in analyst (else the sign-in page)."""


async def form_data(request: Request) -> dict[str, Any]:
    """The posted form as a plain dict (read once; sync routes take it as a parameter)."""
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


FormDep = Annotated[dict[str, Any], Depends(form_data)]
Csrf = Depends(auth.check_csrf)
"""On the sign-in and sign-out posts: refuses a form without this session's CSRF token."""


async def _signed_in_csrf(request: Request) -> None:
    auth.current_user(request)  # first: a stranger is sent to sign in, not told about CSRF
    await auth.check_csrf(request)


Guard = Depends(_signed_in_csrf)
"""On every other console post: a signed-in analyst and this session's CSRF token."""
