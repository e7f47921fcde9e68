"""Every policy row: findings in, proposed actions and approval reasons out."""

from __future__ import annotations

from datetime import date

import pytest
from scripted import finding

from arbox.agent.findings import Triage
from arbox.agent.policy import Context, PolicyConfig, canonical, plan_actions

CUSTOMER = {"external_id": "C-1", "name": "Acme", "segment": "standard", "domains": ["acme.com"]}


def plan(*findings, customer=CUSTOMER, **kw):
    ctx = Context(
        message_id="<m@x>",
        today=date(2026, 3, 2),
        customer=customer,
        invoices={canonical(n): n for n in ("INV-1", "INV-2")},
        sender_email="ap@acme.com",
        customer_domains=("acme.com",),
    )
    return plan_actions(Triage(findings=list(findings)), ctx, PolicyConfig(**kw))


def names(actions):
    return [(a.name, a.args.get("queue")) for a in actions]


def test_payment_sent_pauses_claims_and_routes_to_cash_app():
    actions, reasons = plan(
        finding(
            "payment_sent",
            "paid",
            invoices=["inv 1"],
            amount="1250.00",
            paid_on=date(2026, 2, 27),
            method="ach",
            reference="778",
        )
    )
    assert names(actions) == [
        ("pause_dunning", None),
        ("record_payment_claim", None),
        ("create_task", "cash_app"),
    ]
    assert actions[0].args["until"] == "2026-03-09" and actions[0].args["invoices"] == ["INV-1"]
    assert actions[1].args["amount"] == "1250.00" and reasons == []


def test_promise_records_and_needs_a_date():
    actions, reasons = plan(finding("promise_to_pay", "by Friday", promised_on=date(2026, 3, 6)))
    assert names(actions) == [("record_promise", None)] and not reasons
    assert actions[0].args["promised_on"] == "2026-03-06"
    actions, reasons = plan(finding("promise_to_pay", "soon"))
    assert names(actions) == [("create_task", "collections")]
    assert "promise without a date" in reasons


@pytest.mark.parametrize(
    ("reason", "queue"),
    [
        ("pricing", "sales"),
        ("terms", "sales"),
        ("quantity", "billing"),
        ("damaged", "billing"),
        ("not_received", "billing"),
    ],
)
def test_dispute_tags_named_invoices_only_and_routes_by_reason(reason, queue):
    actions, _ = plan(finding("dispute", "wrong", invoices=["INV-2"], reason=reason))
    assert names(actions) == [("tag_dispute", None), ("create_task", queue)]
    assert actions[0].args["invoice"] == "INV-2"


def test_dispute_without_invoice_tags_nothing_and_asks():
    actions, reasons = plan(finding("dispute", "wrong price", reason="pricing"))
    assert names(actions) == [("create_task", "sales")]
    assert "dispute without an invoice number" in reasons


def test_short_pay_opens_deduction_for_cash_app():
    actions, reasons = plan(
        finding(
            "short_pay",
            "deducted",
            invoices=["INV-1"],
            deducted_amount="40",
            paid_amount="1210",
            reason="freight",
        )
    )
    assert names(actions) == [("open_deduction", None), ("create_task", "cash_app")]
    assert not reasons


def test_missing_po_pauses_and_routes_to_billing():
    actions, _ = plan(finding("missing_po", "need PO", invoices=["INV-1"], po_required=True))
    assert names(actions) == [("pause_dunning", None), ("create_task", "billing")]


def test_invoice_request_routes_to_billing():
    actions, _ = plan(finding("invoice_request", "send W-9", document="W-9"))
    assert names(actions) == [("create_task", "billing")]
    assert "W-9" in actions[0].args["summary"]


def test_extended_terms_to_sales_and_credit_with_pause():
    actions, _ = plan(finding("extended_terms", "net 60", claimed_terms_days=60))
    assert names(actions) == [
        ("pause_dunning", None),
        ("create_task", "sales"),
        ("create_task", "credit"),
    ]


