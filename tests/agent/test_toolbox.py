"""The toolbox is the one declaration of actions: the policy, `act` and edits read it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from scripted import finding

from arbox.agent.act import validate
from arbox.agent.bounce import plan_bounce
from arbox.agent.errors import InvalidPlan
from arbox.agent.findings import Intent, Triage
from arbox.agent.policy import Context, canonical, plan_actions
from arbox.agent.state import CustomerView, OpenTask, PlannedAction
from arbox.agent.toolbox import TOOLBOX, ActionName
from arbox.tools.bounces import BouncedContact, BounceResolution

CUSTOMER = {"external_id": "C-1", "name": "Acme", "segment": "standard", "domains": ["acme.com"]}
EVERY_INTENT = {
    Intent.payment_sent: {"amount": "10.00", "paid_on": date(2026, 3, 1), "method": "ach"},
    Intent.promise_to_pay: {"promised_on": date(2026, 3, 9), "amount": "5"},
    Intent.dispute: {"reason": "pricing", "disputed_amount": "3.50"},
    Intent.short_pay: {"deducted_amount": "2", "paid_amount": "8", "reason": "damaged"},
    Intent.missing_po: {"detail": "PO needed"},
    Intent.invoice_request: {"document": "W-9"},
    Intent.extended_terms: {"claimed_terms_days": 60},
    Intent.financial_distress: {"detail": "cash flow"},
    Intent.wrong_contact: {"new_contact_email": "pay@acme.com"},
    Intent.auto_reply: {"return_on": date(2026, 3, 9)},
    Intent.other: {},
}


def action(name, **args):
    return PlannedAction(name=name, args=args, key="k")


def test_every_action_the_policy_plans_passes_its_declaration():
    findings = [
        finding(i.value, "quote", invoices=["INV-1"], **fields)
        for i, fields in EVERY_INTENT.items()
    ]
    ctx = Context(
        message_id="<m@x>",
        today=date(2026, 3, 2),
        customer=CUSTOMER,
        invoices={canonical("INV-1"): "INV-1"},
        sender_email="ap@acme.com",
        customer_domains=("acme.com",),
        match_method="contact",
        open_tasks=(OpenTask(id=7, queue="billing", tag="document", invoices=["INV-1"]),),
    )
    actions, _ = plan_actions(Triage(findings=findings), ctx)
    # a delivery report's action comes from the bounce planner, not the findings
    bounced, _ = plan_bounce(
        BounceResolution(customer_id=1, bounced=[BouncedContact(email="ap@acme.com")]),
        message_id="<dsn@x>",
        customer=CustomerView(id=1, external_id="C-1", name="Acme", segment="standard"),
    )
    actions += bounced
    assert {a.name for a in actions} == set(TOOLBOX)
    for a in actions:
        validate(a)


def test_validate_types_the_arguments_from_json():
    args = validate(
        action("record_promise", customer="C-1", promised_on="2026-03-09", amount="1,250.00")
    )
    assert args == {
        "customer": "C-1",
        "promised_on": date(2026, 3, 9),
        "amount": Decimal("1250.00"),
    }


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("mark_paid", {"invoice": "INV-1"}, "unknown action 'mark_paid'"),
        ("create_task", {"queue": "billing", "summary": "x", "to": "a@b"}, "does not take to"),
        ("create_task", {"queue": "legal", "summary": "x"}, "queue"),
        ("record_payment_claim", {"customer": "C-1", "amount": 12.5}, "float money"),
        ("pause_dunning", {"customer": "C-1", "reason": "x", "until": "soon"}, "until"),
    ],
)
def test_validate_refuses_what_the_toolbox_does_not_declare(name, args, message):
    with pytest.raises(InvalidPlan, match=message):
        validate(action(name, **args))


def test_every_declared_tool_names_its_ledger_function():
    for name, tool in TOOLBOX.items():
        assert isinstance(name, ActionName) and tool.run.__name__ == name.value
