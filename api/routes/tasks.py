"""Tasks in the teams' queues: list per queue, claim, close."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from sqlalchemy import func
from sqlmodel import col, select

from ...tools.lookup import get_record
from ...tools.models import Task
from ...tools.tasks import claim_task, close_task
from ..deps import RowId, ServicesDep, SessionDep, WriterDep
from ..schemas import TaskClaim, TaskClose, TaskOut
from ..views import task_out
from .common import READ_ERRORS, WRITE_ERRORS

router = APIRouter(tags=["tasks"])
Queue = Literal["billing", "cash_app", "credit", "sales", "collections"]
Status = Literal["open", "claimed", "done", "cancelled"]


@router.get("/queues", response_model=dict[str, dict[str, int]])
def queues(session: SessionDep) -> dict[str, dict[str, int]]:
    """Task counts per queue and status."""
    out: dict[str, dict[str, int]] = {}
    rows = session.exec(
        select(Task.queue, Task.status, func.count()).group_by(Task.queue, Task.status)
    )
    for queue, status, n in rows:
        out.setdefault(queue, {})[status] = n
    return out


@router.get("/tasks", response_model=list[TaskOut])
def list_tasks(
    session: SessionDep,
    queue: Annotated[Queue | None, Query()] = None,
    status: Annotated[Status | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[TaskOut]:
    """Tasks, oldest first; filter by queue and status."""
    query = select(Task).order_by(col(Task.id)).limit(limit)
    if queue:
        query = query.where(Task.queue == queue)
    if status:
        query = query.where(Task.status == status)
    return [task_out(t) for t in session.exec(query).all()]


@router.get("/tasks/{task_id}", response_model=TaskOut, responses=READ_ERRORS)
def read_task(task_id: RowId, session: SessionDep) -> TaskOut:
    return task_out(get_record(session, Task, task_id))


@router.post("/tasks/{task_id}/claim", response_model=TaskOut, responses=WRITE_ERRORS)
def claim(task_id: RowId, body: TaskClaim, services: ServicesDep, _: WriterDep) -> TaskOut:
    """Take an open task."""
    with services.ledger.transaction() as session:
        claim_task(
            session,
            key=None,
            task_id=task_id,
            assignee=body.assignee,
            actor=f"analyst:{body.assignee}",
        )
        return task_out(get_record(session, Task, task_id))


@router.post("/tasks/{task_id}/close", response_model=TaskOut, responses=WRITE_ERRORS)
def close(
    task_id: RowId, services: ServicesDep, _: WriterDep, body: TaskClose | None = None
) -> TaskOut:
    """Close a task as done or cancelled."""
    body = body or TaskClose()
    with services.ledger.transaction() as session:
        close_task(
            session,
            key=None,
            task_id=task_id,
            status=body.status,
            note=body.note,
            actor=f"analyst:{body.by}",
        )
        return task_out(get_record(session, Task, task_id))
