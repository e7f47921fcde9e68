"""Errors raised by the mailbox package, grouped by who must act.

MailboxError                 anything this package refuses or cannot do
├── MailParseError           raw bytes that cannot be read as a message at all
│                            (stored raw with the error; the watcher carries on)
├── SourceError              a path given to `arbox triage` is missing or unreadable
├── ImapError                the IMAP server refused us (login, select, bad config);
│                            connection drops are retried before this is raised
└── SendError                SMTP refused or could not deliver an outgoing notice
"""

from __future__ import annotations


class MailboxError(Exception):
    """Base of every error this package raises."""


class MailParseError(MailboxError):
    """The bytes are not a readable message; nothing salvageable was found."""


class SourceError(MailboxError):
    """A path is missing, unreadable, or neither an .eml file, an mbox nor a maildir."""


class ImapError(MailboxError):
    """The IMAP server refused a login, a folder or a command (after retries)."""


class SendError(MailboxError):
    """An outgoing message could not be handed to the SMTP server."""
