"""Delivery-status reports as real mail servers write them, parsed once with the message."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from arbox.mailbox.dsn import parse_dsn
from arbox.mailbox.models import InboundEmail
from arbox.mailbox.parse import parse_email

FIXTURES = Path(__file__).parent / "fixtures" / "dsn"


@pytest.mark.parametrize(
    ("name", "recipient", "action", "status", "original", "words"),
    [
        (
            "postfix_user_unknown.eml",
            "billing@acme.test",
            "failed",
            "5.1.1",
            "<notice-1.20261130@example.com>",
            "User unknown",
        ),
        (
            "postfix_delayed.eml",
            "billing@acme.test",
            "delayed",
            "4.4.1",
            "<notice-1.20261130@example.com>",
            "Connection timed out",
        ),
        (
            "office365_ndr.eml",
            "j.doe@contoso.test",
            "failed",
            "5.1.10",
            "<notice-7.20261130@example.com>",
            "RecipientNotFound",
        ),
        (
            "gmail_no_such_user.eml",
            "dana.ortiz@acme-build.test",
            "failed",
            "5.1.1",
            "<notice-12.20261130@example.com>",
            "does not exist",
        ),
        (
            "exim_mailbox_unavailable.eml",
            "ap@globex.test",
            "failed",
            "5.0.0",
            "<notice-30.20261130@example.com>",
            "mailbox unavailable",
        ),
    ],
)
def test_each_servers_report_names_the_recipient_the_code_and_our_message(
    name, recipient, action, status, original, words
):
    email = parse_email((FIXTURES / name).read_bytes())
    assert email.auto_reply and email.delivery is not None
    (r,) = email.delivery.recipients
    assert (r.recipient, r.action, r.status) == (recipient, action, status)
    assert words in r.diagnostic and "\n" not in r.diagnostic
    assert email.delivery.original_message_id == original
    assert r.permanent is (action == "failed") and r.transient is (action == "delayed")
    # parsed once: the stored JSON gives the same report back
    stored = InboundEmail.model_validate(email.model_dump(mode="json"))
    assert stored.delivery == email.delivery


def test_ordinary_mail_and_other_reports_carry_no_delivery_report():
    plain = parse_email(b"From: a@b.test\nSubject: hi\nMessage-ID: <1@b>\n\nhello\n")
    assert plain.delivery is None
    mdn = (
        (FIXTURES / "postfix_user_unknown.eml")
        .read_bytes()
        .replace(b"report-type=delivery-status", b"report-type=disposition-notification")
    )
    assert parse_email(mdn).delivery is None


def test_a_status_missing_from_its_field_is_read_from_the_diagnostic():
    raw = (FIXTURES / "postfix_user_unknown.eml").read_bytes().replace(b"Status: 5.1.1\n", b"")
    (r,) = parse_dsn(raw).recipients
    assert r.status == "5.1.1" and r.permanent


def test_a_base64_encoded_report_is_decoded():
    raw = (FIXTURES / "postfix_user_unknown.eml").read_bytes()
    head, _, rest = raw.partition(b"Content-Type: message/delivery-status\n\n")
    block, sep, tail = rest.partition(b"\n--4Qx1Z2abcd")
    encoded = base64.encodebytes(block).replace(b"\n", b"\r\n")
    raw = (
        head
        + b"Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
        + encoded
        + sep
        + tail
    )
    report = parse_dsn(raw)
    assert report is not None
    assert [r.recipient for r in report.bounced] == ["billing@acme.test"]


@pytest.mark.parametrize(
    "raw",
    [
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=x\n\n--x--\n",
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=x\n\n"
        b"--x\nContent-Type: message/delivery-status\n\n\n--x--\n",
        b"Content-Type: multipart/report; report-type=delivery-status\n\nno boundary at all\n",
    ],
)
def test_a_broken_report_is_no_report_and_the_message_still_parses(raw):
    assert parse_dsn(raw) is None
    email = parse_email(b"From: MAILER-DAEMON@mx.test\nSubject: x\n" + raw)
    assert email.auto_reply and email.delivery is None
