"""Graph checkpoints in the ledger's own database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from sqlalchemy.engine import make_url

from ..tools.db import SCHEMA_LOCK, normalize_url


@contextmanager
def open_checkpointer(database_url: str) -> Iterator[BaseCheckpointSaver[Any]]:
    """langgraph's SQLite saver on the ledger's file, or its Postgres saver on the server."""
    url = normalize_url(database_url)
    if url.startswith("sqlite"):
        path = make_url(url).database
        if not path or path == ":memory:":
            yield InMemorySaver()
            return
        from langgraph.checkpoint.sqlite import SqliteSaver

        conn = sqlite3.connect(path, check_same_thread=False, timeout=30)
        # The same durability as the ledger's engine: WAL, fsync at checkpoints only.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        try:
            saver = SqliteSaver(conn)
            _setup_sqlite(saver)
            yield saver
        finally:
            conn.close()
        return
    import psycopg
    from langgraph.checkpoint.postgres import PostgresSaver
    from psycopg.rows import dict_row

    conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(
        conninfo, autocommit=True, prepare_threshold=0, row_factory=dict_row
    ) as pg_conn:
        pg_saver = PostgresSaver(pg_conn)
        # Workers started together would race on the saver's migrations table and
        # types (UniqueViolation): one sets up while the others wait.
        # Polled outside any transaction: a waiter blocked in a statement would
        # deadlock with the saver's CREATE INDEX CONCURRENTLY.
        while not _scalar(pg_conn.execute("SELECT pg_try_advisory_lock(%s) AS ok", (SCHEMA_LOCK,))):
            time.sleep(0.05)
        try:
            pg_saver.setup()
        finally:
            pg_conn.execute("SELECT pg_advisory_unlock(%s)", (SCHEMA_LOCK,))
        yield pg_saver


def _setup_sqlite(saver: Any, attempts: int = 5) -> None:
    """The SQLite saver's tables; a start beside another process's set-up waits and retries."""
    for attempt in range(attempts):
        try:
            saver.setup()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def _scalar(cursor: Any) -> Any:
    row = cursor.fetchone()
    return next(iter(row.values())) if row else None
