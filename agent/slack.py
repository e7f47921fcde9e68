"""Approvals in Slack: post each one as Block Kit, and update it once it is decided.

Slack is a window on the approvals, never their store: an approval lives in the
ledger (`Approval` rows) and stays answerable through the API whatever Slack
does. Every Slack call is retried with tenacity; an approval that still could
not be posted keeps ``slack_ts`` empty and `notify_pending` posts it next time.
Several processes may run `notify_pending`: each approval is marked before it is
posted (one conditional UPDATE), so it is posted once; a failed message update
is kept in the ledger's outbox and made by a later pass.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import or_
from sqlalchemy import update as sa_update
from sqlmodel import col, select
from tenacity import (
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from ..tools import slack_state
from ..tools.db import Ledger
from ..tools.models import Approval
from .slack_blocks import approval_blocks, decided_blocks, edit_modal, summary_text

log = logging.getLogger("arbox.slack")
DEFAULT_BASE_URL = "https://slack.com/api/"
TRANSIENT_ERRORS = {
    "ratelimited",
    "internal_error",
    "fatal_error",
    "service_unavailable",
    "request_timeout",
}


def transient(exc: BaseException) -> bool:
    """Worth another try: network trouble, rate limits and Slack's own 5xx."""
    if isinstance(exc, SlackApiError):
        status = getattr(exc.response, "status_code", 200)
        error = (
            (exc.response.data or {}).get("error") if isinstance(exc.response.data, dict) else ""
        )
        return status >= 500 or status == 429 or error in TRANSIENT_ERRORS
    return isinstance(exc, OSError | TimeoutError)


class SlackNotifier:
    """Posts approvals to one channel; knows who may decide."""

    def __init__(
        self,
        client: WebClient,
        channel: str,
        allowed_users: Iterable[str] = (),
        *,
        attempts: int = 3,
        max_wait: float = 2.0,
    ) -> None:
        self.client = client
        self.channel = channel
        self.allowed_users = frozenset(u.strip() for u in allowed_users if u.strip())
        self.posting = threading.Lock()
        """Held while posting pending approvals, so two passes never post one twice."""
        self._retrying = dict(
            stop=stop_after_attempt(attempts),
            wait=wait_exponential(multiplier=0.1, max=max_wait),
            retry=retry_if_exception(transient),
            reraise=True,
        )

    def allowed(self, user_id: str) -> bool:
        """Only users in ARBOX_SLACK_ALLOWED_USERS decide (an empty list lets no one)."""
        return user_id in self.allowed_users

    def _call(self, method: str, **kwargs: Any) -> Any:
        for attempt in Retrying(**self._retrying):  # type: ignore[arg-type]
            with attempt:
                return self.client.api_call(method, json=kwargs)
        raise AssertionError("unreachable")  # pragma: no cover

    def post_approval(self, approval: Approval) -> tuple[str, str]:
        """Post the question; returns (channel id, message ts)."""
        resp = self._call(
            "chat.postMessage",
            channel=self.channel,
            text=summary_text(approval),
            blocks=approval_blocks(approval),
            unfurl_links=False,
        )
        return str(resp["channel"]), str(resp["ts"])

    def show_decided(self, approval: Approval, results: list[dict[str, Any]] | None) -> None:
        """Replace the buttons with who decided what."""
        if not (approval.slack_channel and approval.slack_ts):
            return
        self._call(
            "chat.update",
            channel=approval.slack_channel,
            ts=approval.slack_ts,
            text=f"{summary_text(approval)}: {approval.status} by {approval.decided_by}",
            blocks=decided_blocks(approval, results),
        )

    def open_edit(self, trigger_id: str, approval: Approval) -> None:
        self._call("views.open", trigger_id=trigger_id, view=edit_modal(approval))

    def tell(self, channel: str, user: str, text: str) -> None:
        """A note only ``user`` sees (best effort: it is never worth failing over)."""
        try:
            self._call("chat.postEphemeral", channel=channel, user=user, text=text)
        except Exception as exc:
            log.warning("could not tell %s in Slack: %s", user, exc)


@dataclass
class NotifyReport:
    posted: list[str] = field(default_factory=list)
    """Message-IDs of the approvals posted now."""
    failed: list[str] = field(default_factory=list)
    """Still unposted (Slack failed); the next call tries them again."""


