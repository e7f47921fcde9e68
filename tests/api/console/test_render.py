"""What the pages show: customer text escaped, evidence marked, `arbox demo --serve` filled."""

from __future__ import annotations

import re

import pytest
from apikit import AUTH, eml
from consolekit import sign_in

from arbox.api.console.approvals import highlight


def test_evidence_is_marked_and_everything_else_escaped() -> None:
    text = 'We paid <b>INV-1</b> on Monday. <script>alert("x")</script> We paid'
    html = str(highlight(text, ["We paid <b>INV-1</b>", "We paid", "", "not in the text"]))
    assert html.startswith("<mark>We paid &lt;b&gt;INV-1&lt;/b&gt;</mark>")
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert html.endswith("<mark>We paid</mark>")
    assert html.count("<mark>") == 2  # the shorter quote inside the longer is not marked twice


def test_a_hostile_reply_is_shown_as_text(make_client, books) -> None:
    client = make_client()
    hostile = 'Invoice INV-7 is priced wrong <img src=x onerror="alert(1)">, please fix.'
    client.post("/messages", json={"raw": eml(hostile, subject="<script>x</script>")}, headers=AUTH)
    sign_in(client)
    page = client.get("/console/approvals").text
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert "<script>x</script>" not in page


@pytest.mark.slow
def test_demo_serve_opens_the_console_on_the_demo_with_its_queues_filled(
    tmp_path, monkeypatch
) -> None:
    import uvicorn
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from arbox.cli import app

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setenv("ARBOX_API_TOKEN", "test-token-0123456789")
    out = CliRunner().invoke(
        app, ["demo", "--dir", str(tmp_path / "d"), "--date", "2026-03-04", "--serve"]
    )
    assert out.exit_code == 0, out.output
    assert "http://127.0.0.1:8000/console" in out.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8000
    held = int(re.search(r"\((\d+) held for review\)", out.output).group(1))
    assert held > 0
    with TestClient(served["app"]) as client:
        assert sign_in(client).status_code == 303
        approvals = client.get("/console/approvals").text
        waiting = int(re.search(r"(\d+) waiting", approvals).group(1))
        assert waiting > 0 and approvals.count('class="card"') == waiting
        notices = client.get("/console/notices").text
        assert f"{held} waiting" in notices
        dashboard = client.get("/console/dashboard").text
        assert dashboard.count("<svg") >= 2 and "2026-03-04" in dashboard
