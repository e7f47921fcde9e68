"""The worker's queue: claimed replies triaged several at a time, each acted on once."""

from __future__ import annotations

import threading
import time
from datetime import date

import factories as f
from scripted import ScriptedClassifier, finding
from sqlalchemy import func
from sqlmodel import select

from arbox.agent.checkpoint import open_checkpointer
from arbox.agent.findings import Triage
from arbox.agent.policy import PolicyConfig
from arbox.agent.service import Triager
from arbox.tools.models import AuditLog, InboundMessage, Task
from arbox.worker import ingest, process_pending

TODAY = date(2026, 3, 2)

RULES_ONLY = PolicyConfig(autonomy_threshold=0)
"""Exactly-once and batching under the policy's rules, without the label-set estimate of
the shipped model (tested in `tests/agent/test_label_set.py`)."""


class SlowClassifier(ScriptedClassifier):
    """Takes as long as a model would; every reply asks for a copy of the invoice it names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        self.running = self.most = 0

    def classify(self, reply):
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(0.4)
        with self.lock:
            self.running -= 1
        super().classify(reply)
        number = reply.subject.split()[-1]
        return Triage(findings=[finding("invoice_request", "copy", invoices=[number])])


def raw(i: int) -> tuple[str, bytes]:
    mail = (
        f"From: Dana <ap@acme.com>\nTo: ar@example.com\nSubject: RE: INV-{i}\n"
        f"Message-ID: <r{i}@acme.com>\nDate: Mon, 02 Mar 2026 09:00:00 +0000\n\n"
        f"Please send a copy of INV-{i}.\n"
    )
    return f"m{i}", mail.encode()


def test_replies_are_triaged_concurrently_and_each_acts_once(ledger):
    with ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co", domain="acme.com")
        f.contact(s, acme, "ap@acme.com", role="billing", is_primary=True)
        for i in range(6):
            f.invoice(s, acme, f"INV-{i}", "1250.00")
    ingest(ledger, [raw(i) for i in range(6)])
    clf = SlowClassifier({})
    with open_checkpointer(ledger.url) as saver:
        triager = Triager(ledger, clf, saver, policy=RULES_ONLY)
        outcomes = process_pending(triager, today=TODAY, concurrency=3)
        assert process_pending(triager, today=TODAY, concurrency=3) == []
    assert len(outcomes) == 6 and {o.status for o in outcomes} == {"done"}
    assert clf.most > 1  # classified side by side, not one after another
    assert len(clf.calls) == 6
    with ledger.session() as s:
        assert s.exec(select(func.count()).select_from(Task)).one() == 6
        assert s.exec(select(func.count()).select_from(AuditLog)).one() == 6
        assert {m.status for m in s.exec(select(InboundMessage))} == {"done"}


def test_ingest_in_batches_stores_each_message_once_with_its_match(any_ledger):
    ledger = any_ledger
    with ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co", domain="acme.com")
        f.contact(s, acme, "ap@acme.com", role="billing", is_primary=True)
        globex = f.customer(s, "GLOBEX", name="Globex", domain="globex.com")
    other = (
        b"From: Hank <hank@mail.globex.com>\nTo: ar@example.com\nSubject: hi\n"
        b"Message-ID: <g1@globex.com>\n\nHello.\n"
    )
    messages = [raw(0), raw(1), ("again", raw(0)[1]), ("g", other), ("junk", b"\x00\x01" * 50)]
    # batches of 2: a repeat inside a batch, one across batches, an unparseable one
    first = ingest(ledger, [*messages, raw(2)], batch=2)
    assert first.new == ["<r0@acme.com>", "<r1@acme.com>", "<g1@globex.com>", "<r2@acme.com>"]
    assert first.duplicates == ["<r0@acme.com>"]
    assert [label for label, _ in first.unparseable] == ["junk"]
    assert first.ids_by_source["again"] == "<r0@acme.com>"
    second = ingest(ledger, [*messages, raw(2)])
    assert second.new == [] and len(second.duplicates) == 5
    with ledger.session() as s:
        rows = {m.message_id: m for m in s.exec(select(InboundMessage))}
    assert len(rows) == 5
    assert (rows["<r0@acme.com>"].customer_id, rows["<r0@acme.com>"].match_method) == (
        acme.id,
        "contact",
    )
    assert rows["<r0@acme.com>"].parsed["subject"] == "RE: INV-0"
    assert (rows["<g1@globex.com>"].customer_id, rows["<g1@globex.com>"].match_method) == (
        globex.id,
        "domain",
    )
    junk = rows[first.ids_by_source["junk"]]
    assert junk.status == "unparseable" and junk.parse_error


PAID = "We paid INV-1 ($1,250.00) by ACH on Friday, ref 99812."
PAID_SCRIPT = {
    PAID: [
        finding(
            "payment_sent",
            "We paid INV-1",
            invoices=["INV-1"],
            amount="1250.00",
            method="ach",
            reference="99812",
        )
    ]
}


def paid(i: int) -> tuple[str, bytes]:
    mail = (
        f"From: Dana <ap@acme.com>\nTo: ar@example.com\nSubject: RE: INV-1\n"
        f"Message-ID: <p{i}@acme.com>\nDate: Mon, 02 Mar 2026 09:00:00 +0000\n\n{PAID}\n"
    )
    return f"p{i}", mail.encode()


def actions_when_batched(ledger, batch: int) -> list[list[str]]:
    with ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co", domain="acme.com")
        f.contact(s, acme, "ap@acme.com", role="billing", is_primary=True)
        f.invoice(s, acme, "INV-1", "1250.00")
    ingest(ledger, [paid(i) for i in range(3)])
    with open_checkpointer(ledger.url) as saver:
        triager = Triager(ledger, ScriptedClassifier(PAID_SCRIPT), saver, policy=RULES_ONLY)
        outcomes = process_pending(triager, today=TODAY, batch=batch)
    assert [o.message_id for o in outcomes] == [f"<p{i}@acme.com>" for i in range(3)]
    return [[a["name"] for a in o.actions] for o in outcomes]


def test_a_batch_plans_as_one_reply_at_a_time_would(tmp_path):
    # The batch reads its customers once; a reply that acts drops its customer from
    # that read, so the next reply of the same customer sees the task the first opened.
    from arbox.tools.db import Ledger

    runs = []
    for batch in (1, 50):
        ledger = Ledger.open(f"sqlite:///{tmp_path / f'b{batch}.db'}")
        try:
            runs.append(actions_when_batched(ledger, batch))
        finally:
            ledger.dispose()
    one_at_a_time, batched = runs
    assert batched == one_at_a_time
    assert batched[0] != batched[1]  # the second reply follows up on the first one's task
