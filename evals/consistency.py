"""Flag triage cases that break the labelling conventions (CONTRACTS.md section 1).

`load_cases` checks that a file is in the contract's format; this checks that its labels
follow the conventions every dataset shares, so two authors label the same reply the same
way. It reads the raw JSON lines (a case `load_cases` would refuse is still reported), and
returns, per case id, the list of conventions the case breaks:

    python -m arbox.evals.consistency [FILE...]  # exit 1 when any case breaks a convention

With no file it checks every shipped dataset (`default_datasets()`: `triage.jsonl`,
`triage_b.jsonl`, `triage_c.jsonl`, `triage_d.jsonl`, `triage_e.jsonl`, `triage_f.jsonl`), each
file on its own.

Rules: known intents only; `other` alone; no `dispute` beside `short_pay` (a deduction is
`short_pay`); fields only for labelled intents and only the contract's keys for each;
amounts as strings with two decimals; dates ISO; `method`, `reason`, `po_required`,
`claimed_terms_days` of the right kind; a `paid_on` after the reply only with
`promise_to_pay` (scheduled), no `promised_on` before it; a delivery-failure bounce is
`auto_reply` + `wrong_contact`; a case whose headers say it was sent automatically carries
`auto_reply`; ids and bodies unique.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from email import message_from_string
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from arbox.agent.findings import INTENTS, REASONS

from .commands import default_datasets

FIELDS_BY_INTENT: Mapping[str, frozenset[str]] = {
    "payment_sent": frozenset({"amount", "paid_on", "method", "reference"}),
    "promise_to_pay": frozenset({"amount", "promised_on"}),
    "dispute": frozenset({"reason", "disputed_amount"}),
    "short_pay": frozenset({"paid_amount", "deducted_amount", "reason"}),
    "missing_po": frozenset({"po_required", "detail"}),
    "invoice_request": frozenset({"document"}),
    "extended_terms": frozenset({"claimed_terms_days"}),
    "financial_distress": frozenset({"detail"}),
    "wrong_contact": frozenset({"new_contact_email", "new_contact_name"}),
    "auto_reply": frozenset({"return_on"}),
    "other": frozenset(),
}
"""The contract's table: which field keys each intent may carry."""

