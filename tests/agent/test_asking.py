"""A reply that waits for a person is checkpointed by `agent.asking` as the graph would
checkpoint it, on SQLite and PostgreSQL, and resumes through the graph once."""

from __future__ import annotations

from datetime import date

import factories as f
import pytest
from scripted import ScriptedClassifier, finding
from sqlalchemy import func
from sqlmodel import select

import arbox.agent.asking as asking
from arbox.agent.checkpoint import open_checkpointer
from arbox.agent.graph import build_graph
from arbox.agent.policy import PolicyConfig
from arbox.agent.service import ApprovalError, Reply, Triager
from arbox.tools.models import AuditLog, Dispute, InboundMessage

TODAY = date(2026, 3, 2)
WRONG_PRICE = "The unit price on {inv} is not what our contract says."
SCRIPT = {
    WRONG_PRICE.format(inv=inv): [
        finding("dispute", f"unit price on {inv}", invoices=[inv], reason="pricing")
    ]
    for inv in ("INV-7", "INV-8", "INV-9")
}


@pytest.fixture
def books(any_ledger):
    with any_ledger.transaction() as s:
        big = f.customer(s, "BIG", name="Globex", segment="strategic", domain="globex.com")
        for inv in ("INV-7", "INV-8", "INV-9"):
            f.invoice(s, big, inv, "9000.00")
    return any_ledger


@pytest.fixture
def saver(books):
    with open_checkpointer(books.url) as cp:
        yield cp


def triager(books, saver):
    return Triager(
        books, ScriptedClassifier(SCRIPT), saver, policy=PolicyConfig(autonomy_threshold=0)
    )


def dispute(inv, mid):
    text = WRONG_PRICE.format(inv=inv)
    return Reply(message_id=mid, sender="buyer@globex.com", subject="RE: invoice", text=text)


def received(ledger, *mids):
    with ledger.transaction() as s:
        for mid in mids:
            s.add(InboundMessage(message_id=mid, status="received"))


def count(ledger, model):
    with ledger.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def snapshot_view(graph, mid):
    snap = graph.get_state({"configurable": {"thread_id": mid}})
    return (
        snap.values,
        snap.next,
        [i.value for i in snap.interrupts],
        [(t.name, [i.value for i in t.interrupts]) for t in snap.tasks],
        snap.metadata,
        snap.parent_config,
    )


def test_the_copied_checkpoint_reads_as_the_graphs_own(books, saver, monkeypatch):
    t = triager(books, saver)
    received(books, "<a@g>", "<b@g>")
    first = t.process(dispute("INV-7", "<a@g>"), today=TODAY)
    # The second reply of the same shape is written from the first one's template.
    ran = []
    monkeypatch.setattr(asking, "build_graph", lambda cp: ran.append(cp) or build_graph(cp))
    second = t.process(dispute("INV-8", "<b@g>"), today=TODAY)
    assert ran == [] and first.status == second.status == "pending_approval"
    # The same replies through langgraph itself, on the same saver, other threads.
    graph = build_graph(saver)
    for mid, theirs in (("<a@g>", "<c@g>"), ("<b@g>", "<d@g>")):
        planned = t.graph.get_state({"configurable": {"thread_id": mid}}).values
        values = {**planned, "reply": {**planned["reply"], "message_id": theirs}}
        graph.invoke(
            values,
            {"configurable": {"thread_id": theirs}},
            context=t._context(TODAY),
            durability="exit",
        )
        ours, real = snapshot_view(graph, mid), snapshot_view(graph, theirs)
        assert ours[0] == {**real[0], "reply": {**real[0]["reply"], "message_id": mid}}
        assert ours[1:2] == real[1:2] == (("approve",),)
        assert [{**q, "message_id": None} for q in ours[2]] == [
            {**q, "message_id": None} for q in real[2]
        ]
        assert ours[4:] == real[4:]
    assert count(books, AuditLog) == 0


def test_a_copied_checkpoint_resumes_once(books, saver):
    t = triager(books, saver)
    received(books, "<a@g>", "<b@g>")
    for inv, mid in (("INV-7", "<a@g>"), ("INV-8", "<b@g>")):
        assert t.process(dispute(inv, mid), today=TODAY).status == "pending_approval"
    done = t.decide("<b@g>", {"decision": "accept"}, by="U1", today=TODAY)
    assert done.status == "done" and {a["status"] for a in done.actions} == {"done"}
    assert count(books, Dispute) == 1
    with pytest.raises(ApprovalError, match="already accepted"):
        t.decide("<b@g>", {"decision": "accept"}, by="U2", today=TODAY)
    # Seen again, it is answered from its row; the other one still waits.
    assert t.process(dispute("INV-8", "<b@g>"), today=TODAY).status == "done"
    assert [a.message_id for a in t.pending()] == ["<a@g>"]
    assert count(books, Dispute) == 1


def test_cut_short_between_checkpoint_and_interrupt_it_asks_once(books, saver, monkeypatch):
    t = triager(books, saver)
    received(books, "<a@g>", "<b@g>")
    t.process(dispute("INV-7", "<a@g>"), today=TODAY)  # the template

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(saver, "put_writes", crash)
    with pytest.raises(RuntimeError, match="power cut"):
        t.process(dispute("INV-9", "<b@g>"), today=TODAY)
    monkeypatch.undo()
    again = t.process(dispute("INV-9", "<b@g>"), today=TODAY)
    assert again.status == "pending_approval"
    assert sorted(a.message_id for a in t.pending()) == ["<a@g>", "<b@g>"]
    done = t.decide("<b@g>", {"decision": "accept"}, by="U1", today=TODAY)
    assert done.status == "done" and count(books, Dispute) == 1
