"""The sign-in and sign-out pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...tools.users import any_users
from . import auth
from .common import Csrf, FormDep, redirect, render

router = APIRouter()


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
    if not name or not auth.check_credentials(request, name, str(form.get("secret") or "")):
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
