"""`arbox eval ...`: the eval suites from the command line (CONTRACTS.md section 3).

    arbox eval triage     run a classifier over a triage dataset and score it
    arbox eval guardrails check every notice of a guardrail dataset
    arbox eval compare    paired comparison of two saved triage reports
    arbox eval regress    offline classifier on the test split vs the committed baseline
    arbox eval automation-curve  automation vs wrong automatic actions over thresholds

Bad input ends in one line on stderr and exit code 2; a regression exits 1.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from ..evals.errors import EvalError
from .common import EXIT_FAILED, EXIT_INPUT, err, handle_errors

HERE = Path(__file__).resolve().parent.parent / "evals"
DEFAULT_GUARDRAILS = HERE / "datasets" / "guardrails.jsonl"
DEFAULT_BASELINE = HERE / "baselines" / "offline-test.json"


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(EXIT_INPUT)


app = typer.Typer(
    name="eval",
    help="Eval suites for prompt and model changes.",
    no_args_is_help=True,
    add_completion=False,
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
        "",
        f"{'predicted intent':20} {'replies':>7} {'automatic':>9} {'wrong among them':>16}",
    ]
    for intent, row in report["automation"]["per_intent"].items():
        lines.append(
            f"{intent:20} {row['replies']:7d} {row['automation_rate']:9.3f} "
            f"{row['wrong_rate']:9.3f} ({row['wrong']}/{row['automatic']})"
        )
    return "\n".join(lines)


def _policy() -> Any:
    """The policy the settings configure (ARBOX_APPROVAL_CONFIDENCE, ARBOX_AUTONOMY_THRESHOLD)."""
    from ..bootstrap import policy_from
    from ..settings import get_settings

    return policy_from(get_settings())


@app.command()
@handle_errors
def triage(
    dataset: Annotated[
        list[Path] | None,
        typer.Option(
            help="Triage dataset (JSONL); repeat it or give a glob for several files. "
            "Default: triage.jsonl, triage_b.jsonl, triage_c.jsonl, triage_d.jsonl, "
            "triage_e.jsonl and triage_f.jsonl when present."
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
    from ..evals.report import save_report
    from ..settings import get_settings

    try:
        from ..bootstrap import mail_reader
        from ..evals.commands import default_datasets, run_triage_eval

        report = run_triage_eval(
            dataset=list(dataset) if dataset else default_datasets(),
            mail=mail_reader(),
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
            policy=_policy(),
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
@handle_errors
def guardrails(
    dataset: Annotated[Path, typer.Option(help="Guardrail dataset (JSONL).")] = DEFAULT_GUARDRAILS,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Check every notice of a guardrail dataset against its ledger view."""
    try:
        from ..evals.guardrails import run_guardrail_dataset

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
@handle_errors
def compare(
    baseline: Annotated[Path, typer.Argument(help="Baseline report (JSON).")],
    candidate: Annotated[Path, typer.Argument(help="Candidate report (JSON).")],
    threshold: Annotated[float, typer.Option(help="Allowed macro-F1 drop.")] = 0.02,
    alpha: Annotated[float, typer.Option(help="McNemar significance level.")] = 0.05,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Paired comparison of two reports; exit 1 when the candidate is worse."""
    from ..evals.compare import compare_reports, load_report, render_comparison

    try:
        cmp = compare_reports(
            load_report(baseline), load_report(candidate), threshold=threshold, alpha=alpha
        )
    except EvalError as exc:
        raise _fail(exc) from None
    typer.echo(json.dumps(cmp.as_dict()) if json_out else render_comparison(cmp))
    if cmp.regression:
        raise typer.Exit(EXIT_FAILED)


@app.command()
@handle_errors
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
    from ..bootstrap import mail_reader
    from ..evals.commands import default_datasets, run_triage_eval
    from ..evals.compare import compare_reports, load_report, render_comparison
    from ..evals.report import save_report

    try:
        report = run_triage_eval(
            dataset=list(dataset) if dataset else default_datasets(),
            mail=mail_reader(),
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
        raise typer.Exit(EXIT_FAILED)


@app.command("export-corrections")
@handle_errors
def export_corrections_cmd(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(help="Write the cases here (JSONL).")],
    redact: Annotated[
        bool, typer.Option(help="Replace e-mail addresses, phone numbers, the sender's name.")
    ] = True,
    db: Annotated[str | None, typer.Option("--db", help="Database URL.")] = None,
) -> None:
    """Decided approvals and relabels as dataset lines: real mistakes become regression tests."""
    from ..evals.corrections import export_corrections
    from .common import open_ledger

    with open_ledger(ctx, db).session() as s:
        result = export_corrections(s, redact=redact)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in result.cases),
        encoding="utf-8",
    )
    typer.echo(f"wrote {len(result.cases)} cases to {out}; skipped {len(result.skipped)}")
    for message_id, why in result.skipped:
        typer.echo(f"  skipped {message_id}: {why}", err=True)


@app.command()
@handle_errors
def train(
    dataset: Annotated[
        list[Path] | None, typer.Option(help="Triage dataset(s); default as for `triage`.")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (folds, solver).")] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Where to write the model (default: the shipped file); the label-set "
            "estimator goes beside it as label_set.json."
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Retrain the offline classifier's learned layer on the train split; print the figures."""
    from ..agent.offline.model import MODEL_PATH
    from ..bootstrap import mail_reader
    from ..evals.cases import load_dataset
    from ..evals.commands import default_datasets

    try:
        from ..evals.train import DEFAULT_SEED, render_training, train_and_report
    except ImportError as exc:  # scikit-learn is in the `train` extra only
        raise _fail(EvalError(f"training needs the train extra ({exc})")) from None
    cases = load_dataset(list(dataset) if dataset else default_datasets())
    result = train_and_report(
        cases, mail_reader(), seed=DEFAULT_SEED if seed is None else seed, out=out or MODEL_PATH
    )
    typer.echo(json.dumps(result) if json_out else render_training(result))


@app.command("learning-curve")
@handle_errors
def learning_curve_cmd(
    dataset: Annotated[
        list[Path] | None, typer.Option(help="Triage dataset(s); default as for `triage`.")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (folds, solver).")] = None,
) -> None:
    """Macro F1 on the locked test split against the size of the training set."""
    from ..agent.offline.classifier import OfflineClassifier
    from ..bootstrap import mail_reader
    from ..evals.cases import load_dataset
    from ..evals.commands import default_datasets
    from ..evals.split import select

    try:
        from ..evals.learning_curve import learning_curve
        from ..evals.train import DEFAULT_SEED, evaluate
    except ImportError as exc:  # scikit-learn is in the `train` extra only
        raise _fail(EvalError(f"the learning curve needs the train extra ({exc})")) from None
    mail = mail_reader()
    cases = load_dataset(list(dataset) if dataset else default_datasets())
    rules = evaluate(select(cases, "test"), OfflineClassifier(model=None), mail)
    typer.echo(
        f"rules alone on test: macro F1 {rules['macro_f1']:.3f}  exact {rules['exact_match']:.3f}"
    )
    typer.echo(f"{'fraction':>8} {'train':>6} {'combined F1':>12} {'exact':>6} {'learned F1':>11}")
    for row in learning_curve(cases, mail, seed=DEFAULT_SEED if seed is None else seed):
        c, learned = row["combined"], row["learned"]
        typer.echo(
            f"{row['fraction']:8.3f} {row['train_cases']:6d} {c['macro_f1']:12.3f} "
            f"{c['exact_match']:6.3f} {learned['macro_f1']:11.3f}"
        )


@app.command("automation-curve")
@handle_errors
def automation_curve_cmd(
    split: Annotated[str, typer.Option(help="train, dev, test or all.")] = "dev",
    dataset: Annotated[
        list[Path] | None, typer.Option(help="Triage dataset(s); default as for `triage`.")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="offline or openai:<model>; default ARBOX_MODEL.")
    ] = None,
    replay: Annotated[bool, typer.Option(help="Serve LLM traffic from cassettes only.")] = False,
    cassettes: Annotated[Path | None, typer.Option(help="Cassette folder.")] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Parallel LLM calls.")] = 1,
    steps: Annotated[int, typer.Option(min=2, max=1000, help="Thresholds from 0 to 1.")] = 21,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Automation rate and wrong automatic actions at each ARBOX_AUTONOMY_THRESHOLD.

    Classifies the split once and replays the policy at every threshold; pick the
    operating point on dev, then check it once on test.
    """
    from ..bootstrap import mail_reader
    from ..evals.automation import TARGET_WRONG, automation_curve, operating_point
    from ..evals.commands import default_datasets, run_triage_eval
    from ..settings import get_settings

    try:
        report = run_triage_eval(
            dataset=list(dataset) if dataset else default_datasets(),
            mail=mail_reader(),
            model=model or get_settings().model,
            split=split,
            replay=replay,
            cassettes=cassettes,
            concurrency=concurrency,
            progress=not json_out,
            policy=_policy(),
        )
    except (EvalError, ValueError) as exc:
        raise _fail(exc) from None
    curve = automation_curve(report["per_case"], [i / (steps - 1) for i in range(steps)])
    point = operating_point(curve)
    if json_out:
        typer.echo(
            json.dumps(
                {"split": split, "cases": report["cases"], "curve": curve, "operating_point": point}
            )
        )
        return
    typer.echo(
        f"{report['cases']} cases ({split})   target: wrong <= {TARGET_WRONG:.0%} "
        "of automatic, >= 50% automatic"
    )
    typer.echo(f"{'threshold':>9} {'automatic':>9} {'wrong':>7} {'n':>9}")
    for row in curve:
        mark = "  meets target" if row["meets_target"] else ""
        typer.echo(
            f"{row['threshold']:9.2f} {row['automation_rate']:9.3f} "
            f"{row['automatic_wrong_rate']:7.3f} "
            f"{row['automatic_wrong']:>4}/{row['automatic']:<4}{mark}"
        )
    if not any(row["meets_target"] for row in curve):
        typer.echo("no threshold meets the target on this split")
    if point is None:
        typer.echo(f"no threshold keeps wrong automatic actions within {TARGET_WRONG:.0%}")
    else:
        typer.echo(
            f"operating point: ARBOX_AUTONOMY_THRESHOLD={point['threshold']:.2f} "
            f"({point['automation_rate']:.1%} automatic, "
            f"{point['automatic_wrong_rate']:.1%} of them wrong)"
        )
