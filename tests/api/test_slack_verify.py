"""Slack request signatures: Slack's published vector, and every way a request can be wrong."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest
from apikit import SECRET

from arbox.api.slack_verify import (
    WINDOW_SECONDS,
    ReplayGuard,
    SlackRequestRejected,
    sign,
    verify_request,
)

# Slack's documented example (docs.slack.dev, "Verifying requests from Slack").
VECTOR_TS = 1531420618
VECTOR_BODY = (
    b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
    b"channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&"
    b"command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
    b"%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
    b"trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
)
VECTOR_SIG = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"


def headers(sig: str, ts: int) -> dict[str, str]:
    return {"x-slack-signature": sig, "x-slack-request-timestamp": str(ts)}


def test_slacks_published_vector_verifies():
    assert sign(SECRET, VECTOR_BODY, VECTOR_TS)["X-Slack-Signature"] == VECTOR_SIG
    verify_request(
        SECRET,
        VECTOR_BODY,
        headers(VECTOR_SIG, VECTOR_TS),
        ReplayGuard(),
        now=lambda: VECTOR_TS + 10,
    )


@pytest.mark.parametrize(
    "secret, body, ts_offset, now_offset, message",
    [
        ("another-secret", VECTOR_BODY, 0, 0, "does not match"),
        (SECRET, VECTOR_BODY + b"&text=approve", 0, 0, "does not match"),
        (SECRET, VECTOR_BODY, 0, WINDOW_SECONDS + 1, "more than five minutes"),
        (SECRET, VECTOR_BODY, 0, -(WINDOW_SECONDS + 1), "more than five minutes"),
    ],
    ids=["wrong secret", "body altered", "stale", "from the future"],
)
def test_refused(secret, body, ts_offset, now_offset, message):
    with pytest.raises(SlackRequestRejected, match=message):
        verify_request(
            secret,
            body,
            headers(VECTOR_SIG, VECTOR_TS + ts_offset),
            ReplayGuard(),
            now=lambda: VECTOR_TS + now_offset,
        )


def test_a_replayed_request_is_refused_inside_the_window():
    guard = ReplayGuard(now=lambda: VECTOR_TS)
    verify_request(
        SECRET, VECTOR_BODY, headers(VECTOR_SIG, VECTOR_TS), guard, now=lambda: VECTOR_TS
    )
    with pytest.raises(SlackRequestRejected, match="replay"):
        verify_request(
            SECRET, VECTOR_BODY, headers(VECTOR_SIG, VECTOR_TS), guard, now=lambda: VECTOR_TS + 60
        )


@pytest.mark.parametrize(
    "hdrs, message",
    [
        ({}, "missing"),
        ({"x-slack-signature": VECTOR_SIG}, "missing"),
        ({"x-slack-signature": VECTOR_SIG, "x-slack-request-timestamp": "soon"}, "Unix time"),
        ({"x-slack-signature": VECTOR_SIG, "x-slack-request-timestamp": "9" * 40}, "Unix time"),
    ],
)
def test_malformed_headers_are_refused(hdrs, message):
    with pytest.raises(SlackRequestRejected, match=message):
        verify_request(SECRET, VECTOR_BODY, hdrs, ReplayGuard(), now=lambda: VECTOR_TS)


def click_body(user="UALICE", value="1"):
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "actions": [{"action_id": "arbox_accept", "value": value}],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


def test_the_endpoint_refuses_unsigned_stale_replayed_and_altered_requests(slack_client):
    body = click_body(value="999")
    now = int(time.time())
    assert slack_client.post("/slack/actions", content=body).status_code == 401
    stale = sign(SECRET, body, now - WINDOW_SECONDS - 5)
    r = slack_client.post("/slack/actions", content=body, headers=stale)
    assert r.status_code == 401 and "five minutes" in r.json()["detail"]
    wrong = sign("not-the-secret", body, now)
    assert slack_client.post("/slack/actions", content=body, headers=wrong).status_code == 401
    good = sign(SECRET, body, now)
    altered = click_body(value="998")
    assert slack_client.post("/slack/actions", content=altered, headers=good).status_code == 401
    assert slack_client.post("/slack/actions", content=body, headers=good).status_code == 200
    replay = slack_client.post("/slack/actions", content=body, headers=good)
    assert replay.status_code == 401 and "replay" in replay.json()["detail"]


def test_without_a_signing_secret_slack_is_off(client):
    r = client.post("/slack/actions", content=click_body())
    assert r.status_code == 404 and "ARBOX_SLACK_SIGNING_SECRET" in r.json()["detail"]
