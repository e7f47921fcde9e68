"""Delivery status notifications (RFC 3464): which recipients a bounce is about.

A DSN is a ``multipart/report; report-type=delivery-status`` message whose
``message/delivery-status`` part holds one block of per-message fields and one block
per recipient (``Final-Recipient``, ``Action``, ``Status``, ``Diagnostic-Code``); the
returned message or its headers follow. The stdlib parses the blocks as header sets.
`parse_dsn` returns None for anything that is not a DSN.
"""

from __future__ import annotations

import email
from dataclasses import dataclass, field
from email.message import Message


@dataclass(frozen=True)
class RecipientStatus:
    """One recipient's line of a delivery report."""

    recipient: str
    action: str
    """failed, delayed, delivered, relayed or expanded."""
    status: str
    """The enhanced status code (RFC 3463), e.g. ``5.1.1``."""
    diagnostic: str = ""

    @property
    def permanent(self) -> bool:
        """A hard bounce: the address will not work again as it is."""
        return self.action == "failed" and self.status.startswith("5")


@dataclass(frozen=True)
class DeliveryReport:
    """What a DSN says."""

    recipients: list[RecipientStatus] = field(default_factory=list)
    original_message_id: str | None = None
    """The Message-ID of the message that bounced (one of our notices), when returned."""
    reporting_mta: str | None = None

    @property
    def bounced(self) -> list[RecipientStatus]:
        return [r for r in self.recipients if r.permanent]


def _address(value: str | None) -> str:
    """``rfc822; Dana@Acme.com`` -> ``dana@acme.com``."""
    if not value:
        return ""
    _, _, addr = value.partition(";") if ";" in value else ("", "", value)
    return addr.strip().strip("<>").lower()


def _value(value: str | None) -> str:
    return " ".join((value or "").split())


def parse_dsn(message: bytes | Message) -> DeliveryReport | None:
    """The delivery report in ``message``, or None when it is not an RFC 3464 report."""
    msg = email.message_from_bytes(message) if isinstance(message, bytes) else message
    if msg.get_content_type() != "multipart/report":
        return None
    if str(msg.get_param("report-type") or "").lower() != "delivery-status":
        return None
    report = None
    original = None
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status" and report is None:
            report = part
        elif ctype in ("message/rfc822", "text/rfc822-headers") and original is None:
            original = part
    if report is None:
        return None
    blocks = [b for b in report.get_payload() if isinstance(b, Message)]
    if not blocks:
        return None
    per_message, per_recipient = blocks[0], blocks[1:]
    recipients = [
        RecipientStatus(
            _address(b.get("Final-Recipient") or b.get("Original-Recipient")),
            _value(b.get("Action")).lower(),
            _value(b.get("Status")),
            _value(b.get("Diagnostic-Code")),
        )
        for b in per_recipient
        if b.get("Final-Recipient") or b.get("Original-Recipient")
    ]
    return DeliveryReport(
        recipients, _original_id(original), _value(per_message.get("Reporting-MTA")) or None
    )


def _original_id(part: Message | None) -> str | None:
    if part is None:
        return None
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        return _value(inner.get("Message-ID")) or None if isinstance(inner, Message) else None
    payload = part.get_payload(decode=True)
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    return _value(email.message_from_string(text).get("Message-ID")) or None
