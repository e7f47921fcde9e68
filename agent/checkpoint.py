"""Graph checkpoints in the ledger's own database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from sqlalchemy.engine import make_url

from ..tools.db import normalize_url


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
            saver.setup()
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
        pg_saver.setup()
        yield pg_saver
