"""`POST /slack/actions`: Slack's interactivity requests (button clicks, the edit modal).

The request is verified on its raw body (signature, five-minute window, no
replay) and answered at once; the graph resumes in a background task after the
answer, so Slack always hears back within its three seconds.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, BackgroundTasks, Request, Response
from fastapi.responses import JSONResponse

from ...agent.act import InvalidPlan
from ...agent.service import ApprovalError
from ...agent.slack_blocks import ACCEPT, EDIT, EDIT_BLOCK, EDIT_CALLBACK, EDIT_INPUT, REJECT
from ...tools.errors import LedgerError
from ..decisions import after_decision, check_edit, decide, get_approval
from ..deps import Services, ServicesDep
from ..errors import ApiError
from ..schemas import Problem
from ..slack_verify import SlackRequestRejected, verify_request

log = logging.getLogger("arbox.slack")
router = APIRouter(tags=["slack"])
DECISIONS = {ACCEPT: "accept", REJECT: "reject"}

_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {"payload": {"type": "string"}},
                    "required": ["payload"],
                }
            }
        },
    }
}


def _payload(body: bytes) -> dict[str, Any]:
    try:
        form = parse_qs(body.decode("utf-8"), strict_parsing=False)
        data = json.loads(form["payload"][0])
    except (KeyError, IndexError, ValueError, UnicodeDecodeError):
        raise ApiError(400, "expected a form field 'payload' holding JSON", "invalid") from None
    if not isinstance(data, dict):
        raise ApiError(400, "the payload is not a JSON object", "invalid")
    return data


def _tell(services: Services, channel: str | None, user: str, text: str) -> None:
    if services.notifier is not None and channel:
        services.notifier.tell(channel, user, text)


def resume(
    services: Services, approval_id: int, decision: dict[str, Any], user: str, channel: str | None
) -> None:
    """Background: answer the approval as ``user`` and show it in Slack; never raises."""
    try:
        _, outcome = decide(services, approval_id, decision, by=user)
    except ApprovalError as exc:  # a second click: nothing changes
        _tell(services, channel, user, f"Nothing changed: {exc}")
        after_decision(services, approval_id, None)
        return
    except (LedgerError, InvalidPlan, ValueError) as exc:
        _tell(services, channel, user, f"Not done: {exc}")
        return
    except Exception:
        log.exception("resuming approval %s failed", approval_id)
        _tell(services, channel, user, "Something went wrong; the approval is still in the API.")
        return
    after_decision(services, approval_id, outcome)


def open_modal(
    services: Services, trigger_id: str, approval_id: int, user: str, channel: str | None
) -> None:
    try:
        approval = get_approval(services, approval_id)
        if approval.status != "pending":
            _tell(services, channel, user, f"Already {approval.status} by {approval.decided_by}.")
            return
        assert services.notifier is not None
        services.notifier.open_edit(trigger_id, approval)
    except Exception as exc:
        log.warning("edit modal for approval %s not opened: %s", approval_id, exc)


def _approval_id(value: Any) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise ApiError(400, "the action carries no approval id", "invalid") from None
    if not 1 <= number <= 2**62:
        raise ApiError(400, "the action carries no approval id", "invalid")
    return number


@router.post(
    "/slack/actions",
    openapi_extra=_FORM,
    responses={
        200: {"description": "Acknowledged"},
        400: {"model": Problem},
        401: {"model": Problem},
        404: {"model": Problem},
    },
)
async def slack_actions(
    request: Request, services: ServicesDep, background: BackgroundTasks
) -> Response:
    """Slack's interactivity request URL. Verified, acknowledged at once, acted on after."""
    secret = services.settings.slack_signing_secret
    if secret is None or not secret.get_secret_value():
        raise ApiError(404, "Slack is off: set ARBOX_SLACK_SIGNING_SECRET", "not_found")
    body = await request.body()
    try:
        verify_request(secret.get_secret_value(), body, request.headers, services.replay_guard)
    except SlackRequestRejected as exc:
        raise ApiError(401, str(exc), "bad_signature") from None
    payload = _payload(body)
    user = str((payload.get("user") or {}).get("id") or "")
    channel = (payload.get("channel") or {}).get("id") or (
        services.notifier.channel if services.notifier else None
    )
    kind = payload.get("type")
    if services.notifier is None or not services.notifier.allowed(user):
        log.warning("Slack user %r may not decide approvals", user)
        background.add_task(
            _tell,
            services,
            channel,
            user,
            "You are not on the list of people who decide approvals.",
        )
        return Response(status_code=200)
    if kind == "block_actions":
        actions = payload.get("actions") or [{}]
        action = actions[0] if isinstance(actions[0], dict) else {}
        approval_id = _approval_id(action.get("value"))
        action_id = action.get("action_id")
        if action_id in DECISIONS:
            background.add_task(
                resume, services, approval_id, {"decision": DECISIONS[action_id]}, user, channel
            )
        elif action_id == EDIT:
            background.add_task(
                open_modal,
                services,
                str(payload.get("trigger_id") or ""),
                approval_id,
                user,
                channel,
            )
        return Response(status_code=200)
    if (
        kind == "view_submission"
        and (payload.get("view") or {}).get("callback_id") == EDIT_CALLBACK
    ):
        view = payload["view"]
        approval_id = _approval_id(view.get("private_metadata"))
        try:
            text = view["state"]["values"][EDIT_BLOCK][EDIT_INPUT]["value"]
            actions = check_edit(json.loads(text))
        except (KeyError, TypeError, ValueError, InvalidPlan) as exc:
            # Keep the modal open and say what is wrong with the JSON.
            return JSONResponse(
                {
                    "response_action": "errors",
                    "errors": {EDIT_BLOCK: f"Not a valid action list: {exc}"[:150]},
                }
            )
        background.add_task(
            resume,
            services,
            approval_id,
            {"decision": "edit", "actions": actions},
            user,
            services.notifier.channel,
        )
        return Response(status_code=200)
    return Response(status_code=200)
