"""Slack state shared by every process through the ledger: the replay guard, and the
outbox of message updates that failed and are made later."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from apikit import AUTH, DISPUTE, SECRET, eml
from sqlmodel import select

from arbox.agent.slack import notify_pending
from arbox.api.slack_verify import ReplayGuard
from arbox.tools.db import Ledger
from arbox.tools.models import SlackOutbox

from .test_slack_roundtrip import click


def test_the_replay_guard_is_shared_by_processes(ledger):
    assert ReplayGuard(ledger).first_use("v0=abc")
    other = Ledger.open(ledger.url)  # another handle, as another process has
    try:
        assert not ReplayGuard(other).first_use("v0=abc")
        assert ReplayGuard(other).first_use("v0=def")
    finally:
        other.dispose()
    script = textwrap.dedent(
        f"""
        from arbox.api.slack_verify import ReplayGuard
        from arbox.tools.db import Ledger
        led = Ledger.open({ledger.url!r})
        print(ReplayGuard(led).first_use("v0=abc"), ReplayGuard(led).first_use("v0=xyz"))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_a_replayed_click_is_refused_by_another_api_process(slack_client, make_client, stub):
    r = slack_client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
    approval_id = r.json()["message"]["approval"]["id"]
    first = click(slack_client, approval_id, action="arbox_reject")
    assert first.status_code == 200
    # The same signed request, sent to a second API process on the same ledger.
    request = first.request
    second_app = make_client(slack_signing_secret=SECRET)
    replay = second_app.post(
        "/slack/actions", content=request.content, headers=dict(request.headers)
    )
    assert replay.status_code == 401, replay.text


def test_a_failed_slack_update_is_made_by_the_next_pass(slack_client, stub, books):
    r = slack_client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
    approval_id = r.json()["message"]["approval"]["id"]
    stub.down = True
    decided = slack_client.post(
        f"/approvals/{approval_id}/reject", headers=AUTH, json={"by": "UBOB"}
    )
    assert decided.status_code == 200
    with books.session() as s:
        [queued] = s.exec(select(SlackOutbox)).all()
        assert queued.approval_id == approval_id and queued.done_at is None
    notifier = slack_client.app.state.services.notifier
    notify_pending(books, notifier)  # still down: stays queued, one more attempt counted
    with books.session() as s:
        assert s.get(SlackOutbox, queued.id).done_at is None
    stub.down = False
    notify_pending(books, notifier)
    updates = stub.of("chat.update")
    assert "Rejected by <@UBOB>" in str(updates[-1].data["blocks"])
    with books.session() as s:
        assert s.get(SlackOutbox, queued.id).done_at is not None
    calls = len(stub.of("chat.update"))
    notify_pending(books, notifier)
    assert len(stub.of("chat.update")) == calls  # made once


def test_two_processes_passes_post_an_approval_once(slack_client, stub, books):
    import threading

    from apikit import settings

    from arbox.bootstrap import notifier_from_settings

    stub.down = True
    r = slack_client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
    approval_id = r.json()["message"]["approval"]["id"]
    stub.down = False
    before = len(stub.of("chat.postMessage"))
    s = settings(
        books, slack_bot_token="xoxb-test", slack_channel="#c", slack_base_url=stub.base_url
    )
    # Separate notifiers have separate in-process locks, as separate processes do.
    notifiers = [notifier_from_settings(s) for _ in range(4)]
    passes = [threading.Thread(target=notify_pending, args=(books, n)) for n in notifiers]
    for t in passes:
        t.start()
    for t in passes:
        t.join()
    assert len(stub.of("chat.postMessage")) == before + 1
    with books.session() as session:
        from arbox.tools.models import Approval

        row = session.get(Approval, approval_id)
        assert row.slack_ts and not row.slack_channel.startswith("posting:")
