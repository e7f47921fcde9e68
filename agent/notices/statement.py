"""The statement of account: a PDF attached to every notice, proved like the body.

A notice's statement lines are proved when it is planned (`prove_statement_text`, cheap);
the PDF itself is rendered and read back at send time, in the transaction that marks
the notice sent, and attached only when it proves (`prove_statement`).

`statement_pdf` renders the notice's invoices (PO, project, due date, amount, open
balance) and the total from the ledger, in the notice's language and formats
(`prompts/notices/[<lang>/]statement_pdf.j2`), with fpdf2's core Courier font in
Windows-1252 (every character our four languages need, the euro sign included; no
font file is fetched or bundled). `prove_statement` reads the PDF's text back with
pypdf and runs the same guardrails as the body, so a PDF that was altered after it
was rendered (or rendered wrong) is caught before it is attached.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time
from typing import NamedTuple

from fpdf import FPDF
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from sqlmodel import Session

from arbox.tools import notices as store
from arbox.tools.dunning import DueNotice
from arbox.tools.models import OutgoingNotice

from ..guardrails import GuardrailReport, LedgerView, Violation, check_notice
from ..locales import NoticeLocale
from ..tones import render, template_name
from .views import ledger_views

PAGE_WIDTH_MM = 180.0
FONT_SIZE = 9.0
_CHAR_MM = 0.6 * 25.4 / 72
"""Courier's advance is 0.6 em; points to millimetres."""


class StatementLine(NamedTuple):
    """One invoice's line of the statement, as printed. A tuple with named fields, not a
    dict: Jinja reads ``r.number`` as an attribute first, and a dict fails that lookup."""

    number: str
    po: str
    project: str
    due: str
    amount: str
    balance: str


def statement_text(due: DueNotice, *, today: date, locale: NoticeLocale) -> str:
    """The statement's lines, as they are drawn in the PDF."""
    cur = due.currency
    rows = [
        StatementLine(
            i.number,
            i.po or "-",
            i.project or "-",
            locale.day(i.due_date),
            locale.money(i.amount, cur),
            locale.money(i.balance, cur),
        )
        for i in sorted(due.invoices, key=lambda i: (i.due_date, i.number))
    ]
    text = render(
        template_name("statement_pdf.j2", locale.language),
        customer=due.customer,
        today=locale.day(today),
        currency=cur,
        rows=rows,
        # The longest value of each column, here rather than in the template (a Jinja
        # map over every row, once per column, was a third of the rendering).
        widths={k: max((len(r[n]) for r in rows), default=0) for n, k in enumerate(_COLUMNS)},
        total=locale.money(due.total, cur),
    )
    # The core fonts speak Windows-1252, which has the no-break space but not the narrow one.
    return text.replace("\u202f", "\u00a0")


_COLUMNS = StatementLine._fields


def statement_pdf(due: DueNotice, *, today: date, locale: NoticeLocale) -> bytes:
    """The statement of account for ``due`` as PDF bytes (deterministic for one input)."""
    lines = statement_text(due, today=today, locale=locale).split("\n")
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(datetime.combine(today, time(), UTC))
    pdf.set_title(lines[0])
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    longest = max(len(line) for line in lines)
    size = min(FONT_SIZE, PAGE_WIDTH_MM / max(longest, 1) / _CHAR_MM)
    for n, line in enumerate(lines):
        pdf.set_font("Courier", style="B" if n == 0 else "", size=size + (3 if n == 0 else 0))
        pdf.cell(0, size * 0.5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF, as pypdf reads it."""
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def prove_statement(
    data: bytes,
    due: DueNotice,
    *,
    locale: NoticeLocale,
    dropped: dict[str, str] | None = None,
) -> GuardrailReport:
    """Read the PDF back and prove it against the ledger; violation codes get `statement_`."""
    try:
        text = pdf_text(data)
    except (PyPdfError, ValueError, OSError) as exc:
        return GuardrailReport(
            [Violation("statement_unreadable", f"the PDF cannot be read: {exc}")]
        )
    return prove_statement_text(text, due, locale=locale, dropped=dropped)


def prove_statement_text(
    text: str,
    due: DueNotice,
    *,
    locale: NoticeLocale,
    dropped: dict[str, str] | None = None,
    view: LedgerView | None = None,
) -> GuardrailReport:
    """Prove the statement's lines (as drawn, or as read back from the PDF); ``view``:
    ``due``'s ledger view (with ``dropped``) when the caller has it already."""
    if view is None:
        view = LedgerView.of(tuple(ledger_views(due, dropped)))
    report = check_notice(text, view, currency=due.currency, allows=(), locale=locale)
    if not text.strip():
        report.violations.append(Violation("unreadable", "the PDF has no text"))
    report.violations = [
        Violation(f"statement_{v.code}", f"statement PDF: {v.message}") for v in report.violations
    ]
    return report


FILE_NAMES = {
    "en": "statement",
    "de": "Kontoauszug",
    "fr": "releve-de-compte",
    "es": "estado-de-cuenta",
}


def notice_statement(session: Session, notice: OutgoingNotice, today: date) -> bytes | None:
    """The statement PDF ``notice`` would carry if sent ``today`` (None: nothing left)."""
    from .trim import notice_locale  # trim -> views; statement is imported by plan

    fresh = store.reread(session, notice, today)
    if fresh.due is None:
        return None
    return statement_pdf(fresh.due, today=today, locale=notice_locale(notice, fresh.due))


def attachment_name(locale: NoticeLocale, today: date) -> str:
    """The PDF's file name in the notice's language, e.g. ``Kontoauszug-2026-03-02.pdf``."""
    return f"{FILE_NAMES.get(locale.language, 'statement')}-{today.isoformat()}.pdf"


def merge(body: GuardrailReport, statement: GuardrailReport) -> GuardrailReport:
    """The body's report with the statement's violations added."""
    return GuardrailReport(
        body.violations + statement.violations, body.amounts, body.invoices_named
    )
