"""A large run's machinery: notices recorded in bulk, planning on several processes, and
the slotted wording rendered once per shape."""

from __future__ import annotations

import multiprocessing

from sqlmodel import select

from arbox.agent import tones
from arbox.agent.notices import fanout, run_dunning
from arbox.agent.notices.run import notice_columns
from arbox.tools import notices as store
from arbox.tools.models import AuditLog, OutgoingNotice

from .conftest import TODAY, Factory


def _creates(ledger) -> list[str]:
    with ledger.session() as s:
        return [a.target for a in s.exec(select(AuditLog)).all() if a.action == "notice.create"]


def test_a_run_records_every_notice_once_with_one_audit_row_each(any_ledger) -> None:
    make = Factory(any_ledger)
    for n in range(4):
        cust = make.customer(f"Co {n}", email=f"ap@co{n}.test" if n else None)
        make.invoice(cust, 3 + n)
        make.invoice(cust, 20 + n, amount="99.50")
    result = run_dunning(any_ledger, today=TODAY, dry_run=False)
    with any_ledger.session() as s:
        rows = {r.id: r for r in s.exec(select(OutgoingNotice)).all()}
    assert sorted(rows) == sorted(p.notice_id for p in result.notices)
    assert sorted(_creates(any_ledger)) == sorted(f"notice:{i}" for i in rows)
    for plan in result.notices:
        row = rows[plan.notice_id]
        assert (row.customer_id, row.status, row.body) == (
            plan.due.customer_id,
            plan.status,
            plan.body,
        )
        assert row.total == plan.due.total and row.guardrail["report"]["ok"]
    again = run_dunning(any_ledger, today=TODAY, dry_run=False)
    assert again.notices == [] and len(_creates(any_ledger)) == len(rows)


def test_recording_a_notice_again_returns_the_one_on_file(any_ledger) -> None:
    make = Factory(any_ledger)
    make.invoice(make.customer(), 3)
    (plan,) = run_dunning(any_ledger, today=TODAY, dry_run=False).notices
    columns = notice_columns(plan, TODAY, "offline")
    with any_ledger.transaction() as s:
        assert store.create_notices(s, [columns, columns | {"status": "held"}]) == [
            (plan.notice_id, False),
            (plan.notice_id, False),
        ]
    assert len(_creates(any_ledger)) == 1


def _shape(plans) -> list[tuple]:
    return [
        (
            p.due.customer_id,
            p.subject,
            p.body,
            p.status,
            p.held_reason,
            p.tone,
            p.outcome,
            p.wording,
            p.statement,
            p.report.as_dict(),
        )
        for p in plans
    ]


def test_planning_on_several_processes_plans_what_one_process_plans(
    make: Factory, ledger, monkeypatch
) -> None:
    segments = ["standard", "strategic", "chronic_late", "high_risk", "standard", "standard"]
    for n, segment in enumerate(segments):
        cust = make.customer(f"Co {n}", segment=segment, email=f"ap@co{n}.test")
        for days in range(1 + n % 3):
            make.invoice(cust, 3 + 14 * days, po=f"PO-{n}" if days else None)
    one = run_dunning(ledger, today=TODAY, workers=1)
    forked: list[str] = []
    real = multiprocessing.get_context
    monkeypatch.setattr(fanout, "MIN_PER_WORKER", 1)
    monkeypatch.setattr(fanout, "CHUNK", 2)
    monkeypatch.setattr(
        fanout.multiprocessing, "get_context", lambda m: forked.append(m) or real(m)
    )
    several = run_dunning(ledger, today=TODAY, workers=2)
    assert forked == ["fork"]
    assert len(one.notices) == len(segments)
    assert _shape(several.notices) == _shape(one.notices)


def test_slotted_wording_is_rendered_once_per_shape(make: Factory, ledger) -> None:
    tones.slotted_wording.cache_clear()
    for n in range(3):
        cust = make.customer(f"Co {n}", email=f"ap@co{n}.test")
        make.invoice(cust, 3, amount=f"{100 + n}.00")
    two = make.customer("Two Co", email="ap@two.test")
    make.invoice(two, 3)
    make.invoice(two, 4)
    plans = run_dunning(ledger, today=TODAY).notices
    one_invoice = [p for p in plans if len(p.invoices) == 1]
    assert len(one_invoice) == 3 and len({p.wording for p in one_invoice}) == 1
    (pair,) = [p for p in plans if len(p.invoices) == 2]
    assert "⟦INV_2⟧" in pair.wording and "⟦INV_2⟧" not in one_invoice[0].wording
    # Rendered twice (one shape of one invoice, one of two) for four notices, and each
    # is what the template gives for that shape's context.
    assert tones.slotted_wording.cache_info().misses == 2 * 2  # the wording and the subject
    shape = tones.Shape(1, (), one_invoice[0].due.stage.name, "overdue", None)
    assert one_invoice[0].wording == tones.render(
        "overdue.j2", tone="neutral", **tones.slotted_context(shape)
    )
    assert all(p.due.invoices[0].number in p.body for p in plans)
