"""The held-notices queue: text, guardrail report, draft vs rewrite; approve, edit, reject.

Decisions call what the API calls: `tools.notices.approve` / `reject` and
`agent.notices.edit_notice`, which proves an edited text against the ledger as it is
now. A refused edit changes nothing; the page comes back with the analyst's text and
the guardrails' reasons (422).
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel import Session, select

from ...agent.notices import NoticeEditRejected, edit_notice
from ...agent.tones import render_draft
from ...tools import notices as store
from ...tools.errors import LedgerError
from ...tools.models import Customer, OutgoingNotice
from ..deps import RowId, ServicesDep, SessionDep
from . import auth
from .common import FormDep, Guard, Table, UserDep, redirect, render

router = APIRouter()


def plain_draft(session: Session, notice: OutgoingNotice) -> str | None:
    """The plain draft of the notice's invoices as of its run (None when nothing is left)."""
    on = notice.run_date or date.today()
    try:
        fresh = store.reread(session, notice, on)
    except LedgerError:
        return None
    if fresh.due is None:
        return None
    draft = render_draft(fresh.due, today=on)
    return f"{draft.fill(draft.subject)}\n\n{draft.plain}"


def changes(before: str | None, after: str) -> list[tuple[str, str]]:
    """(kind, line) of a line diff, kind one of same, del, add; empty when no draft."""
    if before is None:
        return []
    out = []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        tag, text = line[:2], line[2:]
        if tag == "? ":
            continue
        out.append(({"- ": "del", "+ ": "add"}.get(tag, "same"), text))
    return out


def card(session: Session, notice: OutgoingNotice, names: dict[int, str]) -> dict[str, Any]:
    g = notice.guardrail or {}
    text = f"{notice.subject}\n\n{notice.body}"
    diff = changes(plain_draft(session, notice), text)
    return {
        "row": notice,
        "customer": names.get(notice.customer_id, ""),
        "report": g.get("report") or {},
        "tone": g.get("tone"),
        "outcome": g.get("outcome"),
        "events": g.get("events") or [],
        "diff": diff,
        "rewritten": any(kind != "same" for kind, _ in diff),
    }


def page(
    request: Request, session: Session, refused: dict[int, dict[str, Any]] | None = None
) -> Response:
    held = store.list_notices(session, "held")
    customers = session.exec(select(Customer)).all()
    names = {c.id or 0: f"{c.name} ({c.external_id})" for c in customers}
    ext = {c.id or 0: c.external_id for c in customers}
    cards = [card(session, n, names) for n in held]
    recent = store.list_notices(session, None)[-200:]
    queue = Table(
        "held",
        "Held for review",
        ["id", "customer", "to", "stage", "invoices", "total", "currency", "why held"],
        [
            [
                n.id,
                ext.get(n.customer_id),
                n.to_email,
                n.stage,
                n.invoices,
                n.total,
                n.currency,
                n.held_reason,
            ]
            for n in held
        ],
    )
    everything = Table(
        "notices",
        "All notices (latest 200)",
        ["id", "customer", "stage", "status", "invoices", "total", "run date", "sent at"],
        [
            [
                n.id,
                ext.get(n.customer_id),
                n.stage,
                n.status,
                n.invoices,
                n.total,
                n.run_date,
                n.sent_at,
            ]
            for n in reversed(recent)
        ],
    )
    return render(
        request,
        "notices.html",
        tables=[queue, everything],
        cards=cards,
        refused=refused or {},
        status_code=422 if refused else 200,
    )


@router.get("/notices")
def notices_page(request: Request, session: SessionDep, user: UserDep) -> Response:
    return page(request, session)


@router.post("/notices/{notice_id}/approve", dependencies=[Guard])
def approve(notice_id: RowId, request: Request, services: ServicesDep, user: UserDep) -> Response:
    try:
        with services.ledger.transaction() as session:
            store.approve(session, notice_id, actor=f"analyst:{user}")
        auth.flash(request, "ok", f"notice {notice_id} approved by {user}")
    except LedgerError as exc:
        auth.flash(request, "error", f"notice {notice_id}: {exc}")
    return redirect(request, "/console/notices")


@router.post("/notices/{notice_id}/reject", dependencies=[Guard])
def reject(
    notice_id: RowId, request: Request, services: ServicesDep, user: UserDep, form: FormDep
) -> Response:
    reason = str(form.get("reason") or "")
    try:
        with services.ledger.transaction() as session:
            store.reject(session, notice_id, actor=f"analyst:{user}", reason=reason)
        auth.flash(request, "ok", f"notice {notice_id} rejected by {user}")
    except LedgerError as exc:
        auth.flash(request, "error", f"notice {notice_id}: {exc}")
    return redirect(request, "/console/notices")


@router.post("/notices/{notice_id}/edit", dependencies=[Guard])
def edit(
    notice_id: RowId, request: Request, services: ServicesDep, user: UserDep, form: FormDep
) -> Response:
    subject = str(form.get("subject") or "").strip() or None
    body = str(form.get("body") or "").replace("\r\n", "\n")
    try:
        edit_notice(
            services.ledger,
            notice_id,
            body=body,
            subject=subject,
            today=services.today(),
            actor=f"analyst:{user}",
        )
    except NoticeEditRejected as exc:
        with services.ledger.session() as session:
            refused = {"subject": subject, "body": body, "violations": exc.report.violations}
            return page(request, session, {notice_id: refused})
    except LedgerError as exc:
        auth.flash(request, "error", f"notice {notice_id}: {exc}")
        return redirect(request, "/console/notices")
    auth.flash(request, "ok", f"notice {notice_id} edited by {user}; it passed the guardrails")
    return redirect(request, "/console/notices")
