"""Tasks per queue: the teams' work, claimed and closed through `tools.tasks`."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import func
from sqlmodel import col, select

from ...tools.enums import Queue
from ...tools.errors import LedgerError
from ...tools.models import Customer, Task
from ...tools.tasks import claim_task, close_task
from ..deps import RowId, ServicesDep, SessionDep
from . import auth
from .common import FormDep, Guard, Table, UserDep, redirect, render

router = APIRouter()
SHOWN = {
    "active": ("open", "claimed"),
    "open": ("open",),
    "claimed": ("claimed",),
    "done": ("done",),
    "cancelled": ("cancelled",),
    "all": (),
}


@router.get("/tasks")
def tasks_page(
    request: Request,
    session: SessionDep,
    user: UserDep,
    queue: str = "",
    status: str = "active",
) -> Response:
    statuses = SHOWN.get(status, SHOWN["active"])
    counts: dict[str, dict[str, int]] = {}
    for q, s, n in session.exec(
        select(Task.queue, Task.status, func.count()).group_by(Task.queue, Task.status)
    ):
        counts.setdefault(q, {})[s] = n
    if queue not in Queue.__members__:  # none asked: the queue with the most open tasks
        queue = max(Queue, key=lambda q: counts.get(q.value, {}).get("open", 0)).value
    query = select(Task).where(Task.queue == queue).order_by(col(Task.id))
    if statuses:
        query = query.where(col(Task.status).in_(statuses))
    rows = session.exec(query).all()
    ext = dict(session.exec(select(Customer.id, Customer.external_id)).all())
    table = Table(
        "tasks",
        f"{queue} tasks ({status})",
        ["id", "created", "customer", "invoices", "summary", "status", "assignee", "closed"],
        [
            [
                t.id,
                t.created_at,
                ext.get(t.customer_id),
                t.invoices,
                t.summary,
                t.status,
                t.assignee,
                t.closed_at,
            ]
            for t in rows
        ],
        links={
            2: [
                f"/console/customers/{ext[t.customer_id]}" if t.customer_id in ext else None
                for t in rows
            ]
        },
    )
    return render(
        request,
        "tasks.html",
        tables=[table],
        tasks=rows,
        ext=ext,
        queues=[q.value for q in Queue],
        queue=queue,
        status=status,
        statuses=list(SHOWN),
        counts=counts,
    )


def _back(queue: str) -> str:
    """Back to the queue the form was posted from (the busiest one if unknown)."""
    return f"/console/tasks?queue={queue}" if queue in Queue.__members__ else "/console/tasks"


@router.post("/tasks/{task_id}/claim", dependencies=[Guard])
def claim(
    task_id: RowId, request: Request, services: ServicesDep, user: UserDep, form: FormDep
) -> Response:
    try:
        with services.ledger.transaction() as session:
            claim_task(session, key=None, task_id=task_id, assignee=user, actor=f"analyst:{user}")
        auth.flash(request, "ok", f"task {task_id} claimed by {user}")
    except LedgerError as exc:
        auth.flash(request, "error", str(exc))
    return redirect(request, _back(str(form.get("queue") or "")))


@router.post("/tasks/{task_id}/close", dependencies=[Guard])
def close(
    task_id: RowId, request: Request, services: ServicesDep, user: UserDep, form: FormDep
) -> Response:
    status = "cancelled" if form.get("status") == "cancelled" else "done"
    try:
        with services.ledger.transaction() as session:
            close_task(
                session,
                key=None,
                task_id=task_id,
                status=status,
                note=str(form.get("note") or ""),
                actor=f"analyst:{user}",
            )
        auth.flash(request, "ok", f"task {task_id} {status} by {user}")
    except LedgerError as exc:
        auth.flash(request, "error", str(exc))
    return redirect(request, _back(str(form.get("queue") or "")))