def notify_pending(ledger: Ledger, notifier: SlackNotifier | None) -> NotifyReport:
    """Post every pending approval that is not in Slack yet. Never raises for Slack trouble."""
    report = NotifyReport()
    if notifier is None:
        return report
    with notifier.posting:
        _post_waiting(ledger, notifier, report)
    try:
        retry_updates(ledger, notifier)  # decisions Slack has not shown yet
    except Exception as exc:  # never raises for Slack trouble
        log.warning("Slack outbox pass failed (will retry): %s", exc)
    return report


def _post_waiting(ledger: Ledger, notifier: SlackNotifier, report: NotifyReport) -> None:
    with ledger.session() as session:
        waiting = list(
            session.exec(
                select(Approval)
                .where(Approval.status == "pending", col(Approval.slack_ts).is_(None))
                .order_by(col(Approval.id))
            )
        )
    for approval in waiting:
        assert approval.id is not None
        if not _take_for_posting(ledger, approval.id):
            continue  # another process is posting it
        try:
            channel, ts = notifier.post_approval(approval)
        except Exception as exc:  # Slack down or refusing: the approval waits in the API
            log.warning("approval %s not posted to Slack (will retry): %s", approval.id, exc)
            report.failed.append(approval.message_id)
            _release_posting(ledger, approval.id)
            continue
        with ledger.transaction() as session:
            row = session.get(Approval, approval.id)
            if row is not None:
                row.slack_channel, row.slack_ts = channel, ts
                session.add(row)
        report.posted.append(approval.message_id)


POSTING = "posting:"
"""``slack_channel`` of an approval a process is posting now: ``posting:<unix time>``."""
POSTING_STALE = 300
"""Seconds after which a posting mark is taken to be a crashed process's and taken over."""


def _take_for_posting(ledger: Ledger, approval_id: int) -> bool:
    """Mark the approval as being posted, unless another process is doing it.

    One conditional ``UPDATE``, so several processes' passes post an approval once.
    """
    now = int(time.time())
    channel = col(Approval.slack_channel)
    free = or_(
        channel.is_(None),
        # A mark left by a process that died mid-post (ten-digit times compare as text).
        channel.startswith(POSTING) & (channel < f"{POSTING}{now - POSTING_STALE}"),
    )
    with ledger.transaction() as session:
        result = session.connection().execute(
            sa_update(Approval)
            .where(col(Approval.id) == approval_id, col(Approval.slack_ts).is_(None), free)
            .values(slack_channel=f"{POSTING}{now}")
        )
    return bool(result.rowcount == 1)


def _release_posting(ledger: Ledger, approval_id: int) -> None:
    with ledger.transaction() as session:
        session.connection().execute(
            sa_update(Approval)
            .where(col(Approval.id) == approval_id, col(Approval.slack_ts).is_(None))
            .values(slack_channel=None)
        )


def show_decided(
    ledger: Ledger,
    notifier: SlackNotifier | None,
    approval_id: int,
    results: list[dict[str, Any]] | None = None,
) -> bool:
    """Update an approval's Slack message after a decision (from Slack or the API)."""
    if notifier is None:
        return False
    with ledger.session() as session:
        approval = session.get(Approval, approval_id)
    if approval is None or approval.status == "pending" or not approval.slack_ts:
        return False
    try:
        notifier.show_decided(approval, results)
    except Exception as exc:
        log.warning("Slack message of approval %s not updated (queued): %s", approval_id, exc)
        slack_state.queue_update(ledger, approval_id, results)
        return False
    return True


MAX_UPDATE_ATTEMPTS = 50
"""After this many failed retries an update is given up (its last error is kept)."""


def retry_updates(ledger: Ledger, notifier: SlackNotifier | None) -> int:
    """Make the Slack message updates that failed before; returns how many were made.

    Run by `notify_pending`, so every periodic Slack pass (the API's, the watcher's)
    drains the outbox; any process may do it, and a repeat shows the same thing.
    """
    if notifier is None:
        return 0
    made = 0
    with ledger.session() as session:
        due = slack_state.due_updates(session)
        approvals = {u.id: session.get(Approval, u.approval_id) for u in due}
    for update in due:
        assert update.id is not None
        approval = approvals[update.id]
        if approval is None or not approval.slack_ts:
            slack_state.settle_update(ledger, update.id)  # nothing in Slack to update
            continue
        try:
            notifier.show_decided(approval, update.results)
        except Exception as exc:
            give_up = update.attempts + 1 >= MAX_UPDATE_ATTEMPTS
            slack_state.settle_update(ledger, update.id, error=str(exc) or type(exc).__name__)
            if give_up:
                log.error("Slack update of approval %s given up: %s", approval.id, exc)
                slack_state.settle_update(ledger, update.id)
            continue
        slack_state.settle_update(ledger, update.id)
        made += 1
    return made
