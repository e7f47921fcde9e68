"""Notices over real SMTP (aiosmtpd on loopback), threaded by Message-ID."""

from __future__ import annotations

import email
import smtplib
import socket
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import select

from arbox.agent.notices import run_dunning
from arbox.tools.models import OutgoingNotice

from .conftest import TODAY, Factory


class Collect:
    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


class SmtpSender:
    """The smallest sender with the mailbox room's interface."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def send(self, msg: EmailMessage) -> str:
        with smtplib.SMTP(self.host, self.port, local_hostname="client.test", timeout=10) as smtp:
            smtp.send_message(msg)
        return msg["Message-ID"]


@pytest.fixture
def smtp() -> Iterator[tuple[Collect, SmtpSender]]:
    handler = Collect()
    with socket.socket() as probe:  # aiosmtpd can not start on port 0: find a free one
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="smtp.test")
    controller.start()
    try:
        yield handler, SmtpSender("127.0.0.1", port)
    finally:
        controller.stop()


def test_notices_go_out_over_smtp_threaded(make: Factory, ledger, smtp) -> None:
    handler, sender = smtp
    cust = make.customer()
    inv = make.invoice(cust, 3)
    run_dunning(ledger, today=TODAY, sender=sender, dry_run=False, from_addr="ar@arbox.test")
    run_dunning(
        ledger,
        today=TODAY + timedelta(days=12),
        sender=sender,
        dry_run=False,
        from_addr="ar@arbox.test",
    )
    first, second = handler.messages
    with ledger.session() as s:
        notices = s.exec(select(OutgoingNotice).order_by(OutgoingNotice.id)).all()
    assert [n.status for n in notices] == ["sent", "sent"]
    assert [n.message_id for n in notices] == [first["Message-ID"], second["Message-ID"]]
    assert first["Message-ID"] != second["Message-ID"]
    assert first["In-Reply-To"] is None
    assert second["In-Reply-To"] == first["Message-ID"] == second["References"]
    assert first["To"] == "billing@acme.test" and first["From"] == "ar@arbox.test"
    assert inv.number in first["Subject"]
    body, statement = first.get_payload()
    assert inv.number in body.get_payload(decode=True).decode()
    assert statement.get_content_type() == "application/pdf"
    assert statement.get_filename() == f"statement-{TODAY.isoformat()}.pdf"
    assert [n.stage for n in notices] == ["overdue_3", "overdue_15"]
