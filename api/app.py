"""The FastAPI app: `create_app()` wires settings, ledger, graph, Slack and the routes.

Nothing is built at import time. The lifespan opens one ledger, one graph
checkpointer and one `Triager` for the app's life; with Slack configured it
posts any approval Slack missed (in a thread), and again every `SLACK_RETRY_SECONDS`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import ExitStack, asynccontextmanager
from datetime import date
from typing import Any

from fastapi import FastAPI

from ..agent.checkpoint import open_checkpointer
from ..agent.classifier import Classifier
from ..settings import Settings, get_settings
from ..tools.db import Ledger
from ..worker import build_triager
from . import errors
from .deps import Services
from .inbox import InboxThreads
from .routes import approvals, health, messages, notices, payments, slack, tasks
from .routes import ledger as ledger_routes
from .schemas import Problem
from .slack import SlackNotifier, notifier_from_settings, notify_pending
from .slack_verify import ReplayGuard

log = logging.getLogger("arbox.api")
SLACK_RETRY_SECONDS = 60.0


def create_app(
    settings: Settings | None = None,
    *,
    ledger: Ledger | None = None,
    classifier: Classifier | None = None,
    notifier: SlackNotifier | None = None,
    today: Callable[[], date] | None = None,
    watch: bool | None = None,
) -> FastAPI:
    """The API. Arguments replace what settings would build (tests pass their own)."""
    s = settings or get_settings()
    follow_inbox = s.serve_watch if watch is None else watch

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with ExitStack() as stack:
            led = ledger or Ledger.open(s.database_url)
            if ledger is None:
                stack.callback(led.dispose)
            saver = stack.enter_context(open_checkpointer(led.url))
            services = Services(
                settings=s,
                ledger=led,
                triager=build_triager(led, saver, s, classifier=classifier),
                notifier=notifier if notifier is not None else notifier_from_settings(s),
                replay_guard=ReplayGuard(),
                today=today or date.today,
                watching=follow_inbox,
            )
            app.state.services = services
            stop = threading.Event()
            stack.callback(stop.set)
            if services.notifier is not None:
                # What Slack missed while we were down, in a thread: a slow Slack must
                # not hold up startup.
                _every(SLACK_RETRY_SECONDS, stop, lambda: notify_pending(led, services.notifier))
            if follow_inbox:
                inbox = InboxThreads(services)
                inbox.start()
                stack.callback(inbox.stop)
            yield

    app = FastAPI(
        title="arbox",
        version="0.1.0",
        summary="Collections agent API: review queue, approvals, real-time payments, Slack.",
        description=(
            "Reads are open. Every write needs `Authorization: Bearer <ARBOX_API_TOKEN>`; "
            "without a token configured the API is read-only. Money is always a string."
        ),
        lifespan=lifespan,
        responses={422: {"model": Problem, "description": "Invalid request"}},
    )
    errors.install(app)
    for module in (health, messages, approvals, notices, tasks, ledger_routes, payments, slack):
        app.include_router(module.router)
    return app


def _every(seconds: float, stop: threading.Event, fn: Callable[[], Any]) -> None:
    def loop() -> None:
        while True:
            try:
                fn()
            except Exception:
                log.exception("periodic task failed; will retry")
            if stop.wait(seconds):
                return

    threading.Thread(target=loop, name="arbox-periodic", daemon=True).start()
