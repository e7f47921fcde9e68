"""Field accuracy: does an extracted field equal the gold one, compared as its kind demands.

Money to the cent, dates to the day, invoice references and e-mail addresses ignoring case
and punctuation around them, the dispute reason and payment method exactly, free-text
fields (document, contact name) by word overlap. `detail` is a paraphrase and not scored,
except the PO number a missing_po detail names (`po_number`: one of the gold detail's
numbers must be in the predicted detail).
A field is scored only when the classifier found the intent it belongs to, so extraction
is measured apart from classification (missed intents already cost recall).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

MONEY = ("amount", "disputed_amount", "paid_amount", "deducted_amount")
DATES = ("paid_on", "promised_on", "return_on")
EXACT = ("method", "reason", "claimed_terms_days", "po_required")
REFERENCES = ("reference", "new_contact_email")
LOOSE = ("document", "new_contact_name")
SCORED = (*MONEY, *DATES, *EXACT, *REFERENCES, *LOOSE)


def _money(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _ref(value: Any) -> str:
    return re.sub(r"[^0-9a-z@._-]", "", str(value).lower()).strip("#.-")


def _words(value: Any) -> set[str]:
    return set(re.findall(r"[0-9a-zà-ÿ]+", str(value).lower()))


def field_matches(name: str, gold: Any, predicted: Any) -> bool:
    """Whether `predicted` counts as the gold value of field `name`."""
    if predicted is None:
        return False
    if name in MONEY:
        return _money(gold) is not None and _money(gold) == _money(predicted)
    if name in DATES:
        return _day(gold) is not None and _day(gold) == _day(predicted)
    if name == "claimed_terms_days":
        return str(gold) == str(predicted)
    if name == "po_required":
        return bool(gold) == bool(predicted)
    if name in EXACT:
        return str(gold).lower() == str(predicted).lower()
    if name in REFERENCES:
        return _ref(gold) == _ref(predicted)
    g, p = _words(gold), _words(predicted)
    return bool(g and p) and len(g & p) / len(g | p) >= 0.5


_NUMBER_TOKEN = re.compile(r"[A-Z0-9][A-Z0-9/-]*\d[A-Z0-9/-]*", re.I)


def _po_numbers(detail: Any) -> set[str]:
    """Numbers of three digits or more in a missing_po detail: the PO or reference given."""
    return {_ref(t) for t in _NUMBER_TOKEN.findall(str(detail)) if sum(c.isdigit() for c in t) >= 3}


def score_fields(
    gold_fields: Mapping[str, Mapping[str, Any]],
    predicted_fields: Mapping[str, Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """One row per scored gold field whose intent was predicted: name, gold, got, ok."""
    rows = []
    for intent, fields in gold_fields.items():
        if intent not in predicted_fields:
            continue
        got = predicted_fields[intent]
        if intent == "missing_po" and _po_numbers(fields.get("detail", "")):
            # The PO number the customer gives is scored inside the free-text detail.
            wanted = _po_numbers(fields["detail"])
            ok = bool(wanted & _po_numbers(got.get("detail", "")))
            rows.append(
                {
                    "intent": intent,
                    "field": "po_number",
                    "gold": sorted(wanted),
                    "got": got.get("detail"),
                    "ok": ok,
                }
            )
        for name, value in fields.items():
            if name not in SCORED:
                continue
            rows.append(
                {
                    "intent": intent,
                    "field": name,
                    "gold": value,
                    "got": got.get(name),
                    "ok": field_matches(name, value, got.get(name)),
                }
            )
    return rows


def field_accuracy(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Overall and per-field accuracy over scored rows."""
    per: dict[str, list[int]] = {}
    for row in rows:
        hit_total = per.setdefault(row["field"], [0, 0])
        hit_total[0] += row["ok"]
        hit_total[1] += 1
    total = sum(t for _, t in per.values())
    hits = sum(h for h, _ in per.values())
    return {
        "accuracy": round(hits / total, 4) if total else None,
        "scored": total,
        "per_field": {
            name: {"accuracy": round(h / t, 4), "scored": t} for name, (h, t) in sorted(per.items())
        },
    }
