"""`arbox eval ...`: the eval suites from the command line (CONTRACTS.md section 3).

    arbox eval triage     run a classifier over a triage dataset and score it
    arbox eval guardrails check every notice of a guardrail dataset
    arbox eval compare    paired comparison of two saved triage reports
    arbox eval regress    offline classifier on the test split vs the committed baseline

Bad input ends in one line on stderr and exit code 2; a regression exits 1.
"""

from __future__ import annotations

import hashlib
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import EvalError

HERE = Path(__file__).resolve().parent
DEFAULT_DATASET = HERE / "datasets" / "triage.jsonl"
EXTRA_DATASETS = (HERE / "datasets" / "triage_b.jsonl",)
"""Shipped datasets read beside `DEFAULT_DATASET` when present (and no other is named)."""
DEFAULT_GUARDRAILS = HERE / "datasets" / "guardrails.jsonl"
DEFAULT_BASELINE = HERE / "baselines" / "offline-test.json"

app = typer.Typer(
    name="eval",
    help="Eval suites for prompt and model changes.",
    no_args_is_help=True,
    add_completion=False,
)


def _fail(exc: Exception) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2)


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
) -> dict[str, Any]:
    """Everything `arbox eval triage` does short of printing; raises `EvalError`s."""
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
        to_reply=case_to_reply,
        concurrency=concurrency,
        progress=progress,
        price=Price(*price),
        case_context=context,
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


def _summary(report: dict[str, Any]) -> str:
    lines = [f"{'intent':20} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}"]
    for intent, s in report["per_intent"].items():
        lines.append(
            f"{intent:20} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:5d}"
        )
    acc = report["fields"]["accuracy"]
    lines += [
        f"cases {report['cases']}  macro F1 {report['macro_f1']:.3f}  micro F1 "
        f"{report['micro_f1']:.3f}  exact match {report['exact_match']:.3f}",
        f"field accuracy {'n/a' if acc is None else f'{acc:.3f}'} ({report['fields']['scored']} "
        f"fields)  abstain {report['abstain_rate']:.3f}  errors {report['errors']}",
        f"ECE {report['calibration']['ece']}  automation rate "
        f"{report['automation']['automation_rate']:.3f}  wrong among automatic "
        f"{report['automation']['automatic_wrong_rate']:.3f} "
        f"({report['automation']['automatic_wrong']}/{report['automation']['automatic']})",
        f"LLM calls {report['llm_calls']}  tokens {report['prompt_tokens']}+"
        f"{report['completion_tokens']}  cost ${report['cost_usd']}  {report['seconds']}s",
    ]
    return "\n".join(lines)


@app.command()
def triage(
    dataset: Annotated[
        list[Path] | None,
        typer.Option(
            help="Triage dataset (JSONL); repeat it or give a glob for several files. "
            "Default: triage.jsonl and triage_b.jsonl when present."
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    model: Annotated[
        str | None, typer.Option(help="offline or openai:<model>; default ARBOX_MODEL.")
    ] = None,
    prompt: Annotated[
        Path | None, typer.Option(help="A prompt file other than the shipped one.")
    ] = None,
    split: Annotated[str, typer.Option(help="train, dev, test or all.")] = "all",
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N cases.")] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Parallel LLM calls.")] = 1,
    out: Annotated[
        Path | None, typer.Option(help="Write triage.json and triage.html here.")
    ] = None,
    record: Annotated[bool, typer.Option(help="Record LLM traffic into cassettes.")] = False,
    replay: Annotated[bool, typer.Option(help="Serve LLM traffic from cassettes only.")] = False,
    cassettes: Annotated[Path | None, typer.Option(help="Cassette folder.")] = None,
    relock: Annotated[
        bool, typer.Option(help="Accept a changed test split and re-lock it.")
    ] = False,
    price_prompt: Annotated[
        float, typer.Option(envvar="ARBOX_EVAL_PRICE_PROMPT", help="USD per 1M prompt tokens.")
    ] = 0.0,
    price_completion: Annotated[
        float,
        typer.Option(envvar="ARBOX_EVAL_PRICE_COMPLETION", help="USD per 1M completion tokens."),
    ] = 0.0,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr.")] = True,
) -> None:
    """Run the triage classifier on a dataset and report precision, recall, F1 and more."""
    from arbox.settings import get_settings

    from .report import save_report

    try:
        report = run_triage_eval(
            dataset=list(dataset) if dataset else default_datasets(),
            model=model or get_settings().model,
            prompt=prompt,
            split=split,
            limit=limit,
            concurrency=concurrency,
            record=record,
            replay=replay,
            relock=relock,
            cassettes=cassettes,
            progress=progress and not json_out,
            price=(Decimal(str(price_prompt)), Decimal(str(price_completion))),
        )
    except (EvalError, ValueError) as exc:
        raise _fail(exc) from None
    if out is not None:
        json_path, html_path = save_report(report, out)
        typer.echo(f"saved {json_path} and {html_path}", err=True)
    if json_out:
        typer.echo(json.dumps({k: v for k, v in report.items() if k != "results"}))
    else:
        typer.echo(_summary(report))


