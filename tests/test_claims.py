"""Claims on the queue of recorded messages: owned, leased, retaken at once when the
owner is gone, never taken twice (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import col, select

from arbox.tools.models import InboundMessage
from arbox.worker import claim, owner_id, pid_alive, renew_leases


def record(ledger, n: int) -> None:
    with ledger.transaction() as s:
        for i in range(n):
            s.add(InboundMessage(message_id=f"<m{i}@x>", status="received"))


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_live_owners_claim_is_not_taken_and_an_expired_lease_is(any_ledger):
    record(any_ledger, 3)
    mine = claim(any_ledger, limit=2, owner="elsewhere:1:aaaa")
    assert [r.claimed_by for r in mine] == ["elsewhere:1:aaaa"] * 2
    assert all(r.lease_until is not None for r in mine)
    theirs = claim(any_ledger, limit=10, owner=owner_id())
    assert [r.message_id for r in theirs] == ["<m2@x>"]  # the held two are left alone
    assert claim(any_ledger, limit=10, owner=owner_id()) == []
    with any_ledger.transaction() as s:
        s.connection().execute(
            update(InboundMessage)
            .where(col(InboundMessage.claimed_by) == "elsewhere:1:aaaa")
            .values(lease_until=datetime.now(UTC) - timedelta(seconds=1))
        )
    retaken = claim(any_ledger, limit=10, owner=owner_id())
    assert sorted(r.message_id for r in retaken) == ["<m0@x>", "<m1@x>"]


def test_a_claim_whose_process_ended_is_retaken_at_once(any_ledger):
    import socket

    record(any_ledger, 2)
    gone = f"{socket.gethostname()}:{dead_pid()}:beef"
    held = claim(any_ledger, limit=2, owner=gone)
    assert len(held) == 2 and not pid_alive(int(gone.split(":")[1]))
    # The lease is still good for 30 s; the owner's pid is gone, so it is free now.
    assert len(claim(any_ledger, limit=10, owner=owner_id())) == 2


def test_renewing_pushes_back_only_the_owners_leases(ledger):
    record(ledger, 2)
    claim(ledger, limit=1, owner="a:1:x")
    claim(ledger, limit=1, owner="b:2:y")
    with ledger.session() as s:
        before = {r.claimed_by: r.lease_until for r in s.exec(select(InboundMessage))}
    assert renew_leases(ledger, "a:1:x") == 1
    with ledger.session() as s:
        after = {r.claimed_by: r.lease_until for r in s.exec(select(InboundMessage))}
    assert after["a:1:x"] > before["a:1:x"] and after["b:2:y"] == before["b:2:y"]


def test_a_ledger_made_before_leases_gets_the_new_columns(tmp_path):
    from sqlalchemy import inspect, text

    from arbox.tools.db import Ledger

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Ledger.open(url)
    with old.engine.begin() as conn:
        conn.execute(text("ALTER TABLE inboundmessage DROP COLUMN lease_until"))
        conn.execute(text("ALTER TABLE inboundmessage DROP COLUMN claimed_by"))
    old.dispose()
    new = Ledger.open(url)
    try:
        columns = {c["name"] for c in inspect(new.engine).get_columns("inboundmessage")}
        assert {"lease_until", "claimed_by"} <= columns
        record(new, 1)
        assert len(claim(new, owner=owner_id())) == 1
    finally:
        new.dispose()


def test_a_run_cut_between_a_nodes_writes_and_its_checkpoint_is_resumed(tmp_path):
    """A worker killed after a node's writes were saved but before the step's checkpoint
    (a resumed approval is checkpointed step by step): the run is resumed, not taken as
    finished (the node is left out of `next`), and it acts as the uncut run did, once."""
    import email
    import sqlite3
    from datetime import date

    from sqlalchemy import func

    from arbox.bootstrap import build
    from arbox.demo.inbox import demo_messages
    from arbox.demo.ledger import build_demo_ledger
    from arbox.tools.db import Ledger
    from arbox.tools.models import AuditLog
    from arbox.worker import ingest, stored_incoming

    path = tmp_path / "arbox.db"
    ledger = Ledger.open(f"sqlite:///{path}")
    today = date.today()
    build_demo_ledger(ledger, today=today)
    raws = demo_messages(ledger, today=today)
    ingest(ledger, ((str(i), raw) for i, raw in enumerate(raws)))
    mid = email.message_from_bytes(raws[17])["Message-ID"]
    try:
        with build(ledger=ledger, slack=False) as app:
            reply = stored_incoming(ledger, mid)
            assert reply is not None
            asked = app.triager.process(reply, today=today)
            assert asked.status == "pending_approval" and asked.actions
            first = app.triager.decide(mid, {"decision": "accept"}, by="U1", today=today)
            assert first.status == "done"
            with ledger.session() as s:
                audit = s.exec(select(func.count()).select_from(AuditLog)).one()
            # As if killed after `act` wrote its result, before that step's checkpoint
            # and before the message's row was updated.
            with sqlite3.connect(path) as conn:
                conn.execute(
                    "DELETE FROM checkpoints WHERE thread_id = ? "
                    "AND CAST(json_extract(metadata, '$.step') AS INTEGER) > 1",
                    (mid,),
                )
                conn.execute(
                    "UPDATE inboundmessage SET status = 'pending_approval' WHERE message_id = ?",
                    (mid,),
                )
            snapshot = app.triager.graph.get_state({"configurable": {"thread_id": mid}})
            assert snapshot.next == ()  # the trap: looks finished
            assert snapshot.tasks and not snapshot.interrupts  # ...but is resumed
            again = app.triager.process(reply, today=today)
        assert again.status == first.status == "done"
        assert [(a["name"], a["status"]) for a in again.actions] == [
            (a["name"], a["status"]) for a in first.actions
        ]
        with ledger.session() as s:
            assert s.exec(select(func.count()).select_from(AuditLog)).one() == audit
            row = s.exec(select(InboundMessage).where(InboundMessage.message_id == mid)).one()
            assert row.status == "done"
    finally:
        ledger.dispose()
