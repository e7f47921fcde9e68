"""The notice pipeline: planning, holding, recording, review, and the send-time check."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from email.message import EmailMessage

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from sqlmodel import select

from arbox.agent.notices import NoticeEditRejected, edit_notice, run_dunning, send_notice
from arbox.agent.rewrite import LLMRewriter
from arbox.tools import notices as store
from arbox.tools.errors import InvalidTransition
from arbox.tools.models import AuditLog, Dispute, InboundMessage, OutgoingNotice

from .conftest import TODAY, Factory


class Outbox:
    """A sender that keeps messages in memory (the mailbox room's senders share its API)."""

    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []

    def send(self, msg: EmailMessage) -> str:
        self.sent.append(msg)
        return msg["Message-ID"]


def rows(ledger, model=OutgoingNotice):
    with ledger.session() as s:
        return list(s.exec(select(model)).all())


def test_dry_run_plans_and_writes_nothing(make: Factory, ledger) -> None:
    cust = make.customer()
    make.invoice(cust, 3)
    result = run_dunning(ledger, today=TODAY)
    assert [n.due.customer_id for n in result.to_send] == [cust.id]
    assert result.to_send[0].report.ok and result.held == []
    assert rows(ledger) == []


def test_run_records_drafts_and_holds_and_is_idempotent(make: Factory, ledger) -> None:
    plain = make.customer()
    strategic = make.customer("Big Co", segment="strategic", email="ap@big.test")
    nobody = make.customer("Ghost Co", email=None)
    flagged = make.customer("Talky Co", email="ap@talky.test")
    for cust in (plain, nobody, flagged):
        make.invoice(cust, 3)
    make.invoice(strategic, 7)
    make.add(InboundMessage(message_id="<m1@x>", customer_id=flagged.id, status="pending_approval"))
    result = run_dunning(ledger, today=TODAY, dry_run=False)
    status = {n.customer_id: (n.status, n.held_reason) for n in rows(ledger)}
    assert status[plain.id] == ("draft", None)
    assert status[strategic.id][0] == "held" and "strategic" in status[strategic.id][1]
    assert status[nobody.id][0] == "held" and "billing contact" in status[nobody.id][1]
    assert status[flagged.id][0] == "held" and "triage" in status[flagged.id][1]
    assert len(result.held) == 3
    again = run_dunning(ledger, today=TODAY, dry_run=False)
    assert again.notices == [] and len(rows(ledger)) == 4


def test_fallback_is_logged_in_the_audit(make: Factory, ledger) -> None:
    cust = make.customer()
    make.invoice(cust, 3)
    bad = "Dear ⟦GREETING⟧, pay USD 9.99 for ⟦INV_1⟧ by ⟦PAY_BY⟧, ⟦TOTAL⟧ in total."
    rewriter = LLMRewriter(GenericFakeChatModel(messages=iter([bad, bad])))
    result = run_dunning(ledger, today=TODAY, rewriter=rewriter, dry_run=False)
    (plan,) = result.notices
    assert plan.outcome == "fallback" and plan.status == "draft" and "9.99" not in plan.body
    actions = [a.action for a in rows(ledger, AuditLog)]
    assert "notice.rewrite_fallback" in actions


def test_send_marks_sent_with_message_id(make: Factory, ledger) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 3)
    outbox = Outbox()
    result = run_dunning(ledger, today=TODAY, dry_run=False, sender=outbox)
    (msg,) = outbox.sent
    (row,) = rows(ledger)
    assert row.status == "sent" and row.message_id == msg["Message-ID"]
    assert result.notices[0].status == "sent"
    assert msg["To"] == "billing@acme.test" and inv.number in msg.get_body(("plain",)).get_content()


def test_payment_posted_between_draft_and_send_drops_the_invoice(make: Factory, ledger) -> None:
    cust = make.customer()
    paid = make.invoice(cust, 3, amount="400.00")
    kept = make.invoice(cust, 4, amount="700.00")
    run_dunning(ledger, today=TODAY, dry_run=False)
    (row,) = rows(ledger)
    assert "USD 1,100.00" in row.body
    # 9:00: the payment is applied; 9:15: the notice goes out
    with ledger.transaction() as s:
        inv = s.get(type(paid), paid.id)
        inv.balance = Decimal("0.00")
        s.add(inv)
    outbox = Outbox()
    outcome = send_notice(ledger, row.id, outbox, today=TODAY)
    assert outcome.status == "sent" and outcome.dropped == {paid.number: "paid"}
    body = outbox.sent[0].get_body(("plain",)).get_content()
    assert paid.number not in body and kept.number in body and "USD 1,100.00" not in body
    assert "USD 700.00" in body
    (row,) = rows(ledger)
    assert row.invoices == [kept.number] and row.total == Decimal("700.00")


