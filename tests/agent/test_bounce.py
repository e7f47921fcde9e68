"""A delivery-status report goes from the inbox to the ledger through the triage graph:
a permanent failure of a known contact marks it bounced, holds the customer's notices
and opens a task, with no person; a delay or a stranger's address changes nothing;
what does not line up waits for a person."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import factories as f
import pytest
from sqlmodel import select

from arbox.agent.checkpoint import open_checkpointer
from arbox.agent.offline import OfflineClassifier
from arbox.agent.service import Outcome, Triager
from arbox.tools import notices as store
from arbox.tools.models import AuditLog, Contact, ContactHold, OutgoingNotice, Task
from arbox.worker import ingest, process_pending

FIXTURES = Path(__file__).parent.parent / "mailbox" / "fixtures" / "dsn"
TODAY = date(2026, 11, 30)
POSTFIX_NOTICE = "<notice-1.20261130@example.com>"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def notice(s, cust, to: str, *, status: str = "sent", message_id: str | None = None, day: int = 1):
    row = OutgoingNotice(
        customer_id=cust.id,
        to_email=to,
        stage="overdue_15",
        status=status,
        subject="Past due",
        body="...",
        invoices=["INV-1"],
        message_id=message_id,
        run_date=date(2026, 11, day),
        sent_at=datetime(2026, 11, day, 9, tzinfo=UTC) if status == "sent" else None,
    )
    s.add(row)
    s.flush()
    return row


@pytest.fixture
def acme(ledger):
    """Acme, whose billing contact billing@acme.test got our notice <notice-1...>, and a
    draft notice of Acme's waiting to go out."""
    with ledger.transaction() as s:
        cust = f.customer(s, "C-1", name="Acme Build Co", domain="acme.test")
        f.contact(s, cust, "billing@acme.test", role="billing", is_primary=True)
        f.invoice(s, cust, "INV-1", "900.00")
        notice(s, cust, "billing@acme.test", message_id=POSTFIX_NOTICE)
        draft = notice(s, cust, "billing@acme.test", status="draft", day=29)
    return cust, draft.id


def triage(ledger, *raws: bytes) -> list[Outcome]:
    ingest(ledger, [(f"m{i}", raw) for i, raw in enumerate(raws)])
    with open_checkpointer(ledger.url) as saver:
        return process_pending(Triager(ledger, OfflineClassifier(), saver), today=TODAY)


def rows(ledger, model, *where):
    with ledger.session() as s:
        return list(s.exec(select(model).where(*where)).all())


def test_a_hard_bounce_of_our_notice_marks_the_contact_and_holds_the_customer(ledger, acme):
    cust, draft_id = acme
    (out,) = triage(ledger, fixture("postfix_user_unknown.eml"))
    assert out.status == "done" and out.customer == "C-1" and out.approval_reasons == []
    (action,) = out.actions
    assert action["name"] == "mark_bounced" and action["status"] == "done"
    assert action["args"]["email"] == "billing@acme.test" and action["args"]["status"] == "5.1.1"
    (contact,) = rows(ledger, Contact)
    assert contact.bounced
    (hold,) = rows(ledger, ContactHold)
    assert hold.kind == "bounced" and hold.customer_id == cust.id and hold.active
    assert hold.source_message == out.message_id
    (task,) = rows(ledger, Task)
    assert task.queue == "collections" and "new billing contact" in task.summary
    # the review queue shows the held draft with the reason, and the audit says why
    with ledger.session() as s:
        (held,) = store.list_notices(s, "held")
    assert held.id == draft_id
    assert "notices to billing@acme.test bounced (5.1.1 smtp; 550 5.1.1" in held.held_reason
    (audit,) = rows(ledger, AuditLog, AuditLog.action == "mark_bounced")
    assert "bounced (5.1.1" in audit.note and audit.idempotency_key.startswith(out.message_id)


def test_the_notice_is_found_through_in_reply_to_when_no_headers_are_returned(ledger):
    with ledger.transaction() as s:
        cust = f.customer(s, "C-7", name="Contoso")
        f.contact(s, cust, "j.doe@contoso.test", role="billing", is_primary=True)
        notice(s, cust, "j.doe@contoso.test", message_id="<notice-7.20261130@example.com>")
    raw = fixture("office365_ndr.eml")
    # leave out the returned headers: only In-Reply-To/References name our notice
    head = raw.partition(b"Content-Type: text/rfc822-headers")
    raw = head[0].rsplit(b"--6a1f0c3e", 1)[0] + b"--6a1f0c3e-2b7d-4f3a-9c11-8e2d5b7a4c90--\n"
    (out,) = triage(ledger, raw)
    assert out.customer == "C-7" and out.status == "done"
    assert [(a["name"], a["args"]["status"]) for a in out.actions] == [("mark_bounced", "5.1.10")]
    assert rows(ledger, Contact)[0].bounced


