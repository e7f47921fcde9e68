"""The triage runner: scores, per-case results, errors kept, usage and cost counted."""

from __future__ import annotations

from decimal import Decimal

import pytest
from scripted import ScriptedClassifier

from arbox.evals.cases import parse_case
from arbox.evals.runner import Price, run_triage

from .fakes import plain_reply

CASES = [
    parse_case(
        {
            "id": "t-1",
            "body": "paid 3/3",
            "labels": ["payment_sent"],
            "fields": {"payment_sent": {"paid_on": "2026-03-03"}},
        }
    ),
    parse_case(
        {
            "id": "t-2",
            "body": "wrong price, pay by friday",
            "labels": ["dispute", "promise_to_pay"],
            "fields": {"dispute": {"reason": "pricing"}},
        }
    ),
    parse_case({"id": "t-3", "body": "boom", "labels": ["other"]}),
]
SCRIPT = {
    "paid 3/3": [("payment_sent", {"paid_on": "2026-03-04"})],
    "wrong price, pay by friday": [("dispute", {"reason": "pricing"})],
    "boom": RuntimeError("model timed out"),
}


@pytest.mark.parametrize("concurrency", [1, 3])
def test_run_scores_cases_in_order_and_keeps_errors(concurrency):
    clf = ScriptedClassifier(SCRIPT)
    report = run_triage(CASES, clf, to_reply=plain_reply, concurrency=concurrency, progress=False)
    assert [r["id"] for r in report["results"]] == ["t-1", "t-2", "t-3"]
    assert report["cases"] == 3
    assert report["exact_match"] == round(1 / 3, 4)
    assert report["per_intent"]["promise_to_pay"]["recall"] == 0.0
    assert report["errors"] == 1
    assert report["results"][2]["error"] == "RuntimeError: model timed out"
    assert report["abstain_rate"] == round(1 / 3, 4)
    # the paid_on date is off by one day, the reason is right
    assert report["fields"]["per_field"]["paid_on"]["accuracy"] == 0.0
    assert report["fields"]["per_field"]["reason"]["accuracy"] == 1.0


def test_usage_and_cost_are_the_run_delta():
    clf = ScriptedClassifier(SCRIPT)
    clf.usage.calls = 7  # earlier work of the same classifier is not this run's
    price = Price(Decimal("2.50"), Decimal("10"))
    report = run_triage(CASES, clf, to_reply=plain_reply, progress=False, price=price)
    assert (report["llm_calls"], report["prompt_tokens"], report["completion_tokens"]) == (
        3,
        300,
        30,
    )
    # 300 * 2.5 / 1e6 + 30 * 10 / 1e6
    assert Decimal(report["cost_usd"]) == Decimal("0.00105")


def test_classifier_without_usage_reports_zero_calls():
    class Offline:
        name = "offline"

        def classify(self, reply):
            return (
                ScriptedClassifier(SCRIPT).classify(reply)
                if reply.text != "boom"
                else ScriptedClassifier({}).classify(reply)
            )

    report = run_triage(CASES, Offline(), to_reply=plain_reply, progress=False)
    assert report["llm_calls"] == 0 and report["classifier"] == "offline"
