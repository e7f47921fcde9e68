"""`arbox serve` for real (uvicorn in a child process) with Slack pointed at the loopback stub:
post a reply, see the routing in Slack, click Accept, see the ledger and the audit log change."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from urllib.parse import urlencode

import factories as f
import httpx
import pytest
from apikit import DISPUTE, SECRET, TOKEN, eml
from slack_stub import SlackStub

from arbox.api.slack_verify import sign

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.fixture
def server(ledger, tmp_path):
    with ledger.transaction() as s:
        big = f.customer(s, "BIG", name="Globex", segment="strategic", domain="globex.com")
        f.contact(s, big, "buyer@globex.com", role="billing", is_primary=True)
        f.invoice(s, big, "INV-7", "9000.00")
    stub = SlackStub().start()
    port = free_port()
    env = os.environ | {
        "ARBOX_DATABASE_URL": ledger.url,
        "ARBOX_API_TOKEN": TOKEN,
        "ARBOX_SLACK_BOT_TOKEN": "xoxb-test",
        "ARBOX_SLACK_CHANNEL": "#ar",
        "ARBOX_SLACK_SIGNING_SECRET": SECRET,
        "ARBOX_SLACK_BASE_URL": stub.base_url,
        "ARBOX_SLACK_ALLOWED_USERS": '["UALICE"]',
        "ARBOX_SERVE_WATCH": "false",
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", "from arbox.cli import main; main()", "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"

    def up():
        try:
            return httpx.get(f"{base}/health", timeout=1).status_code == 200
        except httpx.TransportError:
            return proc.poll() is not None

    try:
        wait_for(up)
        assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
        yield base, stub
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()
        stub.stop()


def test_serve_reply_slack_accept_ledger(server):
    base, stub = server
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = httpx.post(f"{base}/messages", json={"raw": eml(DISPUTE)}, headers=auth, timeout=30)
    assert r.status_code == 201, r.text
    approval_id = r.json()["message"]["approval"]["id"]
    posted = wait_for(lambda: stub.of("chat.postMessage"))
    assert "priced wrong" in json.dumps(posted[0].data["blocks"])
    wait_for(lambda: httpx.get(f"{base}/approvals/{approval_id}", headers=auth).json()["slack_ts"])

    payload = {
        "type": "block_actions",
        "user": {"id": "UALICE"},
        "channel": {"id": "C0ARBOX"},
        "actions": [{"action_id": "arbox_accept", "value": str(approval_id)}],
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    started = time.monotonic()
    click = httpx.post(
        f"{base}/slack/actions",
        content=body,
        timeout=10,
        headers=sign(SECRET, body, int(time.time()))
        | {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert click.status_code == 200 and time.monotonic() - started < 3

    wait_for(lambda: stub.of("chat.update"))
    decided = httpx.get(f"{base}/approvals/{approval_id}", headers=auth).json()
    assert decided["status"] == "accepted" and decided["decided_by"] == "UALICE"
    assert "Accepted by <@UALICE>" in json.dumps(stub.of("chat.update")[0].data["blocks"])
    tasks = httpx.get(f"{base}/tasks", params={"queue": "sales"}, headers=auth).json()
    assert len(tasks) == 1 and tasks[0]["customer_id"] is not None
    audit = httpx.get(f"{base}/audit", params={"actor": "analyst:UALICE"}, headers=auth).json()
    assert [a["action"] for a in audit] == ["create_task"]
