"""Sending outgoing notices: SMTP (STARTTLS or TLS, auth), or a dry-run outbox folder.

Both senders return the Message-ID the message went out with; store it on the
`OutgoingNotice` so replies thread back to it (see `threading.match_customer`).
"""

from __future__ import annotations

import logging
import re
import smtplib
import ssl as ssl_module
from collections.abc import Iterable, Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Protocol

from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from .errors import SendError

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TRANSIENT_CONNECT = (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected, OSError)


class Sender(Protocol):
    def send(self, msg: EmailMessage) -> str: ...


def build_message(
    *,
    from_addr: str,
    to: str | Sequence[str],
    subject: str,
    body: str,
    in_reply_to: str | None = None,
    references: Iterable[str] = (),
    domain: str,
) -> EmailMessage:
    """A plain-text message with a fresh, unique Message-ID under ``domain``."""
    msg = EmailMessage()
    msg["From"] = from_addr
    msg["To"] = to if isinstance(to, str) else ", ".join(to)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid(domain=domain)
    refs = [r for r in references if r]
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        if in_reply_to not in refs:
            refs.append(in_reply_to)
    if refs:
        msg["References"] = " ".join(refs)
    msg.set_content(body)
    return msg


def ensure_message_id(msg: EmailMessage) -> str:
    """Keep the message's Message-ID, or set one under the sender's domain."""
    if not msg.get("Message-ID"):
        domain = parseaddr(str(msg.get("From", "")))[1].rpartition("@")[2] or "arbox.localhost"
        msg["Message-ID"] = make_msgid(domain=domain)
    if not msg.get("Date"):
        msg["Date"] = formatdate(localtime=False, usegmt=True)
    return str(msg["Message-ID"]).strip()


class Mailer:
    """Sends through an SMTP server. Connecting is retried; a handed-over message is not
    (a retry after the server took it could deliver it twice)."""

    def __init__(
        self,
        host: str,
        port: int | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        ssl: bool = False,
        starttls: bool = True,
        timeout: float = 30.0,
        retry_attempts: int = 4,
        ssl_context: ssl_module.SSLContext | None = None,
    ) -> None:
        self.host, self.port = host, port or (465 if ssl else 587)
        self.user, self.password = user, password
        self.ssl, self.starttls = ssl, starttls and not ssl
        self.timeout, self.retry_attempts = timeout, retry_attempts
        self.ssl_context = ssl_context

    def _connect(self) -> smtplib.SMTP:
        context = self.ssl_context or ssl_module.create_default_context()
        smtp: smtplib.SMTP
        if self.ssl:
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if self.starttls:
                smtp.starttls(context=context)
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, msg: EmailMessage) -> str:
        """Send ``msg``; returns its Message-ID. Raises `SendError` when it was not accepted."""
        message_id = ensure_message_id(msg)
        try:
            smtp = Retrying(
                retry=retry_if_exception_type(_TRANSIENT_CONNECT),
                wait=wait_exponential(multiplier=0.2, max=10),
                stop=stop_after_attempt(self.retry_attempts),
                reraise=True,
            )(self._connect)
        except smtplib.SMTPAuthenticationError as exc:
            raise SendError(f"SMTP login refused by {self.host}: {exc.smtp_code}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise SendError(f"cannot reach SMTP server {self.host}:{self.port}: {exc}") from exc
        try:
            refused = smtp.send_message(msg)
        except (smtplib.SMTPException, OSError) as exc:
            raise SendError(f"SMTP server {self.host} did not take {message_id}: {exc}") from exc
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
        if refused:
            # The others got it: report, but do not make the caller send it again.
            log.warning("SMTP refused some recipients of %s: %s", message_id, sorted(refused))
        return message_id


class OutboxWriter:
    """Dry-run sending: each message becomes an .eml file in ``folder``."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def send(self, msg: EmailMessage) -> str:
        message_id = ensure_message_id(msg)
        self.folder.mkdir(parents=True, exist_ok=True)
        name = _UNSAFE.sub("_", message_id.strip("<>"))[:150] + ".eml"
        path = self.folder / name
        tmp = path.with_suffix(".eml.tmp")
        tmp.write_bytes(msg.as_bytes())
        tmp.replace(path)  # a reader never sees half a message
        return message_id
