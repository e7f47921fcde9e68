"""Write `triage.jsonl` from the hand-written cases in `triage_src/`.

Run from anywhere: ``python evals/datasets/build_triage.py``. Case ids follow the order of
the source modules below; new cases are appended at the end so existing ids (and therefore
the dev/test split) never move.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The order fixes the ids (t-0001 ...): append new modules or cases, never reorder.
SOURCES = (
    "payments",
    "disputes",
    "requests",
    "misc",
    "multi_a",
    "multi_b",
    "emails",
    "multi_c",
    "multi_d",
)


def collect() -> list[dict]:
    """Every case, in id order (each source module appends to `common.CASES` on import)."""
    sys.path.insert(0, str(HERE))
    common = importlib.import_module("triage_src.common")
    for name in SOURCES:
        importlib.import_module(f"triage_src.{name}")
    return common.CASES


def main() -> None:
    out = HERE / "triage.jsonl"
    cases = collect()
    lines = []
    for n, case in enumerate(cases, start=1):
        record = {"id": f"t-{n:04d}", **case}
        lines.append(json.dumps(record, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = Counter(label for case in cases for label in case["labels"])
    multi = sum(len(case["labels"]) > 1 for case in cases)
    print(f"{len(lines)} cases, {multi} multi-intent, written to {out}")
    for intent, count in sorted(counts.items()):
        print(f"  {intent:20} {count}")


if __name__ == "__main__":
    main()
