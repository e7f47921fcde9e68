"""One IMAP connection: TLS or STARTTLS, password or XOAUTH2 login, folder selected.

Which failures are worth a reconnect is decided here (`is_transient`), so the
watcher's retry policy and the CLI agree on it.
"""

from __future__ import annotations

import contextlib
import imaplib
import ssl as ssl_module
from dataclasses import dataclass

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from .errors import ImapError


def is_transient(exc: BaseException) -> bool:
    """Worth a reconnect: drops, timeouts, refused connections, server BYE."""
    return isinstance(exc, imaplib.IMAP4.abort | OSError | EOFError) and not isinstance(
        exc, LoginError
    )


@dataclass
class ImapAccount:
    """Where and how to log in."""

    host: str
    user: str
    password: str | None = None
    port: int | None = None
    folder: str = "INBOX"
    ssl: bool = True
    starttls: bool = False
    oauth2_token: str | None = None
    timeout: float = 30.0
    ssl_context: ssl_module.SSLContext | None = None

    def __post_init__(self) -> None:
        if not self.password and not self.oauth2_token:
            raise ImapError("IMAP needs a password or an OAuth2 token")
        self.port = self.port or (993 if self.ssl else 143)


class ImapConnection:
    """A lazily opened, selected connection that can be dropped and reopened."""

    def __init__(self, account: ImapAccount) -> None:
        self.account = account
        self._client: IMAPClient | None = None

    def _connect(self) -> IMAPClient:
        a = self.account
        client = IMAPClient(
            a.host, port=a.port, ssl=a.ssl, ssl_context=a.ssl_context, timeout=a.timeout
        )
        try:
            if a.starttls and not a.ssl:
                client.starttls(a.ssl_context or ssl_module.create_default_context())
            if a.oauth2_token:
                client.oauth2_login(a.user, a.oauth2_token)
            else:
                client.login(a.user, a.password or "")
            client.select_folder(a.folder)
        except LoginError as exc:
            client.shutdown()
            raise ImapError(f"IMAP login refused for {a.user}@{a.host}: {exc}") from exc
        except imaplib.IMAP4.error as exc:
            if isinstance(exc, imaplib.IMAP4.abort):
                raise
            client.shutdown()
            raise ImapError(f"IMAP folder {a.folder!r} on {a.host}: {exc}") from exc
        return client

    def client(self) -> IMAPClient:
        """The open connection, connecting (and selecting the folder) if needed."""
        if self._client is None:
            self._client = self._connect()
        return self._client

    def close(self) -> None:
        """Log out politely; a connection that is already gone is just closed."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # already gone; nothing to tidy
            with contextlib.suppress(Exception):
                client.shutdown()

    def drop(self) -> None:
        """Forget a broken connection without talking to the server."""
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):
                client.shutdown()
