"""The inbox beside the API: triage under the app's graph lock, and the IMAP watcher thread.

With ARBOX_SERVE_WATCH set, `arbox serve` follows the shared inbox in a thread
(the same pieces as `arbox watch`): the watcher records each new message and
its customer match; a second thread triages what was recorded and posts the
approvals to Slack. One process then watches the inbox and serves approvals.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from ..agent.service import Outcome
from ..worker import process_pending

if TYPE_CHECKING:
    from .deps import Services

log = logging.getLogger("arbox.api.inbox")
TRIAGE_EVERY = 2.0
"""Seconds between passes over recorded, untriaged messages."""


def run_pending(services: Services, message_ids: list[str] | None = None) -> list[Outcome]:
    """Triage recorded messages (all received ones, or just ``message_ids``)."""
    with services.graph_lock:
        return process_pending(services.triager, today=services.today(), message_ids=message_ids)


class InboxThreads:
    """The watcher and triage threads of one app; `stop` ends both."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.stop_event = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        from ..mailbox.commands import watcher_from_settings

        # Configuration problems surface now, at startup, not in a thread later.
        watcher = watcher_from_settings(self.services.ledger, self.services.settings)
        self.threads = [
            threading.Thread(target=self._watch, args=(watcher,), name="arbox-imap", daemon=True),
            threading.Thread(target=self._triage, name="arbox-triage", daemon=True),
        ]
        for t in self.threads:
            t.start()

    def _watch(self, watcher: Any) -> None:
        from ..mailbox.threading import assign_match, match_customer

        def record_and_match(email: Any, row: Any, session: Any) -> None:
            # Inside the recording transaction: only the match; triage runs after commit.
            assign_match(row, match_customer(session, email))
            session.add(row)

        try:
            watcher.watch(record_and_match, self.stop_event)
        except Exception:
            log.exception("IMAP watcher stopped; the API keeps serving")

    def _triage(self) -> None:
        from .slack import notify_pending

        while not self.stop_event.wait(TRIAGE_EVERY):
            try:
                run_pending(self.services)
                notify_pending(self.services.ledger, self.services.notifier)
            except Exception:  # one bad pass must not end the loop
                log.exception("triage pass failed; retrying")

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        for t in self.threads:
            t.join(timeout=timeout)
