"""Raw RFC 5322 bytes to an `InboundEmail`.

Anything salvageable is parsed: malformed headers, unknown charsets and broken
MIME structure are recorded in `InboundEmail.defects` instead of failing. Only
input with nothing readable in it raises `MailParseError`.
"""

from __future__ import annotations

import email
import hashlib
import re
import warnings
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from dateutil import parser as dateparser
from dateutil.parser import UnknownTimezoneWarning

from .autoreply import detect_auto_reply
from .dsn import parse_dsn
from .errors import MailParseError
from .html import html_to_text
from .mime import (
    MAX_ATTACHMENT_TEXT,
    decode_bytes,
    filename_of,
    header_text,
    is_text_attachment,
    part_charset,
    part_payload,
    raw_header,
    sort_leaves,
)
from .models import Attachment, InboundEmail
from .reply import split_reply

SYNTHETIC_DOMAIN = "arbox.invalid"
KEPT_HEADERS = (
    "Auto-Submitted",
    "X-Autoreply",
    "X-Autorespond",
    "X-Autoresponder",
    "Precedence",
    "X-MS-Exchange-Inbox-Rules-Loop",
    "X-Auto-Response-Suppress",
    "X-Failed-Recipients",
    "Return-Path",
    "List-Id",
    "List-Unsubscribe",
    "X-Mailer",
    "User-Agent",
    "Organization",
    "Content-Type",
    "Thread-Topic",
    "Thread-Index",
    "Importance",
    "X-Priority",
)
_MSGID = re.compile(r"<([^<>\s]+)>")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:", re.MULTILINE)


def synthesise_message_id(raw: bytes) -> str:
    """A stable Message-ID from the bytes (line endings and trailing space ignored)."""
    normal = b"\n".join(line.rstrip() for line in raw.replace(b"\r\n", b"\n").split(b"\n"))
    return f"<{hashlib.sha256(normal.strip()).hexdigest()[:40]}@{SYNTHETIC_DOMAIN}>"


def _ids(value: str) -> list[str]:
    found = [f"<{m}>" for m in _MSGID.findall(value)]
    if not found and value.strip() and " " not in value.strip():
        found = [f"<{value.strip().strip('<>')}>"]  # a bare id without brackets
    return found


def _addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    values = [raw_header(msg, name)] if msg.get(name) is not None else []
    try:
        pairs = getaddresses(values)
    except Exception:
        return []
    return [(header_text(n), a.strip().lower()) for n, a in pairs if a and "@" in a]


