"""The notice review queue, team task queues, ledger reads, and errors without internals."""

from __future__ import annotations

from datetime import date

import factories as f
import pytest
from apikit import AUTH, TODAY
from sqlmodel import select

from arbox.agent.notices import run_dunning
from arbox.tools.actions import create_task, record_promise, tag_dispute
from arbox.tools.models import Customer


@pytest.fixture
def held(books):
    """Globex is strategic: its notice waits in the review queue."""
    with books.transaction() as s:
        big = s.exec(select(Customer).where(Customer.external_id == "BIG")).one()
        f.invoice(s, big, "INV-8", "500.00", due=date(2026, 2, 25))
    result = run_dunning(books, today=TODAY, dry_run=False)
    [plan] = [n for n in result.notices if n.due.external_id == "BIG"]
    assert plan.status == "held"
    return plan.notice_id


def test_notice_queue_approve_and_reject(client, books, held):
    queue = client.get("/notices/held").json()
    assert [n["id"] for n in queue] == [held] and queue[0]["total"] == "500.00"
    assert client.get("/notices", params={"status": "draft"}).json()[0]["invoices"] == [
        "INV-1",
        "INV-2",
    ]
    r = client.post(f"/notices/{held}/approve", json={"by": "carol"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["status"] == "approved"
    assert client.get("/notices/held").json() == []
    again = client.post(f"/notices/{held}/approve", headers=AUTH)
    assert again.status_code == 409 and "approved" in again.json()["detail"]
    gone = client.post(f"/notices/{held}/reject", json={"reason": "call instead"}, headers=AUTH)
    assert gone.json()["status"] == "rejected"
    trail = client.get("/audit", params={"target": f"notice:{held}"}).json()
    assert [(a["action"], a["actor"]) for a in trail[:2]] == [
        ("notice.rejected", "analyst:api"),
        ("notice.approved", "analyst:carol"),
    ]


def test_notice_edit_is_proved_against_the_ledger(client, held):
    wrong = client.post(
        f"/notices/{held}/edit",
        headers=AUTH,
        json={"body": "Please pay INV-8 (USD 1,000.00) today."},
    )
    assert wrong.status_code == 422 and "guardrails" in wrong.json()["detail"]
    before = client.get(f"/notices/{held}").json()
    assert "1,000.00" not in before["body"]
    text = (
        "Hello, a reminder that INV-8 (USD 500.00) is open. "
        "Could you let us know when it will be paid?"
    )
    ok = client.post(f"/notices/{held}/edit", headers=AUTH, json={"body": text, "by": "dave"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["body"] == text and ok.json()["status"] == "held"
    assert client.get("/notices/999").status_code == 404


def test_task_queues_claim_and_close(client, books):
    with books.transaction() as s:
        create_task(
            s,
            key="t1",
            queue="billing",
            summary="Send a copy of INV-1",
            customer="ACME",
            invoices=["INV-1"],
        )
        create_task(s, key="t2", queue="sales", summary="Pricing question", customer="BIG")
    billing = client.get("/tasks", params={"queue": "billing"}).json()
    assert [t["summary"] for t in billing] == ["Send a copy of INV-1"]
    task_id = billing[0]["id"]
    assert client.get("/queues").json() == {"billing": {"open": 1}, "sales": {"open": 1}}
    claimed = client.post(f"/tasks/{task_id}/claim", json={"assignee": "erin"}, headers=AUTH)
    assert claimed.json()["status"] == "claimed" and claimed.json()["assignee"] == "erin"
    twice = client.post(f"/tasks/{task_id}/claim", json={"assignee": "frank"}, headers=AUTH)
    assert twice.status_code == 409
    closed = client.post(f"/tasks/{task_id}/close", json={"note": "sent"}, headers=AUTH)
    assert closed.json()["status"] == "done" and closed.json()["closed_at"]
    assert client.get("/tasks", params={"status": "open"}).json()[0]["queue"] == "sales"
    assert client.post("/tasks/999/close", headers=AUTH).status_code == 404
    bad = client.get("/tasks", params={"queue": "marketing"})
    assert bad.status_code == 422 and "queue" in bad.json()["detail"]


def test_customer_with_open_items_promises_and_disputes(client, books):
    with books.transaction() as s:
        record_promise(
            s,
            key="p1",
            customer="ACME",
            invoices=["INV-1"],
            amount="1250.00",
            promised_on=date(2026, 3, 10),
        )
        tag_dispute(s, key="d1", customer="ACME", invoice="INV-2", reason="damaged")
    c = client.get("/customers/ACME").json()
    assert c["open_balance"] == "1550.00" and c["segment"] == "standard"
    assert {i["number"]: i["status"] for i in c["open_items"]} == {
        "INV-1": "promised",
        "INV-2": "disputed",
    }
    assert c["open_items"][0]["amount"] == "1250.00"
    assert c["promises"][0]["invoices"] == ["INV-1"] and c["promises"][0]["amount"] == "1250.00"
    assert c["disputes"][0]["reason"] == "damaged"
    assert client.get("/customers/ACME/promises").json() == c["promises"]
    assert client.get("/customers/ACME/disputes").json() == c["disputes"]
    assert [x["external_id"] for x in client.get("/customers", params={"q": "glob"}).json()] == [
        "BIG"
    ]
    assert client.get("/invoices/INV-2").json()["status"] == "disputed"
    missing = client.get("/customers/NOPE")
    assert missing.status_code == 404 and missing.json()["detail"] == "unknown customer 'NOPE'"
    audit = client.get("/audit", params={"limit": 1}).json()
    assert len(audit) == 1 and audit[0]["action"] == "tag_dispute"
    older = client.get("/audit", params={"before_id": audit[0]["id"]}).json()
    assert [a["action"] for a in older] == ["record_promise"]


def test_unexpected_errors_are_json_without_internals(make_client, monkeypatch):
    client = make_client(raise_server_exceptions=False)
    services = client.app.state.services

    def boom(*args, **kwargs):
        raise RuntimeError("secret connection string postgres://u:p@db")

    monkeypatch.setattr(services.ledger, "session", boom)
    r = client.get("/approvals")
    assert r.status_code == 500
    assert r.json() == {
        "detail": "internal error (details are in the server log)",
        "code": "internal",
    }
    assert "postgres" not in r.text and "Traceback" not in r.text


def test_unknown_routes_and_methods_are_json(client):
    assert client.get("/nope").json() == {"detail": "Not Found", "code": "not_found"}
    r = client.delete("/approvals")
    assert r.status_code == 405 and r.json()["code"] == "method_not_allowed"


def test_customer_language_and_locale_from_the_csv_import(client, books, tmp_path):
    from arbox.tools.csv_import import import_csv

    path = tmp_path / "c.csv"
    path.write_text("external_id,name,language,locale\nACME,Acme Build Co,de,de_AT\n")
    assert import_csv(books, "customers", path).updated == 1
    c = client.get("/customers/ACME").json()
    assert (c["language"], c["locale"]) == ("de", "de_AT")
    listed = {x["external_id"]: x for x in client.get("/customers").json()}
    assert listed["BIG"]["language"] is None
