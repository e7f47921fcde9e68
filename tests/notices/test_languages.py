"""Notices in the customer's language and formats, proved by the guardrails in that locale."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from sqlmodel import select

from arbox.agent.guardrails import InvoiceView, check_notice
from arbox.agent.locales import detect_language, resolve
from arbox.agent.notices import NoticeEditRejected, edit_notice, run_dunning
from arbox.agent.rewrite import LLMRewriter
from arbox.tools.models import Contact, Customer, OutgoingNotice

from .conftest import TODAY, Factory

STAGES = {"reminder": -2, "overdue": 10, "final": 45}
WORDS = {
    "en": ("", "Accounts Receivable"),
    "de": ("Guten Tag", "Mit freundlichen Grüßen"),
    "fr": ("Bonjour", "Cordialement"),
    "es": ("Buenos días", "Atentamente"),
}
SUBJECTS = {
    ("de", "reminder"): "Hinweis auf anstehende Fälligkeit",
    ("de", "overdue"): "Zahlungserinnerung",
    ("de", "final"): "Mahnung",
    ("fr", "reminder"): "Rappel d'échéance",
    ("fr", "overdue"): "Relance",
    ("fr", "final"): "Dernière relance",
    ("es", "reminder"): "Aviso de próximo vencimiento",
    ("es", "overdue"): "Recordatorio de pago",
    ("es", "final"): "Último aviso de pago",
}
MONEY = {
    "en": "EUR 1,234.50",
    "de": "1.234,50\u00a0€",
    "fr": "1\u202f234,50\u00a0€",
    "es": "1.234,50\u00a0€",
}


def speaks(make: Factory, lang: str | None, segment: str = "standard", **kw) -> Customer:
    cust = make.customer("Keller Bau GmbH", segment=segment, currency="EUR")
    with make.ledger.transaction() as s:
        row = s.get(Customer, cust.id)
        row.language, row.locale = lang, kw.get("locale")
        s.add(row)
    return cust


def one_notice(ledger) -> OutgoingNotice:
    with ledger.session() as s:
        (row,) = s.exec(select(OutgoingNotice)).all()
        return row


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es"])
@pytest.mark.parametrize("kind", ["reminder", "overdue", "final"])
@pytest.mark.parametrize("segment", ["standard", "strategic", "chronic_late"])
def test_every_stage_is_written_in_the_customers_language_and_proved(
    make: Factory, ledger, lang, kind, segment
) -> None:
    cust = speaks(make, lang, segment)
    make.invoice(cust, STAGES[kind], amount="1234.50", po="PO-77")
    make.invoice(cust, STAGES[kind] + 1, amount="300.00")
    (plan,) = run_dunning(ledger, today=TODAY).notices
    assert plan.report.ok and plan.outcome == "rewritten", plan.report.describe()
    assert plan.locale.language == lang
    greeting, closing = WORDS[lang]
    assert plan.body.startswith(greeting) and closing in plan.body
    assert MONEY[lang] in plan.body
    assert detect_language(plan.body) == lang
    if lang != "en":
        assert plan.subject.startswith(SUBJECTS[lang, kind])
        assert "EUR 1,234.50" not in plan.body and "2026-" not in plan.body


def test_dates_follow_the_locale(make: Factory, ledger) -> None:
    cust = speaks(make, "de")
    make.invoice(cust, 3)
    (plan,) = run_dunning(ledger, today=TODAY).notices
    assert "bis zum 9. März 2026" in plan.body and "Stand 2. März 2026" in plan.body


def test_the_contacts_language_wins_then_the_customers_then_the_default(
    make: Factory, ledger
) -> None:
    fr = speaks(make, "de")
    with ledger.transaction() as s:
        contact = s.exec(select(Contact).where(Contact.customer_id == fr.id)).one()
        contact.locale = "fr_CH"
        s.add(contact)
    nobody = make.customer("Plain Co", email="ap@plain.test", currency="EUR")
    make.invoice(fr, 3)
    make.invoice(nobody, 3)
    plans = {p.due.customer_id: p for p in run_dunning(ledger, today=TODAY).notices}
    assert plans[fr.id].locale == resolve("fr", "fr_CH") and "Bonjour" in plans[fr.id].body
    assert plans[nobody.id].locale.language == "en"
    spanish = run_dunning(ledger, today=TODAY, default_locale="es_ES").notices
    assert {p.due.customer_id: p.locale.locale for p in spanish}[nobody.id] == "es_ES"


@pytest.mark.parametrize(
    "language, locale, expected",
    [
        ("de", None, ("de", "de_DE")),
        (None, "de_AT", ("de", "de_AT")),
        ("fr", "de_CH", ("fr", "fr_FR")),
        ("it", None, ("en", "en_US")),
        (None, "not a locale", ("en", "en_US")),
        (None, None, ("en", "en_US")),
    ],
)
def test_resolve(language, locale, expected) -> None:
    loc = resolve(language, locale)
    assert (loc.language, loc.locale) == expected


GERMAN = resolve("de", "de_DE")
LEDGER = [InvoiceView("INV-1", Decimal("1243.50"), Decimal("1243.50"), po="PO-7")]


def check_de(text: str, **kw):
    return check_notice(text, LEDGER, currency="EUR", locale=GERMAN, **kw)


def test_a_wrong_number_in_a_german_notice_is_caught() -> None:
    body = (
        "Guten Tag Jonas Keller,\n\nnach unseren Unterlagen ist die Rechnung INV-1 fällig "
        "und noch nicht beglichen. Offen sind insgesamt {}.\n\nBitte überweisen Sie den "
        "Betrag bis zum 9. März 2026 oder teilen Sie uns mit, wann wir mit der Zahlung "
        "rechnen können."
    )
    assert check_de(body.format("1.243,50\u00a0€")).ok
    wrong = check_de(body.format("1.234,50 €"))
    assert "amount_mismatch" in wrong.codes and "total_mismatch" in wrong.codes
    us_style = check_de(body.format("1,243.50 €"))
    assert us_style.codes == ["amount_format"]
    assert check_de(body.format("EUR 1.243,50")).ok


def test_a_rewrite_in_another_language_fails_and_the_german_draft_is_used(
    make: Factory, ledger
) -> None:
    cust = speaks(make, "de")
    make.invoice(cust, 3)
    english = (
        "Dear ⟦GREETING⟧, we are writing to you because our records show that ⟦INV_1⟧ is "
        "still open with ⟦TOTAL⟧ in total. Please pay it by ⟦PAY_BY⟧, and let us know if "
        "there is anything we can do to help you with this."
    )
    rewriter = LLMRewriter(GenericFakeChatModel(messages=iter([english, english])))
    (plan,) = run_dunning(ledger, today=TODAY, rewriter=rewriter).notices
    assert plan.outcome == "fallback" and plan.body.startswith("Guten Tag")
    assert any("language_mismatch" in e for e in plan.events)


def test_the_rewriter_is_told_the_language_and_the_formal_address(make: Factory, ledger) -> None:
    cust = speaks(make, "fr")
    make.invoice(cust, 3)
    model = GenericFakeChatModel(messages=iter(["x", "x"]))
    seen = []
    original = model.__class__._generate

    def spy(self, messages, *a, **kw):
        seen.append(messages)
        return original(self, messages, *a, **kw)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(model.__class__, "_generate", spy)
        run_dunning(ledger, today=TODAY, rewriter=LLMRewriter(model))
    system = seen[0][0].content
    assert "Write in French" in system and '"vous"' in system
    assert "Bonjour" in seen[0][1].content


@pytest.mark.parametrize(
    "sentence, code",
    [
        ("Andernfalls übergeben wir die Forderung einem Inkassobüro.", "language_collections"),
        ("Ohne Zahlung verhängen wir eine Liefersperre.", "language_credit_hold"),
        ("Wir behalten uns rechtliche Schritte vor.", "language_legal"),
        ("Es fallen Verzugszinsen an.", "language_late_fee"),
        ("Ceci vaut mise en demeure.", "language_legal"),
        ("Su cuenta quedará bloqueada.", "language_credit_hold"),
    ],
)
def test_firm_language_is_caught_in_every_language(sentence, code) -> None:
    report = check_notice(f"Rechnung INV-1. {sentence}", LEDGER, currency="EUR")
    assert code in report.codes


def test_a_reminder_before_the_due_date_may_not_call_itself_a_mahnung(
    make: Factory, ledger
) -> None:
    cust = speaks(make, "de")
    inv = make.invoice(cust, -2, amount="1243.50")
    run_dunning(ledger, today=TODAY, dry_run=False)
    row = one_notice(ledger)
    text = (
        "Guten Tag Dana Ortiz,\n\nMahnung: die Rechnung {} ist bald fällig, insgesamt "
        "1.243,50 €. Bitte veranlassen Sie die Zahlung zum Fälligkeitstermin, wir danken Ihnen."
    )
    with pytest.raises(NoticeEditRejected, match="language_early"):
        edit_notice(ledger, row.id, body=text.format(inv.number), today=TODAY, actor="ana")
    fine = text.format(inv.number).replace("Mahnung: d", "D")
    assert edit_notice(ledger, row.id, body=fine, today=TODAY, actor="ana").status == "held"


def test_an_edited_german_notice_is_trimmed_in_german_formats(make: Factory, ledger) -> None:
    from arbox.agent.notices import trim_customer_notices
    from arbox.tools.models import Invoice

    cust = speaks(make, "de")
    a = make.invoice(cust, 3, amount="1000.00")
    b = make.invoice(cust, 4, amount="243.50")
    c = make.invoice(cust, 5, amount="100.00")
    run_dunning(ledger, today=TODAY, dry_run=False)
    body = (
        f"Guten Tag Dana Ortiz,\n\nwie besprochen sind die Rechnungen {a.number}, {b.number} "
        f"und {c.number} noch offen, insgesamt 1.343,50 €. Bitte überweisen Sie den Betrag "
        "bis Freitag, wir danken Ihnen für die Zusammenarbeit."
    )
    edit_notice(ledger, one_notice(ledger).id, body=body, today=TODAY, actor="ana")
    with ledger.transaction() as s:
        row = s.get(Invoice, b.id)
        row.balance = Decimal("0.00")
        s.add(row)
    with ledger.transaction() as s:
        (out,) = trim_customer_notices(s, cust.id, date(2026, 3, 2))
    assert out.kept_wording and out.report.ok
    assert one_notice(ledger).body == body.replace(f", {b.number} und", " und").replace(
        "1.343,50 €", "1.100,00\u00a0€"
    )


@pytest.mark.parametrize(
    "value", ["0", "0.005", "0.015", "1", "12.5", "999.999", "1234.5", "1234567.891", "10000000"]
)
def test_the_english_fast_path_prints_what_babel_prints(value) -> None:
    from babel.numbers import format_currency, format_decimal

    from arbox.agent.locales import _money

    v = Decimal(value)
    for cur in ("USD", "EUR", "JPY"):
        babel = format_currency(v, cur, "¤¤ #,##0.00", locale="en_US", currency_digits=False)
        assert _money("en", "en_US", v, cur, True) == babel
    assert _money("en", "en_GB", v, "GBP", False) == format_decimal(v, "#,##0.00", locale="en_GB")
