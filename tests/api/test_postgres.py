"""The API on PostgreSQL: a reply waits for approval, is accepted once, and a payment
cancels the drafted notice in the same transaction (row locks instead of SQLite's file lock)."""

from __future__ import annotations

import factories as f
import pytest
from apikit import AUTH, DISPUTE, TODAY, AuthClient, eml, settings

from arbox.agent import build_classifier
from arbox.agent.notices import run_dunning
from arbox.api.app import create_app

pytestmark = pytest.mark.postgres


def test_approval_and_payment_on_postgres(pg_ledger):
    with pg_ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co", domain="acme.com")
        f.contact(s, acme, "ap@acme.com", role="billing", is_primary=True)
        f.invoice(s, acme, "INV-1", "1250.00")
        big = f.customer(s, "BIG", name="Globex", segment="strategic", domain="globex.com")
        f.contact(s, big, "buyer@globex.com", role="billing", is_primary=True)
        f.invoice(s, big, "INV-7", "9000.00")
    [plan] = run_dunning(pg_ledger, today=TODAY, dry_run=False).notices
    app = create_app(
        settings(pg_ledger),
        ledger=pg_ledger,
        classifier=build_classifier("offline"),
        today=lambda: TODAY,
    )
    with AuthClient(app) as client:
        r = client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
        approval_id = r.json()["message"]["approval"]["id"]
        assert client.post(f"/approvals/{approval_id}/accept", headers=AUTH).status_code == 200
        assert client.post(f"/approvals/{approval_id}/accept", headers=AUTH).status_code == 409
        assert len(client.get("/tasks", params={"queue": "sales"}).json()) == 1
        pay = {
            "reference": "CA-1",
            "received_on": "2026-03-04",
            "amount": "1250.00",
            "customer": "ACME",
            "applications": [{"invoice": "INV-1", "amount": "1250.00"}],
        }
        body = client.post("/payments", headers=AUTH, json=pay).json()
        assert body["notices"] == [
            {"notice_id": plan.notice_id, "status": "cancelled", "dropped": {"INV-1": "paid"}}
        ]
        assert client.get(f"/notices/{plan.notice_id}").json()["status"] == "cancelled"
