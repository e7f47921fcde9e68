"""Delivery status notifications (RFC 3464): which recipients a bounce is about.

A DSN is a ``multipart/report; report-type=delivery-status`` message whose
``message/delivery-status`` part holds one block of per-message fields and one block
per recipient (``Final-Recipient``, ``Action``, ``Status``, ``Diagnostic-Code``); the
returned message (``message/rfc822``) or its headers (``text/rfc822-headers``) follow.
The stdlib parses the blocks as header sets. `parse_dsn` returns None for anything
that is not a DSN, and never raises: a report too broken to read is left to a person
like any other automatic reply. `mailbox.parse` calls it once, when a message is
recorded; the result is stored with the message (`InboundEmail.delivery`).
"""

from __future__ import annotations

import base64
import email
import re
from email.message import Message

from arbox.tools.bounces import DeliveryReport, RecipientStatus

__all__ = ["DeliveryReport", "RecipientStatus", "parse_dsn"]

_STATUS = re.compile(r"\b([245]\.\d{1,3}\.\d{1,3})\b")
_MSGID = re.compile(r"<[^<>\s]+>")


def _address(value: str | None) -> str:
    """``rfc822; Dana@Acme.com`` -> ``dana@acme.com``."""
    if not value:
        return ""
    _, _, addr = value.partition(";") if ";" in value else ("", "", value)
    return addr.strip().strip("<>").lower()


def _value(value: str | None) -> str:
    return " ".join(str(value or "").split())


def parse_dsn(message: bytes | Message) -> DeliveryReport | None:
    """The delivery report in ``message``, or None when it is not a readable RFC 3464 report."""
    try:
        msg = email.message_from_bytes(message) if isinstance(message, bytes) else message
        return _report(msg)
    except Exception:  # hostile or broken structure: not a report we can act on
        return None


def _report(msg: Message) -> DeliveryReport | None:
    if msg.get_content_type() != "multipart/report":
        return None
    if str(msg.get_param("report-type") or "").lower() != "delivery-status":
        return None
    report = original = None
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status" and report is None:
            report = part
        elif ctype in ("message/rfc822", "text/rfc822-headers") and original is None:
            original = part
    if report is None:
        return None
    blocks = _blocks(report)
    if not blocks:
        return None
    per_message, per_recipient = blocks[0], blocks[1:]
    recipients = [
        RecipientStatus(
            recipient=_address(b.get("Final-Recipient") or b.get("Original-Recipient")),
            action=_value(b.get("Action")).lower(),
            status=_status(b),
            diagnostic=_value(b.get("Diagnostic-Code")),
        )
        for b in per_recipient
        if b.get("Final-Recipient") or b.get("Original-Recipient")
    ]
    if not recipients:  # nothing to act on: read like any other automatic reply
        return None
    return DeliveryReport(
        recipients=recipients,
        original_message_id=_original_id(original),
        reporting_mta=_value(per_message.get("Reporting-MTA")) or None,
    )


def _blocks(part: Message) -> list[Message]:
    """The report's header blocks. The stdlib splits the body into blocks as if it were
    plain text; a base64-encoded report (some gateways send one) is decoded and split
    here."""
    payload = part.get_payload()
    blocks = [b for b in payload if isinstance(b, Message)] if isinstance(payload, list) else []
    if not blocks:
        text = str(payload or "")
    elif str(part.get("Content-Transfer-Encoding", "")).strip().lower() == "base64":
        encoded = "".join(str(b.get_payload()) for b in blocks)
        text = base64.b64decode(encoded).decode("utf-8", "replace")
    else:
        return blocks
    chunks = re.split(r"\r?\n[ \t]*\r?\n", text.strip())
    return [email.message_from_string(c.strip() + "\n") for c in chunks if c.strip()]


def _status(block: Message) -> str:
    """The enhanced status code; taken from the diagnostic when the field is missing."""
    for text in (_value(block.get("Status")), _value(block.get("Diagnostic-Code"))):
        if found := _STATUS.search(text):
            return found.group(1)
    return ""


def _original_id(part: Message | None) -> str | None:
    if part is None:
        return None
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        return _msgid(inner.get("Message-ID")) if isinstance(inner, Message) else None
    payload = part.get_payload(decode=True)
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    return _msgid(email.message_from_string(text).get("Message-ID"))


def _msgid(value: object) -> str | None:
    found = _MSGID.search(_value(str(value or "")))
    return found.group(0) if found else None
