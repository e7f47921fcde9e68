"""The train/dev/test split by a stable hash of the case id, and the lock on the `test` split.

sha256(id) % 10: 0-5 `train` (the learned layer is fitted on it, its thresholds tuned by
cross-validation inside it), 6-7 `dev` (for looking at mistakes), 8-9 `test` (reported).
The lock file records the sha256 of each split's canonical content, so an edit to a `test`
case can not slip by: a run refuses a changed `test` split unless it is asked to re-lock
(and the commit then shows it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from .cases import TriageCase
from .errors import LockError

Split = Literal["train", "dev", "test"]
SPLITS: tuple[Split, ...] = ("train", "dev", "test")


def split_of(case_id: str) -> Split:
    """`train`, `dev` or `test`, from the case id alone: adding or reordering cases moves
    nothing."""
    bucket = int(hashlib.sha256(case_id.encode()).hexdigest(), 16) % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def select(cases: Sequence[TriageCase], split: str) -> list[TriageCase]:
    """The cases of one split; `all` keeps every case."""
    if split == "all":
        return list(cases)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: use train, dev, test or all")
    return [c for c in cases if split_of(c.id) == split]


def content_hash(cases: Iterable[TriageCase]) -> str:
    """sha256 over the cases' canonical JSON (sorted keys, sorted by id): order-independent."""
    digest = hashlib.sha256()
    for case in sorted(cases, key=lambda c: c.id):
        digest.update(json.dumps(dict(case.raw), sort_keys=True, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def lock_path_for(dataset: str | Path) -> Path:
    """`triage.jsonl` -> `triage.lock.json`, beside the dataset."""
    dataset = Path(dataset)
    return dataset.with_name(dataset.name.removesuffix(".jsonl") + ".lock.json")


def compute_lock(cases: Sequence[TriageCase]) -> dict[str, dict[str, object]]:
    """Per split: number of cases and content hash."""
    return {
        split: {"cases": len(part), "sha256": content_hash(part)}
        for split in SPLITS
        for part in [select(cases, split)]
    }


def write_lock(cases: Sequence[TriageCase], lock_path: str | Path) -> dict[str, dict[str, object]]:
    """Record the current content of both splits."""
    lock = compute_lock(cases)
    Path(lock_path).write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return lock


def check_lock(cases: Sequence[TriageCase], lock_path: str | Path, *, relock: bool = False) -> str:
    """Refuse a `test` split that differs from its lock; return what happened, in words.

    A missing lock is written (first run). A changed `train` or `dev` split is re-locked
    silently: fitting and looking is what they are for. A changed `test` split raises
    `LockError` unless `relock` is true.
    """
    lock_path = Path(lock_path)
    current = compute_lock(cases)
    if not lock_path.exists():
        write_lock(cases, lock_path)
        return f"wrote a new lock {lock_path}"
    try:
        locked = json.loads(lock_path.read_text(encoding="utf-8"))
        locked_test = locked["test"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LockError(f"{lock_path}: unreadable lock file ({exc}); re-run with --relock") from exc
    if locked_test != current["test"]["sha256"]:
        if not relock:
            raise LockError(
                f"the test split of this dataset changed since {lock_path} was written "
                f"({locked['test'].get('cases')} -> {current['test']['cases']} cases). "
                "Test cases are frozen so scores stay comparable; if the change is "
                "intended, re-run with --relock and commit the new lock."
            )
        write_lock(cases, lock_path)
        return f"re-locked the test split in {lock_path}"
    if any(locked.get(s, {}).get("sha256") != current[s]["sha256"] for s in ("train", "dev")):
        write_lock(cases, lock_path)
        return f"train/dev split changed; updated {lock_path}"
    return "test split matches its lock"
