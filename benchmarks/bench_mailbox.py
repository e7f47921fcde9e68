"""Mailbox throughput: messages per second for parsing, and for an IMAP drain on loopback.

    .venv/bin/python benchmarks/bench_mailbox.py [--parse N] [--imap N] [--batch B]

Parsing runs over the .eml fixtures and generated replies (quoted history,
signatures, HTML, base64). The drain starts its own Dovecot on loopback, appends
N messages, and times `ImapWatcher.drain` into a fresh SQLite ledger (one
transaction per message: record, handler, checkpoint), then a second drain
that finds nothing new.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import sys
import tempfile
import time
from pathlib import Path

from imapclient import IMAPClient

# The Dovecot runner is a test peer (tests/support), not part of the product.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))
from dovecot import LocalDovecot, find_dovecot

from arbox.mailbox.imap import ImapWatcher, record_only
from arbox.mailbox.parse import parse_email
from arbox.tools.db import Ledger

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "mailbox" / "fixtures"


def generated(i: int) -> bytes:
    """A realistic reply: text with a signature and a quoted notice; every third one HTML."""
    text = (
        f"Hi,\n\nWe will pay INV-{10000 + i} for ${i * 3 + 100}.00 on March {1 + i % 28}.\n\n"
        f"Best regards,\nCustomer {i}\nCompany {i % 50} Ltd\n\n"
        f"On Mon, Mar 2, 2026 at 8:00 AM AR <ar@example.com> wrote:\n"
        + "".join(f"> Invoice INV-{10000 + i} line {n} is past due.\n" for n in range(15))
    )
    head = (
        f"From: Customer {i} <c{i}@company{i % 50}.example>\nTo: ar@example.com\n"
        f"Subject: Re: Invoice INV-{10000 + i}\nDate: Mon, 2 Mar 2026 09:00:00 -0500\n"
        f"Message-ID: <bench-{i}@company{i % 50}.example>\n"
        f"In-Reply-To: <notice-{i}@example.com>\nMIME-Version: 1.0\n"
    )
    if i % 3 == 0:
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body>"
        payload = base64.encodebytes(html.encode()).decode()
        return (
            head + "Content-Type: text/html; charset=utf-8\n"
            "Content-Transfer-Encoding: base64\n\n" + payload
        ).encode()
    return (head + "Content-Type: text/plain; charset=utf-8\n\n" + text).encode()


def bench_parse(n: int) -> float:
    corpus = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))] if FIXTURES.exists() else []
    corpus += [generated(i) for i in range(200)]
    messages = [corpus[i % len(corpus)] for i in range(n)]
    start = time.perf_counter()
    for raw in messages:
        parse_email(raw)
    seconds = time.perf_counter() - start
    rate = n / seconds
    print(f"parse: {n} messages in {seconds:.2f}s = {rate:,.0f} messages/s")
    return rate


def bench_imap(n: int, batch: int) -> float | None:
    if find_dovecot() is None:
        print("imap: skipped (dovecot not installed: apt-get install dovecot-imapd)")
        return None
    base = Path(tempfile.mkdtemp(prefix="arbox-bench-"))
    mail = Path(tempfile.mkdtemp(prefix="arbox-bench-dovecot-"))  # its own: it chmods it
    server = LocalDovecot(mail)
    ledger = Ledger.open(f"sqlite:///{base / 'ledger.db'}")
    try:
        server.start()
        client = IMAPClient(server.host, port=server.port, ssl=False)
        client.login(server.user, server.password)
        start = time.perf_counter()
        for i in range(0, n, 100):
            client.multiappend("INBOX", [generated(j) for j in range(i, min(n, i + 100))])
        print(f"imap: appended {n} messages in {time.perf_counter() - start:.2f}s")
        client.logout()
        watcher = ImapWatcher(
            ledger,
            host=server.host,
            port=server.port,
            user=server.user,
            password=server.password,
            ssl=False,
            batch_size=batch,
        )
        stats = watcher.drain(record_only)
        assert stats.new == n, stats
        rate = n / stats.seconds
        print(
            f"imap: drained {stats.new} messages in {stats.seconds:.2f}s = {rate:,.0f} messages/s"
            f" (batch {batch}, SQLite, one transaction per message)"
        )
        again = watcher.drain(record_only)
        print(f"imap: second drain found {again.fetched} new in {again.seconds * 1000:.0f} ms")
        watcher.close()
        return rate
    finally:
        ledger.dispose()
        server.stop()
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(mail, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parse", type=int, default=5000, help="messages to parse")
    parser.add_argument("--imap", type=int, default=2000, help="messages to drain (0: skip)")
    parser.add_argument("--batch", type=int, default=100, help="UIDs fetched per FETCH")
    args = parser.parse_args()
    bench_parse(args.parse)
    if args.imap:
        bench_imap(args.imap, args.batch)


if __name__ == "__main__":
    main()
