"""What `arbox eval ...` runs (the typer commands are in `arbox.cli.evals`).

`run_triage_eval` does everything `arbox eval triage` does short of printing
and raises `EvalError` for bad input.
"""

from __future__ import annotations

import functools
import hashlib
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from .cases import MailReader
from .errors import EvalError

HERE = Path(__file__).resolve().parent
DEFAULT_DATASET = HERE / "datasets" / "triage.jsonl"
EXTRA_DATASETS = (
    HERE / "datasets" / "triage_b.jsonl",
    HERE / "datasets" / "triage_c.jsonl",
    HERE / "datasets" / "triage_d.jsonl",
    HERE / "datasets" / "triage_e.jsonl",
    HERE / "datasets" / "triage_f.jsonl",
)
"""Shipped datasets read beside `DEFAULT_DATASET` when present (and no other is named)."""
DEFAULT_GUARDRAILS = HERE / "datasets" / "guardrails.jsonl"
DEFAULT_BASELINE = HERE / "baselines" / "offline-test.json"


def _build_classifier(model: str, prompt: Path | None) -> Any:
    try:
        from arbox.agent import build_classifier  # the agent room builds every classifier
    except ImportError as exc:
        raise EvalError(f"no classifier factory (arbox.agent.build_classifier): {exc}") from exc
    try:
        return build_classifier(model, str(prompt) if prompt else None)
    except (ValueError, OSError) as exc:
        raise EvalError(f"can not build classifier {model!r}: {exc}") from exc


def _prompt_hash(classifier: Any, prompt: Path | None) -> str:
    known = getattr(classifier, "prompt_hash", None)
    if known:
        return str(known)
    if prompt is not None:
        return hashlib.sha256(prompt.read_bytes()).hexdigest()[:12]
    return "default"


def default_datasets() -> list[Path]:
    """`triage.jsonl`, plus the shipped extra datasets that exist."""
    return [DEFAULT_DATASET, *(p for p in EXTRA_DATASETS if p.exists())]


def _load_locked(datasets: list[Path], relock: bool) -> tuple[list[Any], str]:
    """Every case of ``datasets``, each file checked against its own lock."""
    from .cases import dataset_files, load_cases
    from .split import check_lock, lock_path_for, write_lock

    cases: list[Any] = []
    statuses: list[str] = []
    seen: set[str] = set()
    for path in dataset_files(datasets):
        part = load_cases(path)
        dup = sorted(seen & {c.id for c in part})
        if dup:
            raise EvalError(f"{path}: ids also in another dataset file: {dup[:5]}")
        seen |= {c.id for c in part}
        lock_path = lock_path_for(path)
        # A dataset without a lock (someone else's file) is not locked behind their back.
        if lock_path.exists():
            statuses.append(check_lock(part, lock_path, relock=relock))
        elif relock:
            write_lock(part, lock_path)
            statuses.append(f"wrote a new lock {lock_path}")
        else:
            statuses.append("no lock file")
        cases.extend(part)
    return cases, "; ".join(dict.fromkeys(statuses))


def run_triage_eval(
    *,
    dataset: Path | list[Path],
    model: str,
    mail: MailReader,
    prompt: Path | None = None,
    split: str = "all",
    limit: int | None = None,
    concurrency: int = 1,
    record: bool = False,
    replay: bool = False,
    relock: bool = False,
    cassettes: Path | None = None,
    price: tuple[Decimal, Decimal] = (Decimal(0), Decimal(0)),
    progress: bool = True,
    policy: Any = None,
) -> dict[str, Any]:
    """Everything `arbox eval triage` does short of printing; raises `EvalError`s.

    ``policy`` (an `agent.policy.PolicyConfig`) is the policy whose automation is measured.
    """
    from .cases import case_to_reply
    from .cassettes import DEFAULT_DIR, CassetteStore
    from .runner import Price, run_triage
    from .split import select

    if record and replay:
        raise EvalError("--record and --replay exclude each other")
    if prompt is not None and not prompt.is_file():
        raise EvalError(f"prompt file not found: {prompt}")
    datasets = dataset if isinstance(dataset, list) else [dataset]
    cases, lock_status = _load_locked(datasets, relock)
    chosen = select(cases, split)[: limit or None]
    if replay:
        os.environ.setdefault("OPENAI_API_KEY", "replay-needs-no-key")
    classifier = _build_classifier(model, prompt)
    prompt_hash = _prompt_hash(classifier, prompt)
    context = None
    if record or replay:
        store = CassetteStore(
            cassettes or DEFAULT_DIR,
            prompt_hash=prompt_hash,
            model=model,
            mode="record" if record else "replay",
        )
        context = store.around
    return run_triage(
        chosen,
        classifier,
        to_reply=functools.partial(case_to_reply, mail=mail),
        concurrency=concurrency,
        progress=progress,
        price=Price(*price),
        case_context=context,
        policy=policy,
        meta={
            "dataset": ", ".join(str(d) for d in datasets),
            "split": split,
            "model": model,
            "prompt": str(prompt) if prompt else None,
            "prompt_hash": prompt_hash,
            "lock": lock_status,
            "mode": "record" if record else "replay" if replay else "live",
        },
    )
