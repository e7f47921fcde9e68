"""The demo company's past: notices sent before today, and the bounce one of them drew.

Two customers nobody in the demo inbox writes for get a history, picked from the
seeded books by what they need to show (the first that fits, in customer order):

- a *quiet* customer: two notices sent on an invoice's 15th and 30th day overdue, and
  no reply or payment since, so today's notice for its final stage escalates and the
  credit manager gets the account summary;
- a *bounced* customer: yesterday's notice, on the invoices that crossed 30 days, went
  to a mailbox that no longer exists. The demo inbox gets the mail server's delivery
  report (`bounce_report`), and triage holds the customer's next notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email.utils import format_datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from ..tools.db import Ledger
from ..tools.models import Contact, Customer, Invoice, OutgoingNotice, Payment, pk

OUR_ADDRESS = "ar@arbox-demo.example"
OUR_MTA = "mail.arbox-demo.example"


@dataclass(frozen=True)
class SentBefore:
    """One notice of the demo's past."""

    customer: str
    """External id."""
    to: str
    message_id: str
    subject: str
    sent_at: datetime


def add_history(session: Session, *, today: date, besides: set[str]) -> list[SentBefore]:
    """Write the quiet and the bounced customers' past notices (customers in ``besides``,
    those the inbox speaks for, are left alone); returns them, oldest first."""
    sent: list[SentBefore] = []
    quiet = _quiet(session, today, besides)
    if quiet is not None:
        cust, inv = quiet
        days = (today - inv.due_date).days
        for stage, on in (("overdue_15", 15), ("overdue_30", 30)):
            sent.append(_sent(session, cust, [inv], stage, today - timedelta(days=days - on)))
    bounced = _bounced(session, today, besides | ({quiet[0].external_id} if quiet else set()))
    if bounced is not None:
        cust, invoices = bounced
        sent.append(_sent(session, cust, invoices, "overdue_30", today - timedelta(days=1)))
    return sorted(sent, key=lambda n: n.sent_at)


def _quiet(session: Session, today: date, besides: set[str]) -> tuple[Customer, Invoice] | None:
    """A customer with an invoice in its final stage (45 to 75 days overdue) that paid
    nothing since that invoice's 15th day overdue."""
    for cust in _candidates(session, besides):
        last_paid = session.exec(
            select(func.max(Payment.received_on)).where(Payment.customer_id == cust.id)
        ).one()
        for inv in _open(session, cust):
            days = (today - inv.due_date).days
            if 45 <= days <= 75 and (
                last_paid is None or last_paid < inv.due_date + timedelta(days=15)
            ):
                return cust, inv
    return None


def _bounced(
    session: Session, today: date, besides: set[str]
) -> tuple[Customer, list[Invoice]] | None:
    """A customer with invoices that crossed 30 days overdue by yesterday, and another
    invoice in its final stage for today's notice."""
    for cust in _candidates(session, besides):
        invoices = _open(session, cust)
        crossed = [i for i in invoices if 30 <= (today - i.due_date).days - 1 < 45]
        final = [i for i in invoices if 45 < (today - i.due_date).days <= 75]
        if crossed and final:
            return cust, crossed
    return None


def _candidates(session: Session, besides: set[str]) -> list[Customer]:
    rows = session.exec(select(Customer).order_by(col(Customer.external_id))).all()
    return [c for c in rows if c.external_id not in besides and c.segment != "strategic"]


def _open(session: Session, cust: Customer) -> list[Invoice]:
    return list(
        session.exec(
            select(Invoice)
            .where(Invoice.customer_id == cust.id, Invoice.balance > 0)
            .order_by(col(Invoice.due_date))
        )
    )


def _sent(
    session: Session, cust: Customer, invoices: list[Invoice], stage: str, on: date
) -> SentBefore:
    contact = session.exec(
        select(Contact).where(Contact.customer_id == cust.id, col(Contact.is_primary).is_(True))
    ).one()
    numbers = [i.number for i in invoices]
    at = datetime.combine(on, time(9, 0), UTC)
    message_id = f"<notice.{cust.external_id}.{on:%Y%m%d}@arbox-demo.example>"
    subject = f"Payment reminder: {', '.join(numbers)}"
    session.add(
        OutgoingNotice(
            customer_id=pk(cust),
            to_email=contact.email,
            stage=stage,
            status="sent",
            subject=subject,
            body=f"Dear {contact.name}, our records show {', '.join(numbers)} as past due.",
            invoices=numbers,
            total=sum((i.balance for i in invoices), Decimal("0.00")),
            currency=cust.currency,
            message_id=message_id,
            guardrail={"stages": dict.fromkeys(numbers, stage)},
            run_date=on,
            created_at=at,
            sent_at=at,
        )
    )
    return SentBefore(cust.external_id, contact.email, message_id, subject, at)


def bounce_report(ledger: Ledger, *, today: date) -> bytes | None:
    """The delivery report (RFC 3464, as Postfix writes one) for the demo's bounced notice:
    yesterday's notice, whose recipient's mailbox no longer exists."""
    with ledger.session() as s:
        notice = s.exec(
            select(OutgoingNotice)
            .where(OutgoingNotice.status == "sent", OutgoingNotice.run_date == today - timedelta(1))
            .order_by(col(OutgoingNotice.id))
        ).first()
    if notice is None:
        return None
    to, sent = notice.to_email, notice.sent_at or datetime.combine(today, time(9), UTC)
    host = to.rsplit("@", 1)[-1]
    arrived = format_datetime(sent.replace(tzinfo=UTC))
    now = format_datetime(datetime.combine(today, time(7, 42), UTC))
    return f"""\
Return-Path: <>
Date: {now}
From: MAILER-DAEMON@{OUR_MTA} (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: {OUR_ADDRESS}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="demo-dsn-boundary"
Message-Id: <{today:%Y%m%d}074200.demo-dsn@{OUR_MTA}>

This is a MIME-encapsulated message.

--demo-dsn-boundary
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host {OUR_MTA}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<{to}>: host mx.{host} said: 550 5.1.1 <{to}>: Recipient
    address rejected: User unknown in virtual mailbox table

--demo-dsn-boundary
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; {OUR_MTA}
Arrival-Date: {arrived}

Final-Recipient: rfc822; {to}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.{host}
Diagnostic-Code: smtp; 550 5.1.1 <{to}>: Recipient address rejected: User
    unknown in virtual mailbox table

--demo-dsn-boundary
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Accounts Receivable <{OUR_ADDRESS}>
To: {to}
Subject: {notice.subject}
Date: {arrived}
Message-ID: {notice.message_id}

--demo-dsn-boundary--
""".encode()
