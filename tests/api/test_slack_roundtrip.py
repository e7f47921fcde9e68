"""The whole loop against a stub Slack on loopback: a reply arrives, the approval is posted,
a signed click resumes the graph, the ledger changes once, and the message shows who decided."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

from apikit import AUTH, DISPUTE, SECRET, eml
from sqlalchemy import func
from sqlmodel import select

from arbox.agent.slack import notify_pending
from arbox.tools.models import Approval, AuditLog, Dispute, Task


def count(ledger, model):
    with ledger.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def slack_post(client, payload):
    from arbox.api.slack_verify import sign

    body = urlencode({"payload": json.dumps(payload)}).encode()
    headers = sign(SECRET, body, int(time.time())) | {
        "Content-Type": "application/x-www-form-urlencoded"
    }
    return client.post("/slack/actions", content=body, headers=headers)


def click(client, approval_id, action="arbox_accept", user="UALICE", trigger="T-1"):
    return slack_post(
        client,
        {
            "type": "block_actions",
            "user": {"id": user},
            "trigger_id": trigger,
            "channel": {"id": "C0ARBOX"},
            "container": {"message_ts": "1700000000.000001"},
            "actions": [{"action_id": action, "value": str(approval_id)}],
        },
    )


def arrive(client, text=DISPUTE, mid="<r1@globex.com>"):
    r = client.post("/messages", json={"raw": eml(text, mid=mid)}, headers=AUTH)
    assert r.status_code == 201, r.text
    return r.json()["message"]["approval"]["id"]


def approval(ledger, approval_id):
    with ledger.session() as s:
        return s.get(Approval, approval_id)


def texts(blocks):
    return json.dumps(blocks)


def test_reply_to_slack_to_click_to_ledger(slack_client, stub, books):
    approval_id = arrive(slack_client)
    [posted] = stub.of("chat.postMessage")
    assert posted.headers["Authorization"] == "Bearer xoxb-test"
    assert posted.data["channel"] == "#ar-approvals"
    shown = texts(posted.data["blocks"])
    for expected in (
        "BIG",
        "dispute",
        "priced wrong, we agreed 10% less",
        "create_task",
        "strategic account",
        "arbox_accept",
        "arbox_edit",
        "arbox_reject",
    ):
        assert expected in shown
    row = approval(books, approval_id)
    assert (row.slack_channel, row.slack_ts) == ("C0ARBOX", "1700000000.000001")

    assert click(slack_client, approval_id).status_code == 200
    row = approval(books, approval_id)
    assert row.status == "accepted" and row.decided_by == "UALICE"
    assert count(books, Task) == 1
    [update] = stub.of("chat.update")
    assert update.data["ts"] == "1700000000.000001" and update.data["channel"] == "C0ARBOX"
    assert "Accepted by <@UALICE>" in texts(update.data["blocks"])
    assert "arbox_accept" not in texts(update.data["blocks"])

    audit = count(books, AuditLog)
    assert click(slack_client, approval_id, "arbox_reject").status_code == 200
    assert approval(books, approval_id).status == "accepted"
    assert count(books, Task) == 1 and count(books, AuditLog) == audit
    [note] = stub.of("chat.postEphemeral")
    assert note.data["user"] == "UALICE" and "already accepted" in note.data["text"]


def test_only_allowed_users_decide(slack_client, stub, books):
    approval_id = arrive(slack_client)
    assert click(slack_client, approval_id, user="UMALLORY").status_code == 200
    assert approval(books, approval_id).status == "pending"
    assert count(books, Task) == 0
    assert "not on the list" in stub.of("chat.postEphemeral")[0].data["text"]


def test_edit_opens_a_modal_and_its_submission_runs_the_edit(slack_client, stub, books):
    approval_id = arrive(slack_client)
    assert click(slack_client, approval_id, "arbox_edit", trigger="T-42").status_code == 200
    [opened] = stub.of("views.open")
    view = opened.data["view"]
    assert opened.data["trigger_id"] == "T-42" and view["private_metadata"] == str(approval_id)
    proposed = json.loads(view["blocks"][-1]["element"]["initial_value"])
    assert proposed[0]["name"] == "create_task"

    def submit(value):
        return slack_post(
            slack_client,
            {
                "type": "view_submission",
                "user": {"id": "UALICE"},
                "view": {
                    "callback_id": view["callback_id"],
                    "private_metadata": str(approval_id),
                    "state": {
                        "values": {"arbox_actions": {"arbox_actions_json": {"value": value}}}
                    },
                },
            },
        )

    bad = submit('[{"name": "mark_paid", "args": {}}]')
    assert bad.json()["response_action"] == "errors" and "mark_paid" in bad.text
    assert approval(books, approval_id).status == "pending"
    edited = [
        {
            "name": "tag_dispute",
            "args": {"customer": "BIG", "invoice": "INV-7", "reason": "pricing"},
        }
    ]
    assert submit(json.dumps(edited)).status_code == 200
    row = approval(books, approval_id)
    assert row.status == "edited" and row.decided_by == "UALICE"
    assert count(books, Dispute) == 1 and count(books, Task) == 0
    assert "Edited by <@UALICE>" in texts(stub.of("chat.update")[0].data["blocks"])


def test_slack_failures_are_retried(slack_client, stub, books):
    stub.fail("chat.postMessage", 500, 500)
    approval_id = arrive(slack_client)
    assert len(stub.of("chat.postMessage")) == 3
    assert approval(books, approval_id).slack_ts is not None


def test_slack_down_loses_no_approval(slack_client, stub, books):
    stub.down = True
    approval_id = arrive(slack_client)
    assert approval(books, approval_id).slack_ts is None
    assert [a["id"] for a in slack_client.get("/approvals").json()] == [approval_id]
    stub.down = False
    services = slack_client.app.state.services
    report = notify_pending(books, services.notifier)
    assert report.posted == ["<r1@globex.com>"] and report.failed == []
    assert approval(books, approval_id).slack_ts is not None
    assert notify_pending(books, services.notifier).posted == []  # posted once, not again
    stub.down = True
    r = slack_client.post(f"/approvals/{approval_id}/accept", headers=AUTH, json={"by": "ops"})
    assert r.status_code == 200 and count(books, Task) == 1  # Slack down: the API still decides


def test_a_decision_in_the_api_updates_the_slack_message(slack_client, stub, books):
    approval_id = arrive(slack_client)
    slack_client.post(f"/approvals/{approval_id}/reject", headers=AUTH, json={"by": "UBOB"})
    [update] = stub.of("chat.update")
    assert "Rejected by <@UBOB>" in texts(update.data["blocks"])


def test_untrusted_email_text_is_escaped_in_blocks(slack_client, stub):
    arrive(
        slack_client,
        "Invoice INV-7 is priced wrong <!channel> <https://evil.example|click>",
        mid="<esc@globex.com>",
    )
    shown = texts(stub.of("chat.postMessage")[0].data["blocks"])
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown


def test_two_passes_at_once_post_an_approval_once(slack_client, stub, books):
    import threading

    stub.down = True
    arrive(slack_client)
    stub.down = False
    failed_calls = len(stub.calls)
    notifier = slack_client.app.state.services.notifier
    passes = [threading.Thread(target=notify_pending, args=(books, notifier)) for _ in range(4)]
    for t in passes:
        t.start()
    for t in passes:
        t.join()
    assert len(stub.of("chat.postMessage")) - failed_calls == 1
