"""The approvals queue: the reply with its evidence marked, findings, the proposed actions,
why a person is asked; accept, edit (a form from the toolbox's declared arguments), reject.

Decisions go through `api.decisions.decide`, the service the API and Slack use: the
graph resumes once, the actions run under ``analyst:<name>``, and the decision is audited.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import Response
from markupsafe import Markup, escape
from sqlmodel import col, select

from ...tools.errors import LedgerError
from ...tools.models import Approval, Customer, InboundMessage
from ..decisions import after_decision, decide
from ..deps import RowId, ServicesDep, SessionDep
from . import auth
from .common import FormDep, Guard, Table, UserDep, redirect, render
from .toolbox import actions_from_form, declared_arguments, shown

router = APIRouter()


def reply_text(row: InboundMessage | None) -> str:
    """The text the classifier read (new text, remittance attached), or the raw subject."""
    if row is None:
        return ""
    from ...worker import incoming, stored_email

    try:
        return incoming(stored_email(row), row).text
    except Exception:  # an unparseable message still shows in the queue
        return row.parse_error or ""


def highlight(text: str, quotes: list[str]) -> Markup:
    """``text`` escaped, with every verbatim occurrence of each quote in <mark>."""
    spans: list[tuple[int, int]] = []
    for q in sorted({q for q in quotes if q and q.strip()}, key=len, reverse=True):
        start = text.find(q)
        while start >= 0:
            end = start + len(q)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = text.find(q, end)
    out, pos = Markup(""), 0
    for s, e in sorted(spans):
        out += escape(text[pos:s]) + Markup("<mark>") + escape(text[s:e]) + Markup("</mark>")
        pos = e
    return out + escape(text[pos:])


def card(approval: Approval, message: InboundMessage | None) -> dict[str, Any]:
    p = approval.proposal or {}
    findings = list(p.get("findings") or [])
    text = reply_text(message)
    return {
        "row": approval,
        "customer": p.get("customer"),
        "sender": p.get("from"),
        "subject": p.get("subject"),
        "findings": findings,
        "actions": [
            {"name": a.get("name"), "args": a.get("args") or {}, "why": a.get("why")}
            for a in p.get("actions") or []
        ],
        "text": highlight(text, [str(f.get("evidence") or "") for f in findings]),
        # The reply's own Date header; when we read it otherwise.
        "received": (message.sent_at or message.received_at) if message else approval.created_at,
    }


@router.get("/approvals")
def approvals_page(request: Request, session: SessionDep, user: UserDep) -> Response:
    pending = session.exec(
        select(Approval).where(Approval.status == "pending").order_by(col(Approval.id))
    ).all()
    ids = [a.message_id for a in pending]
    messages = {
        m.message_id: m
        for m in session.exec(
            select(InboundMessage).where(col(InboundMessage.message_id).in_(ids))
        ).all()
    }
    cards = [card(a, messages.get(a.message_id)) for a in pending]
    decided = session.exec(
        select(Approval)
        .where(Approval.status != "pending")
        .order_by(col(Approval.decided_at).desc())
        .limit(200)
    ).all()
    queue = Table(
        "pending",
        "Waiting for a person",
        ["id", "received", "customer", "from", "subject", "intents", "why a person"],
        [
            [
                c["row"].id,
                c["received"],
                c["customer"],
                c["sender"],
                c["subject"],
                [f.get("intent") for f in c["findings"]],
                c["row"].reasons,
            ]
            for c in cards
        ],
    )
    history = Table(
        "decided",
        "Decided",
        ["id", "customer", "subject", "decision", "by", "at"],
        [
            [
                a.id,
                (a.proposal or {}).get("customer"),
                (a.proposal or {}).get("subject"),
                a.status,
                a.decided_by,
                a.decided_at,
            ]
            for a in decided
        ],
    )
    names = dict(session.exec(select(Customer.external_id, Customer.name)).all())
    return render(
        request,
        "approvals.html",
        tables=[queue, history],
        cards=cards,
        names=names,
        toolbox=declared_arguments(),
        shown=shown,
    )


def _answer(
    request: Request,
    services: ServicesDep,
    approval_id: int,
    decision: dict[str, Any],
    user: str,
    background: BackgroundTasks,
) -> Response:
    try:
        approval, outcome = decide(services, approval_id, decision, by=user)
    except (LedgerError, ValueError) as exc:  # AgentError is a ValueError
        auth.flash(request, "error", f"approval {approval_id}: {exc}")
        return redirect(request, "/console/approvals")
    background.add_task(after_decision, services, approval_id, outcome)
    done = sum(a.get("status") == "done" for a in outcome.actions)
    auth.flash(
        request,
        "ok",
        f"approval {approval_id} {approval.status} by {user}: {done} done, "
        f"{len(outcome.actions) - done} not run",
    )
    return redirect(request, "/console/approvals")


@router.post("/approvals/{approval_id}/accept", dependencies=[Guard])
def accept(
    approval_id: RowId,
    request: Request,
    services: ServicesDep,
    user: UserDep,
    background: BackgroundTasks,
) -> Response:
    return _answer(request, services, approval_id, {"decision": "accept"}, user, background)


@router.post("/approvals/{approval_id}/reject", dependencies=[Guard])
def reject(
    approval_id: RowId,
    request: Request,
    services: ServicesDep,
    user: UserDep,
    background: BackgroundTasks,
    form: FormDep,
) -> Response:
    note = str(form.get("note") or "")
    decision = {"decision": "reject", "note": note}
    return _answer(request, services, approval_id, decision, user, background)


@router.post("/approvals/{approval_id}/edit", dependencies=[Guard])
def edit(
    approval_id: RowId,
    request: Request,
    services: ServicesDep,
    user: UserDep,
    background: BackgroundTasks,
    form: FormDep,
) -> Response:
    try:
        actions = actions_from_form(form)
    except ValueError as exc:
        auth.flash(request, "error", f"approval {approval_id}: {exc}")
        return redirect(request, "/console/approvals")
    decision = {"decision": "edit", "actions": actions}
    return _answer(request, services, approval_id, decision, user, background)
