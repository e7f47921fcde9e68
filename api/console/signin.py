"""The sign-in and sign-out pages.

Failed sign-ins are counted per client address in this process: after
`MAX_FAILURES` within `WINDOW_SECONDS` that address is refused (429) until the
window has passed, so a password or the token cannot be guessed at speed.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...tools.users import any_users
from . import auth
from .common import Csrf, FormDep, redirect, render

router = APIRouter()
MAX_FAILURES = 10
WINDOW_SECONDS = 15 * 60


class Throttle:
    """Failed attempts per client address, forgotten after the window."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, who: str, now: float) -> deque[float]:
        times = self._failures[who]
        while times and now - times[0] > WINDOW_SECONDS:
            times.popleft()
        return times

    def blocked(self, who: str) -> bool:
        with self._lock:
            return len(self._recent(who, time.monotonic())) >= MAX_FAILURES

    def failed(self, who: str) -> None:
        with self._lock:
            self._recent(who, time.monotonic()).append(time.monotonic())


def _throttle(request: Request) -> Throttle:
    state = request.app.state
    if not hasattr(state, "console_throttle"):
        state.console_throttle = Throttle()
    throttle: Throttle = state.console_throttle
    return throttle


def _safe_next(value: object) -> str:
    """Only a console path: never an open redirect to another site."""
    text = str(value or "")
    ok = text.startswith("/console/") and not text.startswith("/console//") and "\\" not in text
    return text if ok else "/console/approvals"


@router.get("/login")
def login_page(request: Request, next: str = "") -> Response:
    return render(
        request,
        "login.html",
        next=_safe_next(next),
        enabled=_enabled(request),
        users=_users(request),
    )


def _users(request: Request) -> bool:
    with request.app.state.services.ledger.session() as session:
        return any_users(session)


def _enabled(request: Request) -> bool:
    token = request.app.state.services.settings.api_token
    return bool(token and token.get_secret_value())


@router.post("/login", dependencies=[Csrf])
def login(request: Request, form: FormDep) -> Response:
    name = " ".join(str(form.get("name") or "").split())[:60]
    who = request.client.host if request.client else "unknown"
    throttle = _throttle(request)
    if throttle.blocked(who):
        return render(
            request,
            "login.html",
            status_code=429,
            next=_safe_next(form.get("next")),
            enabled=_enabled(request),
            users=_users(request),
            error="Too many failed sign-ins from here; try again in 15 minutes.",
            name=name,
        )
    if not name or not auth.check_credentials(request, name, str(form.get("secret") or "")):
        throttle.failed(who)
        return render(
            request,
            "login.html",
            status_code=401,
            next=_safe_next(form.get("next")),
            enabled=_enabled(request),
            users=_users(request),
            error="Wrong name or password (or token), or no name given.",
            name=name,
        )
    auth.sign_in(request, name)
    return redirect(request, _safe_next(form.get("next")))


@router.post("/logout", dependencies=[Csrf])
def logout(request: Request) -> Response:
    auth.sign_out(request)
    return redirect(request, "/console/login")
