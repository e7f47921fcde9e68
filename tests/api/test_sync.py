"""Real-time pushes: payments (single and batch), invoices, disputes, credits; notices follow."""

from __future__ import annotations

from decimal import Decimal

import pytest
from apikit import AUTH, TODAY
from sqlmodel import select

from arbox.agent.notices import run_dunning, send_notice
from arbox.tools.models import AuditLog, Invoice, OutgoingNotice, Payment


class Outbox:
    def __init__(self):
        self.sent = []

    def send(self, msg):
        self.sent.append(msg)
        return msg["Message-ID"]


@pytest.fixture
def drafted(books):
    """ACME's overdue notice, drafted (not sent): INV-1 and INV-2."""
    result = run_dunning(books, today=TODAY, dry_run=False)
    [plan] = [n for n in result.notices if n.due.external_id == "ACME"]
    assert plan.status == "draft" and plan.invoices == ["INV-1", "INV-2"]
    return plan.notice_id


def payment(reference="CA-1", amount="1250.00", applications=(("INV-1", "1250.00"),), **kw):
    return {
        "reference": reference,
        "received_on": "2026-03-04",
        "amount": amount,
        "customer": "ACME",
        "method": "ach",
        "applications": [{"invoice": i, "amount": a} for i, a in applications],
        **kw,
    }


def notice(ledger, notice_id):
    with ledger.session() as s:
        return s.get(OutgoingNotice, notice_id)


