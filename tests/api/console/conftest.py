"""The console over a real SQLite ledger: a signed-in test client, a live server, and
headless Chromium (Debian's, driven by Selenium) that skips only when it is not installed."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import factories as f
import httpx
import pytest
from apikit import AUTH, DISPUTE, TODAY, eml, settings
from consolekit import CHROMEDRIVER, CHROMIUM, LiveServer, sign_in
from fastapi.testclient import TestClient
from sqlmodel import select

from arbox.agent import build_classifier
from arbox.agent.notices import run_dunning
from arbox.api.app import create_app
from arbox.tools.models import Customer


@pytest.fixture
def queues(books):
    """``books`` with a held notice for Globex (strategic: INV-8, a week overdue) and a
    draft for ACME."""
    with books.transaction() as s:
        big = s.exec(select(Customer).where(Customer.external_id == "BIG")).one()
        f.invoice(s, big, "INV-8", "2400.00", due=date(2026, 2, 25), po="PO-88")
    run_dunning(books, today=TODAY, dry_run=False)
    return books


@pytest.fixture
def console(make_client, queues) -> TestClient:
    """A test client signed in as Alice, with a reply from Globex waiting for a person."""
    client = make_client()
    r = client.post("/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
    assert r.status_code in (200, 201), r.text
    assert sign_in(client).status_code == 303
    return client


@pytest.fixture
def live(queues) -> Iterator[LiveServer]:
    """The console served for real, with a Globex reply waiting and a held notice."""
    app = create_app(
        settings(queues),
        ledger=queues,
        classifier=build_classifier("offline"),
        today=lambda: TODAY,
        watch=False,
    )
    with LiveServer(app) as server:
        r = httpx.post(f"{server.url}/messages", json={"raw": eml(DISPUTE)}, headers=AUTH)
        assert r.status_code in (200, 201), r.text
        yield server


def _chromium_missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} not found (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session; each test starts with no cookies."""
    reason = _chromium_missing()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="arbox-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.implicitly_wait(30)  # find_element waits for the page a click has loaded
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser(chromium, live) -> Any:
    chromium.delete_all_cookies()
    chromium.get(f"{live.url}/console/login")
    chromium.delete_all_cookies()
    return chromium
