"""An out-of-office defers the contact's notices on its own only when it is short and from
the contact on file; anything else is for a person, or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from scripted import finding

from arbox.agent.findings import Triage
from arbox.agent.policy import MAX_AUTO_DEFER_DAYS, Context, plan_actions

TODAY = date(2026, 3, 2)
CUSTOMER = {"external_id": "C-1", "name": "Acme", "segment": "standard", "domains": ["acme.com"]}


def plan(return_on: date, match_method: str | None = "contact"):
    away = finding("auto_reply", "I am out of the office", return_on=return_on)
    ctx = Context(
        message_id="<ooo@acme.com>",
        today=TODAY,
        customer=CUSTOMER,
        invoices={},
        sender_email="ap@acme.com",
        customer_domains=("acme.com",),
        match_method=match_method,
    )
    return plan_actions(Triage(findings=[away]), ctx)


def test_a_short_absence_of_a_contact_on_file_defers_on_its_own():
    actions, reasons = plan(date(2026, 3, 9))
    assert reasons == []
    [defer] = actions
    assert defer.name == "defer_contact" and not defer.needs_approval
    assert defer.args["email"] == "ap@acme.com" and defer.args["until"] == "2026-03-09"


def test_a_long_absence_waits_for_a_person():
    far = date.fromordinal(TODAY.toordinal() + MAX_AUTO_DEFER_DAYS + 1)
    actions, reasons = plan(far)
    [defer] = actions
    assert defer.needs_approval
    assert any("longer than" in r for r in reasons)


@pytest.mark.parametrize(
    ("return_on", "match_method"),
    [(date(2026, 3, 1), "contact"), (date(2026, 3, 9), "domain"), (date(2026, 3, 9), "name")],
)
def test_no_deferral_for_a_past_date_or_a_sender_not_on_file(return_on, match_method):
    actions, _ = plan(return_on, match_method)
    assert all(a.name != "defer_contact" for a in actions)
