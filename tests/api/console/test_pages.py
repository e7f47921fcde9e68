"""The console in real headless Chromium: sign in, decide an approval, edit a held notice
(the guardrails refuse a wrong amount), open a customer page; a screenshot of every page."""

from __future__ import annotations

import pytest
from consolekit import screenshot
from sqlmodel import select

from arbox.tools.models import Approval, AuditLog, OutgoingNotice

pytestmark = pytest.mark.slow
WAIT = 30
"""Seconds to wait for a page: generous, the test machine may be busy."""


def sign_in(browser, live, name="Alice", token="test-token-0123456789"):
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "secret").send_keys(token)
    submit(browser, browser.find_element(By.ID, "signin"))


def wait_for_url(browser, suffix):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, WAIT).until(lambda d: d.current_url.endswith(suffix))


def submit(browser, element, key=None):
    """Click (or type ``key`` into) ``element`` and wait until the next page replaced it."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    if key:
        element.send_keys(key)
    else:
        element.click()

    def replaced(driver) -> bool:
        try:
            return bool(ec.staleness_of(element)(driver))
        except WebDriverException as exc:
            # Chromium sometimes answers a look at a node of the page just replaced with
            # "Node with given id does not belong to the document": that is replaced too.
            if "does not belong to the document" in str(exc):
                return True
            raise

    WebDriverWait(browser, WAIT).until(replaced)


def text_of(browser, element_id, by="id"):
    """An element's text, read again if the page was still being replaced."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    return wait.until(lambda d: d.find_element(by, element_id).text)


def test_sign_in(browser, live):
    from selenium.webdriver.common.by import By

    browser.get(f"{live.url}/console/approvals")
    assert "/console/login" in browser.current_url  # not signed in: the sign-in page
    screenshot(browser, "login")
    sign_in(browser, live, token="wrong")
    browser.find_element(By.ID, "name").clear()
    assert "Wrong name or password" in browser.find_element(By.CSS_SELECTOR, ".flash.error").text
    sign_in(browser, live)
    wait_for_url(browser, "/console/approvals")
    assert "Alice" in browser.find_element(By.CSS_SELECTOR, ".who").text


def test_decide_an_approval(browser, live, queues):
    from selenium.webdriver.common.by import By

    browser.get(f"{live.url}/console/approvals")
    sign_in(browser, live)
    with queues.session() as s:
        approval = s.exec(select(Approval)).one()
    card = browser.find_element(By.ID, f"approval-{approval.id}")
    assert "strategic" in card.find_element(By.CSS_SELECTOR, ".why").text
    marked = [m.text for m in card.find_elements(By.CSS_SELECTOR, "pre.reply mark")]
    assert marked and all(m in card.find_element(By.CSS_SELECTOR, "pre.reply").text for m in marked)
    assert "create_task" in card.text  # route to sales (the policy's proposal)
    screenshot(browser, "approvals")
    submit(browser, browser.find_element(By.ID, f"accept-{approval.id}"))
    flash = browser.find_element(By.CSS_SELECTOR, ".flash.ok").text
    assert f"approval {approval.id} accepted by Alice" in flash
    assert "Nothing waits for a person" in browser.page_source
    with queues.session() as s:
        row = s.get(Approval, approval.id)
        assert (row.status, row.decided_by) == ("accepted", "Alice")
        ran = s.exec(select(AuditLog).where(AuditLog.action == "create_task")).one()
        assert ran.actor == "analyst:Alice"
    # The customer's timeline shows the decision and who made it.
    browser.get(f"{live.url}/console/customers/BIG")
    timeline = text_of(browser, "t-timeline")
    assert f"approval #{approval.id} accepted" in timeline and "analyst:Alice" in timeline


def test_edit_a_held_notice_and_see_the_guardrails_refuse_a_wrong_amount(browser, live, queues):
    from selenium.webdriver.common.by import By

    browser.get(f"{live.url}/console/notices")
    sign_in(browser, live)
    with queues.session() as s:
        notice = s.exec(select(OutgoingNotice).where(OutgoingNotice.status == "held")).one()
    original = notice.body
    assert "2,400.00" in original
    card = browser.find_element(By.ID, f"notice-{notice.id}")
    assert "Guardrail report" in card.text
    card.find_element(By.CSS_SELECTOR, "details.edit summary").click()
    body = browser.find_element(By.ID, f"body-{notice.id}")
    wrong = original.replace("2,400.00", "2,500.00")
    browser.execute_script("arguments[0].value = arguments[1]", body, wrong)
    submit(browser, browser.find_element(By.ID, f"save-{notice.id}"))
    refused = browser.find_element(By.CSS_SELECTOR, f"#notice-{notice.id} .refused")
    assert "refused" in refused.text and "2,500.00" in refused.text
    # The analyst's text stays in the form; the ledger's notice is unchanged.
    kept = browser.find_element(By.ID, f"body-{notice.id}").get_attribute("value")
    assert "2,500.00" in kept
    screenshot(browser, "notices-refused")
    with queues.session() as s:
        assert s.get(OutgoingNotice, notice.id).body == original
    # A good edit passes, is saved, and waits for approval again.
    body = browser.find_element(By.ID, f"body-{notice.id}")
    better = "Thank you for your business. " + original
    browser.execute_script("arguments[0].value = arguments[1]", body, better)
    submit(browser, browser.find_element(By.ID, f"save-{notice.id}"))
    assert "passed the guardrails" in browser.find_element(By.CSS_SELECTOR, ".flash.ok").text
    screenshot(browser, "notices")
    with queues.session() as s:
        row = s.get(OutgoingNotice, notice.id)
        assert row.body.startswith("Thank you for your business.") and row.status == "held"
        audit = s.exec(
            select(AuditLog).where(
                AuditLog.target == f"notice:{notice.id}", AuditLog.actor == "analyst:Alice"
            )
        ).one()
        assert audit.action == "notice.held"


def test_customer_page_search_tasks_and_dashboard(browser, live):
    from selenium.webdriver.common.by import By

    browser.get(f"{live.url}/console/customers/BIG")
    sign_in(browser, live)
    wait_for_url(browser, "/console/customers/BIG")
    assert "Globex" in text_of(browser, "h1", by="tag name")
    items = text_of(browser, "t-open_items")
    assert "INV-7" in items and "9000.00" in items and "INV-8" in items
    timeline = text_of(browser, "t-timeline")
    assert "reply" in timeline and "notice" in timeline
    assert "buyer@globex.com" in text_of(browser, "t-contacts")
    screenshot(browser, "customer")
    box = browser.find_element(By.CSS_SELECTOR, "form.search input")
    box.send_keys("INV-7")
    submit(browser, box, key="\n")
    wait_for_url(browser, "/console/search?q=INV-7")
    assert "INV-7" in text_of(browser, "t-invoices")
    screenshot(browser, "search")
    browser.get(f"{live.url}/console/tasks")
    screenshot(browser, "tasks")
    browser.get(f"{live.url}/console/dashboard")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 2
    assert "countback" in browser.find_element(By.CSS_SELECTOR, ".defs").text
    screenshot(browser, "dashboard")
