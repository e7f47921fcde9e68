"""Which invoices a finding concerns when the clause that shows it names none."""

from __future__ import annotations

from arbox.agent import build_classifier
from arbox.agent.classifier import Reply

KNOWN = ("INV-10441", "INV-10442")


def intents_and_invoices(text: str, subject: str = "") -> dict[str, list[str]]:
    triage = build_classifier("offline").classify(
        Reply(text=text, subject=subject, known_invoices=KNOWN)
    )
    return {f.intent.value: f.invoices for f in triage.findings}


def test_invoice_named_elsewhere_in_the_reply_is_used():
    found = intents_and_invoices(
        "About INV-10442: the goods arrived damaged. Please send a corrected invoice."
    )
    assert found.get("dispute") == ["INV-10442"]


def test_subject_invoice_is_used_when_the_reply_names_none():
    found = intents_and_invoices(
        "Can you send me a copy of the invoice please?", subject="RE: Invoice INV-10441 past due"
    )
    assert found.get("invoice_request") == ["INV-10441"]


def test_clause_invoices_win_over_the_rest_of_the_reply():
    found = intents_and_invoices(
        "INV-10441 was paid by wire on March 3, ref WX-1. "
        "INV-10442 we dispute: the pallets arrived damaged."
    )
    assert found["payment_sent"] == ["INV-10441"]
    assert found["dispute"] == ["INV-10442"]
