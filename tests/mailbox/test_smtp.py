"""Sending through a real SMTP server (aiosmtpd on loopback) and the dry-run outbox."""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from dovecot import free_port

from arbox.mailbox.errors import SendError
from arbox.mailbox.parse import parse_email
from arbox.mailbox.smtp import Mailer, OutboxWriter, build_message


class Inbox:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"


def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"ar", b"s3cret")
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtpd() -> Iterator[tuple[Controller, Inbox]]:
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def notice() -> Any:
    return build_message(
        from_addr="AR Team <ar@example.com>",
        to=["dana@acme-build.com", "ap@acme-build.com"],
        subject="Invoice INV-10442 is past due",
        body="Invoice INV-10442 for $1,250.00 is 30 days past due.\n",
        in_reply_to="<CAF3kq@mail.gmail.com>",
        references=["<notice-1@example.com>"],
        domain="example.com",
    )


def test_build_message_sets_unique_ids_and_threading_headers() -> None:
    a, b = notice(), notice()
    assert a["Message-ID"] != b["Message-ID"]
    assert str(a["Message-ID"]).endswith("@example.com>")
    assert a["In-Reply-To"] == "<CAF3kq@mail.gmail.com>"
    assert a["References"] == "<notice-1@example.com> <CAF3kq@mail.gmail.com>"


def test_smtp_delivers_with_auth_and_our_message_id(smtpd: tuple[Controller, Inbox]) -> None:
    controller, inbox = smtpd
    mailer = Mailer("127.0.0.1", controller.port, user="ar", password="s3cret", starttls=False)
    msg = notice()
    message_id = mailer.send(msg)
    assert message_id == msg["Message-ID"]
    [envelope] = inbox.envelopes
    assert envelope.mail_from == "ar@example.com"
    assert envelope.rcpt_tos == ["dana@acme-build.com", "ap@acme-build.com"]
    received = email.message_from_bytes(envelope.original_content, policy=policy.default)
    assert received["Message-ID"] == message_id
    assert received["Subject"] == "Invoice INV-10442 is past due"
    assert received["In-Reply-To"] == "<CAF3kq@mail.gmail.com>" and received["Date"]
    assert "$1,250.00" in received.get_content()
    # A reply to what we sent threads back by that id.
    reply = parse_email(f"From: dana@acme-build.com\nIn-Reply-To: {message_id}\n\nPaid.\n".encode())
    assert reply.in_reply_to == message_id


def test_wrong_smtp_password_is_a_send_error(smtpd: tuple[Controller, Inbox]) -> None:
    controller, inbox = smtpd
    mailer = Mailer("127.0.0.1", controller.port, user="ar", password="nope", starttls=False)
    with pytest.raises(SendError, match="login refused"):
        mailer.send(notice())
    assert inbox.envelopes == []


def test_unreachable_server_is_a_send_error_after_retries() -> None:
    mailer = Mailer("127.0.0.1", free_port(), starttls=False, retry_attempts=2, timeout=2)
    with pytest.raises(SendError, match="cannot reach"):
        mailer.send(notice())


def test_message_without_id_gets_one_from_the_sender_domain(
    smtpd: tuple[Controller, Inbox],
) -> None:
    controller, _ = smtpd
    msg = notice()
    del msg["Message-ID"]
    message_id = Mailer("127.0.0.1", controller.port, starttls=False).send(msg)
    assert message_id.endswith("@example.com>") and msg["Message-ID"] == message_id


def test_outbox_writer_writes_parseable_eml(tmp_path: Path) -> None:
    outbox = OutboxWriter(tmp_path / "outbox")
    msg = notice()
    message_id = outbox.send(msg)
    [path] = list((tmp_path / "outbox").iterdir())
    assert path.suffix == ".eml"
    parsed = parse_email(path.read_bytes())
    assert parsed.message_id == message_id
    assert parsed.to == ["dana@acme-build.com", "ap@acme-build.com"]
    assert "INV-10442" in parsed.reply_text
