"""Constants and helpers for the API tests (importable: tests/support is on the path)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from fastapi.testclient import TestClient

from arbox.settings import Settings

TODAY = date(2026, 3, 4)
TOKEN = "test-token-0123456789"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DISPUTE = "Invoice INV-7 is priced wrong, we agreed 10% less. Please send a corrected invoice."


def eml(
    text: str,
    *,
    sender: str = "Buyer <buyer@globex.com>",
    mid: str = "<r1@globex.com>",
    subject: str = "RE: your invoice",
) -> str:
    """A raw RFC 5322 reply."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "ar@example.com", subject
    msg["Message-ID"] = mid
    msg["Date"] = format_datetime(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    msg.set_content(text)
    return msg.as_string()


def settings(ledger: Any, **kw: Any) -> Settings:
    base: dict[str, Any] = {"database_url": ledger.url, "api_token": TOKEN}
    return Settings(_env_file=None, **(base | kw))  # type: ignore[call-arg]


class AuthClient(TestClient):
    """A test client whose reads carry the token unless a test passes its own headers
    (with a token configured, reads of customer and ledger data need it too)."""

    def get(self, url: Any, *, headers: Any = None, **kw: Any) -> Any:  # type: ignore[override]
        return super().get(url, headers=AUTH if headers is None else headers, **kw)