def test_distress_stops_all_dunning_and_always_asks():
    actions, reasons = plan(finding("financial_distress", "cannot pay", detail="cash flow"))
    assert names(actions) == [("pause_dunning", None), ("create_task", "credit")]
    assert actions[0].args["invoices"] == [] and "financial distress" in reasons
    assert all(a.needs_approval for a in actions)


def test_wrong_contact_on_new_domain_is_flagged_as_fraud_risk():
    actions, reasons = plan(finding("wrong_contact", "write to", new_contact_email="x@evil.io"))
    assert names(actions) == [("upsert_contact", None)]
    assert "contact change" in reasons and any("possible fraud" in r for r in reasons)
    actions, same_domain = plan(
        finding("wrong_contact", "write to", new_contact_email="ap@acme.com")
    )
    # On the customer's own domain the contact is recorded with no person (ARCHITECTURE).
    assert same_domain == [] and names(actions) == [("upsert_contact", None)]
    assert actions[0].args["email"] == "ap@acme.com" and not actions[0].needs_approval
    actions, reasons = plan(finding("wrong_contact", "not me"))
    assert names(actions) == [("create_task", "collections")] and reasons == []


def test_auto_reply_does_nothing_and_other_goes_to_a_person():
    assert plan(finding("auto_reply", "out of office"))[0] == []
    actions, _ = plan(finding("other", "thanks"))
    assert names(actions) == [("create_task", "collections")]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"customer": {**CUSTOMER, "segment": "strategic"}}, "strategic account"),
        ({"approval_amount": 100}, "amount 1250.00 is over 100"),
    ],
)
def test_approval_triggers(kwargs, reason):
    f = finding("promise_to_pay", "x", amount="1250.00", promised_on=date(2026, 3, 6))
    actions, reasons = plan(f, **kwargs)
    assert reason in reasons and all(a.needs_approval for a in actions)


def test_low_confidence_and_unknown_invoice_need_a_person():
    _, reasons = plan(finding("invoice_request", "copy", confidence=0.4))
    assert reasons == ["low confidence on invoice_request (0.40)"]
    actions, reasons = plan(finding("dispute", "x", invoices=["INV-99"], reason="pricing"))
    assert "invoice INV-99 is not on this customer's ledger" in reasons
    assert all(a.name != "tag_dispute" for a in actions)


def test_unmatched_sender_gets_one_collections_task():
    actions, reasons = plan(finding("payment_sent", "paid"), customer=None)
    assert names(actions) == [("create_task", "collections")] and reasons == []
    assert "customer" not in actions[0].args


def test_keys_are_stable_per_message_and_action():
    a1, _ = plan(finding("missing_po", "need PO", invoices=["INV-1"]))
    a2, _ = plan(finding("missing_po", "need PO", invoices=["INV-1"]))
    assert [a.key for a in a1] == [a.key for a in a2]
    assert len({a.key for a in a1}) == len(a1)


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("extended_terms", "I thought our deal was net 60? If it's 30 we will look at it."),
        ("payment_sent", "Has our payment for INV-1 arrived? The bank says it left."),
        ("dispute", "Is INV-1 billed twice? Please check."),
    ],
)
def test_a_claim_asked_as_a_question_waits_and_stated_it_does_not(intent, text):
    """Asked ("net 60?"), a claim states nothing; stated ("net 60."), it does."""
    question = text.split("?")[0] + "?"

    def reasons_for(words, evidence):
        ctx = Context(
            message_id="<m@x>",
            today=date(2026, 3, 2),
            customer=CUSTOMER,
            invoices={canonical(n): n for n in ("INV-1", "INV-2")},
            sender_email="ap@acme.com",
            customer_domains=("acme.com",),
            text=words,
        )
        found = finding(intent, evidence, invoices=["INV-1"], confidence=0.95)
        return plan_actions(Triage(findings=[found]), ctx, PolicyConfig(autonomy_threshold=0))[1]

    asked = f"{intent} is asked as a question, not stated"
    assert asked in reasons_for(text, question)
    stated = question[:-1] + "."
    assert asked not in reasons_for(text.replace(question, stated), stated)
