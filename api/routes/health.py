"""`GET /health`: is the database reachable, and what is switched on."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from ..deps import ServicesDep
from ..schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(services: ServicesDep) -> Health:
    """Liveness plus what this process does (writes, Slack, inbox watcher)."""
    with services.ledger.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    token = services.settings.api_token
    return Health(
        database=services.ledger.dialect,
        writes_enabled=bool(token and token.get_secret_value()),
        slack_enabled=services.notifier is not None,
        watching_inbox=services.watching,
    )
