"""Inbound replies: post one (it is recorded and triaged at once), list, read."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Response
from sqlmodel import col, select

from ...agent.slack import notify_pending
from ...tools.errors import UnknownRecord
from ...tools.models import InboundMessage
from ...worker import ingest
from ..decisions import message_row, run_pending
from ..deps import RowId, ServicesDep, SessionDep, WriterDep
from ..errors import ApiError
from ..schemas import MessageIn, MessageOut, MessagePosted
from ..views import message_out
from .common import READ_ERRORS, WRITE_ERRORS

router = APIRouter(prefix="/messages", tags=["messages"])


def _raw(body: MessageIn) -> bytes:
    if (body.raw is None) == (body.raw_base64 is None):
        raise ApiError(422, "give exactly one of raw or raw_base64", "invalid")
    if body.raw is not None:
        if not body.raw.strip():
            raise ApiError(422, "raw is empty", "invalid")
        return body.raw.encode("utf-8", "replace")
    try:
        return base64.b64decode(body.raw_base64 or "", validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(422, "raw_base64 is not valid base64", "invalid") from None


@router.post(
    "",
    status_code=201,
    response_model=MessagePosted,
    responses={
        200: {
            "model": MessagePosted,
            "description": "Already recorded; nothing was processed again",
        },
        **WRITE_ERRORS,
    },
)
def post_message(
    body: MessageIn,
    services: ServicesDep,
    _: WriterDep,
    background: BackgroundTasks,
    response: Response,
) -> MessagePosted:
    """Record a reply (RFC 5322) and triage it now; a waiting approval goes to Slack."""
    raw = _raw(body)
    ingested = ingest(services.ledger, [("api", raw)], folder="api")
    message_id = ingested.ids_by_source["api"]
    created = message_id not in ingested.duplicates
    run_pending(services, [message_id])
    background.add_task(notify_pending, services.ledger, services.notifier)
    if not created:
        response.status_code = 200
    row = message_row(services, message_id)
    assert row is not None
    with services.ledger.session() as session:
        return MessagePosted(created=created, message=message_out(session, row))


@router.get("", response_model=list[MessageOut])
def list_messages(
    session: SessionDep,
    status: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> list[MessageOut]:
    """Newest first; ``status`` filters (received, done, pending_approval, parse_error...)."""
    query = select(InboundMessage).order_by(col(InboundMessage.id).desc())
    if status:
        query = query.where(InboundMessage.status == status)
    rows = session.exec(query.offset(offset).limit(limit)).all()
    return [message_out(session, r) for r in rows]


@router.get("/{message_pk}", response_model=MessageOut, responses=READ_ERRORS)
def get_message(message_pk: RowId, session: SessionDep) -> MessageOut:
    """One reply with its triage (findings, actions) and approval, if any."""
    row = session.get(InboundMessage, message_pk)
    if row is None:
        raise UnknownRecord(f"no message {message_pk}")
    return message_out(session, row)