def test_a_bounce_for_a_notice_not_on_file_is_matched_by_the_failed_address_for_a_person(
    ledger,
):
    with ledger.transaction() as s:
        cust = f.customer(s, "C-12", name="Acme Build (Gmail)")
        f.contact(s, cust, "dana.ortiz@acme-build.test", role="billing", is_primary=True)
    (out,) = triage(ledger, fixture("gmail_no_such_user.eml"))
    # Matched by the failed address, but nothing ties the report to a notice of ours
    # (anyone can write one): proposed, not done.
    assert out.customer == "C-12" and out.status == "pending_approval"
    assert any("names no notice we sent" in r for r in out.approval_reasons)
    (action,) = out.actions
    assert action["name"] == "mark_bounced" and action["status"] == "pending_approval"
    assert not rows(ledger, Contact)[0].bounced
    # Gmail's paragraph of a diagnostic is cut to a line the queue can show
    assert len(action["args"]["diagnostic"]) <= 200


def test_a_delay_is_recorded_and_changes_nothing(ledger, acme):
    _, draft_id = acme
    (out,) = triage(ledger, fixture("postfix_delayed.eml"))
    assert out.status == "done" and out.actions == [] and out.approval_reasons == []
    assert out.customer == "C-1"  # recorded against the customer whose notice it is
    assert not rows(ledger, Contact)[0].bounced
    assert rows(ledger, ContactHold) == [] and rows(ledger, Task) == []
    with ledger.session() as s:
        assert store.get_notice(s, draft_id).status == "draft"


def test_a_delay_for_a_notice_not_on_file_is_recorded_against_the_contacts_customer(ledger):
    with ledger.transaction() as s:
        f.contact(s, f.customer(s, "C-1"), "billing@acme.test", role="billing")
    (out,) = triage(ledger, fixture("postfix_delayed.eml"))
    assert out.customer == "C-1" and out.actions == [] and out.status == "done"
    assert not rows(ledger, Contact)[0].bounced


def test_a_bounce_for_an_address_nobody_has_opens_nothing(ledger, acme):
    (out,) = triage(ledger, fixture("exim_mailbox_unavailable.eml"))
    assert out.customer is None and out.status == "done"
    assert out.actions == [] and out.approval_reasons == []
    assert rows(ledger, Task) == [] and rows(ledger, ContactHold) == []


def test_a_bounce_naming_another_address_than_our_notice_went_to_waits_for_a_person(ledger, acme):
    raw = fixture("postfix_user_unknown.eml").replace(
        b"Final-Recipient: rfc822; billing@acme.test", b"Final-Recipient: rfc822; ceo@acme.test"
    )
    (out,) = triage(ledger, raw)
    assert out.status == "pending_approval" and out.customer == "C-1"
    assert any("ceo@acme.test" in r and "not a contact" in r for r in out.approval_reasons)
    assert not rows(ledger, Contact)[0].bounced and rows(ledger, ContactHold) == []


def test_an_address_shared_by_two_customers_waits_for_a_person(ledger):
    with ledger.transaction() as s:
        for ext in ("C-30", "C-31"):
            f.contact(s, f.customer(s, ext), "ap@globex.test", role="billing")
    (out,) = triage(ledger, fixture("exim_mailbox_unavailable.eml"))
    assert out.status == "pending_approval" and out.customer is None
    assert any("several customers" in r for r in out.approval_reasons)
    assert not any(c.bounced for c in rows(ledger, Contact))


def test_a_second_report_for_the_same_address_adds_no_second_hold_or_task(ledger, acme):
    first = fixture("postfix_user_unknown.eml")
    again = first.replace(b"20261130091503.4Qx1Z2abcd@", b"20261130101503.5Rx1Z2abcd@")
    outs = triage(ledger, first, again)
    assert [o.actions[0]["status"] for o in outs] == ["done", "done"]
    assert "already held" in outs[1].actions[0]["detail"]
    assert len(rows(ledger, ContactHold)) == 1 and len(rows(ledger, Task)) == 1
