"""Out-of-office replies and bounces change the next touch, visibly in the review queue."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

from arbox.agent.notices import run_dunning, send_notice
from arbox.mailbox.dsn import parse_dsn
from arbox.tools import notices as store
from arbox.tools.holds import defer_contact, mark_bounced
from arbox.tools.models import Contact, OutgoingNotice, Task

from .conftest import Factory
from .test_pipeline import Outbox

NOV_30 = date(2026, 11, 30)
BACK = date(2026, 12, 7)


def notices(ledger) -> list[OutgoingNotice]:
    with ledger.session() as s:
        return list(s.exec(select(OutgoingNotice).order_by(OutgoingNotice.id)).all())


def overdue(make: Factory, **kw):
    """A chronic-late customer whose invoice reaches its final stage on November 30."""
    cust = make.customer(segment="chronic_late", **kw)
    inv = make.invoice(cust, 0, amount="900.00")
    with make.ledger.transaction() as s:
        row = s.get(type(inv), inv.id)
        row.due_date = NOV_30 - timedelta(days=45)
        row.issue_date = row.due_date - timedelta(days=30)
        s.add(row)
    return cust, inv


def test_an_out_of_office_defers_the_next_notice_until_after_the_return(
    make: Factory, ledger
) -> None:
    _, inv = overdue(make)
    with ledger.transaction() as s:
        defer_contact(s, key="ooo-1", email="billing@acme.test", until=BACK, source_message="<a@x>")
    outbox = Outbox()
    run_dunning(ledger, today=NOV_30, sender=outbox, dry_run=False)
    assert outbox.sent == []
    (held,) = notices(ledger)
    assert held.status == "held" and "out of office until 2026-12-07" in held.held_reason
    with ledger.session() as s:
        assert [n.id for n in store.list_notices(s, "held")] == [held.id]
    # still away on the return day: nothing new, nothing sent
    run_dunning(ledger, today=BACK, sender=outbox, dry_run=False)
    assert outbox.sent == [] and len(notices(ledger)) == 1
    # the day after: the deferred notice is replaced by a fresh one, and it goes out
    run_dunning(ledger, today=BACK + timedelta(days=1), sender=outbox, dry_run=False)
    old, new = notices(ledger)
    assert old.status == "cancelled" and new.status == "sent"
    (msg,) = outbox.sent
    assert msg["To"] == "billing@acme.test" and inv.number in msg["Subject"]
    assert "2026-12-15" in msg.get_body(("plain",)).get_content()  # a fresh deadline


def test_a_drafted_notice_is_held_at_once_when_the_auto_reply_arrives(
    make: Factory, ledger
) -> None:
    overdue(make)
    run_dunning(ledger, today=NOV_30, dry_run=False)
    assert notices(ledger)[0].status == "draft"
    with ledger.transaction() as s:
        result = defer_contact(s, key="ooo-2", email="Billing@Acme.test", until=BACK)
    assert result.details["held_notices"] == [notices(ledger)[0].id]
    row = notices(ledger)[0]
    assert row.status == "held" and row.guardrail["deferred_until"] == "2026-12-08"
    with ledger.transaction() as s:  # idempotent under its key
        assert defer_contact(s, key="ooo-2", email="billing@acme.test", until=BACK).replayed


def test_an_alternate_contact_is_proposed_to_a_person_never_switched(make: Factory, ledger) -> None:
    cust, _ = overdue(make)
    with ledger.transaction() as s:
        defer_contact(
            s,
            key="ooo-3",
            email="billing@acme.test",
            until=BACK,
            alternate_email="Sam@Acme.test",
            alternate_name="Sam Lee",
        )
    run_dunning(ledger, today=NOV_30, dry_run=False)
    (held,) = notices(ledger)
    assert held.to_email == "billing@acme.test" and "Sam Lee <sam@acme.test>" in held.held_reason
    with ledger.session() as s:
        (task,) = s.exec(select(Task)).all()
        emails = [c.email for c in s.exec(select(Contact)).all()]
    assert "confirm before any notice goes to them" in task.summary
    assert task.customer_id == cust.id and emails == ["billing@acme.test"]


DSN = b"""\
From: MAILER-DAEMON@mx.acme.test
To: ar@example.com
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-1@mx.acme.test>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

This is the mail system at host mx.acme.test. Your message could not be delivered.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.acme.test
Arrival-Date: Mon, 30 Nov 2026 09:15:02 +0000

Final-Recipient: rfc822; Billing@Acme.test
Original-Recipient: rfc822;billing@acme.test
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <billing@acme.test>: Recipient address
    rejected: User unknown

--b1
Content-Type: text/rfc822-headers

From: ar@example.com
To: billing@acme.test
Subject: Past due: invoice INV-1
Message-ID: <notice1.123@example.com>

--b1--
"""


def test_a_dsn_is_parsed_with_the_stdlib() -> None:
    report = parse_dsn(DSN)
    assert report is not None and report.reporting_mta == "dns; mx.acme.test"
    (r,) = report.bounced
    assert (r.recipient, r.action, r.status) == ("billing@acme.test", "failed", "5.1.1")
    assert "User unknown" in r.diagnostic
    assert report.original_message_id == "<notice1.123@example.com>"
    assert parse_dsn(b"From: a@b\nSubject: hi\n\nhello") is None
    delayed = DSN.replace(b"Action: failed", b"Action: delayed").replace(b"5.1.1", b"4.4.1")
    assert parse_dsn(delayed).bounced == []


def test_a_bounce_marks_the_contact_holds_the_customer_and_opens_a_task(
    make: Factory, ledger
) -> None:
    cust, _ = overdue(make)
    with ledger.transaction() as s:
        s.add(Contact(customer_id=cust.id, email="ap2@acme.test", role="billing"))
    run_dunning(ledger, today=NOV_30, dry_run=False)
    (r,) = parse_dsn(DSN).bounced
    with ledger.transaction() as s:
        mark_bounced(
            s,
            key="dsn-1",
            email=r.recipient,
            status=r.status,
            diagnostic=r.diagnostic,
            source_message="<dsn-1@mx.acme.test>",
        )
    (held,) = notices(ledger)
    assert held.status == "held" and "bounced (5.1.1" in held.held_reason
    with ledger.session() as s:
        contact = s.exec(select(Contact).where(Contact.email == "billing@acme.test")).one()
        (task,) = s.exec(select(Task)).all()
    assert contact.bounced and task.queue == "collections" and "new billing contact" in task.summary
    # a later notice is held too, though a second billing contact is on file
    other = make.invoice(cust, 0, amount="120.00")
    with ledger.transaction() as s:
        row = s.get(type(other), other.id)
        row.due_date = NOV_30
        s.add(row)
    (later,) = run_dunning(ledger, today=NOV_30 + timedelta(days=3)).notices
    assert later.status == "held" and "bounced" in later.held_reason
    # a new contact lifts the hold; the held notice, once approved, goes to them
    with ledger.transaction() as s:
        s.add(Contact(customer_id=cust.id, email="new@acme.test", role="billing", is_primary=True))
    assert run_dunning(ledger, today=NOV_30 + timedelta(days=3)).notices[0].status == "draft"
    with ledger.transaction() as s:
        store.approve(s, held.id, actor="ana")
    outbox = Outbox()
    assert send_notice(ledger, held.id, outbox, today=NOV_30 + timedelta(days=1)).status == "sent"
    assert outbox.sent[0]["To"] == "new@acme.test"
