"""Is this request really from Slack? Signature, five-minute window, and no replays.

`slack_sdk.signature.SignatureVerifier` checks the HMAC of ``v0:<timestamp>:<raw body>``
and refuses timestamps more than five minutes from now. A captured request could
still be sent again inside those five minutes, so `ReplayGuard` remembers every
signature it accepted for that long, in the ledger (several API processes share
it), and refuses a second use.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from datetime import timedelta

from slack_sdk.signature import Clock, SignatureVerifier

from ..tools import slack_state
from ..tools.db import Ledger

WINDOW_SECONDS = 60 * 5
"""Slack's own tolerance for the request timestamp."""


class SlackRequestRejected(Exception):
    """A request to /slack/actions that is not a fresh, genuine Slack request."""


class ReplayGuard:
    """Signatures already accepted within the window: in the ledger, so every API
    process shares them (in this process's memory when built without a ledger)."""

    def __init__(self, ledger: Ledger | None = None, now: Callable[[], float] = time.time) -> None:
        self._ledger = ledger
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()
        self._now = now

    def first_use(self, signature: str) -> bool:
        """True the first time ``signature`` is offered within the window."""
        if self._ledger is not None:
            keep = timedelta(seconds=2 * WINDOW_SECONDS)
            return slack_state.first_use(self._ledger, signature, keep=keep)
        now = self._now()
        with self._lock:
            for sig, at in list(self._seen.items()):
                if now - at > 2 * WINDOW_SECONDS:
                    del self._seen[sig]
            if signature in self._seen:
                return False
            self._seen[signature] = now
            return True


class _FixedClock(Clock):
    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now

    def now(self) -> float:
        return self._now()


def verify_request(
    secret: str,
    body: bytes,
    headers: Mapping[str, str],
    guard: ReplayGuard,
    *,
    now: Callable[[], float] = time.time,
) -> None:
    """Raise `SlackRequestRejected` unless ``body`` is a fresh, genuine, first-time request."""
    timestamp = headers.get("x-slack-request-timestamp")
    signature = headers.get("x-slack-signature")
    if not timestamp or not signature:
        raise SlackRequestRejected("missing Slack signature headers")
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise SlackRequestRejected("the Slack timestamp is not a Unix time")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        raise SlackRequestRejected("the body is not UTF-8") from None
    if abs(now() - int(timestamp)) > WINDOW_SECONDS:
        raise SlackRequestRejected("the Slack timestamp is more than five minutes away")
    verifier = SignatureVerifier(secret, clock=_FixedClock(now))
    if not verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
        raise SlackRequestRejected("the Slack signature does not match")
    if not guard.first_use(signature):
        raise SlackRequestRejected("this Slack request was already received (replay)")


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    """Headers Slack would send with ``body`` (for tests and local tools)."""
    sig = SignatureVerifier(secret).generate_signature(timestamp=str(timestamp), body=body)
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": sig or ""}
