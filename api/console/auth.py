"""Console sign-in: a signed session cookie and a CSRF token on every form.

Who may sign in: the console users (`tools.users`, ``arbox users add NAME``), each
with their own password, scrypt-hashed. Until the first user is added, anyone
holding ``ARBOX_API_TOKEN`` (the secret the API's writes need) may sign in under
the name they give. The name is what the audit log records for their decisions
(``analyst:<name>``). The token also keys the cookie's signature: without it set,
nobody can sign in and the console only shows the sign-in page.

The cookie is ``base64(json).hmac``: HMAC-SHA256 under a key derived from the
token, so changing the token signs everybody out. It carries the analyst's
name, when it was issued (sessions last `SESSION_HOURS`), a random nonce and a
one-shot flash message. The CSRF token of a form is HMAC(key, "csrf" + nonce):
a page from another site can neither read it nor compute it. Every visitor gets
a nonce, so the sign-in form is protected too; signing in issues a new nonce.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request, Response

from ...tools.users import active_user, any_users, check_user
from ..errors import ApiError

COOKIE = "arbox_console"
SESSION_HOURS = 12
CSRF_FIELD = "csrf"


class SignInRequired(Exception):
    """Raised by a page that needs a signed-in analyst; the app answers with the sign-in page."""


@dataclass
class ConsoleSession:
    """What the cookie holds."""

    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    user: str | None = None
    issued: float = field(default_factory=time.time)
    flash: list[tuple[str, str]] = field(default_factory=list)
    """(kind, text) messages shown once: kind is ok or error."""
    dirty: bool = False


def _key(request: Request) -> bytes | None:
    token = request.app.state.services.settings.api_token
    if token is None or not token.get_secret_value():
        return None
    return hmac.new(token.get_secret_value().encode(), b"arbox-console-session", "sha256").digest()


def token_matches(request: Request, given: str) -> bool:
    token = request.app.state.services.settings.api_token
    if token is None or not token.get_secret_value():
        return False
    return hmac.compare_digest(given.encode(), token.get_secret_value().encode())


def _sign(key: bytes, payload: bytes) -> str:
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def load(request: Request) -> ConsoleSession:
    """The request's session (a fresh anonymous one when the cookie is missing or bad)."""
    cached: ConsoleSession | None = getattr(request.state, "console", None)
    if cached is not None:
        return cached
    session = ConsoleSession(dirty=True)
    key, raw = _key(request), request.cookies.get(COOKIE, "")
    if key and "." in raw:
        body, mac = raw.rsplit(".", 1)
        try:
            payload = base64.urlsafe_b64decode(body.encode())
        except ValueError:
            payload = b""
        if payload and hmac.compare_digest(mac, _sign(key, payload)):
            data: dict[str, Any] = json.loads(payload)
            fresh = time.time() - float(data.get("i", 0)) < SESSION_HOURS * 3600
            if fresh:
                session = ConsoleSession(
                    nonce=str(data["n"]),
                    user=data.get("u"),
                    issued=float(data["i"]),
                    flash=[tuple(f) for f in data.get("f", [])],
                )
    request.state.console = session
    return session


def save(request: Request, response: Response) -> Response:
    """Write the session back when it changed (sign-in, flash, new visitor)."""
    session: ConsoleSession | None = getattr(request.state, "console", None)
    key = _key(request)
    if session is None or not session.dirty or key is None:
        return response
    data = {"n": session.nonce, "u": session.user, "i": session.issued, "f": session.flash}
    payload = json.dumps(data, separators=(",", ":")).encode()
    value = f"{base64.urlsafe_b64encode(payload).decode()}.{_sign(key, payload)}"
    response.set_cookie(
        COOKIE,
        value,
        max_age=SESSION_HOURS * 3600,
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


def flash(request: Request, kind: str, text: str) -> None:
    session = load(request)
    session.flash.append((kind, text))
    session.dirty = True


def take_flash(request: Request) -> list[tuple[str, str]]:
    session = load(request)
    shown, session.flash = session.flash, []
    if shown:
        session.dirty = True
    return shown


def csrf_token(request: Request) -> str:
    key = _key(request) or b""
    return _sign(key, b"csrf" + load(request).nonce.encode())


async def check_csrf(request: Request) -> None:
    """Refuse a form post whose CSRF token is missing or not this session's (403)."""
    form = await request.form()
    given = form.get(CSRF_FIELD)
    if _key(request) is None or not isinstance(given, str):
        raise ApiError(403, "missing CSRF token; reload the page and try again", "csrf")
    if not hmac.compare_digest(given, csrf_token(request)):
        raise ApiError(403, "the CSRF token does not match; reload the page", "csrf")


def sign_in(request: Request, user: str) -> None:
    """A new session (new nonce, new time) for ``user``."""
    request.state.console = ConsoleSession(user=user, dirty=True)


def sign_out(request: Request) -> None:
    request.state.console = ConsoleSession(dirty=True)


def current_user(request: Request) -> str:
    """The signed-in analyst's name, or `SignInRequired`.

    Once console users exist, a session stands only while its user is an active one:
    disabling a user signs them out, and sessions opened with the shared token end.
    """
    user = load(request).user
    if not user:
        raise SignInRequired
    with request.app.state.services.ledger.session() as session:
        if any_users(session) and active_user(session, user) is None:
            raise SignInRequired
    return user


def check_credentials(request: Request, name: str, secret: str) -> bool:
    """A console user's password; while there is none, the shared ``ARBOX_API_TOKEN``."""
    with request.app.state.services.ledger.session() as session:
        if any_users(session):
            return check_user(session, name, secret)
    return token_matches(request, secret)
