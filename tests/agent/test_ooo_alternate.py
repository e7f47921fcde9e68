"""An out-of-office that names an alternate contact proposes that contact to a person and
never switches to it on its own (issue 13), through the real triage graph."""

from __future__ import annotations

from datetime import date

import factories as f
from sqlmodel import select

from arbox.agent.checkpoint import open_checkpointer
from arbox.agent.offline import OfflineClassifier
from arbox.agent.service import Triager
from arbox.tools.models import Contact, ContactHold, Task
from arbox.worker import ingest, process_pending

TODAY = date(2026, 11, 30)
OOO = b"""\
From: Dana Ortiz <billing@acme.test>
To: ar@example.com
Subject: Automatic reply: Past due: invoice INV-1
Message-ID: <ooo-1@acme.test>
Date: Mon, 30 Nov 2026 09:20:00 +0000
Auto-Submitted: auto-replied
X-Autoreply: yes

I am out of the office until December 7, 2026 with limited access to email.
For urgent matters please contact my colleague Sam Lee at sam.lee@acme.test.
"""


def test_the_alternate_is_proposed_to_a_person_and_never_written_to_on_its_own(ledger):
    with ledger.transaction() as s:
        acme = f.customer(s, "C-1", name="Acme Build Co", domain="acme.test")
        f.contact(s, acme, "billing@acme.test", role="billing", is_primary=True)
        f.invoice(s, acme, "INV-1", "900.00")
    ingest(ledger, [("ooo", OOO)])
    with open_checkpointer(ledger.url) as saver:
        triager = Triager(ledger, OfflineClassifier(), saver)
        (out,) = process_pending(triager, today=TODAY)
        # a person is asked; nothing ran, no contact was added
        assert out.status == "pending_approval"
        assert "contact change named by an automatic reply" in out.approval_reasons
        assert all(a["status"] == "pending_approval" for a in out.actions)
        (defer,) = [a for a in out.actions if a["name"] == "defer_contact"]
        assert defer["args"]["email"] == "billing@acme.test"
        assert defer["args"]["alternate_email"] == "sam.lee@acme.test"
        with ledger.session() as s:
            assert [c.email for c in s.exec(select(Contact))] == ["billing@acme.test"]
            assert s.exec(select(ContactHold)).all() == []
        # the analyst keeps the deferral only: the alternate stays a proposal in a task
        done = triager.decide(
            out.message_id,
            {"decision": "edit", "actions": [{"name": "defer_contact", "args": defer["args"]}]},
            by="ana",
            today=TODAY,
        )
    ran = {(a["name"], a["status"]) for a in done.actions}
    assert ("defer_contact", "done") in ran and ("upsert_contact", "skipped") in ran
    assert ("upsert_contact", "done") not in ran
    with ledger.session() as s:
        assert [c.email for c in s.exec(select(Contact))] == ["billing@acme.test"]
        (hold,) = s.exec(select(ContactHold)).all()
        (task,) = s.exec(select(Task)).all()
    assert hold.alternate_email == "sam.lee@acme.test" and hold.until == date(2026, 12, 7)
    assert "Sam Lee <sam.lee@acme.test>" in task.summary
    assert "does not switch contacts on its own" in task.summary
