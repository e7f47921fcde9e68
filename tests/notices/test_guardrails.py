"""The guardrail checker, unit by unit, and over the whole dataset."""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from arbox.agent.guardrails import InvoiceView, check_notice, find_amounts
from arbox.evals.guardrails import DatasetError, run_guardrail_dataset

DATASET = Path(str(resources.files("arbox.evals").joinpath("datasets/guardrails.jsonl")))
LEDGER = [
    InvoiceView("INV-10442", Decimal("1250.00"), Decimal("1250.00"), po="PO-7781"),
    InvoiceView("INV-10443", Decimal("500.00"), Decimal("200.00")),
    InvoiceView("INV-10450", Decimal("300.00"), Decimal("300.00"), "disputed"),
]
OK_TEXT = "Invoices INV-10442 (PO-7781) and INV-10443 are open: {a} and {b}, {t} in total."


def codes(text: str, **kw) -> list[str]:
    return check_notice(text, LEDGER, currency=kw.pop("currency", "USD"), **kw).codes


def test_dataset_has_no_miss_and_no_false_alarm() -> None:
    result = run_guardrail_dataset(DATASET)
    assert result["cases"] >= 150
    assert result["good_cases"] >= 40 and result["bad_cases"] >= 100
    assert result["missed"] == 0, [d for d in result["details"] if not d["correct"]]
    assert result["false_alarms"] == 0, [d for d in result["details"] if not d["correct"]]
    assert result["caught"] == result["bad_cases"]


@pytest.mark.parametrize(
    ("a", "b", "t"),
    [
        ("$1,250.00", "$200.00", "$1,450.00"),
        ("USD 1,250", "USD 200", "USD 1,450"),
        ("1,250.00 USD", "200.00 USD", "1,450.00 USD"),
        ("US$1,250.00", "US$500.00", "US$1,450.00"),
        ("1,250.00", "200.00", "1,450.00"),
    ],
)
def test_every_common_format_is_read(a, b, t) -> None:
    assert codes(OK_TEXT.format(a=a, b=b, t=t)) == []


def test_european_format_in_a_euro_notice() -> None:
    text = OK_TEXT.format(a="1.250,00 €", b="EUR 200,00", t="1 450,00 EUR")
    assert codes(text, currency="EUR") == []
    assert "currency_mismatch" in codes(text, currency="USD")


@pytest.mark.parametrize(
    "noise",
    [
        "due 2026-02-01",
        "dated 01.02.2026",
        "on 1.2.2026",
        "net 30 terms",
        "1.5% per month",
        "a 2.50 % surcharge",
        "call +1 (555) 010-2000",
        "account 4433221100, routing 021000021",
        "IBAN DE89 3704 0044 0532 0130 00",
        "at 14:30",
        "within 10 days",
        "sort code 12-34-56",
    ],
)
def test_numbers_that_are_not_money_are_ignored(noise) -> None:
    text = OK_TEXT.format(a="$1,250.00", b="$200.00", t="$1,450.00") + f" Note: {noise}."
    assert codes(text) == [], find_amounts(text)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (("$1,250.00", "$1,250.01"), "amount_mismatch"),
        (("$1,250.00", "$1,520.00"), "amount_mismatch"),
        (("INV-10443", "INV-10434"), "unknown_invoice"),
        (("INV-10443", "INV-10443 and INV-10450"), "not_open_named"),
        (("$1,450.00 in total", "$1,500.00 in total"), "amount_mismatch"),
        (("$1,450.00 in total", "total $1,250.00"), "total_mismatch"),
        (("Invoices", "Dear [Customer Name], invoices"), "placeholder"),
        (("Invoices", "Dear {{ name }}, invoices"), "placeholder"),
        (("Invoices", "Re <INVOICE>: invoices"), "placeholder"),
        (("Invoices", "⟦TOTAL⟧ invoices"), "placeholder"),
        (("PO-7781", "PO-7718"), "unknown_reference"),
        (("open:", "open, or we take legal action:"), "language_legal"),
        (("open:", "open, or go to a collection agency:"), "language_collections"),
        (("open:", "open; late fees apply:"), "language_late_fee"),
        (("open:", "open; your account goes on credit hold:"), "language_credit_hold"),
    ],
)
def test_each_kind_of_error_is_caught(change, code) -> None:
    good = OK_TEXT.format(a="$1,250.00", b="$200.00", t="$1,450.00")
    assert codes(good) == []
    assert code in codes(good.replace(*change))


