"""The FastAPI app: `create_app()` takes the assembled app (`bootstrap.build`) and the routes.

Nothing is built at import time. The lifespan asks the composition root for one
ledger, checkpointer, `Triager` and Slack notifier for the app's life; with
``--watch`` it runs the worker's watch loop in a thread; with Slack configured it
posts any approval Slack missed (in a thread), and again every `SLACK_RETRY_SECONDS`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import ExitStack, asynccontextmanager
from datetime import date
from typing import Any

from fastapi import Depends, FastAPI

from ..agent.classifier import Classifier
from ..agent.slack import SlackNotifier, notify_pending
from ..bootstrap import build
from ..settings import Settings, get_settings
from ..tools.db import Ledger
from ..worker import watch
from . import console, docs, errors
from .deps import Services, require_reader
from .routes import approvals, health, messages, notices, payments, slack, tasks
from .routes import ledger as ledger_routes
from .schemas import Problem
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
            built = stack.enter_context(
                build(s, ledger=ledger, classifier=classifier, notifier=notifier, today=today)
            )
            services = Services(
                settings=s,
                ledger=built.ledger,
                triager=built.triager,
                notifier=built.notifier,
                replay_guard=ReplayGuard(built.ledger),
                today=built.today,
                watching=follow_inbox,
                app=built,
            )
            app.state.services = services
            stop = threading.Event()
            stack.callback(stop.set)
            if services.notifier is not None:
                # What Slack missed while we were down, in a thread: a slow Slack must
                # not hold up startup.
                led, notif = built.ledger, services.notifier
                _every(SLACK_RETRY_SECONDS, stop, lambda: notify_pending(led, notif))
            if follow_inbox:
                built.watcher().close()  # configuration problems surface now, at startup
                inbox = threading.Thread(
                    target=_watch_inbox, args=(services, stop), name="arbox-watch", daemon=True
                )
                inbox.start()
                stack.callback(inbox.join, 10)
                stack.callback(stop.set)
            yield

    app = FastAPI(
        title="arbox",
        version="0.1.0",
        summary="Collections agent API: review queue, approvals, real-time payments, Slack.",
        description=(
            "With `ARBOX_API_TOKEN` set, every route that returns customer or ledger data, "
            "reads included, needs `Authorization: Bearer <token>` (`/health` and Slack's "
            "signed callbacks excepted); without a token configured the API is read-only and "
            "reads are open. Money is always a string."
        ),
        lifespan=lifespan,
        docs_url=None,  # served from local assets by docs.install: no CDN
        redoc_url=None,
        responses={422: {"model": Problem, "description": "Invalid request"}},
    )
    errors.install(app)
    docs.install(app)
    app.include_router(health.router)
    app.include_router(slack.router)  # Slack's own signature check guards it
    # Customer and ledger data, reads included: the bearer token when one is configured.
    for module in (messages, approvals, notices, tasks, ledger_routes, payments):
        app.include_router(module.router, dependencies=[Depends(require_reader)])
    console.install(app)  # its own sign-in: a session cookie, CSRF on every form
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


def _watch_inbox(services: Services, stop: threading.Event) -> None:
    """The worker's watch loop beside the API, under the app's graph lock."""
    try:
        assert services.app is not None, "the lifespan sets the assembled app"
        watch(services.app, stop_event=stop, lock=services.graph_lock)
    except Exception:
        log.exception("IMAP watcher stopped; the API keeps serving")
