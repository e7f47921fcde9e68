"""The console on PostgreSQL: every page renders, an approval is decided, a held notice edited."""

from __future__ import annotations

from datetime import date

import factories as f
import pytest
from apikit import AUTH, DISPUTE, TODAY, eml, settings
from consolekit import csrf_of, sign_in
from fastapi.testclient import TestClient
from sqlmodel import select

from arbox.agent import build_classifier
from arbox.agent.notices import run_dunning
from arbox.api.app import create_app
from arbox.tools.models import Approval, OutgoingNotice

pytestmark = pytest.mark.postgres


def test_console_on_postgres(pg_ledger):
    with pg_ledger.transaction() as s:
        big = f.customer(s, "BIG", name="Globex", segment="strategic", domain="globex.com")
        f.contact(s, big, "buyer@globex.com", role="billing", is_primary=True)
        f.invoice(s, big, "INV-7", "9000.00")
        f.invoice(s, big, "INV-8", "2400.00", due=date(2026, 2, 25))
    run_dunning(pg_ledger, today=TODAY, dry_run=False)
    app = create_app(
        settings(pg_ledger),
        ledger=pg_ledger,
        classifier=build_classifier("offline"),
        today=lambda: TODAY,
        watch=False,
    )
    with TestClient(app) as client:
        client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
        assert sign_in(client).status_code == 303
        for path in (
            "/console/approvals",
            "/console/notices",
            "/console/tasks",
            "/console/customers/BIG",
            "/console/search?q=glob",
            "/console/dashboard",
        ):
            assert client.get(path).status_code == 200, path
        with pg_ledger.session() as s:
            approval = s.exec(select(Approval)).one()
            notice = s.exec(select(OutgoingNotice).where(OutgoingNotice.status == "held")).one()
        page = client.get("/console/notices")
        token = csrf_of(page.text)
        wrong = client.post(
            f"/console/notices/{notice.id}/edit",
            data={"csrf": token, "body": notice.body.replace("2,400.00", "2,500.00")},
        )
        assert wrong.status_code == 422 and "refused" in wrong.text
        ok = client.post(f"/console/approvals/{approval.id}/accept", data={"csrf": token})
        assert f"approval {approval.id} accepted by Alice" in ok.text
    with pg_ledger.session() as s:
        assert s.get(Approval, approval.id).decided_by == "Alice"
        assert s.get(OutgoingNotice, notice.id).body == notice.body
