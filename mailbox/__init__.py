"""The inbox: IMAP and file sources, MIME parsing, reply stripping, SMTP sending.

Imported as `arbox.mailbox`; the standard library's `mailbox` stays reachable.
"""

from .autoreply import detect_auto_reply
from .errors import MailboxError, MailParseError
from .models import Attachment, InboundEmail
from .parse import parse_email
from .reply import split_reply
from .sources import iter_paths

__all__ = [
    "Attachment",
    "InboundEmail",
    "MailParseError",
    "MailboxError",
    "detect_auto_reply",
    "iter_paths",
    "parse_email",
    "split_reply",
]