@app.command()
def guardrails(
    dataset: Annotated[Path, typer.Option(help="Guardrail dataset (JSONL).")] = DEFAULT_GUARDRAILS,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Check every notice of a guardrail dataset against its ledger view."""
    try:
        from arbox.evals.guardrails import run_guardrail_dataset

        result = run_guardrail_dataset(dataset)
    except ImportError as exc:
        raise _fail(EvalError(f"guardrail runner not available: {exc}")) from None
    except (EvalError, ValueError, OSError) as exc:
        raise _fail(exc) from None
    if json_out:
        typer.echo(json.dumps(result, default=str))
    else:
        typer.echo(
            "  ".join(
                f"{k} {result[k]}"
                for k in ("cases", "caught", "missed", "false_alarms")
                if k in result
            )
        )


@app.command()
def compare(
    baseline: Annotated[Path, typer.Argument(help="Baseline report (JSON).")],
    candidate: Annotated[Path, typer.Argument(help="Candidate report (JSON).")],
    threshold: Annotated[float, typer.Option(help="Allowed macro-F1 drop.")] = 0.02,
    alpha: Annotated[float, typer.Option(help="McNemar significance level.")] = 0.05,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Paired comparison of two reports; exit 1 when the candidate is worse."""
    from .compare import compare_reports, load_report, render_comparison

    try:
        cmp = compare_reports(
            load_report(baseline), load_report(candidate), threshold=threshold, alpha=alpha
        )
    except EvalError as exc:
        raise _fail(exc) from None
    typer.echo(json.dumps(cmp.as_dict()) if json_out else render_comparison(cmp))
    if cmp.regression:
        raise typer.Exit(1)


@app.command()
def regress(
    baseline: Annotated[Path, typer.Option(help="Committed baseline.")] = DEFAULT_BASELINE,
    dataset: Annotated[
        list[Path] | None, typer.Option(help="Triage dataset(s); default as for `triage`.")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Save the fresh report here.")] = None,
    threshold: Annotated[float, typer.Option(help="Allowed macro-F1 drop.")] = 0.02,
    write_baseline: Annotated[
        bool, typer.Option(help="Replace the baseline with this run.")
    ] = False,
) -> None:
    """CI check: the offline classifier on the test split must not fall below the baseline."""
    from .compare import compare_reports, load_report, render_comparison
    from .report import save_report

    try:
        report = run_triage_eval(
            dataset=list(dataset) if dataset else default_datasets(),
            model="offline",
            split="test",
            progress=False,
        )
        if out is not None:
            save_report(report, out)
        if write_baseline:
            baseline.parent.mkdir(parents=True, exist_ok=True)
            baseline.write_text(
                json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            typer.echo(f"wrote baseline {baseline} (macro F1 {report['macro_f1']:.3f})")
            return
        cmp = compare_reports(load_report(baseline), report, threshold=threshold)
    except EvalError as exc:
        raise _fail(exc) from None
    typer.echo(render_comparison(cmp))
    if cmp.regression:
        raise typer.Exit(1)


@app.command()
def train(
    dataset: Annotated[
        list[Path] | None, typer.Option(help="Triage dataset(s); default as for `triage`.")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (folds, solver).")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the shipped file).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Retrain the offline classifier's learned layer on the train split; print the figures."""
    from arbox.agent.offline.model import MODEL_PATH

    try:
        from .train import DEFAULT_SEED, render_training, train_and_report
    except ImportError as exc:  # scikit-learn is in the `train` extra only
        raise _fail(EvalError(f"training needs the train extra ({exc})")) from None
    try:
        from .cases import load_dataset

        cases = load_dataset(list(dataset) if dataset else default_datasets())
        result = train_and_report(
            cases, seed=DEFAULT_SEED if seed is None else seed, out=out or MODEL_PATH
        )
    except (EvalError, ValueError, OSError) as exc:
        raise _fail(exc) from None
    typer.echo(json.dumps(result) if json_out else render_training(result))
