"""Fixtures for the mailbox tests: .eml fixtures, a message factory, a loopback Dovecot."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dovecot import LocalDovecot, find_dovecot

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def eml() -> Callable[[str], bytes]:
    """Raw bytes of a fixture under tests/mailbox/fixtures."""
    return lambda name: (FIXTURES / name).read_bytes()


def make_raw(i: int, *, body: str = "", prefix: str = "msg") -> bytes:
    """A small, distinct customer reply numbered ``i``."""
    text = body or f"We will pay INV-{1000 + i} on Friday.\r\n"
    return (
        f"From: Customer {i} <c{i}@cust{i % 7}.example>\r\n"
        f"To: ar@example.com\r\n"
        f"Subject: Re: Invoice INV-{1000 + i}\r\n"
        f"Date: Mon, 2 Mar 2026 09:{i % 60:02d}:00 +0000\r\n"
        f"Message-ID: <{prefix}-{i}@test.example>\r\n"
        f"\r\n{text}"
    ).encode()


@pytest.fixture
def dovecot() -> Iterator[LocalDovecot]:
    """A Dovecot started for one test on a free loopback port, stopped after it."""
    if find_dovecot() is None:
        pytest.skip("dovecot binary not found: apt-get install dovecot-imapd")
    # Not under pytest's tmp_path: that is 0700 and the mail processes run as nobody.
    base = tempfile.mkdtemp(prefix="arbox-dovecot-")
    server = LocalDovecot(base)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def make_message() -> Callable[..., bytes]:
    """The `make_raw` factory, for tests (conftest modules are not importable here)."""
    return make_raw
