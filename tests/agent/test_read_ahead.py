"""A worker's batch classified ahead in a second process reads and acts as in one process."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import factories as f
import pytest
from sqlalchemy import func
from sqlmodel import select

from arbox.agent import ahead
from arbox.agent.checkpoint import open_checkpointer
from arbox.agent.offline import OfflineClassifier
from arbox.agent.service import Triager
from arbox.tools.db import Ledger
from arbox.tools.models import AuditLog
from arbox.worker import ingest, process_pending

TODAY = date(2026, 3, 2)
BODIES = [
    "Hallo, die Zahlung für INV-{i} über 1.250,00 EUR ist gestern rausgegangen.",
    "Could you resend INV-{i}? Our AP portal bounced the first one.",
    "We'll settle INV-{i} on the 20th of this month, sorry for the delay.",
    "INV-{i}: the crates came in cracked, we won't pay for those until this is sorted.",
    "Merci de nous renvoyer la facture INV-{i} avec notre numéro de commande.",
]


def _raw(i: int) -> tuple[str, bytes]:
    mail = (
        f"From: Kim <ap@lindqvist.example>\nTo: ar@example.com\nSubject: RE: INV-{i}\n"
        f"Message-ID: <ahead{i}@lindqvist.example>\nDate: Mon, 02 Mar 2026 09:00:00 +0000\n\n"
        f"{BODIES[i % len(BODIES)].format(i=i)}\n\nKim\n"
    )
    return f"m{i}", mail.encode()


def _drain(folder: Path, replies: int, *, read_ahead: bool = True) -> tuple[dict[str, object], int]:
    ledger = Ledger.open(f"sqlite:///{folder / 'ledger.db'}")
    with ledger.transaction() as s:
        cust = f.customer(s, "LQ", name="Lindqvist Bygg AB", domain="lindqvist.example")
        f.contact(s, cust, "ap@lindqvist.example", role="billing", is_primary=True)
        for i in range(replies):
            f.invoice(s, cust, f"INV-{i}", "1250.00")
    ingest(ledger, [_raw(i) for i in range(replies)])
    with open_checkpointer(ledger.url) as saver:
        triager = Triager(ledger, OfflineClassifier(), saver, read_ahead=read_ahead)
        outcomes = process_pending(triager, today=TODAY)
        assert process_pending(triager, today=TODAY) == []
    with ledger.session() as s:
        audited = s.exec(select(func.count()).select_from(AuditLog)).one()
    read = {o.message_id: o.as_contract() for o in outcomes}
    return read, audited


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    taken: list[bool] = []
    real = ahead.Readings.take

    def take(self: ahead.Readings, reply: object) -> object:
        got = real(self, reply)  # type: ignore[arg-type]
        taken.append(got is not None)
        return got

    monkeypatch.setattr(ahead.Readings, "take", take)
    return taken


@pytest.mark.skipif(not ahead.ReadAhead.wanted(OfflineClassifier(), None), reason="one core")
def test_a_batch_read_ahead_reads_and_acts_as_in_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(ahead.threading, "active_count", lambda: 1)  # threads of other tests
    n = ahead.MIN_BATCH + 4
    taken = _counting(monkeypatch)
    (tmp_path / "ahead").mkdir()
    with_ahead = _drain(tmp_path / "ahead", n)
    assert len(taken) == n and all(taken)  # every reply's reading came from the other process
    taken.clear()
    (tmp_path / "alone").mkdir()
    alone = _drain(tmp_path / "alone", n, read_ahead=False)
    assert taken == []
    assert with_ahead == alone
    assert with_ahead[1] > 0  # actions audited, once each (the second drain found nothing)


@pytest.mark.skipif(not ahead.ReadAhead.wanted(OfflineClassifier(), None), reason="one core")
def test_a_reader_that_fails_leaves_the_replies_to_the_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(ahead.threading, "active_count", lambda: 1)
    n = ahead.MIN_BATCH
    (tmp_path / "alone").mkdir()
    alone = _drain(tmp_path / "alone", n, read_ahead=False)
    worker, real = os.getpid(), OfflineClassifier.classify_scored

    def dies_in_the_reader(self, reply):  # type: ignore[no-untyped-def]
        if os.getpid() != worker:
            raise RuntimeError("the reader fell over")
        return real(self, reply)

    monkeypatch.setattr(OfflineClassifier, "classify_scored", dies_in_the_reader)
    taken = _counting(monkeypatch)
    (tmp_path / "failing").mkdir()
    assert _drain(tmp_path / "failing", n) == alone
    assert len(taken) == n and not any(taken)  # none came from the reader; all read here


@pytest.mark.skipif(not ahead.ReadAhead.wanted(OfflineClassifier(), None), reason="one core")
def test_no_reader_is_forked_while_other_threads_run(tmp_path, monkeypatch):
    # A server or watcher running the worker in a thread: a fork could inherit a held lock.
    monkeypatch.setattr(ahead.threading, "active_count", lambda: 3)
    n = ahead.MIN_BATCH + 2
    (tmp_path / "alone").mkdir()
    alone = _drain(tmp_path / "alone", n, read_ahead=False)
    taken = _counting(monkeypatch)
    (tmp_path / "threads").mkdir()
    assert _drain(tmp_path / "threads", n) == alone
    assert taken == []  # no readings were made ahead: each reply was read in the worker
