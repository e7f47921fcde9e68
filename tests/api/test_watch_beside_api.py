"""The live inbox beside the API: the worker's watch loop records, triages and posts."""

from __future__ import annotations

import time

from apikit import DISPUTE, SECRET, TODAY, AuthClient, eml, settings

from arbox import bootstrap, worker
from arbox.agent import build_classifier
from arbox.api.app import create_app
from arbox.mailbox.parse import parse_email
from arbox.mailbox.store import record_inbound


class FakeWatcher:
    """Delivers one reply the way ImapWatcher does (recorded, handler in the transaction)."""

    def __init__(self, ledger):
        self.ledger = ledger

    def watch(self, handler, stop_event):
        raw = eml(DISPUTE, mid="<imap-1@globex.com>").encode()
        email = parse_email(raw)
        with self.ledger.transaction() as session:
            row, _ = record_inbound(session, email, raw, folder="INBOX")
            handler(email, row, session)
        stop_event.wait()

    def close(self):
        pass


def test_serve_with_the_watcher_triages_the_inbox_and_asks_in_slack(books, stub, monkeypatch):
    monkeypatch.setattr(bootstrap, "watcher_from_settings", lambda ledger, s: FakeWatcher(ledger))
    monkeypatch.setattr(worker, "TRIAGE_EVERY", 0.05)
    s = settings(
        books,
        slack_bot_token="xoxb-test",
        slack_channel="#ar",
        slack_signing_secret=SECRET,
        slack_base_url=stub.base_url,
        serve_watch=True,
    )
    app = create_app(s, ledger=books, classifier=build_classifier("offline"), today=lambda: TODAY)
    with AuthClient(app) as client:
        assert client.get("/health").json()["watching_inbox"] is True
        deadline = time.monotonic() + 10
        while not stub.of("chat.postMessage") and time.monotonic() < deadline:
            time.sleep(0.05)
        [posted] = stub.of("chat.postMessage")
        assert "priced wrong" in str(posted.data["blocks"])
        [approval] = client.get("/approvals").json()
        assert approval["message_id"] == "<imap-1@globex.com>"
        msg = client.get("/messages").json()[0]
        assert msg["status"] == "pending_approval" and msg["match_method"] == "contact"
