"""Outgoing notices: the list, the held queue, and a person's approve / edit / reject."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from ...agent.notices import edit_notice
from ...tools import notices as store
from ..deps import RowId, ServicesDep, SessionDep, WriterDep
from ..schemas import DecideBy, NoticeEdit, NoticeOut, NoticeReject
from ..views import notice_out
from .common import READ_ERRORS, WRITE_ERRORS

router = APIRouter(prefix="/notices", tags=["notices"])
Status = Literal["draft", "held", "approved", "sent", "cancelled", "rejected"]


@router.get("", response_model=list[NoticeOut])
def list_notices(
    session: SessionDep, status: Annotated[Status | None, Query()] = None
) -> list[NoticeOut]:
    """Every notice, or those with ``status``; oldest first."""
    return [notice_out(n) for n in store.list_notices(session, status)]


@router.get("/held", response_model=list[NoticeOut])
def held_queue(session: SessionDep) -> list[NoticeOut]:
    """The review queue: notices waiting for a person."""
    return [notice_out(n) for n in store.list_notices(session, "held")]


@router.get("/{notice_id}", response_model=NoticeOut, responses=READ_ERRORS)
def read_notice(notice_id: RowId, session: SessionDep) -> NoticeOut:
    return notice_out(store.get_notice(session, notice_id))


@router.post("/{notice_id}/approve", response_model=NoticeOut, responses=WRITE_ERRORS)
def approve(
    notice_id: RowId, services: ServicesDep, _: WriterDep, body: DecideBy | None = None
) -> NoticeOut:
    """Release a held notice for sending (the send-time check still applies)."""
    by = (body or DecideBy()).by
    with services.ledger.transaction() as session:
        return notice_out(store.approve(session, notice_id, actor=f"analyst:{by}"))


@router.post("/{notice_id}/edit", response_model=NoticeOut, responses=WRITE_ERRORS)
def edit(notice_id: RowId, body: NoticeEdit, services: ServicesDep, _: WriterDep) -> NoticeOut:
    """Replace the text; it must pass the guardrails against the ledger, and is held again."""
    row = edit_notice(
        services.ledger,
        notice_id,
        body=body.body,
        subject=body.subject,
        today=services.today(),
        actor=f"analyst:{body.by}",
    )
    return notice_out(row)


@router.post("/{notice_id}/reject", response_model=NoticeOut, responses=WRITE_ERRORS)
def reject(
    notice_id: RowId, services: ServicesDep, _: WriterDep, body: NoticeReject | None = None
) -> NoticeOut:
    """Never send this notice."""
    body = body or NoticeReject()
    with services.ledger.transaction() as session:
        row = store.reject(session, notice_id, actor=f"analyst:{body.by}", reason=body.reason)
        return notice_out(row)
