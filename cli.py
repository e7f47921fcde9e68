"""The `arbox` command line (typer + rich).

Bad input ends in one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from sqlmodel import select

from .settings import get_settings
from .tools.db import Ledger
from .tools.errors import LedgerError

app = typer.Typer(
    name="arbox",
    help="An open-source collections agent for the shared accounts-receivable inbox.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
if not console.is_terminal:
    # Piped output: wide enough for the triage table to stay readable.
    console = Console(width=140)
err = Console(stderr=True, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


def clear_errors(fn: F) -> F:
    """Turn expected failures into one line and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (LedgerError, ValueError, FileNotFoundError, IsADirectoryError) as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def open_ledger(url: str | None = None) -> Ledger:
    return Ledger.open(url or get_settings().database_url)


def parse_day(value: str | None) -> date:
    """`--date` values: ISO dates; none means today."""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--date {value!r} is not a date (YYYY-MM-DD)") from None


DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default: ARBOX_DATABASE_URL).")
]


@app.command("import")
@clear_errors
def import_cmd(
    kind: Annotated[str, typer.Argument(help="customers | contacts | invoices | payments")],
    file: Annotated[Path, typer.Argument(exists=False, help="CSV file (, ; or | delimited)")],
    date_format: Annotated[
        str,
        typer.Option(
            help="Day-month order of dates such as 03/04/2026, 03.04.26: "
            "us (month first) or eu (day first)."
        ),
    ] = "us",
    decimal_comma: Annotated[
        bool | None,
        typer.Option(
            "--decimal-comma/--decimal-point",
            help="The amounts' decimal mark. Unset, an amount such as 1.234 is refused.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Import a CSV file into the ledger; bad rows are reported by line and the rest kept."""
    from .tools.csv_import import import_csv

    decimal = "auto" if decimal_comma is None else "comma" if decimal_comma else "point"
    report = import_csv(open_ledger(db), kind, file, date_format=date_format, decimal=decimal)
    for warning in report.warnings:
        err.print(f"{file}: {warning}", highlight=False, markup=False)
    console.print(
        f"{kind}: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.errors)} failed",
        highlight=False,
    )
    for line, reason in report.errors:
        err.print(f"{file}:{line}: {reason}", highlight=False, markup=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command("export")
@clear_errors
def export_cmd(
    out: Annotated[
        Path, typer.Option(help="Folder to write open_items.csv and audit_log.csv")
    ] = Path("."),
    on: Annotated[str | None, typer.Option("--date", help="As-of date (default today)")] = None,
    db: DbOption = None,
) -> None:
    """Write the open items and the audit log to CSV."""
    from .tools.csv_export import export_audit, export_open_items

    out.mkdir(parents=True, exist_ok=True)
    with open_ledger(db).session() as s:
        items = export_open_items(s, out / "open_items.csv", today=parse_day(on))
        audit = export_audit(s, out / "audit_log.csv")
    console.print(
        f"wrote {items} open items to {out / 'open_items.csv'} and "
        f"{audit} audit rows to {out / 'audit_log.csv'}",
        highlight=False,
    )


@app.command()
@clear_errors
def demo(
    folder: Annotated[
        Path | None, typer.Option("--dir", help="Keep the demo here (default: a temporary folder)")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="The demo's today (default today)")
    ] = None,
    seed: int = 7,
) -> None:
    """Build a demo ledger and inbox, triage the inbox, run one dunning pass. No key, no server."""
    from .demo import run_demo

    run_demo(folder, today=parse_day(on), seed=seed, console=console)


@app.command()
@clear_errors
def triage(
    paths: Annotated[
        list[Path], typer.Argument(help=".eml files, folders of them, mbox files, maildirs")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per line per message")
    ] = False,
    model: Annotated[
        str | None, typer.Option(help="offline or openai:<model> (default ARBOX_MODEL)")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="The run's today (default today)")
    ] = None,
    db: DbOption = None,
) -> None:
    """Triage replies from files: understand each one and act on the ledger (or ask a person)."""
    import json

    from .agent.checkpoint import open_checkpointer
    from .mailbox.sources import iter_paths
    from .worker import ingest, process_pending

    ledger = open_ledger(db)
    today = parse_day(on)
    ingested = ingest(ledger, iter_paths([str(p) for p in paths]))
    for label, error in ingested.unparseable:
        err.print(
            f"{label}: not a readable email ({error}); stored raw for a person",
            highlight=False,
            markup=False,
        )
    wanted = list(dict.fromkeys(ingested.ids_by_source.values()))
    with open_checkpointer(ledger.url) as saver:
        triager = make_triager(ledger, saver, model or get_settings().model)
        fresh = {o.message_id: o for o in process_pending(triager, today=today, message_ids=wanted)}
        # Messages triaged by an earlier run are answered from their checkpoint.
        outcomes = [
            fresh.get(mid) or triager.process(_stored_incoming(ledger, mid), today=today)
            for mid in wanted
            if mid in fresh or _is_triaged(ledger, mid)
        ]
    if as_json:
        for outcome in outcomes:
            typer.echo(json.dumps(outcome.as_contract(), ensure_ascii=False, default=str))
    else:
        print_outcomes(outcomes)


def make_triager(ledger: Ledger, saver: Any, model: str) -> Any:
    """A `Triager` for ``model`` with the policy thresholds from settings."""
    from .worker import build_triager

    return build_triager(ledger, saver, get_settings(), model=model)


def _is_triaged(ledger: Ledger, message_id: str) -> bool:
    from .tools.models import InboundMessage

    with ledger.session() as s:
        row = s.exec(select(InboundMessage).where(InboundMessage.message_id == message_id)).first()
        return row is not None and row.status in ("done", "pending_approval")


def _stored_incoming(ledger: Ledger, message_id: str) -> Any:
    from .mailbox.parse import parse_email
    from .tools.models import InboundMessage
    from .worker import incoming

    with ledger.session() as s:
        row = s.exec(select(InboundMessage).where(InboundMessage.message_id == message_id)).one()
        return incoming(parse_email(row.raw or b""), row)


def print_outcomes(outcomes: list[Any]) -> None:
    """A table of replies: who, what was understood, what was done or is waiting."""
    table = Table(title=f"{len(outcomes)} replies triaged", show_lines=True, expand=True)
    table.add_column("from / subject", ratio=3)
    table.add_column("customer", ratio=1)
    table.add_column("understood", ratio=3)
    table.add_column("actions", ratio=4)
    for o in outcomes:
        understood = (
            "\n".join(
                f"{f['intent']} {' '.join(f['invoices'])} ({f['confidence']:.2f})".strip()
                for f in o.findings
            )
            or "[dim]nothing[/dim]"
        )
        acts = "\n".join(_action_line(a) for a in o.actions) or "[dim]none[/dim]"
        if o.status == "pending_approval":
            acts = (
                f"[yellow]waiting for approval: {'; '.join(o.approval_reasons)}[/yellow]\n" + acts
            )
        table.add_row(
            f"{o.sender}\n[dim]{o.subject}[/dim]",
            o.customer or "[red]unmatched[/red]",
            understood,
            acts,
        )
    console.print(table)


def _action_line(action: dict[str, Any]) -> str:
    colour = {"done": "green", "pending_approval": "yellow", "skipped": "red"}.get(
        action["status"], "white"
    )
    args = action.get("args", {})
    target = args.get("queue") or args.get("invoice") or ",".join(args.get("invoices") or [])
    return f"[{colour}]{action['status']}[/{colour}] {action['name']} {target}".rstrip()


# Sub-apps of the rooms, wired after the root app exists.
from .agent.notice_commands import configure as configure_notices  # noqa: E402
from .agent.notice_commands import dunning_app, notices_app  # noqa: E402
from .evals.commands import app as eval_app  # noqa: E402
from .mailbox.commands import sender_from_settings  # noqa: E402

app.add_typer(eval_app, name="eval")
app.add_typer(dunning_app, name="dunning")
app.add_typer(notices_app, name="notices")
configure_notices(sender_factory=lambda s: sender_from_settings(s))

approvals_app = typer.Typer(help="Suggested routings waiting for a person.", no_args_is_help=False)
app.add_typer(approvals_app, name="approvals")


@approvals_app.callback(invoke_without_command=True)
@clear_errors
def approvals_list(ctx: typer.Context, db: DbOption = None) -> None:
    """List pending approvals."""
    if ctx.invoked_subcommand:
        return
    from .tools.models import Approval

    with open_ledger(db).session() as s:
        rows = list(
            s.exec(select(Approval).where(Approval.status == "pending").order_by(Approval.id))
        )  # type: ignore[arg-type]
    table = Table(title=f"{len(rows)} pending approvals", show_lines=True)
    for col_name in ("message", "customer", "why", "proposed actions"):
        table.add_column(col_name)
    for a in rows:
        proposal = a.proposal or {}
        table.add_row(
            a.message_id,
            str(proposal.get("customer") or "-"),
            "\n".join(a.reasons),
            "\n".join(_action_line(x) for x in proposal.get("actions", [])),
        )
    console.print(table)


def _decide(message_id: str, decision: dict[str, Any], by: str, db: str | None) -> None:
    from .agent.checkpoint import open_checkpointer
    from .agent.service import ApprovalError

    ledger = open_ledger(db)
    with open_checkpointer(ledger.url) as saver:
        try:
            outcome = make_triager(ledger, saver, get_settings().model).decide(
                message_id, decision, by=by
            )
        except ApprovalError as exc:
            raise ValueError(str(exc)) from None
    print_outcomes([outcome])


ByOption = Annotated[str, typer.Option("--by", help="Who decides (kept in the audit log)")]


@approvals_app.command("accept")
@clear_errors
def approvals_accept(message_id: str, by: ByOption = "cli", db: DbOption = None) -> None:
    """Accept the suggested routing: its actions run once."""
    _decide(message_id, {"decision": "accept"}, by, db)


@approvals_app.command("reject")
@clear_errors
def approvals_reject(
    message_id: str, by: ByOption = "cli", note: str = "", db: DbOption = None
) -> None:
    """Reject the suggested routing: nothing runs."""
    _decide(message_id, {"decision": "reject", "note": note}, by, db)


@approvals_app.command("edit")
@clear_errors
def approvals_edit(
    message_id: str,
    actions: Annotated[Path, typer.Option(help="JSON file: a list of {name, args} to run instead")],
    by: ByOption = "cli",
    db: DbOption = None,
) -> None:
    """Run edited actions instead of the suggested ones (each checked like any other)."""
    import json

    try:
        edited = json.loads(actions.read_text())
    except json.JSONDecodeError as exc:
        raise ValueError(f"{actions}: not JSON ({exc})") from None
    if not isinstance(edited, list):
        raise ValueError(f"{actions}: expected a JSON list of actions")
    _decide(message_id, {"decision": "edit", "actions": edited}, by, db)


@app.command()
@clear_errors
def watch(
    once: Annotated[bool, typer.Option("--once", help="Process what is there and exit")] = False,
) -> None:
    """Follow the IMAP inbox: record every new message, then triage it."""
    from .agent.checkpoint import open_checkpointer
    from .mailbox.commands import watch_command
    from .mailbox.threading import assign_match, match_customer
    from .worker import process_pending

    s = get_settings()
    ledger = open_ledger()

    def record_and_match(email: Any, row: Any, session: Any) -> None:
        # Inside the recording transaction: only the match; triage runs after commit.
        assign_match(row, match_customer(session, email))
        session.add(row)

    from .api.slack import notifier_from_settings, notify_pending

    notifier = notifier_from_settings(s)  # None when Slack is off

    def triage_pending() -> list[Any]:
        outcomes = process_pending(triager)
        notify_pending(ledger, notifier)  # approvals Slack has not seen yet
        return outcomes

    with open_checkpointer(ledger.url) as saver:
        triager = make_triager(ledger, saver, s.model)
        triage_pending()  # whatever an earlier run recorded but did not triage

        if once:
            watch_command(True, record_and_match, settings=s)
            outcomes = triage_pending()
            console.print(f"triaged {len(outcomes)} messages", highlight=False)
            return
        import threading

        stop = threading.Event()

        def triage_loop() -> None:
            while not stop.wait(2.0):
                triage_pending()

        worker = threading.Thread(target=triage_loop, name="arbox-triage", daemon=True)
        worker.start()
        try:
            watch_command(False, record_and_match, settings=s, stop_event=stop)
        finally:
            stop.set()
            worker.join(timeout=10)


@app.command()
@clear_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    watch_inbox: Annotated[
        bool | None,
        typer.Option("--watch/--no-watch", help="Follow the IMAP inbox too (ARBOX_SERVE_WATCH)"),
    ] = None,
) -> None:
    """Serve the HTTP API: approvals, notices, tasks, payments, Slack; optionally the inbox."""
    import uvicorn

    from .api import create_app
    from .mailbox.commands import watcher_from_settings
    from .mailbox.errors import MailboxError

    s = get_settings()
    if s.serve_watch if watch_inbox is None else watch_inbox:
        try:  # incomplete IMAP settings: one clear line now, not a failed startup later
            watcher_from_settings(open_ledger(), s).close()
        except MailboxError as exc:
            raise ValueError(f"cannot watch the inbox: {exc}") from None
    uvicorn.run(create_app(s, watch=watch_inbox), host=host, port=port)


def main() -> None:
    app()
