"""The approval edit form: built from the toolbox's declared arguments, read back into actions."""

from __future__ import annotations

import pytest
from consolekit import csrf_of
from sqlmodel import select

from arbox.agent.toolbox import TOOLBOX
from arbox.api.console.toolbox import actions_from_form, declared_arguments
from arbox.tools.models import Approval, AuditLog, Task


def test_every_declared_argument_has_a_field() -> None:
    declared = declared_arguments()
    assert set(declared) == {str(n) for n in TOOLBOX}
    for name, tool in TOOLBOX.items():
        assert {a.name for a in declared[str(name)]} == set(tool.arg_names)
    kinds = {a.name: a for a in declared["record_promise"]}
    assert kinds["invoices"].kind == "list" and kinds["promised_on"].kind == "date"
    assert kinds["tolerance_days"].kind == "int" and kinds["promised_on"].required
    queue = {a.name: a for a in declared["create_task"]}["queue"]
    assert queue.kind == "choice" and "billing" in queue.choices


def test_the_form_reads_back_into_actions() -> None:
    form = {
        "a0.keep": "on",
        "a0.name": "record_promise",
        "a0.customer": "ACME",
        "a0.invoices": "INV-1, INV-2,",
        "a0.amount": "1550.00",
        "a0.promised_on": "2026-03-20",
        "a0.tolerance_days": "2",
        "a0.source_message": "",
        "a1.name": "create_task",  # not kept: left out
        "a1.queue": "sales",
    }
    assert actions_from_form(form) == [
        {
            "name": "record_promise",
            "args": {
                "customer": "ACME",
                "invoices": ["INV-1", "INV-2"],
                "amount": "1550.00",
                "promised_on": "2026-03-20",
                "tolerance_days": 2,
            },
        }
    ]
    with pytest.raises(ValueError, match="not a whole number"):
        actions_from_form({**form, "a0.tolerance_days": "two"})
    with pytest.raises(ValueError, match="unknown action"):
        actions_from_form({"a0.keep": "on", "a0.name": "mark_paid"})


def test_an_edit_from_the_console_runs_the_edited_actions(console, books) -> None:
    with books.session() as s:
        approval = s.exec(select(Approval)).one()
    page = console.get("/console/approvals")
    assert f'id="edit-{approval.id}"' in page.text
    r = console.post(
        f"/console/approvals/{approval.id}/edit",
        data={
            "csrf": csrf_of(page.text),
            "a0.keep": "on",
            "a0.name": "create_task",
            "a0.queue": "billing",
            "a0.summary": "Send a corrected INV-7",
            "a0.customer": "BIG",
            "a0.invoices": "INV-7",
        },
    )
    assert f"approval {approval.id} edited by Alice: 1 done, 1 not run" in r.text
    with books.session() as s:
        task = s.exec(select(Task).where(Task.queue == "billing")).one()
        assert task.summary == "Send a corrected INV-7" and task.invoices == ["INV-7"]
        audit = s.exec(select(AuditLog).where(AuditLog.action == "create_task")).one()
        assert audit.actor == "analyst:Alice"
        row = s.get(Approval, approval.id)
        assert (row.status, row.decided_by) == ("edited", "Alice")
    # Answered once: a second answer is refused and shown, and changes nothing.
    again = console.post(f"/console/approvals/{approval.id}/reject", data={"csrf": csrf_of(r.text)})
    assert "already edited by Alice" in again.text


def test_an_edit_naming_a_tool_outside_the_toolbox_is_refused(console, books) -> None:
    with books.session() as s:
        approval = s.exec(select(Approval)).one()
    page = console.get("/console/approvals")
    r = console.post(
        f"/console/approvals/{approval.id}/edit",
        data={"csrf": csrf_of(page.text), "a0.keep": "on", "a0.name": "mark_paid"},
    )
    assert "unknown action" in r.text
    with books.session() as s:
        assert s.get(Approval, approval.id).status == "pending"
