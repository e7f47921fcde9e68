"""Response documentation shared by the routers."""

from __future__ import annotations

from typing import Any

from ..schemas import Problem

READ_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such record"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing or wrong bearer token"},
    403: {"model": Problem, "description": "Read-only: ARBOX_API_TOKEN is not set"},
    404: {"model": Problem, "description": "No such record"},
    409: {"model": Problem, "description": "Already decided, or a reference reused"},
    422: {"model": Problem, "description": "The ledger refused the values"},
}
