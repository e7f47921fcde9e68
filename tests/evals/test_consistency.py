"""The labelling-convention check: each rule on a small bad case, and the shipped dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arbox.evals.commands import default_datasets
from arbox.evals.consistency import check_case, check_cases, check_file, main

DATASET_DIR = Path(__file__).resolve().parents[2] / "evals" / "datasets"
DATASETS = sorted(DATASET_DIR.glob("triage*.jsonl"))


def case(**over):
    base = {
        "id": "x-0001",
        "from": "Dana <dana@acme-build.com>",
        "subject": "RE: Invoice INV-10442 past due",
        "date": "2026-03-02T09:14:00-05:00",
        "body": "Paid by ACH today.",
        "labels": ["payment_sent"],
    }
    return base | over


def one_problem(obj, words):
    problems = check_case(obj)
    assert len(problems) == 1, problems
    assert words in problems[0], problems
    return problems[0]


def test_a_case_following_the_conventions_has_no_violation():
    good = case(
        labels=["short_pay", "payment_sent"],
        fields={
            "short_pay": {"paid_amount": "980.00", "deducted_amount": "20.00", "reason": "freight"},
            "payment_sent": {"amount": "980.00", "paid_on": "2026-03-02", "method": "ach"},
        },
    )
    assert check_case(good) == []


def test_unknown_intent():
    one_problem(case(labels=["paid"]), "unknown intent 'paid'")


def test_other_beside_another_intent():
    one_problem(case(labels=["other", "invoice_request"]), "`other` beside another intent")


def test_dispute_beside_short_pay():
    one_problem(case(labels=["dispute", "short_pay"]), "`dispute` beside `short_pay`")


def test_fields_for_an_intent_not_labelled():
    bad = case(fields={"promise_to_pay": {"promised_on": "2026-03-10"}})
    one_problem(bad, "fields given for 'promise_to_pay'")


def test_field_key_outside_the_contract_for_that_intent():
    bad = case(fields={"payment_sent": {"promised_on": "2026-03-10"}})
    one_problem(bad, "fields.payment_sent.promised_on: not a field of 'payment_sent'")
    one_problem(case(labels=["other"], fields={"other": {"detail": "x"}}), "not a field of 'other'")


@pytest.mark.parametrize("amount", ["1250", "1,250.00", "$1250.00", "1250.5", 1250.0, 1250])
def test_malformed_amounts(amount):
    one_problem(case(fields={"payment_sent": {"amount": amount}}), "two decimals")


@pytest.mark.parametrize("day", ["03/02/2026", "2026-3-2", "2026-02-30", "next Friday", 20260302])
def test_malformed_dates(day):
    one_problem(case(fields={"payment_sent": {"paid_on": day}}), "a date is ISO")


def test_enumerated_and_typed_values():
    one_problem(case(fields={"payment_sent": {"method": "EFT"}}), "method")
    bad = case(labels=["dispute"], fields={"dispute": {"reason": "late"}})
    one_problem(bad, "reason")
    bad = case(labels=["missing_po"], fields={"missing_po": {"po_required": "yes"}})
    one_problem(bad, "true or false")
    bad = case(labels=["extended_terms"], fields={"extended_terms": {"claimed_terms_days": "60"}})
    one_problem(bad, "whole number of days")


def test_a_future_payment_date_needs_promise_to_pay_and_promises_look_ahead():
    # The case is dated 2026-03-02.
    scheduled = case(fields={"payment_sent": {"paid_on": "2026-03-12"}})
    one_problem(scheduled, "payment_sent + promise_to_pay")
    both = scheduled | {
        "labels": ["payment_sent", "promise_to_pay"],
        "fields": {
            "payment_sent": {"paid_on": "2026-03-12"},
            "promise_to_pay": {"promised_on": "2026-03-12"},
        },
    }
    assert check_case(both) == []
    late = case(labels=["promise_to_pay"], fields={"promise_to_pay": {"promised_on": "2026-02-27"}})
    one_problem(late, "is before the reply")


def test_a_bounce_must_be_auto_reply_and_wrong_contact():
    bounce = case(
        **{"from": "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"},
        subject="Delivery Status Notification (Failure)",
        body="550 5.1.1 550 5.1.1 The email account that you tried to reach does not exist",
        labels=["auto_reply"],
    )
    one_problem(bounce, "bounce")
    assert check_case(bounce | {"labels": ["auto_reply", "wrong_contact"]}) == []


def test_a_delayed_delivery_notice_is_auto_reply_only():
    delayed = case(
        **{"from": "Mail Delivery System <MAILER-DAEMON@mx.example.net>"},
        subject="Delayed Mail (still being retried)",
        body="Reporting-MTA: dns; mx.example.net\nAction: delayed\nStatus: 4.4.1",
        labels=["payment_sent"],
    )
    one_problem(delayed, "delayed-delivery")
    assert check_case(delayed | {"labels": ["auto_reply"]}) == []


def test_a_bounce_given_as_a_raw_message_is_recognised():
    eml = (
        "From: MAILER-DAEMON@mx.example.net\r\nTo: ar@example.com\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b--\r\n"
    )
    one_problem({"id": "x-1", "eml": eml, "labels": ["other"]}, "bounce")


def test_automatic_headers_require_auto_reply():
    for headers in ({"Auto-Submitted": "auto-replied"}, {"X-Autoreply": "yes"}):
        one_problem(case(headers=headers), "headers mark the message automatic")
    assert check_case(case(headers={"Auto-Submitted": "no"})) == []
    both = case(headers={"Auto-Submitted": "auto-replied"}, labels=["auto_reply", "payment_sent"])
    assert check_case(both) == []


def test_duplicate_ids_and_bodies_are_reported_on_the_later_case():
    first = case(id="x-0001", body="Paid by ACH today.")
    same_id = case(id="x-0001", body="Something else entirely.")
    same_body = case(id="x-0003", body="  paid by ACH   today. ")
    violations = check_cases([first, same_id, same_body])
    assert "x-0003" in violations and "same body as x-0001" in violations["x-0003"][0]
    assert violations["x-0001"] == ["duplicate id 'x-0001'"]


def test_main_exits_1_on_violations_and_0_on_a_clean_file(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(case(labels=["other", "dispute"])) + "\n", encoding="utf-8")
    assert main([str(bad)]) == 1
    assert "x-0001: `other` beside another intent" in capsys.readouterr().out
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(case()) + "\n", encoding="utf-8")
    assert main([str(good)]) == 0


def test_main_checks_several_files_each_on_its_own(tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(case()) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(case(labels=["other", "dispute"])) + "\n", encoding="utf-8")
    assert main([str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{good}: 0 violation(s)" in err and f"{bad}: 1 violation(s) in 1 case(s)" in err


def test_main_without_a_file_checks_every_shipped_dataset(capsys):
    assert main([]) == 0
    err = capsys.readouterr().err
    assert all(f"{path}: 0 violation(s)" in err for path in default_datasets())


def test_every_shipped_dataset_is_found():
    names = {path.name for path in DATASETS}
    shipped = {f"triage{suffix}.jsonl" for suffix in ("", "_b", "_c", "_d", "_e")}
    assert shipped <= names


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda path: path.name)
def test_the_shipped_datasets_follow_every_convention(dataset):
    assert check_file(dataset) == {}
