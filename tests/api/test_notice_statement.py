"""The review queue can open the statement PDF a notice would carry."""

from __future__ import annotations

import io

from apikit import TODAY
from pypdf import PdfReader

from arbox.agent.notices import run_dunning


def test_a_notice_shows_its_statement_pdf(client, books):
    result = run_dunning(books, today=TODAY, dry_run=False)
    [plan] = [n for n in result.notices if n.due.external_id == "ACME"]
    r = client.get(f"/notices/{plan.notice_id}/statement.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert 'filename="statement-' in r.headers["content-disposition"]
    text = PdfReader(io.BytesIO(r.content)).pages[0].extract_text()
    assert "INV-1" in text and "INV-2" in text and "Total open balance: USD 1,550.00" in text
    assert client.get("/notices/999/statement.pdf").status_code == 404