@pytest.mark.parametrize("change", ["paid", "disputed"])
def test_notice_is_cancelled_when_nothing_is_left(make: Factory, ledger, change) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 3)
    run_dunning(ledger, today=TODAY, dry_run=False)
    with ledger.transaction() as s:
        if change == "paid":
            row = s.get(type(inv), inv.id)
            row.balance = Decimal("0.00")
            s.add(row)
        else:
            s.add(Dispute(customer_id=cust.id, invoice_id=inv.id, reason="pricing"))
    outbox = Outbox()
    (notice,) = rows(ledger)
    outcome = send_notice(ledger, notice.id, outbox, today=TODAY)
    assert outcome.status == "cancelled" and outbox.sent == []
    assert rows(ledger)[0].status == "cancelled"
    # a cancelled notice is never sent later
    assert send_notice(ledger, notice.id, outbox, today=TODAY).status == "skipped"


def test_partial_payment_rerenders_with_the_new_balance(make: Factory, ledger) -> None:
    cust = make.customer()
    inv = make.invoice(cust, 3, amount="1000.00")
    run_dunning(ledger, today=TODAY, dry_run=False)
    with ledger.transaction() as s:
        row = s.get(type(inv), inv.id)
        row.balance = Decimal("400.00")
        s.add(row)
    outbox = Outbox()
    send_notice(ledger, rows(ledger)[0].id, outbox, today=TODAY)
    body = outbox.sent[0].get_body(("plain",)).get_content()
    assert "open   USD 400.00" in body and "Total open balance: USD 400.00" in body


def test_review_queue_edit_approve_reject(make: Factory, ledger) -> None:
    cust = make.customer("Big Co", segment="strategic", email="ap@big.test")
    inv = make.invoice(cust, 7, amount="1250.00")
    run_dunning(ledger, today=TODAY, dry_run=False)
    (row,) = rows(ledger)
    outbox = Outbox()
    # held notices are not sent
    assert send_notice(ledger, row.id, outbox, today=TODAY).status == "skipped"
    with pytest.raises(NoticeEditRejected, match="amount_mismatch"):
        edit_notice(
            ledger, row.id, body=f"Please pay {inv.number}: USD 1,250.01.", today=TODAY, actor="ana"
        )
    assert rows(ledger)[0].body == row.body
    edited = edit_notice(
        ledger,
        row.id,
        body=f"Dear Dana, please pay {inv.number}: USD 1,250.00.",
        today=TODAY,
        actor="ana",
    )
    assert edited.status == "held" and "USD 1,250.00" in edited.body
    with ledger.transaction() as s:
        store.approve(s, row.id, actor="ana")
    assert send_notice(ledger, row.id, outbox, today=TODAY).status == "sent"
    assert outbox.sent[0].get_body(("plain",)).get_content().startswith("Dear Dana, please pay")
    with ledger.transaction() as s, pytest.raises(InvalidTransition):
        store.reject(s, row.id, actor="ana")


def test_reject_is_final(make: Factory, ledger) -> None:
    cust = make.customer("Big Co", segment="strategic", email="ap@big.test")
    make.invoice(cust, 7)
    run_dunning(ledger, today=TODAY, dry_run=False)
    notice_id = rows(ledger)[0].id
    with ledger.transaction() as s:
        store.reject(s, notice_id, actor="ana", reason="spoke on the phone")
    with ledger.transaction() as s, pytest.raises(InvalidTransition):
        store.approve(s, notice_id, actor="ana")
    # a rejected stage is not re-drafted the next day
    assert run_dunning(ledger, today=TODAY + timedelta(days=1)).notices == []


def test_a_failed_send_leaves_the_notice_unsent(make: Factory, ledger) -> None:
    cust = make.customer()
    make.invoice(cust, 3)
    run_dunning(ledger, today=TODAY, dry_run=False)

    class Down:
        def send(self, msg):
            raise ConnectionRefusedError("smtp down")

    notice_id = rows(ledger)[0].id
    with pytest.raises(ConnectionRefusedError):
        send_notice(ledger, notice_id, Down(), today=TODAY)
    row = rows(ledger)[0]
    assert row.status == "draft" and row.message_id is None
    assert send_notice(ledger, notice_id, Outbox(), today=TODAY).status == "sent"
