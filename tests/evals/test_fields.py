"""Field comparison: money to the cent, dates to the day, references loosely, text by overlap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from arbox.evals.fields import field_accuracy, field_matches, score_fields


def test_money_compares_to_the_cent():
    assert field_matches("amount", "1250.00", Decimal("1250"))
    assert field_matches("deducted_amount", "4,218.50", "4218.5")
    assert not field_matches("amount", "1250.00", Decimal("1250.01"))
    assert not field_matches("amount", "1250.00", None)


def test_dates_compare_to_the_day():
    assert field_matches("promised_on", "2026-03-15", date(2026, 3, 15))
    assert not field_matches("promised_on", "2026-03-15", date(2026, 3, 16))


def test_references_ignore_case_and_hash_signs():
    assert field_matches("reference", "10233", "#10233")
    assert field_matches("new_contact_email", "ap@Acme-Build.com", "AP@acme-build.com")
    assert not field_matches("reference", "10233", "10234")


def test_exact_and_loose_fields():
    assert field_matches("reason", "pricing", "Pricing")
    assert not field_matches("reason", "pricing", "quantity")
    assert field_matches("claimed_terms_days", 60, "60")
    assert field_matches("document", "proof of delivery", "Proof of delivery (POD)")
    assert not field_matches("document", "W-9", "statement")


def test_only_fields_of_found_intents_are_scored():
    gold = {
        "dispute": {"reason": "pricing", "disputed_amount": "550"},
        "promise_to_pay": {"promised_on": "2026-03-20"},
        "financial_distress": {"detail": "cash is tight"},
    }
    got = {"dispute": {"reason": "pricing"}, "financial_distress": {"detail": "x"}}
    rows = score_fields(gold, got)
    assert [(r["field"], r["ok"]) for r in rows] == [("reason", True), ("disputed_amount", False)]
    acc = field_accuracy(rows)
    assert acc["accuracy"] == 0.5 and acc["per_field"]["reason"]["accuracy"] == 1.0
