"""With a token configured, reads of customer and ledger data need it too; health and
Slack's signed callbacks stay open; the docs page renders offline (no CDN)."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time

import pytest
import uvicorn
from apikit import AUTH, DISPUTE, eml, settings

from arbox.agent import build_classifier
from arbox.api.app import create_app

READS = [
    "/messages",
    "/approvals",
    "/notices",
    "/tasks",
    "/customers",
    "/invoices/INV-1",
    "/audit",
    "/queues",
]


def test_reads_need_the_token_when_one_is_configured(client, books):
    assert client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH).status_code == 201
    for path in READS:
        anonymous = client.get(path, headers={})
        assert anonymous.status_code == 401, (path, anonymous.text)
        assert "Bearer" in anonymous.headers["www-authenticate"]
        wrong = client.get(path, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401, path
        assert client.get(path, headers=AUTH).status_code == 200, path
    [message] = client.get("/messages", headers=AUTH).json()
    assert client.get(f"/messages/{message['id']}", headers={}).status_code == 401
    assert client.get("/health", headers={}).status_code == 200
    assert client.get("/openapi.json", headers={}).status_code == 200


def test_every_data_route_declares_the_token(client):
    doc = client.get("/openapi.json").json()
    for path, ops in doc["paths"].items():
        if path in ("/health", "/slack/actions"):
            continue
        for method, op in ops.items():
            assert op.get("security"), f"{method.upper()} {path} is open"


def test_without_a_token_configured_reads_stay_open(make_client, books):
    client = make_client(api_token=None)
    assert client.get("/approvals", headers={}).status_code == 200


@pytest.fixture
def served(books):
    """The API on a loopback port, in a thread."""
    app = create_app(
        settings(books), ledger=books, classifier=build_classifier("offline"), watch=False
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not (server.started and server.servers):
        assert time.monotonic() < deadline, "the API did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_the_docs_page_renders_offline_in_headless_chromium(served, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium not installed (apt-get install chromium)")
    dom = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            f"{served}/docs",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    # Swagger UI ran: it replaced the empty root with the API's title and operations.
    assert 'class="swagger-ui"' in dom, dom[:2000]
    assert "opblock" in dom and "/approvals" in dom
    assert "cdn.jsdelivr.net" not in dom
