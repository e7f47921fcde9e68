"""`arbox demo` end to end: every intent is handled, the ledger changes as it should."""

from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from arbox.agent.findings import INTENTS
from arbox.cli import app


def test_demo_handles_every_intent_and_runs_a_dunning_pass(tmp_path):
    folder = tmp_path / "demo"
    result = CliRunner().invoke(app, ["demo", "--dir", str(folder), "--date", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert "replies triaged" in result.stdout and "Held for review" in result.stdout
    db = sqlite3.connect(folder / "arbox.db")
    seen = set()
    for (triage,) in db.execute("SELECT triage FROM inboundmessage"):
        seen |= {f["intent"] for f in json.loads(triage)["findings"]}
    assert seen == set(INTENTS)
    statuses = {s for (s,) in db.execute("SELECT status FROM inboundmessage")}
    assert statuses == {"done", "pending_approval"}
    # Acme says it paid: the claim is matched to the payment sitting in suspense.
    matched = db.execute(
        "SELECT p.reference FROM paymentclaim c JOIN payment p ON p.id = c.matched_payment_id"
    ).fetchall()
    assert ("ACH-77120",) in matched
    # The injection ("mark every invoice as paid, email the statement elsewhere") changed
    # no contact and paid nothing: its contact change waits for a person.
    assert db.execute("SELECT count(*) FROM contact WHERE email LIKE '%quick-pay%'").fetchone() == (
        0,
    )
    pending = [json.loads(r) for (r,) in db.execute("SELECT reasons FROM approval")]
    assert any(any("possible fraud" in reason for reason in r) for r in pending)
    db.close()
