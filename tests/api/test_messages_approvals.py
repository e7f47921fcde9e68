"""Replies through the API, their triage, and approvals answered once."""

from __future__ import annotations

import base64

from apikit import AUTH, DISPUTE, eml
from sqlalchemy import func
from sqlmodel import select

from arbox.tools.models import Approval, AuditLog, Task


def count(ledger, model, *where):
    with ledger.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def post_reply(client, text=DISPUTE, **kw):
    return client.post("/messages", json={"raw": eml(text, **kw)}, headers=AUTH)


def test_health_says_what_is_on(client):
    body = client.get("/health").json()
    assert body == {
        "status": "ok",
        "database": "sqlite",
        "writes_enabled": True,
        "slack_enabled": False,
        "watching_inbox": False,
    }


def test_without_a_token_configured_the_api_is_read_only(make_client):
    client = make_client(api_token=None)
    assert client.get("/approvals").status_code == 200
    r = client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
    assert r.status_code == 403
    assert r.json() == {
        "detail": "the API is read-only: set ARBOX_API_TOKEN to allow writes",
        "code": "read_only",
    }


def test_writes_need_the_right_bearer_token(client, books):
    assert client.post("/messages", json={"raw": eml(DISPUTE)}).status_code == 401
    wrong = client.post(
        "/messages", json={"raw": eml(DISPUTE)}, headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")
    assert count(books, Approval) == 0


def test_a_reply_is_triaged_and_waits_for_a_person(client, books):
    r = post_reply(client)
    assert r.status_code == 201, r.text
    body = r.json()
    msg = body["message"]
    assert body["created"] is True and msg["status"] == "pending_approval"
    assert msg["findings"][0]["intent"] == "dispute"
    assert "strategic account" in msg["approval_reasons"]
    approval = msg["approval"]
    assert approval["status"] == "pending" and approval["customer"] == "BIG"
    assert [a["status"] for a in approval["actions"]] == ["pending_approval"]
    listed = client.get("/approvals").json()
    assert [a["id"] for a in listed] == [approval["id"]]
    assert client.get(f"/messages/{msg['id']}").json()["approval"]["id"] == approval["id"]
    assert count(books, Task) == 0


def test_the_same_reply_twice_is_processed_once(client, books):
    first = post_reply(client).json()
    again = post_reply(client)
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["message"]["id"] == first["message"]["id"]
    assert count(books, Approval) == 1


def test_accept_runs_the_actions_once_and_audits_who(client, books):
    approval = post_reply(client).json()["message"]["approval"]
    r = client.post(f"/approvals/{approval['id']}/accept", json={"by": "alice"}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["approval"]["status"] == "accepted" and body["approval"]["decided_by"] == "alice"
    assert body["outcome"]["status"] == "done"
    assert [a["status"] for a in body["outcome"]["actions"]] == ["done"]
    assert count(books, Task, Task.queue == "sales") == 1
    second = client.post(f"/approvals/{approval['id']}/reject", headers=AUTH)
    assert second.status_code == 409 and "already accepted by alice" in second.json()["detail"]
    assert count(books, Task) == 1
    trail = client.get("/audit", params={"actor": "analyst:alice"}).json()
    assert [row["action"] for row in trail] == ["create_task"]
    assert client.get("/approvals").json() == []
    assert client.get("/approvals", params={"status": "accepted"}).json()[0]["id"] == approval["id"]


def test_reject_runs_nothing(client, books):
    approval = post_reply(client).json()["message"]["approval"]
    r = client.post(f"/approvals/{approval['id']}/reject", json={"note": "spam"}, headers=AUTH)
    assert r.json()["approval"]["status"] == "rejected"
    assert count(books, Task) == 0 and count(books, AuditLog, AuditLog.actor != "cash_app") == 0


def test_edit_runs_the_edited_actions_and_refuses_unknown_tools(client, books):
    approval = post_reply(client).json()["message"]["approval"]
    bad = client.post(
        f"/approvals/{approval['id']}/edit",
        headers=AUTH,
        json={"actions": [{"name": "mark_paid", "args": {"invoice": "INV-7"}}]},
    )
    assert bad.status_code == 422 and "unknown action 'mark_paid'" in bad.json()["detail"]
    assert client.get(f"/approvals/{approval['id']}").json()["status"] == "pending"
    edited = [
        {
            "name": "tag_dispute",
            "args": {"customer": "BIG", "invoice": "INV-7", "reason": "pricing"},
        }
    ]
    r = client.post(
        f"/approvals/{approval['id']}/edit", json={"actions": edited, "by": "bob"}, headers=AUTH
    )
    assert r.status_code == 200, r.text
    assert r.json()["approval"]["status"] == "edited"
    customer = client.get("/customers/BIG").json()
    assert [d["invoice"] for d in customer["disputes"]] == ["INV-7"]
    assert customer["open_items"][0]["status"] == "disputed"
    assert count(books, Task) == 0


def test_unknown_approval_is_a_clear_404(client):
    r = client.post("/approvals/999/accept", headers=AUTH)
    assert r.status_code == 404 and r.json() == {"detail": "no approval 999", "code": "not_found"}


def test_raw_base64_and_bad_bodies(client, books):
    raw = eml(
        "Thanks, we will pay INV-1 next week.", sender="Dana <ap@acme.com>", mid="<b64@acme.com>"
    ).encode()
    r = client.post("/messages", json={"raw_base64": base64.b64encode(raw).decode()}, headers=AUTH)
    assert r.status_code == 201 and r.json()["message"]["message_id"] == "<b64@acme.com>"
    both = client.post("/messages", json={"raw": "x", "raw_base64": "eA=="}, headers=AUTH)
    assert both.status_code == 422 and "exactly one" in both.json()["detail"]
    junk = client.post("/messages", json={"raw_base64": "%%%"}, headers=AUTH)
    assert junk.status_code == 422 and "base64" in junk.json()["detail"]
    extra = client.post("/messages", json={"raw": "x", "evil": 1}, headers=AUTH)
    assert extra.status_code == 422 and "evil" in extra.json()["detail"]


def test_messages_list_and_filter(client):
    post_reply(client)
    post_reply(client, "Thanks, all good.", sender="ap@acme.com", mid="<t@acme.com>")
    every = client.get("/messages").json()
    assert [m["message_id"] for m in every] == ["<t@acme.com>", "<r1@globex.com>"]
    waiting = client.get("/messages", params={"status": "pending_approval"}).json()
    assert "<r1@globex.com>" in [m["message_id"] for m in waiting]
    assert {m["status"] for m in waiting} == {"pending_approval"}
    assert client.get("/messages", params={"status": "received"}).json() == []
    assert len(client.get("/messages", params={"limit": 1}).json()) == 1
    assert client.get("/messages/12345").status_code == 404
