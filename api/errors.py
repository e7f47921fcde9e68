"""How errors become HTTP responses: JSON ``{"detail", "code"}``, never a stack trace.

LedgerError                      (tools.errors)
├── NotFound ..................... 404 not_found
├── IdempotencyConflict .......... 409 conflict
├── InvalidTransition ............ 409 conflict
└── any other LedgerError ........ 422 invalid
ApprovalError (agent.service) .... 409 conflict
InvalidPlan (agent.act) .......... 422 invalid
ApiError (here) .................. its own status
RequestValidationError ........... 422 invalid (pydantic's messages, without the input echoed)
anything else .................... 500 internal (logged here, not shown)
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..agent.act import InvalidPlan
from ..agent.service import ApprovalError
from ..tools.errors import IdempotencyConflict, InvalidTransition, LedgerError, NotFound

log = logging.getLogger("arbox.api")


class ApiError(Exception):
    """An error the API raises itself, with its status and code."""

    def __init__(self, status: int, detail: str, code: str = "error", **headers: str) -> None:
        super().__init__(detail)
        self.status, self.detail, self.code, self.headers = status, detail, code, headers


def problem(status: int, detail: str, code: str, headers: dict[str, str] | None = None) -> Any:
    return JSONResponse({"detail": detail, "code": code}, status_code=status, headers=headers)


def ledger_status(exc: LedgerError) -> tuple[int, str]:
    if isinstance(exc, NotFound):
        return 404, "not_found"
    if isinstance(exc, IdempotencyConflict | InvalidTransition):
        return 409, "conflict"
    return 422, "invalid"


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> Any:
        return problem(exc.status, exc.detail, exc.code, exc.headers or None)

    @app.exception_handler(LedgerError)
    async def _ledger(_: Request, exc: LedgerError) -> Any:
        status, code = ledger_status(exc)
        return problem(status, str(exc), code)

    @app.exception_handler(ApprovalError)
    async def _approval(_: Request, exc: ApprovalError) -> Any:
        return problem(409, str(exc), "conflict")

    @app.exception_handler(InvalidPlan)
    async def _plan(_: Request, exc: InvalidPlan) -> Any:
        return problem(422, str(exc), "invalid")

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> Any:
        parts = []
        for err in exc.errors()[:10]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", ""))
        return problem(422, "; ".join(parts) or "invalid request", "invalid")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Any:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "error")
        headers = getattr(exc, "headers", None)
        return problem(exc.status_code, str(exc.detail), code, headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Any:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem(500, "internal error (details are in the server log)", "internal")
