"""Low-level MIME helpers: header and payload decoding that never raises on real mail.

We parse with the stdlib's ``compat32`` policy and decode ourselves: the modern
policy's header objects can raise on malformed headers, and ``get_content()``
raises KeyError on parts with odd charsets. Payloads are read with
``get_payload(decode=True)`` and decoded with the part's charset, falling back
to UTF-8, then Windows-1252, then Latin-1 with replacement.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.header import Header, decode_header, make_header
from email.message import Message

TEXT_ATTACHMENT_TYPES = frozenset(
    ("text/csv", "text/plain", "application/csv", "text/tab-separated-values", "text/x-csv")
)
TEXT_ATTACHMENT_SUFFIXES = (".csv", ".txt", ".tsv")
MAX_ATTACHMENT_TEXT = 1_000_000
_WS = re.compile(r"\s+")
_LATIN1_NAMES = frozenset(("iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso_8859-1"))


def decode_bytes(data: bytes, charset: str | None, defects: list[str] | None = None) -> str:
    """Text from bytes in ``charset``; unknown or wrong charsets fall back without raising."""
    tried: list[str] = []
    if charset:
        charset = charset.strip().strip('"').lower()
        # Mail labelled Latin-1 is nearly always Windows-1252 (the euro sign, curly
        # quotes); browsers decode it the same way.
        if charset in _LATIN1_NAMES:
            charset = "cp1252"
        try:
            codecs.lookup(charset)
            tried.append(charset)
        except LookupError:
            if defects is not None:
                defects.append(f"unknown charset {charset!r}")
    for candidate in [*tried, "utf-8", "cp1252"]:
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    if defects is not None:
        defects.append("undecodable bytes replaced")
    return data.decode("latin-1", errors="replace")


def _unsurrogate(value: str) -> str:
    # Raw 8-bit header bytes come back from the parser as surrogate escapes.
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        return decode_bytes(value.encode("ascii", "surrogateescape"), None)
    return value


def _join_chunks(parts: list[tuple[bytes | str, str | None]]) -> str:
    return "".join(
        decode_bytes(chunk, cs if cs not in (None, "unknown-8bit") else None)
        if isinstance(chunk, bytes)
        else chunk
        for chunk, cs in parts
    )


def header_text(value: object) -> str:
    """A header value as readable text: RFC 2047 words decoded, whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, Header):
        text = _join_chunks(decode_header(value))
    else:
        text = _unsurrogate(str(value))
    if "=?" in text:
        try:
            parts = decode_header(text)
            try:
                text = str(make_header(parts))
            except Exception:  # an unknown charset inside an encoded word
                text = _join_chunks(parts)
        except Exception:
            pass  # malformed encoded words stay as they are
    return _WS.sub(" ", _unsurrogate(text)).strip()


def raw_header(msg: Message, name: str) -> str:
    """The undecoded header as a str (8-bit bytes recovered), or ''."""
    try:
        value = msg.get(name)
    except Exception:
        return ""
    if value is None:
        return ""
    if isinstance(value, Header):
        return header_text(value)
    return _unsurrogate(str(value))


def part_payload(part: Message, defects: list[str]) -> bytes:
    """A leaf part's decoded bytes (base64 and quoted-printable undone)."""
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:  # pragma: no cover - the stdlib is lenient here
        defects.append(f"payload not decodable: {exc}")
        return b""
    if isinstance(data, bytes):
        return data
    payload = part.get_payload()
    return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""


def part_charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:
        return None


def filename_of(part: Message) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if not name:
        try:
            param = part.get_param("name", header="content-type")
        except Exception:
            param = None
        name = param[2] if isinstance(param, tuple) else param
    return header_text(name) if name else ""


def disposition_of(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


@dataclass
class Leaves:
    """The parts of a message sorted into bodies and attachments."""

    plain: list[Message] = field(default_factory=list)
    html: list[Message] = field(default_factory=list)
    attachments: list[Message] = field(default_factory=list)
    is_report: bool = False


def iter_leaves(msg: Message, depth: int = 0) -> Iterator[Message]:
    """Leaf parts in order; an attached message (message/rfc822) is one leaf."""
    if depth > 20:  # hostile nesting
        return
    if msg.is_multipart() and msg.get_content_maintype() == "multipart":
        payload = msg.get_payload()
        for sub in payload if isinstance(payload, list) else []:
            if isinstance(sub, Message):
                yield from iter_leaves(sub, depth + 1)
    else:
        yield msg


def sort_leaves(msg: Message) -> Leaves:
    leaves = Leaves(is_report=msg.get_content_type() == "multipart/report")
    for part in iter_leaves(msg):
        ctype = part.get_content_type()
        attached = disposition_of(part) == "attachment" or bool(filename_of(part))
        if ctype == "text/plain" and not attached:
            leaves.plain.append(part)
        elif ctype == "text/html" and not attached:
            leaves.html.append(part)
        elif ctype.startswith("multipart/"):
            continue  # an empty or broken container
        else:
            leaves.attachments.append(part)
    return leaves


def is_text_attachment(ctype: str, filename: str) -> bool:
    return ctype in TEXT_ATTACHMENT_TYPES or filename.lower().endswith(TEXT_ATTACHMENT_SUFFIXES)
