"""The analyst console: server-rendered pages under ``/console`` (Jinja2, inline SVG, no JS).

`install(app)` adds the pages, the static files and the sign-in redirect to the API app.
Pages read through the API's dependencies and decide through the same services as the
API, the CLI and Slack (`api.decisions`, `tools.notices`, `agent.notices`, `tools.tasks`).
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from . import approvals, customers, dashboard, notices, search, signin, tasks
from .auth import SignInRequired
from .common import STATIC

router = APIRouter(prefix="/console", include_in_schema=False)
for _module in (signin, approvals, notices, tasks, customers, search, dashboard):
    router.include_router(_module.router)


@router.get("")
@router.get("/")
def home() -> Response:
    return RedirectResponse("/console/approvals", status_code=303)


def install(app: FastAPI) -> None:
    """Serve the console from ``app``."""
    app.include_router(router)
    app.mount("/console/static", StaticFiles(directory=str(STATIC)), name="console-static")

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, _: SignInRequired) -> Response:
        if request.method in ("GET", "HEAD"):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/console/login?next={quote(target)}", status_code=303)
        return HTMLResponse("sign in first: /console/login", status_code=401)


__all__ = ["install", "router"]
