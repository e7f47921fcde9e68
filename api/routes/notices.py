"""Outgoing notices: the list, the held queue, and a person's approve / edit / reject."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from ...agent.notices import edit_notice
from ...agent.notices.statement import attachment_name, notice_statement
from ...agent.notices.trim import notice_locale
from ...tools import notices as store
from ..deps import RowId, ServicesDep, SessionDep, WriterDep
from ..errors import ApiError
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


@router.get(
    "/{notice_id}/statement.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **READ_ERRORS},
)
def statement(notice_id: RowId, session: SessionDep, services: ServicesDep) -> Response:
    """The statement of account the notice would carry if sent today (a review aid)."""
    notice = store.get_notice(session, notice_id)
    today = services.today()
    data = notice_statement(session, notice, today)
    if data is None:
        raise ApiError(404, f"notice {notice_id} has nothing left to dun", "nothing_left")
    name = attachment_name(notice_locale(notice), today)
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )


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