def test_a_stage_may_allow_firmer_language() -> None:
    text = OK_TEXT.format(a="$1,250.00", b="$200.00", t="$1,450.00") + " Or credit hold."
    assert codes(text, allows=["credit_hold"]) == []
    assert codes(text + " And lawyers.", allows=["credit_hold"]) == ["language_legal"]


def test_recipient_must_be_the_contact_on_file() -> None:
    text = OK_TEXT.format(a="$1,250.00", b="$200.00", t="$1,450.00")
    assert codes(text, recipient="AP@acme.test", contact_on_file="ap@acme.test") == []
    assert codes(text, recipient="x@gmail.com", contact_on_file="ap@acme.test") == ["recipient"]
    assert codes(text, recipient="x@gmail.com", contact_on_file=None) == ["recipient"]


def test_missing_open_invoice_is_caught() -> None:
    assert "open_not_named" in codes("Invoice INV-10442 is open: $1,250.00.")


def test_bad_dataset_line_names_the_line(tmp_path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "x", "invoices": [], "text": "", "expected_ok": true}\n{oops\n')
    with pytest.raises(DatasetError, match=r"d\.jsonl:2"):
        run_guardrail_dataset(path)
    path.write_text(
        '{"id": "x", "invoices": [{"number": "A-1", "amount": "1,2,3"}], "text": "",'
        ' "expected_ok": true}\n'
    )
    with pytest.raises(DatasetError, match=r"d\.jsonl:1"):
        run_guardrail_dataset(path)


CASE_TRAPS = [
    "LEGAL ACTION",
    "Legal Steps",
    "Debt Collectors",
    "Send This To Collections",
    "Credit Hold",
    "ſue",  # a long s: IGNORECASE reads it as `s`
    "Lıtıgatıon",  # dotless i
    "Kourt",
    "\u212aollektion Inkasso",  # Kelvin sign before a real word
    "İNKASSO",  # lower-casing İ changes the length: the slow path
    "RECHTSANWÄLTE und Rechtliche Schritte",
    "INVOICE inv-77 Invoice No. INV-10499 RECHNUNG Nr. re-5",
    "OVERDUE Überfällig RELANCES",
    "Interest at 5%",
    "ΣΑΣ legal",
]


@pytest.mark.parametrize("text", CASE_TRAPS)
def test_folded_patterns_match_exactly_what_ignorecase_matches(text) -> None:
    """The case-sensitive patterns run on folded text find what IGNORECASE finds."""
    import re

    from arbox.agent import guardrails as g

    folded = g.fold(text)
    for caseless in [*g._LANGUAGE_RE.values(), g._EARLY_RE, g._INVOICE_WORD_RE]:
        slow = [m.span() for m in re.finditer(caseless.anycase.pattern, text, re.IGNORECASE)]
        assert [m.span() for m in caseless.finditer(text, folded)] == slow
        first = caseless.anycase.search(text)
        assert caseless.search(text, folded) == (first.group(0) if first else None)
    assert (folded is None) == ("İ" in text)
    if folded is not None:
        kinds = tuple(g._LANGUAGE)
        hits = [caseless.search(text, folded) for caseless in g._LANGUAGE_RE.values()]
        assert (g._any_language(kinds).search(folded) is None) == (hits == [None] * len(kinds))


def test_first_letters_of_a_pattern_of_words() -> None:
    from arbox.agent.guardrails import first_letters

    assert first_letters(r"late (?:fees?|charges?)|(?:referr?\w*|sen[dt]) to|penalt(?:y|ies)") == {
        "l",
        "r",
        "s",
        "p",
    }
    with pytest.raises(AssertionError):
        first_letters(r"s?ue")