METHODS = frozenset({"ach", "wire", "check", "card", "other"})
_MONEY_KEYS = frozenset({"amount", "disputed_amount", "paid_amount", "deducted_amount"})
_DATE_KEYS = frozenset({"paid_on", "promised_on", "return_on"})
_TEXT_KEYS = frozenset({"detail", "document", "new_contact_email", "new_contact_name", "reference"})
_MONEY = re.compile(r"-?\d+\.\d{2}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A delivery-status notification, recognised from its sender, subject or report body.
_DSN = re.compile(
    r"mailer-daemon|postmaster@|mail delivery (?:subsystem|system|failed)"
    r"|delivery status notification|undeliverable:|undelivered mail returned"
    r"|report-type=\"?delivery-status|\b5\.1\.1\b|recipient address rejected"
    r"|unzustellbar|non remis|no se pudo entregar",
    re.IGNORECASE,
)
# A delay notice (RFC 3464 Action: delayed, a 4.x.x status) is not a failure: the address exists.
_DELAYED = re.compile(r"^action:\s*delayed\b", re.IGNORECASE | re.MULTILINE)
_FAILED = re.compile(r"^action:\s*failed\b", re.IGNORECASE | re.MULTILINE)
_AUTO_HEADERS = ("auto-submitted", "x-autoreply", "x-autorespond", "x-auto-response-suppress")


def _text_of(case: Mapping[str, Any]) -> str:
    """Sender, subject and body (or the raw message) as one string, for pattern checks."""
    if isinstance(case.get("eml"), str):
        return case["eml"]
    return "\n".join(str(case.get(k, "")) for k in ("from", "subject", "body"))


def _headers_of(case: Mapping[str, Any]) -> dict[str, str]:
    """The case's headers, lower-cased names; read from `eml` when the case gives one."""
    if isinstance(case.get("eml"), str):
        msg = message_from_string(case["eml"])
        return {k.lower(): str(v) for k, v in msg.items()}
    headers = case.get("headers") or {}
    if not isinstance(headers, dict):
        return {}
    return {str(k).lower(): str(v) for k, v in headers.items()}


def _is_automatic(headers: Mapping[str, str]) -> bool:
    for name in _AUTO_HEADERS:
        value = headers.get(name)
        if value is None:
            continue
        if name == "auto-submitted" and value.strip().lower() == "no":
            continue
        if name == "x-auto-response-suppress":
            continue  # Outlook sets it on ordinary mail too; it says nothing alone
        return True
    return False


def _check_value(intent: str, key: str, value: Any) -> str | None:
    where = f"fields.{intent}.{key}"
    if key in _MONEY_KEYS:
        if not isinstance(value, str) or not _MONEY.fullmatch(value):
            return f"{where} = {value!r}: an amount is a string with two decimals, e.g. '1250.00'"
    elif key in _DATE_KEYS:
        try:
            if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            return f"{where} = {value!r}: a date is ISO, e.g. '2026-03-15'"
    elif key == "method" and value not in METHODS:
        return f"{where} = {value!r}: one of {sorted(METHODS)}"
    elif key == "reason" and value not in REASONS:
        return f"{where} = {value!r}: one of {list(REASONS)}"
    elif key == "po_required" and not isinstance(value, bool):
        return f"{where} = {value!r}: true or false"
    elif key == "claimed_terms_days" and (type(value) is not int or value <= 0):
        return f"{where} = {value!r}: a positive whole number of days"
    elif key in _TEXT_KEYS and (not isinstance(value, str) or not value.strip()):
        return f"{where} = {value!r}: a non-empty string"
    return None


def check_case(case: Mapping[str, Any]) -> list[str]:
    """The conventions one case breaks, as short sentences (empty: the case is fine)."""
    problems: list[str] = []
    labels = case.get("labels")
    if not isinstance(labels, list) or not labels:
        return ["`labels` must be a non-empty list of intents"]
    unknown = [label for label in labels if label not in INTENTS]
    problems.extend(f"unknown intent {label!r}" for label in unknown)
    if "other" in labels and len(labels) > 1:
        problems.append("`other` beside another intent (other means nothing else applies)")
    if "dispute" in labels and "short_pay" in labels:
        problems.append("`dispute` beside `short_pay` (a deduction is short_pay with a reason)")
    fields = case.get("fields") or {}
    if not isinstance(fields, dict):
        problems.append("`fields` must be an object keyed by intent")
        fields = {}
    for intent, values in fields.items():
        if intent not in labels:
            problems.append(f"fields given for {intent!r}, which is not among the labels")
        if not isinstance(values, dict):
            problems.append(f"fields.{intent} must be an object")
            continue
        allowed = FIELDS_BY_INTENT.get(intent, frozenset())
        for key, value in values.items():
            if key not in allowed:
                problems.append(f"fields.{intent}.{key}: not a field of {intent!r}")
                continue
            problem = _check_value(intent, key, value)
            if problem:
                problems.append(problem)
    problems.extend(_check_dates(case, labels, fields))
    text = _text_of(case)
    delayed_only = bool(_DELAYED.search(text)) and not _FAILED.search(text)
    if _DSN.search(text) and delayed_only and "auto_reply" not in labels:
        problems.append("a delayed-delivery notice is labelled auto_reply")
    elif (
        _DSN.search(text)
        and not delayed_only
        and not {"auto_reply", "wrong_contact"} <= set(labels)
    ):
        problems.append("a delivery-failure bounce is labelled auto_reply + wrong_contact")
    if _is_automatic(_headers_of(case)) and "auto_reply" not in labels:
        problems.append("headers mark the message automatic but `auto_reply` is missing")
    return problems


def _sent_on(case: Mapping[str, Any]) -> date | None:
    """The day the reply was written: `date`, or the `Date:` header of `eml`."""
    try:
        if isinstance(case.get("eml"), str):
            header = message_from_string(case["eml"]).get("Date")
            return parsedate_to_datetime(header).date() if header else None
        if case.get("date"):
            return datetime.fromisoformat(str(case["date"])).date()
    except (TypeError, ValueError):
        return None
    return None


def _check_dates(
    case: Mapping[str, Any], labels: list[Any], fields: Mapping[str, Any]
) -> list[str]:
    """A payment dated after the reply is scheduled (needs promise_to_pay); a promise is ahead."""
    sent = _sent_on(case)
    if sent is None:
        return []
    problems = []
    paid_on = (fields.get("payment_sent") or {}).get("paid_on")
    if isinstance(paid_on, str) and _ISO_DATE.fullmatch(paid_on):
        with contextlib.suppress(ValueError):
            if date.fromisoformat(paid_on) > sent and "promise_to_pay" not in labels:
                problems.append(
                    f"paid_on {paid_on} is after the reply ({sent}): a payment scheduled for "
                    "a future date is payment_sent + promise_to_pay"
                )
    promised_on = (fields.get("promise_to_pay") or {}).get("promised_on")
    if isinstance(promised_on, str) and _ISO_DATE.fullmatch(promised_on):
        with contextlib.suppress(ValueError):
            if date.fromisoformat(promised_on) < sent:
                problems.append(f"promised_on {promised_on} is before the reply ({sent})")
    return problems


def _body_key(case: Mapping[str, Any]) -> str:
    return (
        " ".join(_text_of(case).split()).casefold()
        if case.get("eml")
        else (" ".join(str(case.get("body", "")).split()).casefold())
    )


def check_cases(cases: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Per case id, the conventions it breaks; only cases with a problem appear.

    Besides each case's own rules: an id seen before, and a body identical (whitespace and
    case aside) to an earlier case's, are reported on the later case.
    """
    violations: dict[str, list[str]] = {}
    seen_ids: set[str] = set()
    bodies: dict[str, str] = {}
    for index, case in enumerate(cases, start=1):
        case_id = str(case.get("id") or f"<line {index}>")
        problems = check_case(case)
        if case_id in seen_ids:
            problems.append(f"duplicate id {case_id!r}")
        seen_ids.add(case_id)
        key = _body_key(case)
        if key and key in bodies:
            problems.append(f"same body as {bodies[key]}")
        elif key:
            bodies[key] = case_id
        if problems:
            violations.setdefault(case_id, []).extend(problems)
    return violations


def read_raw(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file, blank lines skipped (no contract validation)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def check_file(path: str | Path) -> dict[str, list[str]]:
    """`check_cases` over a dataset file."""
    return check_cases(read_raw(path))


def main(argv: Sequence[str] | None = None) -> int:
    """Print every violation as `ID: problem`; 0 when there is none, 1 otherwise (2: unreadable).

    Each file is checked on its own; with no file, every shipped dataset.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    paths = [Path(arg) for arg in args] if args else default_datasets()
    found = False
    for path in paths:
        try:
            violations = check_file(path)
        except (OSError, ValueError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            return 2
        for case_id, problems in violations.items():
            for problem in problems:
                print(f"{case_id}: {problem}")
        count = sum(map(len, violations.values()))
        print(f"{path}: {count} violation(s) in {len(violations)} case(s)", file=sys.stderr)
        found = found or bool(violations)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
