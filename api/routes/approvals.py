"""Approvals: the routings the triage graph asks a person about; answering resumes it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Query
from sqlmodel import col, select

from ...tools.models import Approval
from ..decisions import after_decision, decide, get_approval
from ..deps import RowId, ServicesDep, SessionDep, WriterDep
from ..schemas import ApprovalOut, DecideBy, Decided, Edit, Reject
from ..views import approval_out
from .common import READ_ERRORS, WRITE_ERRORS

router = APIRouter(prefix="/approvals", tags=["approvals"])


@router.get("", response_model=list[ApprovalOut])
def list_approvals(
    session: SessionDep,
    status: Annotated[
        Literal["pending", "accepted", "edited", "rejected", "all"], Query()
    ] = "pending",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ApprovalOut]:
    """Pending approvals by default, oldest first."""
    query = select(Approval).order_by(col(Approval.id)).limit(limit)
    if status != "all":
        query = query.where(Approval.status == status)
    return [approval_out(a) for a in session.exec(query).all()]


@router.get("/{approval_id}", response_model=ApprovalOut, responses=READ_ERRORS)
def read_approval(approval_id: RowId, services: ServicesDep) -> ApprovalOut:
    return approval_out(get_approval(services, approval_id))


def _answer(
    services: ServicesDep, approval_id: int, decision: dict, by: str, background: BackgroundTasks
) -> Decided:
    approval, outcome = decide(services, approval_id, decision, by=by)
    background.add_task(after_decision, services, approval_id, outcome)
    return Decided(approval=approval_out(approval), outcome=outcome.as_contract())


@router.post("/{approval_id}/accept", response_model=Decided, responses=WRITE_ERRORS)
def accept(
    approval_id: RowId,
    services: ServicesDep,
    _: WriterDep,
    background: BackgroundTasks,
    body: DecideBy | None = None,
) -> Decided:
    """Run the proposed actions (once)."""
    by = (body or DecideBy()).by
    return _answer(services, approval_id, {"decision": "accept"}, by, background)


@router.post("/{approval_id}/edit", response_model=Decided, responses=WRITE_ERRORS)
def edit(
    approval_id: RowId,
    body: Edit,
    services: ServicesDep,
    _: WriterDep,
    background: BackgroundTasks,
) -> Decided:
    """Run these actions instead (each checked against the agent's tools)."""
    actions = [a.model_dump() for a in body.actions]
    return _answer(
        services, approval_id, {"decision": "edit", "actions": actions}, body.by, background
    )


@router.post("/{approval_id}/reject", response_model=Decided, responses=WRITE_ERRORS)
def reject(
    approval_id: RowId,
    services: ServicesDep,
    _: WriterDep,
    background: BackgroundTasks,
    body: Reject | None = None,
) -> Decided:
    """Run nothing."""
    body = body or Reject()
    return _answer(
        services, approval_id, {"decision": "reject", "note": body.note}, body.by, background
    )
