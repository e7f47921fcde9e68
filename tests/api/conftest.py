"""An app over a real SQLite ledger with a few customers, a token, and a pinned today."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import factories as f
import pytest
from apikit import SECRET, TODAY, AuthClient, settings
from fastapi.testclient import TestClient
from slack_stub import SlackStub

from arbox.agent import build_classifier
from arbox.api.app import create_app
from arbox.bootstrap import notifier_from_settings


@pytest.fixture
def books(ledger):
    """ACME (standard, two open invoices) and Globex (strategic: its replies wait for a person)."""
    with ledger.transaction() as s:
        acme = f.customer(s, "ACME", name="Acme Build Co", domain="acme.com")
        f.contact(s, acme, "ap@acme.com", name="Dana", role="billing", is_primary=True)
        f.invoice(s, acme, "INV-1", "1250.00")
        f.invoice(s, acme, "INV-2", "300.00")
        big = f.customer(s, "BIG", name="Globex", segment="strategic", domain="globex.com")
        f.contact(s, big, "buyer@globex.com", name="Buyer", role="billing", is_primary=True)
        f.invoice(s, big, "INV-7", "9000.00")
    return ledger


@pytest.fixture
def make_client(books) -> Iterator[Callable[..., TestClient]]:
    """``make_client(**settings)``: a started app (lifespan run) over ``books``."""
    clients: list[TestClient] = []

    def make(notifier: Any = None, raise_server_exceptions: bool = True, **kw: Any) -> TestClient:
        s = settings(books, **kw)
        app = create_app(
            s,
            ledger=books,
            classifier=build_classifier("offline"),
            notifier=notifier,
            today=lambda: TODAY,
            watch=False,
        )
        client = AuthClient(app, raise_server_exceptions=raise_server_exceptions)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    server = SlackStub().start()
    yield server
    server.stop()


@pytest.fixture
def slack_client(make_client, books, stub) -> TestClient:
    """The app with Slack on, pointed at the stub; UALICE may decide, UMALLORY may not."""
    s = settings(
        books,
        slack_bot_token="xoxb-test",
        slack_channel="#ar-approvals",
        slack_signing_secret=SECRET,
        slack_base_url=stub.base_url,
        slack_allowed_users=["UALICE"],
    )
    notifier = notifier_from_settings(s)
    assert notifier is not None
    return make_client(
        notifier=notifier,
        slack_bot_token="xoxb-test",
        slack_channel="#ar-approvals",
        slack_signing_secret=SECRET,
        slack_base_url=stub.base_url,
        slack_allowed_users=["UALICE"],
    )
