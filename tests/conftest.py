"""Shared fixtures: real SQLite ledgers, a PostgreSQL ledger in its own schema, and
a guard that fails any connection leaving the machine (no test reaches the internet)."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from arbox.tools.db import Ledger

PG_URL = os.environ.get(
    "ARBOX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    host = address[0] if isinstance(address, tuple) else address
    inet = self.family in (socket.AF_INET, socket.AF_INET6)
    local = isinstance(host, str) and (
        host.startswith("127.") or host in ("::1", "localhost", "0.0.0.0")
    )
    if inet and not local:
        raise RuntimeError(f"test tried to reach {address!r}: tests stay on loopback")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    # No test may pick up a developer's real key or endpoint.
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


@pytest.fixture
def ledger(tmp_path: Any) -> Iterator[Ledger]:
    """A fresh ledger in a real SQLite file."""
    led = Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    yield led
    led.dispose()


def _postgres_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3):
            return None
    except Exception as exc:  # pragma: no cover - depends on the machine
        return f"PostgreSQL not reachable at {PG_URL}: {exc}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL on the PostgreSQL server whose search path is a fresh, empty, throwaway schema."""
    reason = _postgres_available()
    if reason:
        pytest.skip(reason)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = PG_URL.replace("+psycopg", "")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_ledger(pg_url: str) -> Iterator[Ledger]:
    """A fresh ledger on the PostgreSQL server, in a throwaway schema."""
    led = Ledger.open(pg_url)
    try:
        yield led
    finally:
        led.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def any_ledger(request: pytest.FixtureRequest) -> Ledger:
    """The same test on SQLite and on PostgreSQL."""
    name = "ledger" if request.param == "sqlite" else "pg_ledger"
    return request.getfixturevalue(name)
