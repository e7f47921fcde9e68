"""TLS and STARTTLS for IMAP (Dovecot) and SMTP (aiosmtpd), with a throwaway certificate."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from dovecot import LocalDovecot, find_dovecot, free_port
from imapclient import IMAPClient

from arbox.mailbox.imap import ImapWatcher
from arbox.mailbox.smtp import Mailer, build_message
from arbox.tools.db import Ledger


@pytest.fixture(scope="module")
def cert() -> Iterator[tuple[Path, Path]]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl not found: needed to make a test certificate")
    folder = Path(tempfile.mkdtemp(prefix="arbox-tls-"))
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-keyout",
            str(folder / "key.pem"),
            "-out",
            str(folder / "cert.pem"),
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    folder.chmod(0o755)
    yield folder / "cert.pem", folder / "key.pem"
    shutil.rmtree(folder, ignore_errors=True)


def client_context(cert: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cert[0]))


@pytest.fixture
def tls_dovecot(cert: tuple[Path, Path]) -> Iterator[LocalDovecot]:
    if find_dovecot() is None:
        pytest.skip("dovecot binary not found: apt-get install dovecot-imapd")
    base = tempfile.mkdtemp(prefix="arbox-dovecot-")
    server = LocalDovecot(base, tls_cert=cert[0], tls_key=cert[1])
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.dovecot
@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_imap_over_tls_and_starttls(
    mode: str,
    ledger: Ledger,
    tls_dovecot: LocalDovecot,
    cert: tuple[Path, Path],
    make_message: Callable[..., bytes],
) -> None:
    plain = IMAPClient(tls_dovecot.host, port=tls_dovecot.port, ssl=False)
    plain.login(tls_dovecot.user, tls_dovecot.password)
    for i in range(3):
        plain.append("INBOX", make_message(i))
    plain.logout()
    w = ImapWatcher(
        ledger,
        host=tls_dovecot.host,
        user=tls_dovecot.user,
        password=tls_dovecot.password,
        port=tls_dovecot.tls_port if mode == "tls" else tls_dovecot.port,
        ssl=mode == "tls",
        starttls=mode == "starttls",
        ssl_context=client_context(cert),
    )
    assert w.drain().new == 3
    w.close()


class Collect:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"


def server_context(cert: tuple[Path, Path]) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(str(cert[0]), str(cert[1]))
    return ctx


@pytest.mark.parametrize("mode", ["tls", "starttls"])
def test_smtp_over_tls_and_starttls(mode: str, cert: tuple[Path, Path]) -> None:
    handler = Collect()
    kw: dict[str, Any] = (
        {"ssl_context": server_context(cert)}
        if mode == "tls"
        else {"tls_context": server_context(cert), "require_starttls": True}
    )
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kw)
    controller.start()
    try:
        mailer = Mailer(
            "127.0.0.1",
            controller.port,
            ssl=mode == "tls",
            starttls=mode == "starttls",
            ssl_context=client_context(cert),
        )
        msg = build_message(
            from_addr="ar@example.com",
            to="ap@acme.example",
            subject="Statement",
            body="Balance: $10.00\n",
            domain="example.com",
        )
        message_id = mailer.send(msg)
    finally:
        controller.stop()
    [envelope] = handler.envelopes
    assert message_id.encode() in envelope.original_content