def test_a_payment_between_draft_and_send_cancels_the_notice(client, books, drafted):
    r = client.post(
        "/payments",
        headers=AUTH,
        json=payment(amount="1550.00", applications=[("INV-1", "1250.00"), ("INV-2", "300.00")]),
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["applied"] == "1550.00" and body["unapplied"] == "0.00"
    assert body["notices"] == [
        {"notice_id": drafted, "status": "cancelled", "dropped": {"INV-1": "paid", "INV-2": "paid"}}
    ]
    assert notice(books, drafted).status == "cancelled"
    outbox = Outbox()
    assert send_notice(books, drafted, outbox, today=TODAY).status == "skipped"
    assert outbox.sent == []


def test_a_partial_payment_trims_the_notice_to_what_is_still_owed(client, books, drafted):
    body = client.post("/payments", headers=AUTH, json=payment()).json()
    assert body["notices"] == [
        {"notice_id": drafted, "status": "draft", "dropped": {"INV-1": "paid"}}
    ]
    row = notice(books, drafted)
    assert row.invoices == ["INV-2"] and row.total == Decimal("300.00")
    assert "INV-1" not in row.body and "INV-2" in row.body and "300.00" in row.body
    outbox = Outbox()
    sent = send_notice(books, drafted, outbox, today=TODAY)
    assert (
        sent.status == "sent" and "INV-1" not in outbox.sent[0].get_body(("plain",)).get_content()
    )


def test_payments_are_idempotent_on_the_callers_reference(client, books):
    first = client.post("/payments", headers=AUTH, json=payment())
    again = client.post("/payments", headers=AUTH, json=payment())
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["replayed"] is True
    with books.session() as s:
        assert s.exec(select(Invoice).where(Invoice.number == "INV-1")).one().balance == 0
        assert len(s.exec(select(Payment)).all()) == 1
        assert len(s.exec(select(AuditLog).where(AuditLog.action == "post_payment")).all()) == 1
    other = client.post("/payments", headers=AUTH, json=payment(amount="1300.00"))
    assert other.status_code == 409 and "already posted" in other.json()["detail"]


@pytest.mark.parametrize(
    "change, fragment",
    [
        ({"amount": 1250.0}, "not a JSON number"),
        ({"amount": "12,50,0"}, "amount"),
        ({"amount": "-5.00"}, "must be > 0"),
        (
            {"applications": [{"invoice": "INV-1", "amount": "2000.00"}], "amount": "2000.00"},
            "exceeds the open balance",
        ),
        ({"applications": [{"invoice": "INV-7", "amount": "10.00"}]}, "do not belong"),
        ({"customer": "NOPE"}, "unknown customer"),
        ({"method": "bitcoin"}, "method"),
    ],
)
def test_bad_payments_are_refused_with_a_reason_and_change_nothing(client, books, change, fragment):
    r = client.post("/payments", headers=AUTH, json=payment() | change)
    assert 400 <= r.status_code < 500 and fragment in r.json()["detail"], r.text
    with books.session() as s:
        assert s.exec(select(Payment)).all() == []


def test_a_batch_keeps_the_good_payments_when_one_is_refused(client, books):
    batch = {
        "payments": [
            payment("CA-1"),
            payment("CA-2", applications=[("INV-9", "1.00")]),
            payment("CA-3", amount="300.00", applications=[("INV-2", "300.00")]),
        ]
    }
    body = client.post("/payments/batch", headers=AUTH, json=batch).json()
    assert (body["posted"], body["failed"]) == (2, 1)
    assert [i["ok"] for i in body["items"]] == [True, False, True]
    assert "unknown invoice" in body["items"][1]["error"]
    assert client.get("/customers/ACME").json()["open_items"] == []


def test_invoice_pushes_create_update_and_keep_their_customer(client, books):
    inv = {
        "number": "INV-50",
        "customer": "ACME",
        "issue_date": "2026-02-01",
        "due_date": "2026-03-03",
        "amount": "800.00",
        "po": "PO-9",
    }
    assert client.post("/invoices", headers=AUTH, json=inv).json()["result"] == "created"
    assert client.post("/invoices", headers=AUTH, json=inv).json()["result"] == "unchanged"
    updated = client.post("/invoices", headers=AUTH, json=inv | {"balance": "200.00"}).json()
    assert updated["result"] == "updated" and updated["invoice"]["balance"] == "200.00"
    foreign = client.post("/invoices", headers=AUTH, json=inv | {"customer": "BIG"})
    assert foreign.status_code == 422 and "another customer" in foreign.json()["detail"]
    backwards = client.post("/invoices", headers=AUTH, json=inv | {"due_date": "2026-01-01"})
    assert backwards.status_code == 422
    trail = client.get("/audit", params={"target": "invoice:INV-50"}).json()
    assert [a["action"] for a in trail] == ["invoice.updated", "invoice.created"]


def test_a_dispute_push_takes_the_invoice_out_of_the_notice(client, books, drafted):
    push = {"reference": "ERP-D-1", "customer": "ACME", "invoice": "INV-2", "reason": "damaged"}
    body = client.post("/disputes", headers=AUTH, json=push).json()
    assert body["replayed"] is False
    assert body["notices"] == [
        {"notice_id": drafted, "status": "draft", "dropped": {"INV-2": "disputed"}}
    ]
    assert client.post("/disputes", headers=AUTH, json=push).json()["replayed"] is True
    dispute_id = body["record_id"]
    done = client.post(
        f"/disputes/{dispute_id}/resolve",
        headers=AUTH,
        json={"reference": "ERP-R-1", "outcome": "rejected"},
    )
    assert done.status_code == 200 and "rejected" in done.json()["message"]
    again = client.post(
        f"/disputes/{dispute_id}/resolve", headers=AUTH, json={"reference": "ERP-R-2"}
    )
    assert again.status_code == 409
    assert (
        client.post("/disputes/999/resolve", headers=AUTH, json={"reference": "x"}).status_code
        == 404
    )


def test_a_credit_covering_the_balance_cancels_the_notice(client, books, drafted):
    credit = {
        "number": "CM-1",
        "customer": "ACME",
        "amount": "1550.00",
        "issued_on": "2026-03-04",
        "reason": "pricing",
    }
    body = client.post("/credits", headers=AUTH, json=credit).json()
    assert body["notices"][0]["status"] == "cancelled"
    assert client.post("/credits", headers=AUTH, json=credit).json()["replayed"] is True
    wrong = client.post(
        "/credits", headers=AUTH, json=credit | {"number": "CM-2", "invoice": "INV-7"}
    )
    assert wrong.status_code == 422


def test_a_push_trims_the_rewritten_wording_and_proves_it(client, books):
    """The API trims through the notice pipeline: the LLM's wording survives a partial pay."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    from arbox.agent.rewrite import LLMRewriter

    styled = "Hi ⟦GREETING⟧! ⟦INV_1⟧ and ⟦INV_2⟧ are open, ⟦TOTAL⟧ in all. Pay by ⟦PAY_BY⟧?"
    rewriter = LLMRewriter(GenericFakeChatModel(messages=iter([styled])))
    result = run_dunning(books, today=TODAY, rewriter=rewriter, dry_run=False)
    [plan] = [n for n in result.notices if n.due.external_id == "ACME"]
    assert plan.outcome == "rewritten"
    body = client.post(
        "/payments",
        headers=AUTH,
        json=payment(amount="1000.00", applications=[("INV-1", "1000.00")]),
    ).json()
    assert body["notices"] == [{"notice_id": plan.notice_id, "status": "draft", "dropped": {}}]
    row = notice(books, plan.notice_id)
    assert row.body.startswith("Hi Dana! INV-1 and INV-2 are open, USD 550.00 in all.")
    assert row.guardrail["report"]["ok"] and row.total == Decimal("550.00")
    with books.session() as s:
        trail = s.exec(select(AuditLog).where(AuditLog.action == "notice.trimmed")).all()
    assert [a.actor for a in trail] == ["arbox.sync"] and trail[0].after["kept_wording"]
