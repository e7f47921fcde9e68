"""The statement of account PDF: rendered per language, proved from its text, attached."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader, PdfWriter
from sqlmodel import select

from arbox.agent.locales import resolve
from arbox.agent.notices import run_dunning, send_notice
from arbox.agent.notices import send as send_module
from arbox.agent.notices.statement import pdf_text, prove_statement, statement_pdf
from arbox.tools.dunning import DueInvoice, DueNotice, load_cadences
from arbox.tools.models import Customer, OutgoingNotice

from .conftest import TODAY, Factory
from .test_pipeline import Outbox


def due() -> DueNotice:
    cadence = load_cadences()["standard"]
    stage = cadence.stages[1]
    invs = [
        DueInvoice(
            1,
            "INV-1",
            Decimal("1250.00"),
            Decimal("1243.50"),
            date(2026, 2, 20),
            "PO-77",
            "Halle 4",
            stage.name,
            10,
        ),
        DueInvoice(
            2,
            "INV-2",
            Decimal("300.00"),
            Decimal("300.00"),
            date(2026, 2, 25),
            None,
            None,
            stage.name,
            5,
        ),
    ]
    return DueNotice(
        7, "Keller Bau GmbH", "C7", "standard", "EUR", cadence, stage, invs, "jk@keller.test"
    )


@pytest.mark.parametrize(
    "lang, lines",
    [
        (
            "en",
            [
                "Statement of account",
                "INV-1  PO-77  Halle 4  2026-02-20  EUR 1,250.00",
                "Total open balance: EUR 1,543.50",
            ],
        ),
        (
            "de",
            [
                "Kontoauszug",
                "INV-1     PO-77       Halle 4  20. Februar 2026  1.250,00 €",
                "Offener Gesamtbetrag: 1.543,50 €",
            ],
        ),
        ("fr", ["Relevé de compte", "Solde total dû : 1 543,50 €"]),
        ("es", ["Estado de cuenta", "Saldo total pendiente: 1.543,50 €"]),
    ],
)
def test_the_statement_lists_the_invoices_in_the_customers_language(lang, lines) -> None:
    loc = resolve(lang)
    data = statement_pdf(due(), today=TODAY, locale=loc)
    assert data.startswith(b"%PDF")
    text = " ".join(pdf_text(data).replace("\u00a0", " ").split(" "))
    squashed = re.sub(" +", " ", text)
    for line in lines:
        assert re.sub(" +", " ", line) in squashed, text
    assert "INV-2" in text and "PO-77" in text and "Halle 4" in text
    assert prove_statement(data, due(), locale=loc).ok


def tamper(data: bytes, old: bytes, new: bytes) -> bytes:
    """Edit the text drawn on the first page, as someone with a PDF editor would."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    page = writer.pages[0]
    contents = page.get_contents()
    raw = contents.get_data()
    assert old in raw
    contents.set_data(raw.replace(old, new))
    page.replace_contents(contents)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_tampered_pdf_is_caught() -> None:
    loc = resolve("de")
    data = statement_pdf(due(), today=TODAY, locale=loc)
    forged = tamper(data, b"1.243,50", b"1.234,50")
    assert "1.234,50" in pdf_text(forged)
    report = prove_statement(forged, due(), locale=loc)
    assert "statement_amount_mismatch" in report.codes
    renamed = tamper(data, b"INV-2 ", b"INV-9 ")
    codes = prove_statement(renamed, due(), locale=loc).codes
    assert "statement_open_not_named" in codes and "statement_unknown_invoice" in codes


def test_bytes_that_are_no_pdf_are_caught() -> None:
    report = prove_statement(b"not a pdf", due(), locale=resolve("en"))
    assert report.codes == ["statement_unreadable"]


def test_every_sent_notice_carries_its_proved_statement(make: Factory, ledger) -> None:
    cust = make.customer("Keller Bau GmbH", currency="EUR")
    with ledger.transaction() as s:
        s.get(Customer, cust.id).language = "de"
    inv = make.invoice(cust, 3, amount="1243.50", po="PO-77")
    outbox = Outbox()
    (plan,) = run_dunning(ledger, today=TODAY, sender=outbox, dry_run=False).notices
    assert plan.report.ok and plan.statement.startswith("Kontoauszug")
    (msg,) = outbox.sent
    (pdf,) = list(msg.iter_attachments())
    assert pdf.get_filename() == "Kontoauszug-2026-03-02.pdf"
    text = pdf_text(pdf.get_content())
    assert inv.number in text and "1.243,50" in text and "PO-77" in text


def test_a_statement_that_fails_at_send_time_holds_the_notice(
    make: Factory, ledger, monkeypatch
) -> None:
    cust = make.customer()
    make.invoice(cust, 3, amount="1243.50")
    run_dunning(ledger, today=TODAY, dry_run=False)
    real = send_module.statement_pdf

    def forged(due, *, today, locale):
        return tamper(real(due, today=today, locale=locale), b"1,243.50", b"1,234.50")

    monkeypatch.setattr(send_module, "statement_pdf", forged)
    with ledger.session() as s:
        notice_id = s.exec(select(OutgoingNotice)).one().id
    outbox = Outbox()
    out = send_notice(ledger, notice_id, outbox, today=TODAY)
    assert out.status == "held" and "statement_amount_mismatch" in out.reason
    assert outbox.sent == []
