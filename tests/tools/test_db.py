"""Opening a ledger made by an older version adds the nullable columns it lacks."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlmodel import select

from arbox.tools.db import Ledger, init_db
from arbox.tools.models import Contact, Customer


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def led(request):
    return request.getfixturevalue("ledger" if request.param == "sqlite" else "pg_ledger")


def test_missing_nullable_columns_are_added(led: Ledger):
    with led.engine.begin() as conn:
        for table in ("customer", "contact"):
            for column in ("language", "locale"):
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        conn.execute(
            text(
                "INSERT INTO customer (external_id, name, segment, terms_days, "
                "currency, created_at) VALUES ('C-1', 'Acme', 'standard', 30, 'USD', "
                "CURRENT_TIMESTAMP)"
            )
        )
    init_db(led.engine)
    init_db(led.engine)  # idempotent
    columns = {c["name"] for c in inspect(led.engine).get_columns("contact")}
    assert {"language", "locale"} <= columns
    with led.session() as s:
        acme = s.exec(select(Customer)).one()
        assert (acme.external_id, acme.language, acme.locale) == ("C-1", None, None)
        assert s.exec(select(Contact)).all() == []