def _date(value: str, defects: list[str]) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = _loose_date(value, defects)
        except (ValueError, OverflowError, TypeError):
            defects.append(f"unreadable Date header {value[:60]!r}")
            return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _loose_date(value: str, defects: list[str]) -> datetime:
    """A Date header the RFC parser refused, read loosely; a time zone dateutil does not
    know is a defect and the time is read as UTC (it would only warn otherwise)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnknownTimezoneWarning)
            return dateparser.parse(value, fuzzy=True)
    except UnknownTimezoneWarning:
        defects.append(f"unknown time zone in Date header {value[:60]!r}: read as UTC")
        return dateparser.parse(value, fuzzy=True, ignoretz=True)


def _text_of(parts: list[Message], defects: list[str]) -> str:
    texts = [decode_bytes(part_payload(p, defects), part_charset(p), defects) for p in parts]
    return "\n\n".join(t.strip("\n") for t in texts if t.strip())


def _attachments(parts: list[Message], defects: list[str]) -> list[Attachment]:
    out = []
    for part in parts:
        ctype, name = part.get_content_type(), filename_of(part)
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner_msg = inner[0] if isinstance(inner, list) and inner else None
            data = inner_msg.as_bytes() if isinstance(inner_msg, Message) else b""
            if not name and isinstance(inner_msg, Message):
                name = (header_text(inner_msg.get("Subject")) or "message") + ".eml"
        else:
            data = part_payload(part, defects)
        text = None
        if is_text_attachment(ctype, name):
            text = decode_bytes(data[:MAX_ATTACHMENT_TEXT], part_charset(part), defects)
        out.append(Attachment(filename=name, content_type=ctype, size=len(data), text=text))
    return out


def _check_readable(raw: bytes) -> None:
    if not isinstance(raw, bytes | bytearray):
        raise MailParseError(f"expected bytes, got {type(raw).__name__}")
    if not raw.strip():
        raise MailParseError("empty message")
    head = raw[:4096]
    if not _HEADER_LINE.search(head) and len(_CONTROL.findall(head)) > len(head) // 10:
        raise MailParseError("no headers and mostly binary bytes: not an email message")


def has_headers(raw: bytes) -> bool:
    """Whether ``raw`` starts with a header line (``Name: value``), as every email does.

    `parse_email` reads headerless text as a body from nobody (lenient, for the watcher);
    a command given files uses this to refuse a plain-text file instead.
    """
    return _HEADER_LINE.match(raw.lstrip(b"\r\n")[:1000]) is not None


def parse_email(raw: bytes) -> InboundEmail:
    """Parse raw RFC 5322 bytes; raises `MailParseError` only when nothing is readable."""
    _check_readable(raw)
    try:
        return _parse(bytes(raw))
    except MailParseError:
        raise
    except Exception as exc:  # a bug or a hostile input the stdlib chokes on
        raise MailParseError(f"could not parse message: {exc!r}") from exc


def _parse(raw: bytes) -> InboundEmail:
    msg = email.message_from_bytes(raw, policy=policy.compat32)
    defects = [type(d).__name__ for d in msg.defects]
    headers = {name: header_text(msg.get(name)) for name in KEPT_HEADERS if msg.get(name)}

    ids = _ids(raw_header(msg, "Message-ID"))
    message_id = ids[0] if ids else synthesise_message_id(raw)
    in_reply_to = next(iter(_ids(raw_header(msg, "In-Reply-To"))), None)
    references = _ids(raw_header(msg, "References"))
    if in_reply_to and in_reply_to not in references:
        references.append(in_reply_to)

    sender = _addresses(msg, "From") or _addresses(msg, "Sender")
    from_name, from_addr = sender[0] if sender else ("", "")
    reply_to = next((a for _, a in _addresses(msg, "Reply-To")), None)
    subject = header_text(msg.get("Subject"))

    leaves = sort_leaves(msg)
    body, is_html = _text_of(leaves.plain, defects), False
    if not body.strip() and leaves.html:
        body, is_html = html_to_text(_text_of(leaves.html, defects)), True
    reply_text, quoted_text, signature = split_reply(body)
    attachments = _attachments(leaves.attachments, defects)
    remittance = "\n\n".join(a.text for a in attachments if a.text and a.text.strip())

    reason = detect_auto_reply(headers, subject)
    if reason is None and (
        leaves.is_report or from_addr.startswith(("mailer-daemon@", "postmaster@"))
    ):
        reason = "delivery status notification"
    delivery = parse_dsn(msg) if leaves.is_report else None

    return InboundEmail(
        message_id=message_id,
        message_id_synthesised=not ids,
        in_reply_to=in_reply_to,
        references=references,
        from_addr=from_addr,
        from_name=from_name,
        reply_to=reply_to,
        to=[a for _, a in _addresses(msg, "To")],
        cc=[a for _, a in _addresses(msg, "Cc")],
        subject=subject,
        date=_date(raw_header(msg, "Date"), defects),
        headers=headers,
        reply_text=reply_text,
        quoted_text=quoted_text,
        signature=signature,
        body_text=body,
        html=is_html,
        attachments=attachments,
        remittance_text=remittance,
        auto_reply=reason is not None,
        auto_reply_reason=reason,
        delivery=delivery,
        defects=defects,
        raw_size=len(raw),
    )
