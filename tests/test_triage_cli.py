"""`arbox triage PATH... --json` on the embedded default: the contract's fields, once-only."""

from __future__ import annotations

import json
import mailbox as std_mailbox
from email.message import EmailMessage

import factories as f
from sqlalchemy import func
from sqlmodel import select
from typer.testing import CliRunner

from arbox.cli import app
from arbox.tools.models import AuditLog, Dispute, Task

runner = CliRunner()
CONTRACT_KEYS = {
    "message_id",
    "from",
    "subject",
    "reply_text",
    "auto_reply",
    "customer",
    "findings",
    "actions",
}


def eml(mid: str, sender: str, body: str, **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "ar@us.example", "RE: Invoice INV-10441"
    msg["Date"], msg["Message-ID"] = "Mon, 02 Mar 2026 09:14:00 -0500", mid
    for k, v in headers.items():
        msg[k.replace("_", "-")] = v
    msg.set_content(body)
    return bytes(msg)


def test_triage_folder_mbox_and_maildir(ledger, tmp_path):
    with ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co", domain="acme.com")
        f.contact(s, acme, "dana@acme.com", name="Dana Ortiz", role="billing")
        f.invoice(s, acme, "INV-10441", "1250.00")
        f.invoice(s, acme, "INV-10442", "300.00")
    folder = tmp_path / "eml"
    folder.mkdir()
    (folder / "a.eml").write_bytes(
        eml(
            "<a@acme.com>",
            "Dana Ortiz <dana@acme.com>",
            "The unit price on INV-10442 is wrong, we agreed 10% less. Please send a corrected "
            "invoice.\n\nOn Mon, Mar 2, 2026 at 9:00 AM AR <ar@us.example> wrote:\n> Please pay "
            "INV-10441 and INV-10442.\n> We have not received payment.",
        )
    )
    (folder / "junk.eml").write_bytes(b"\x00\x01 not an email")
    box = std_mailbox.mbox(str(tmp_path / "in.mbox"))
    box.add(
        eml(
            "<b@acme.com>",
            "dana@acme.com",
            "I am out of the office until March 9.",
            Auto_Submitted="auto-replied",
        )
    )
    box.flush()
    box.close()
    md = std_mailbox.Maildir(str(tmp_path / "md"))
    md.add(eml("<c@acme.com>", "dana@acme.com", "Can you send me a copy of invoice INV-10441?"))
    db = ["--db", ledger.url, "--date", "2026-03-02"]
    result = runner.invoke(
        app, ["triage", str(folder), str(tmp_path / "in.mbox"), str(tmp_path / "md"), "--json", *db]
    )
    # junk.eml has no headers: refused and named (exit 1); the three emails are triaged.
    assert result.exit_code == 1, result.output
    assert "junk.eml: not an email message" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    by_id = {line["message_id"]: line for line in lines}
    assert set(by_id) == {"<a@acme.com>", "<b@acme.com>", "<c@acme.com>"}
    for line in lines:
        assert set(line) >= CONTRACT_KEYS
        assert line["customer"] == "ACME"
    a = by_id["<a@acme.com>"]
    assert "wrote:" not in a["reply_text"] and "INV-10441" not in a["reply_text"]
    assert [f["intent"] for f in a["findings"]] == ["dispute"]
    assert a["findings"][0]["invoices"] == ["INV-10442"]
    assert {x["name"]: x["status"] for x in a["actions"]} == {
        "tag_dispute": "done",
        "create_task": "done",
    }
    assert by_id["<b@acme.com>"]["auto_reply"] is True
    assert [f["intent"] for f in by_id["<b@acme.com>"]["findings"]] == ["auto_reply"]
    # An out-of-office from the contact on file: that contact's notices wait until the return.
    (deferred,) = by_id["<b@acme.com>"]["actions"]
    assert deferred["name"] == "defer_contact" and deferred["status"] == "done"
    assert deferred["args"]["email"] == "dana@acme.com"
    assert "junk.eml" in result.stderr

    with ledger.session() as s:
        audit = s.exec(select(func.count()).select_from(AuditLog)).one()
        tagged = [d.invoice_id for d in s.exec(select(Dispute))]
    again = runner.invoke(app, ["triage", str(folder), "--json", *db])
    assert again.exit_code == 1  # junk.eml is refused again; a.eml is answered as before
    assert json.loads(again.stdout.splitlines()[0])["actions"] == a["actions"]
    with ledger.session() as s:
        assert s.exec(select(func.count()).select_from(AuditLog)).one() == audit
        assert len(tagged) == 1 and len(s.exec(select(Task)).all()) == 2
