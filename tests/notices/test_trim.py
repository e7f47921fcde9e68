"""Trim after a ledger change: wording kept where it holds, re-rendered where not, proved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from sqlmodel import select

from arbox.agent.notices import (
    edit_notice,
    run_dunning,
    send_notice,
    trim_customer_notices,
)
from arbox.agent.notices.wording import CannotTrim, trim_text
from arbox.agent.rewrite import LLMRewriter
from arbox.tools.models import AuditLog, Contact, Dispute, Invoice, OutgoingNotice

from .conftest import TODAY, Factory
from .test_pipeline import Outbox

RESTYLED = (
    "Hi ⟦GREETING⟧, hope the quarter is treating you well. Quick one from us: "
    "⟦INV_1⟧, ⟦INV_2⟧ and ⟦INV_3⟧ are still open, ⟦TOTAL⟧ altogether. "
    "Could you get this paid by ⟦PAY_BY⟧?"
)


def notice(ledger) -> OutgoingNotice:
    with ledger.session() as s:
        (row,) = s.exec(select(OutgoingNotice)).all()
        return row


def pay(ledger, inv: Invoice, balance: str = "0.00") -> None:
    with ledger.transaction() as s:
        row = s.get(Invoice, inv.id)
        row.balance = Decimal(balance)
        s.add(row)


def trim(ledger, customer_id: int):
    with ledger.transaction() as s:
        return trim_customer_notices(s, customer_id, TODAY)


@pytest.fixture
def three(make: Factory, ledger):
    """A customer with three overdue invoices and an LLM-rewritten notice drafted."""
    cust = make.customer()
    invs = [
        make.invoice(cust, 3, amount="400.00"),
        make.invoice(cust, 4, amount="700.00"),
        make.invoice(cust, 5, amount="250.00"),
    ]
    rewriter = LLMRewriter(GenericFakeChatModel(messages=iter([RESTYLED])))
    (plan,) = run_dunning(ledger, today=TODAY, rewriter=rewriter, dry_run=False).notices
    assert plan.outcome == "rewritten" and "hope the quarter" in plan.body
    return cust, invs


def test_a_paid_invoice_is_trimmed_out_of_the_rewritten_wording(ledger, three) -> None:
    cust, (a, b, c) = three
    pay(ledger, b)
    (out,) = trim(ledger, cust.id)
    assert out.status == "draft" and out.kept_wording and out.dropped == {b.number: "paid"}
    row = notice(ledger)
    assert "hope the quarter is treating you well" in row.body
    assert b.number not in row.body and row.invoices == sorted([a.number, c.number], key=str)
    assert "USD 650.00 altogether" in row.body and "Total open balance: USD 650.00" in row.body
    assert row.total == Decimal("650.00") and row.guardrail["report"]["ok"]
    # sent as trimmed: the send-time check finds nothing new
    outbox = Outbox()
    assert send_notice(ledger, row.id, outbox, today=TODAY).status == "sent"
    assert "hope the quarter" in outbox.sent[0].get_body(("plain",)).get_content()


def test_a_partial_payment_moves_the_total_and_keeps_the_wording(ledger, three) -> None:
    cust, (a, _b, _c) = three
    pay(ledger, a, "100.00")
    (out,) = trim(ledger, cust.id)
    assert out.kept_wording and out.dropped == {}
    body = notice(ledger).body
    assert "USD 1,050.00 altogether" in body and "hope the quarter" in body
    assert "open USD 100.00" in body


def test_wording_that_would_name_one_of_several_is_re_rendered(ledger, three) -> None:
    cust, (a, b, c) = three
    pay(ledger, a)
    pay(ledger, b)
    (out,) = trim(ledger, cust.id)
    assert not out.kept_wording and out.report.ok
    row = notice(ledger)
    assert "hope the quarter" not in row.body and c.number in row.body
    with ledger.session() as s:
        audit = s.exec(select(AuditLog).where(AuditLog.action == "notice.trimmed")).one()
    assert (
        audit.after["kept_wording"] is False
        and "one invoice of several" in (audit.after["why_rerendered"])
    )


def test_a_persons_edit_is_trimmed_as_text_and_stays_held(make: Factory, ledger) -> None:
    cust = make.customer()
    a = make.invoice(cust, 3, amount="400.00", po="PO-1")
    b = make.invoice(cust, 4, amount="700.00", po="PO-2")
    c = make.invoice(cust, 5, amount="250.00", po="PO-2")
    run_dunning(ledger, today=TODAY, dry_run=False)
    body = (
        "Dear Dana,\n\nas agreed on the phone, here is what is open:\n\n"
        f"PO PO-1\n  {a.number}  USD 400.00\nPO PO-2\n  {b.number}  USD 700.00\n"
        f"  {c.number}  USD 250.00\n\nTotal: USD 1,350.00. Thanks for sorting it this week.\nAna"
    )
    edit_notice(ledger, notice(ledger).id, body=body, today=TODAY, actor="ana")
    with ledger.transaction() as s:
        s.add(Dispute(customer_id=cust.id, invoice_id=a.id, reason="pricing"))
    (out,) = trim(ledger, cust.id)
    assert out.kept_wording and out.report.ok and out.status == "held"
    row = notice(ledger)
    assert row.body == (
        "Dear Dana,\n\nas agreed on the phone, here is what is open:\n\n"
        f"PO PO-2\n  {b.number}  USD 700.00\n  {c.number}  USD 250.00\n\n"
        "Total: USD 950.00. Thanks for sorting it this week.\nAna"
    )
    assert row.held_reason == "edited by ana; awaits approval"


def test_an_edit_that_cannot_be_kept_is_re_rendered_and_held_with_the_reason(
    make: Factory, ledger
) -> None:
    cust = make.customer()
    a = make.invoice(cust, 3, amount="400.00")
    b = make.invoice(cust, 4, amount="700.00")
    run_dunning(ledger, today=TODAY, dry_run=False)
    row = notice(ledger)
    edit_notice(
        ledger,
        row.id,
        body=f"Dana, {a.number} and {b.number} are open: USD 1,100.00. Ana",
        today=TODAY,
        actor="ana",
    )
    with ledger.transaction() as s:
        s.get(OutgoingNotice, row.id).status = "approved"
    pay(ledger, a)
    (out,) = trim(ledger, cust.id)
    assert not out.kept_wording and out.status == "held"
    row = notice(ledger)
    assert "could not be kept" in row.held_reason and "Ana" not in row.body
    assert a.number not in row.body and "USD 700.00" in row.body


def test_a_trim_that_fails_the_guardrails_is_held_with_its_report(ledger, three) -> None:
    cust, (_a, b, _c) = three
    with ledger.transaction() as s:
        for contact in s.exec(select(Contact)).all():
            contact.bounced = True
            s.add(contact)
    pay(ledger, b)
    (out,) = trim(ledger, cust.id)
    assert out.status == "held" and not out.report.ok and "recipient" in out.report.codes
    row = notice(ledger)
    assert "guardrails failed: recipient" in row.held_reason
    assert row.guardrail["report"]["violations"][0]["code"] == "recipient"


def test_a_bounced_recipient_at_send_time_is_not_called_a_trim(ledger, three) -> None:
    # Nothing moved on the ledger: the notice is held for its recipient, and its reason
    # does not say it was trimmed.
    with ledger.transaction() as s:
        for contact in s.exec(select(Contact)).all():
            contact.bounced = True
            s.add(contact)
    outbox = Outbox()
    out = send_notice(ledger, notice(ledger).id, outbox, today=TODAY)
    assert out.status == "held" and not outbox.sent
    assert "guardrails failed: recipient" in out.reason and "trimmed" not in out.reason


def test_nothing_changed_means_nothing_trimmed(ledger, three) -> None:
    cust, _ = three
    assert trim(ledger, cust.id) == []


KW = {"moved": {}, "unchanged": (), "money": lambda v, c: f"USD {v:,.2f}"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Invoices A-1, A-2 and A-3 are open.", "Invoices A-1 and A-3 are open."),
        ("Rechnungen A-1, A-2 und A-3", "Rechnungen A-1 und A-3"),
        ("factures A-2, A-1, A-3", "factures A-1, A-3"),
        ("row A-2 700\nrow A-1 400", "row A-1 400"),
    ],
)
def test_trim_text_lists_and_lines(text, expected) -> None:
    out = trim_text(text, dropped={"A-2"}, kept={"A-1", "A-3"}, **KW)
    assert out.text == expected


@pytest.mark.parametrize(
    "text, kw",
    [
        ("Invoices A-1 and A-2 are open.", {"kept": {"A-1"}}),
        ("A-1 (USD 400.00) and A-2 (USD 700.00)", {"kept": {"A-1"}}),
        (
            "USD 1,000.00 open",
            {
                "kept": {"A-1"},
                "moved": {Decimal("1000.00"): Decimal("400.00")},
                "unchanged": {Decimal("1000.00")},
            },
        ),
    ],
)
def test_trim_text_refuses_what_it_cannot_keep(text, kw) -> None:
    with pytest.raises(CannotTrim):
        trim_text(text, **(KW | {"dropped": {"A-2"}} | kw))
