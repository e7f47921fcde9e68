"""Engine, schema and sessions for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel, create_engine

from . import models  # noqa: F401  (registers the tables)
from .errors import NoLedger

DEFAULT_URL = "sqlite:///arbox.db"

_SQLITE_APPEND_ONLY = [
    """CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
]
_PG_APPEND_ONLY = [
    """CREATE OR REPLACE FUNCTION arbox_audit_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION arbox_audit_append_only()""",
]


def normalize_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str = DEFAULT_URL, **kw: Any) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kw)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **kw)


SCHEMA_LOCK = 74657
"""The PostgreSQL advisory lock key under which the schema (and the checkpointer's) is set up."""


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Hold the set-up lock on PostgreSQL (nothing to do on SQLite).

    Polled with ``pg_try_advisory_lock`` from outside any transaction: a waiter
    blocked inside a statement would deadlock with the checkpointer's ``CREATE
    INDEX CONCURRENTLY``, which waits for every open transaction.
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    key = {"key": SCHEMA_LOCK}
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        while not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar():
            time.sleep(0.05)
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), key)


def init_db(engine: Engine) -> None:
    """Create the tables (idempotent), add nullable columns that a ledger made by an
    older version lacks, and make the audit log append-only.

    Several workers may start together on a fresh database: on PostgreSQL the whole
    set-up runs under one advisory lock (concurrent ``CREATE TABLE`` races on
    ``pg_type``); on SQLite it runs in one write transaction (``BEGIN IMMEDIATE``),
    so the second process finds the tables made.
    """
    statements = _SQLITE_APPEND_ONLY if engine.dialect.name == "sqlite" else _PG_APPEND_ONLY
    with schema_lock(engine), engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        SQLModel.metadata.create_all(conn)
        for stmt in [*_missing_columns(conn), *statements]:
            conn.execute(text(stmt))


def ledger_exists(url: str) -> bool:
    """True when ``url`` holds a ledger (our tables); never creates anything."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if not path or path == ":memory:":
            return False
        if not Path(path).expanduser().is_file():
            return False
    engine = create_engine(url) if parsed.get_backend_name() != "sqlite" else make_engine(url)
    try:
        return inspect(engine).has_table("customer")
    finally:
        engine.dispose()


def _missing_columns(conn: Connection) -> list[str]:
    """`ALTER TABLE ... ADD COLUMN` for each nullable column a table does not have yet
    (e.g. `customer.language`); a new non-null column needs a real migration."""
    inspector = inspect(conn)
    prep = conn.dialect.identifier_preparer
    out = []
    for table in SQLModel.metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for col in table.columns:
            if col.name not in have and col.nullable and not col.primary_key:
                name, kind = prep.quote(col.name), col.type.compile(dialect=conn.dialect)
                out.append(f"ALTER TABLE {prep.format_table(table)} ADD COLUMN {name} {kind}")
    return out


class Ledger:
    """A handle on one ledger database: the engine plus transaction scopes.

    >>> ledger = Ledger.open("sqlite:///arbox.db")
    >>> with ledger.transaction() as session:
    ...     ...
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str = DEFAULT_URL, *, create: bool = True) -> Ledger:
        """The ledger at ``url``; its schema is brought up to date.

        With ``create=False`` a database that holds no ledger yet (a missing SQLite
        file, a PostgreSQL database without our tables) raises `NoLedger` and
        nothing is created: a command pointed at the wrong place says so.
        """
        if not create and not ledger_exists(url):
            raise NoLedger(
                f"no ledger at {make_url(normalize_url(url)).render_as_string()}: make one with "
                "`arbox import customers FILE.csv` (or `arbox demo --dir D`), or pass --db"
            )
        engine = make_engine(url)
        init_db(engine)
        return cls(engine)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def session(self) -> Session:
        """A plain session for reads (the caller closes it)."""
        return Session(self.engine, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()
