"""`arbox demo` end to end: every intent is handled, the ledger changes as it should."""

from __future__ import annotations

import json
import re
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
    done_when(result.stdout, db)
    db.close()


def done_when(stdout: str, db: sqlite3.Connection) -> None:
    """Issue 13's "done when": a German and a French notice, a notice deferred by an
    out-of-office, a customer held by a bounce, an escalation with its manager summary;
    each printed, and each in the ledger's review queue and tasks."""
    assert "Notices in the customer's language" in stdout
    subjects = dict(
        db.execute(
            "SELECT json_extract(guardrail, '$.language'), subject FROM outgoingnotice"
            " WHERE status != 'sent'"
        ).fetchall()
    )
    assert subjects["de"].startswith(("Zahlungserinnerung", "Mahnung")) and "de_DE" in stdout
    assert subjects["fr"].startswith(("Relance", "Dernière relance")) and "fr_FR" in stdout
    assert subjects["de"].split(":")[0] in stdout and subjects["fr"].split(":")[0] in stdout
    held = [
        r for (r,) in db.execute("SELECT held_reason FROM outgoingnotice WHERE status = 'held'")
    ]
    assert len([r for r in held if "is out of office until" in r]) == 1
    ((to,),) = db.execute("SELECT email FROM contact WHERE bounced = 1").fetchall()
    (reason,) = [r for r in held if " bounced (5.1.1 " in r]
    assert reason.startswith(f"notices to {to} bounced") and "find a new billing contact" in reason
    # The held table may wrap the reason inside its cell: read it without the table's lines.
    flat = re.sub(r"[\s│]+", " ", stdout)
    assert "done mark_bounced" in stdout and f"{to} bounced" in flat
    (summary,) = [
        s
        for (s,) in db.execute("SELECT summary FROM task WHERE queue = 'credit'")
        if "ignored its last 2 notices" in s
    ]
    assert "Open items" in summary and "Recommended next steps" in summary
    assert "Escalated: task for the credit manager" in stdout and "Recommended next steps" in stdout
    assert "escalated" in stdout
