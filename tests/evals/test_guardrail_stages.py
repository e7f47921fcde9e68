"""The guardrail eval follows CONTRACTS.md section 2: stage language only where a case
names its stage; the shipped dataset's valid final notices raise no false alarm."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from arbox.evals.guardrails import DatasetError, load_cases, run_guardrail_dataset

DATASET = Path(str(resources.files("arbox.evals").joinpath("datasets/guardrails.jsonl")))
FIRM = {"credit_hold", "collections"}
INVOICE = {"number": "INV-1", "amount": "500.00", "balance": "500.00", "status": "open"}
HOLD = "Invoice INV-1 for $500.00 is unpaid: your account will be placed on credit hold."


def _write(tmp_path: Path, *cases: dict) -> Path:
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


def _verdicts(path: Path) -> dict[str, bool]:
    return {d["id"]: d["ok"] for d in run_guardrail_dataset(path)["details"]}


def test_stage_language_judges_only_a_case_that_names_its_stage(tmp_path: Path) -> None:
    base = {"currency": "USD", "invoices": [INVOICE], "text": HOLD, "expected_ok": True}
    path = _write(
        tmp_path,
        {"id": "none", **base},
        {"id": "reminder", **base, "stage": "reminder"},
        {"id": "final", **base, "stage": "final", "allows": ["credit_hold"]},
        {"id": "wrong-kind", **base, "stage": "final", "allows": ["collections"]},
    )
    assert _verdicts(path) == {
        "none": True,  # no stage: the ledger rules alone, and they pass
        "reminder": False,
        "final": True,
        "wrong-kind": False,
    }


def test_a_case_with_no_stage_is_still_judged_on_the_ledger(tmp_path: Path) -> None:
    text = HOLD.replace("$500.00", "$550.00")
    path = _write(tmp_path, {"id": "x", "invoices": [INVOICE], "text": text, "expected_ok": False})
    assert _verdicts(path) == {"x": False}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"allows": ["credit_hold"]}, "allows is given but no stage"),
        ({"stage": "final", "allows": ["hold_everything"]}, "allows must list"),
        ({"stage": ""}, "stage must be a name"),
    ],
)
def test_a_stage_that_does_not_make_sense_is_a_dataset_error(
    tmp_path: Path, extra: dict, message: str
) -> None:
    path = _write(tmp_path, {"id": "x", "invoices": [], "text": "", "expected_ok": True, **extra})
    with pytest.raises(DatasetError, match=message):
        load_cases(path)


def test_shipped_final_notices_with_firm_language_pass_and_early_ones_are_caught() -> None:
    cases = load_cases(DATASET)
    result = {d["id"]: d for d in run_guardrail_dataset(DATASET)["details"]}
    valid_final = [
        c for c in cases if c["expected_ok"] and c.get("stage") and FIRM & set(c.get("allows", []))
    ]
    assert len(valid_final) >= 20
    assert all(result[c["id"]]["ok"] for c in valid_final)
    # Several languages the guardrails read, not one template copied twenty times.
    for word in (
        "credit hold",
        "collection agency",
        "Inkasso",
        "Liefersperre",
        "recouvrement",
        "bloqué",
        "agencia de cobro",
        "bloqueada",
    ):
        assert any(word.lower() in c["text"].lower() for c in valid_final), word
    forbidden = [
        c
        for c in cases
        if not c["expected_ok"]
        and c.get("stage")
        and any(
            v in ("language_credit_hold", "language_collections")
            for v in result[c["id"]]["violations"]
        )
    ]
    assert len(forbidden) >= 6 and not any(result[c["id"]]["ok"] for c in forbidden)
