"""The parsed form of one inbound message.

Every text field here comes from outside: treat it as untrusted when it enters
a prompt (the agent escapes and marks it).
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from arbox.tools.bounces import DeliveryReport


class Attachment(BaseModel):
    """One attached file, listed by name, type and decoded size."""

    filename: str = ""
    """The file name the sender gave (decoded), or empty."""
    content_type: str = "application/octet-stream"
    """The MIME type, lower case."""
    size: int = 0
    """Decoded size in bytes."""
    text: str | None = None
    """The decoded text for CSV and plain-text attachments (remittance advice), else None."""


class InboundEmail(BaseModel):
    """One customer message, parsed from raw RFC 5322 bytes."""

    message_id: str
    """Message-ID with angle brackets; synthesised stably from the bytes when missing."""
    message_id_synthesised: bool = False
    """True when the message carried no usable Message-ID."""
    in_reply_to: str | None = None
    """The first Message-ID named in In-Reply-To, if any."""
    references: list[str] = Field(default_factory=list)
    """Message-IDs in References (oldest first), plus In-Reply-To when not listed."""
    from_addr: str = ""
    """Sender's address, lower case."""
    from_name: str = ""
    """Sender's display name."""
    reply_to: str | None = None
    """First Reply-To address, lower case."""
    to: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    subject: str = ""
    date: datetime | None = None
    """The Date header, timezone-aware (UTC assumed when it gave no zone)."""
    headers: dict[str, str] = Field(default_factory=dict)
    """A useful subset of the headers (auto-reply markers, list headers, mailer)."""
    reply_text: str = ""
    """The new text of this message: quoted history and signature removed. Classify this."""
    quoted_text: str = ""
    """Quoted history (kept for threading and context)."""
    signature: str = ""
    """The sender's signature block, if one was found."""
    body_text: str = ""
    """The whole text body (HTML turned into text when there was no plain part)."""
    html: bool = False
    """True when the text came from an HTML part."""
    attachments: list[Attachment] = Field(default_factory=list)
    remittance_text: str = ""
    """CSV and text attachments joined, for remittance advice."""
    auto_reply: bool = False
    auto_reply_reason: str | None = None
    """Which header or subject marked it as automatic."""
    delivery: DeliveryReport | None = None
    """A delivery-status report (RFC 3464 bounce or delay), parsed once here; else None."""
    defects: list[str] = Field(default_factory=list)
    """Problems the parser worked around (malformed headers, bad charsets)."""
    raw_size: int = 0
