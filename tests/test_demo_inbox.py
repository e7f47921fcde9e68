"""The demo inbox is understood: every reply's intents, as CONTRACTS.md section 1 labels them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from arbox.demo import run_demo
from arbox.demo.inbox import REPLIES

EXPECTED: list[set[str]] = [
    {"payment_sent"},  # sent by ACH, trace number
    {"promise_to_pay"},  # will pay by a date
    {"dispute"},  # 50 billed, 40 received
    {"dispute"},  # unit price not as quoted
    {"short_pay", "payment_sent"},  # freight deducted, the rest paid
    {"missing_po"},  # AP portal rejected: no PO
    {"invoice_request"},  # a copy and a statement
    {"extended_terms"},  # net 60 per contract
    {"financial_distress"},  # asks for a payment plan
    {"wrong_contact"},  # left the company; send invoices elsewhere
    {"auto_reply"},  # out of office, no alternate address
    {"other"},  # thanks
    {"payment_sent", "dispute"},  # one paid by wire, one disputed
    {"promise_to_pay", "invoice_request"},  # a date, and the W-9
    {"payment_sent"},  # German: überwiesen
    {"missing_po"},  # French: no bon de commande
    {"promise_to_pay"},  # Spanish: pagaremos el 10 de diciembre
    {"dispute"},  # billed twice
    {"payment_sent", "promise_to_pay"},  # in the next check run on a stated date
    {"dispute"},  # goods not received
    {"payment_sent"},  # received the goods, paid by card
    {"invoice_request"},  # terse: a PO copy
    set(),  # an injection attempt and nothing else: no finding to act on, a person reads it
    {"payment_sent"},  # "paid"
    {"financial_distress", "promise_to_pay"},  # restructuring; pays at month end
    {"payment_sent"},  # released today via wire
    {"payment_sent"},  # remittance advice attached
    {"other"},  # asks which order an unknown invoice is for: a question, contesting nothing
    {"other"},  # a question about our receipt of their payment
    {"wrong_contact"},  # AP moved to a new domain
    {"wrong_contact"},  # not the right person
]


def test_every_demo_reply_is_understood(tmp_path: Path) -> None:
    assert len(EXPECTED) == len(REPLIES)
    run = run_demo(tmp_path / "demo", today=date(2026, 11, 30))
    replies, (bounce,) = run.outcomes[: len(REPLIES)], run.outcomes[len(REPLIES) :]
    understood = [{f["intent"] for f in o.findings} for o in replies]
    wrong = [
        (n, o.subject, got, want)
        for n, (o, got, want) in enumerate(zip(replies, understood, EXPECTED, strict=True))
        if got != want
    ]
    assert wrong == []
    injection = run.outcomes[22]
    assert injection.status == "pending_approval" and not any(
        a["status"] == "done" for a in injection.actions
    )
    # the mail server's report on yesterday's notice: labelled as the contract says, and
    # acted on from the report itself, with no person
    assert {f["intent"] for f in bounce.findings} == {"auto_reply", "wrong_contact"}
    assert bounce.status == "done" and bounce.approval_reasons == []
    assert [(a["name"], a["status"]) for a in bounce.actions] == [("mark_bounced", "done")]


def test_an_out_of_office_defers_that_contacts_next_notice(tmp_path: Path) -> None:
    from sqlmodel import select

    from arbox.tools.db import Ledger
    from arbox.tools.models import ContactHold

    run = run_demo(tmp_path / "demo", today=date(2026, 11, 30))
    away = run.outcomes[10]
    assert [a["name"] for a in away.actions] == ["defer_contact"]
    assert away.actions[0]["args"]["until"] == "2026-12-07" and away.status == "done"
    ledger = Ledger.open(run.database_url)
    try:
        with ledger.session() as s:
            (hold,) = s.exec(select(ContactHold).where(ContactHold.kind == "away")).all()
        assert hold.kind == "away" and hold.until == date(2026, 12, 7) and hold.active
        deferred = [n for n in run.dunning.notices if n.due.customer_id == hold.customer_id]
        assert deferred and all(n.status == "held" for n in deferred)
        assert all("out of office until 2026-12-07" in (n.held_reason or "") for n in deferred)
    finally:
        ledger.dispose()
