"""Run the guardrail checker over a dataset of notices (CONTRACTS.md section 2).

Each JSONL line is a guardrail case. Besides the contract's fields a case may carry
`stage` (e.g. ``reminder``, ``final``) with `allows` (the firm language that stage
permits, e.g. ``["credit_hold"]``), `recipient` and `contact_on_file`.

As CONTRACTS.md section 2 says, the stage-language rules (legal threats, collection
agencies, late fees, credit holds) judge only a case that names its stage; a case with
no stage is judged on the ledger rules alone, so a valid final notice in a dataset
that does not say its stage raises no false alarm. `allows` without a `stage` is an
error in the dataset (what would it be allowed at?).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from arbox.agent.guardrails import ESCALATIONS, InvoiceView, check_notice
from arbox.tools.money import MoneyError, to_money

from .errors import DatasetError

STATUSES = ("open", "disputed", "paid", "promised", "paused")


def _invoice(raw: dict[str, Any], where: str) -> InvoiceView:
    try:
        status = raw.get("status", "open")
        if status not in STATUSES:
            raise DatasetError(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
        amount = to_money(str(raw["amount"]))
        balance = to_money(str(raw.get("balance", raw["amount"])))
        return InvoiceView(
            number=str(raw["number"]),
            amount=amount,
            balance=balance,
            status=status,
            po=raw.get("po"),
            project=raw.get("project"),
        )
    except KeyError as exc:
        raise DatasetError(f"{where}: invoice lacks {exc.args[0]!r}") from exc
    except MoneyError as exc:
        raise DatasetError(f"{where}: {exc}") from exc


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate every case; a bad line raises `DatasetError` naming it."""
    cases = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}: not JSON ({exc.msg})") from exc
        for key in ("id", "invoices", "text", "expected_ok"):
            if key not in case:
                raise DatasetError(f"{where}: case lacks {key!r}")
        case["_views"] = [_invoice(inv, where) for inv in case["invoices"]]
        case["_allows"] = _allows(case, where)
        cases.append(case)
    return cases


def _allows(case: dict[str, Any], where: str) -> tuple[str, ...]:
    """The firm language the case's stage permits; every kind when it names no stage."""
    stage, allows = case.get("stage"), case.get("allows", [])
    if not isinstance(allows, list) or any(a not in ESCALATIONS for a in allows):
        raise DatasetError(f"{where}: allows must list kinds of {', '.join(ESCALATIONS)}")
    if stage is None:
        if allows:
            raise DatasetError(f"{where}: allows is given but no stage")
        return ESCALATIONS  # no stage named: the language rules do not judge the case
    if not isinstance(stage, str) or not stage.strip():
        raise DatasetError(f"{where}: stage must be a name such as reminder or final")
    return tuple(allows)


def run_guardrail_dataset(path: str | Path) -> dict[str, Any]:
    """Check every case's text; count caught, missed and false alarms (with per-case details)."""
    started = time.perf_counter()
    cases = load_cases(path)
    details = []
    caught = missed = false_alarms = passed = 0
    for case in cases:
        report = check_notice(
            case["text"],
            case["_views"],
            currency=case.get("currency"),
            allows=case["_allows"],
            recipient=case.get("recipient"),
            contact_on_file=case.get("contact_on_file"),
        )
        expected_ok = bool(case["expected_ok"])
        if expected_ok:
            passed += report.ok
            false_alarms += not report.ok
        else:
            caught += not report.ok
            missed += report.ok
        details.append(
            {
                "id": case["id"],
                "stage": case.get("stage"),
                "expected_ok": expected_ok,
                "ok": report.ok,
                "correct": report.ok == expected_ok,
                "violations": [v.code for v in report.violations],
                "messages": [v.message for v in report.violations],
            }
        )
    bad_cases = sum(1 for c in cases if not c["expected_ok"])
    return {
        "cases": len(cases),
        "bad_cases": bad_cases,
        "good_cases": len(cases) - bad_cases,
        "caught": caught,
        "missed": missed,
        "false_alarms": false_alarms,
        "passed": passed,
        "accuracy": round((caught + passed) / len(cases), 4) if cases else 0.0,
        "seconds": round(time.perf_counter() - started, 3),
        "details": details,
    }


def summary_lines(result: dict[str, Any]) -> list[str]:
    """Human-readable figures plus one line per wrong verdict (for the CLI)."""
    lines = [
        f"cases {result['cases']}  caught {result['caught']}/{result['bad_cases']}  "
        f"missed {result['missed']}  false alarms {result['false_alarms']}  "
        f"seconds {result['seconds']}"
    ]
    for d in result["details"]:
        if not d["correct"]:
            kind = "false alarm" if d["expected_ok"] else "missed"
            lines.append(f"  {d['id']}: {kind} {'; '.join(d['messages'])}")
    return lines
