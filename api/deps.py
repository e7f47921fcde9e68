"""What a request needs: the app's services, a read session, and the writer's token.

One `Services` per app, built in the lifespan (`app.py`): one ledger, one graph
checkpointer and `Triager`, one Slack notifier. The graph runs under a lock, so
the API, Slack callbacks and the inbox watcher never resume one thread twice at once.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from ..agent.service import Triager
from ..settings import Settings
from ..tools.db import Ledger
from .errors import ApiError

if TYPE_CHECKING:
    from ..agent.slack import SlackNotifier
    from ..bootstrap import App
    from .slack_verify import ReplayGuard


@dataclass
class Services:
    settings: Settings
    ledger: Ledger
    triager: Triager
    notifier: SlackNotifier | None
    replay_guard: ReplayGuard
    today: Callable[[], date] = date.today
    """The run's today (tests pin it)."""
    graph_lock: threading.RLock = field(default_factory=threading.RLock)
    watching: bool = False
    app: App | None = None
    """The assembled application (`bootstrap.build`)."""


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_session(services: ServicesDep) -> Iterator[Session]:
    """A read session, closed after the response."""
    with services.ledger.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

_bearer = HTTPBearer(
    auto_error=False,
    description="ARBOX_API_TOKEN; when set, required on every write and every data read",
)


def require_writer(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """Refuse a write unless it carries the configured bearer token."""
    token = services.settings.api_token
    if token is None or not token.get_secret_value():
        raise ApiError(
            403, "the API is read-only: set ARBOX_API_TOKEN to allow writes", "read_only"
        )
    if credentials is None:
        raise ApiError(
            401,
            "this request needs 'Authorization: Bearer <token>'",
            "unauthorized",
            **{"WWW-Authenticate": "Bearer"},
        )
    given = credentials.credentials.encode()
    if not hmac.compare_digest(given, token.get_secret_value().encode()):
        raise ApiError(
            401,
            "the bearer token is not valid",
            "unauthorized",
            **{"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    return "api"


WriterDep = Annotated[str, Depends(require_writer)]


def require_reader(
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """With a token configured, customer and ledger data (reads too) need it."""
    token = services.settings.api_token
    if token is None or not token.get_secret_value():
        return  # read-only API: reads are open, writes refused
    require_writer(services, credentials)


RowId = Annotated[int, Path(ge=1, le=2**62, description="Row id")]
