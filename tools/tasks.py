"""Tasks in the teams' queues: billing, cash_app, credit, sales, collections.

Every action follows `tools.actions`: keyword-only, idempotent under ``key``,
validated before it writes, one audit row.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, bindparam
from sqlalchemy import select as sa_select
from sqlmodel import Session

from .audit import ActionResult, finish, replay
from .enums import Queue, TaskStatus
from .errors import InvalidTransition, InvalidValue, UnknownRecord
from .lookup import choice, get_customer, get_invoices, get_record
from .models import Task, utcnow

ACTOR = "arbox"
"""Who acts when no person does."""
_TASKS: Table = Task.__table__  # type: ignore[attr-defined]
_STATUS = sa_select(_TASKS.c.status).where(_TASKS.c.id == bindparam("id"))


def task_status(session: Session, task_id: int) -> str:
    """A task's status, read without loading the task (`UnknownRecord` as `get_record`)."""
    session.flush()  # what the ORM look-up would see
    status = session.connection().execute(_STATUS, {"id": task_id}).scalar_one_or_none()
    if status is None:
        raise UnknownRecord(f"unknown task #{task_id}")
    return str(status)


def create_task(
    session: Session,
    *,
    key: str | None,
    queue: str,
    summary: str,
    customer: str | int | None = None,
    invoices: Sequence[str] = (),
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """Open a task in a team's queue (billing, cash_app, credit, sales, collections)."""
    if done := replay(session, key, "create_task"):
        return done
    q = choice(Queue, queue, name="queue")
    if not summary.strip():
        raise InvalidValue("a task needs a summary")
    cust = get_customer(session, customer) if customer is not None else None
    invs = get_invoices(session, cust, invoices) if cust is not None else []
    if invoices and cust is None:
        raise InvalidValue("invoices given without a customer")
    row = Task(
        queue=q.value,
        summary=summary.strip(),
        customer_id=cust.id if cust else None,
        invoices=[i.number for i in invs],
        source_message=source_message,
    )
    session.add(row)
    session.flush()
    return finish(
        session,
        action="create_task",
        target=f"task:{row.id}",
        key=key,
        actor=actor,
        after=row,
        record_id=row.id,
        message=f"{q.value} task #{row.id} opened",
    )


def claim_task(
    session: Session, *, key: str | None, task_id: int, assignee: str, actor: str = ACTOR
) -> ActionResult:
    if done := replay(session, key, "claim_task"):
        return done
    row = get_record(session, Task, task_id)
    if row.status != TaskStatus.open:
        raise InvalidTransition(f"task #{task_id} is {row.status}, not open")
    before = row.model_dump()
    row.status, row.assignee = TaskStatus.claimed.value, assignee
    session.add(row)
    return finish(
        session,
        action="claim_task",
        target=f"task:{task_id}",
        key=key,
        actor=actor,
        before=before,
        after=row,
        record_id=task_id,
        message=f"task #{task_id} claimed by {assignee}",
    )


def close_task(
    session: Session,
    *,
    key: str | None,
    task_id: int,
    status: str = "done",
    note: str = "",
    actor: str = ACTOR,
) -> ActionResult:
    if done := replay(session, key, "close_task"):
        return done
    final = choice(TaskStatus, status, name="status")
    if final not in (TaskStatus.done, TaskStatus.cancelled):
        raise InvalidValue("a task closes as done or cancelled")
    row = get_record(session, Task, task_id)
    if row.status in (TaskStatus.done, TaskStatus.cancelled):
        raise InvalidTransition(f"task #{task_id} is already {row.status}")
    before = row.model_dump()
    row.status, row.closed_at = final.value, utcnow()
    session.add(row)
    return finish(
        session,
        action="close_task",
        target=f"task:{task_id}",
        key=key,
        actor=actor,
        before=before,
        after=row,
        record_id=task_id,
        message=note or f"task #{task_id} {final.value}",
    )


def note_task(
    session: Session,
    *,
    key: str | None,
    task_id: int,
    note: str,
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """Add a note to an open task (a follow-up about the same thing), in its audit trail."""
    if done := replay(session, key, "note_task"):
        return done
    if not note.strip():
        raise InvalidValue("a note needs text")
    status = task_status(session, task_id)  # the status alone: a note changes no column
    if status in (TaskStatus.done, TaskStatus.cancelled):
        raise InvalidTransition(f"task #{task_id} is {status}")
    return finish(
        session,
        action="note_task",
        target=f"task:{task_id}",
        key=key,
        actor=actor,
        changed=False,
        after={"note": note.strip(), "source_message": source_message},
        record_id=task_id,
        message=f"note added to task #{task_id}",
    )
