"""`arbox triage` (replies from files) and `arbox approvals` (what waits for a person)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from .common import (
    EXIT_FAILED,
    ByOption,
    DateOption,
    DbOption,
    console,
    counted,
    db_url,
    err,
    handle_errors,
    parse_day,
    plain,
    remember_db,
)

if TYPE_CHECKING:
    from ..agent.service import Outcome
    from ..bootstrap import App

ModelOption = Annotated[
    str | None, typer.Option("--model", help="offline or openai:<model> (default ARBOX_MODEL)")
]


@handle_errors
def triage(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help=".eml files, folders of them, mbox files, maildirs")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per line per message")
    ] = False,
    model: ModelOption = None,
    on: DateOption = None,
    db: DbOption = None,
) -> None:
    """Triage replies from files: understand each one and act on the ledger (or ask a person)."""
    from ..bootstrap import build
    from ..mailbox.parse import has_headers
    from ..mailbox.sources import iter_paths
    from ..worker import ingest, process_pending, stored_incoming

    today = parse_day(on)
    refused: list[str] = []

    def emails() -> Iterator[tuple[str, bytes]]:
        for label, raw in iter_paths([str(p) for p in paths]):
            if raw.strip() and not has_headers(raw):
                refused.append(label)  # a plain-text file, not a message: left as it is
                continue
            yield label, raw

    with build(database_url=db_url(ctx, db), create=False, model=model, slack=False) as app:
        ingested = ingest(app.ledger, emails())
        for label in refused:
            err.print(
                f"{label}: not an email message (no headers such as From: and Subject:); "
                "save the reply from the mail program as .eml",
                highlight=False,
                markup=False,
            )
        for label, error in ingested.unparseable:
            err.print(
                f"{label}: not a readable email ({error}); stored raw for a person",
                highlight=False,
                markup=False,
            )
        wanted = list(dict.fromkeys(ingested.ids_by_source.values()))
        fresh = {
            o.message_id: o for o in process_pending(app.triager, today=today, message_ids=wanted)
        }
        # Messages triaged by an earlier run are answered from their checkpoint.
        outcomes = []
        for mid in wanted:
            if mid in fresh:
                outcomes.append(fresh[mid])
            elif (earlier := stored_incoming(app.ledger, mid, triaged_only=True)) is not None:
                outcomes.append(app.triager.process(earlier, today=today))
    if as_json:
        for outcome in outcomes:
            typer.echo(json.dumps(outcome.as_contract(), ensure_ascii=False, default=str))
    else:
        print_outcomes(outcomes)
    if refused:
        raise typer.Exit(EXIT_FAILED)


def print_outcomes(outcomes: list[Outcome]) -> None:
    """A table of replies: who, what was understood, what was done or is waiting."""
    noun = "reply" if len(outcomes) == 1 else "replies"
    table = Table(title=f"{len(outcomes)} {noun} triaged", show_lines=True, expand=True)
    table.add_column("from / subject", ratio=3)
    table.add_column("customer", ratio=1)
    table.add_column("understood", ratio=3)
    table.add_column("actions", ratio=4)
    for o in outcomes:
        understood = (
            "\n".join(
                escape(" ".join([f["intent"], *f["invoices"], f"({f['confidence']:.2f})"]))
                for f in o.findings
            )
            or "[dim]nothing[/dim]"
        )
        acts = "\n".join(action_line(a) for a in o.actions) or "[dim]none[/dim]"
        if o.status == "pending_approval":
            acts = (
                f"[yellow]waiting for approval: {escape('; '.join(o.approval_reasons))}[/yellow]\n"
                + acts
            )
        table.add_row(
            f"{escape(o.sender)}\n[dim]{escape(o.subject)}[/dim]",
            escape(o.customer) if o.customer else "[red]unmatched[/red]",
            understood,
            acts,
        )
    console.print(table)


def action_line(action: dict[str, Any]) -> str:
    """One proposed or done action, coloured by its status."""
    colour = {"done": "green", "pending_approval": "yellow", "skipped": "red"}.get(
        action["status"], "white"
    )
    args = action.get("args", {})
    target = args.get("queue") or args.get("invoice") or ",".join(args.get("invoices") or [])
    what = f"{action['name']} {target}".rstrip()
    if action["status"] == "skipped" and action.get("detail"):
        what += f" ({action['detail']})"
    return f"[{colour}]{action['status']}[/{colour}] {escape(what)}"


approvals_app = typer.Typer(help="Suggested routings waiting for a person.", no_args_is_help=False)


@approvals_app.callback(invoke_without_command=True)
@handle_errors
def approvals_list(ctx: typer.Context, db: DbOption = None) -> None:
    """List pending approvals (sub-commands accept, reject, edit decide one)."""
    remember_db(ctx, db)
    if ctx.invoked_subcommand:
        return
    from sqlmodel import select

    from ..tools.db import Ledger
    from ..tools.models import Approval

    with Ledger.open(db_url(ctx, db), create=False).session() as s:
        rows = list(
            s.exec(select(Approval).where(Approval.status == "pending").order_by(Approval.id))  # type: ignore[arg-type]
        )
    table = Table(title=f"{len(rows)} pending approvals", show_lines=True)
    table.add_column("#", no_wrap=True)
    table.add_column("message", no_wrap=True)  # shown whole: it is what `accept` takes
    for col_name in ("customer", "why", "proposed actions"):
        table.add_column(col_name)
    for a in rows:
        proposal = a.proposal or {}
        table.add_row(
            *plain(a.id, a.message_id, proposal.get("customer") or "-", "\n".join(a.reasons)),
            "\n".join(action_line(x) for x in proposal.get("actions", [])),
        )
    console.print(table)


def _decide(
    ctx: typer.Context, message_id: str, decision: dict[str, Any], by: str, db: str | None
) -> None:
    from ..agent.act import REFUSED, REJECTED
    from ..bootstrap import build

    with build(database_url=db_url(ctx, db), create=False) as app:
        with app.ledger.session() as session:
            found = find_approval(session, message_id)
        outcome = decide(app, found.message_id, decision, by=by)
    print_outcomes([outcome])
    refused = [a for a in outcome.actions if str(a.get("detail") or "").startswith(REFUSED)]
    if refused:
        # The decision is recorded and the rest ran; what the ledger refused is not done.
        ran = [a for a in outcome.actions if a.get("detail") != REJECTED]
        err.print(
            f"{len(refused)} of {counted(len(ran), 'action')} refused by the ledger, not done: "
            + "; ".join(escape(f"{a['name']}: {a['detail']}") for a in refused),
            highlight=False,
        )
        raise typer.Exit(EXIT_FAILED)


def find_approval(session: Any, given: str) -> Any:
    """An approval by its number (`#` in the list) or its message id, brackets optional."""
    from sqlmodel import col, select

    from ..agent.errors import ApprovalError
    from ..tools.models import Approval

    text = given.strip()
    if text.isdigit():
        row = session.get(Approval, int(text))
    else:
        bare = text.strip("<>")
        row = session.exec(
            select(Approval).where(col(Approval.message_id).in_([f"<{bare}>", bare]))
        ).first()
    if row is None:
        raise ApprovalError(f"no approval {given!r}: `arbox approvals` lists them")
    return row


@approvals_app.command("relabel")
@handle_errors
def approvals_relabel(
    ctx: typer.Context,
    message_id: Annotated[str, typer.Argument(help="An approval's number or any message id")],
    intents: Annotated[list[str], typer.Argument(help="The intents the reply really carries")],
    by: ByOption = "cli",
    note: str = "",
    db: DbOption = None,
) -> None:
    """Say what a reply really meant; `arbox eval export-corrections` makes it an eval case."""
    from sqlmodel import col, select

    from ..agent.findings import INTENTS
    from ..tools.corrections import relabel
    from ..tools.db import Ledger
    from ..tools.models import Approval, InboundMessage

    with Ledger.open(db_url(ctx, db), create=False).transaction() as s:
        text = message_id.strip()
        approval = s.get(Approval, int(text)) if text.isdigit() else None
        bare = text.strip("<>")
        target = (
            approval.message_id
            if approval
            else s.exec(
                select(InboundMessage.message_id).where(
                    col(InboundMessage.message_id).in_([f"<{bare}>", bare])
                )
            ).first()
            or text
        )
        relabel(s, message_id=target, labels=intents, known=INTENTS, by=by, note=note)
    console.print(f"{target}: relabelled {', '.join(intents)}", highlight=False)


@approvals_app.command("show")
@handle_errors
def approvals_show(ctx: typer.Context, message_id: str, db: DbOption = None) -> None:
    """The reply, the evidence, the findings, the proposed actions and why a person is asked."""
    from rich.markup import escape
    from rich.panel import Panel

    from ..tools.db import Ledger
    from ..tools.models import InboundMessage
    from ..worker import stored_email

    with Ledger.open(db_url(ctx, db), create=False).session() as s:
        approval = find_approval(s, message_id)
        from sqlmodel import select

        row = s.exec(
            select(InboundMessage).where(InboundMessage.message_id == approval.message_id)
        ).first()
        reply = stored_email(row).reply_text if row is not None and row.raw else ""
    proposal = approval.proposal or {}
    findings = proposal.get("findings") or []
    text = escape(reply)
    for quote in {f.get("evidence") for f in findings if f.get("evidence")}:
        text = text.replace(escape(quote), f"[reverse]{escape(quote)}[/reverse]")
    console.print(
        f"#{approval.id} {escape(f'{approval.message_id} [{approval.status}]')}\n"
        f"from {escape(str(proposal.get('from') or '-'))}, customer "
        f"{escape(str(proposal.get('customer') or 'unmatched'))}\n"
        f"subject {escape(str(proposal.get('subject') or '-'))}",
        highlight=False,
    )
    console.print(Panel(text or "[dim](no text)[/dim]", title="reply (evidence highlighted)"))
    console.print("[bold]why a person is asked[/bold]")
    for reason in approval.reasons:
        console.print(f"  - {escape(reason)}", highlight=False)
    console.print("[bold]understood[/bold]")
    for f in findings:
        fields = ", ".join(f"{k}={v}" for k, v in (f.get("fields") or {}).items() if v is not None)
        console.print(
            f"  {f.get('intent')} {' '.join(f.get('invoices') or [])} "
            f"({float(f.get('confidence', 0)):.2f}) {escape(fields)}",
            highlight=False,
        )
    console.print("[bold]proposed actions[/bold]")
    for a in proposal.get("actions") or []:
        console.print(
            f"  {a['name']} "
            f"{escape(json.dumps(a.get('args') or {}, default=str, ensure_ascii=False))}",
            highlight=False,
        )


def decide(app: App, message_id: str, decision: dict[str, Any], *, by: str) -> Outcome:
    """Answer one approval through the triager (the graph resumes and acts once)."""
    return app.triager.decide(message_id, decision, by=by)


@approvals_app.command("accept")
@handle_errors
def approvals_accept(
    ctx: typer.Context, message_id: str, by: ByOption = "cli", db: DbOption = None
) -> None:
    """Accept the suggested routing: its actions run once."""
    _decide(ctx, message_id, {"decision": "accept"}, by, db)


@approvals_app.command("reject")
@handle_errors
def approvals_reject(
    ctx: typer.Context, message_id: str, by: ByOption = "cli", note: str = "", db: DbOption = None
) -> None:
    """Reject the suggested routing: nothing runs."""
    _decide(ctx, message_id, {"decision": "reject", "note": note}, by, db)


@approvals_app.command("edit")
@handle_errors
def approvals_edit(
    ctx: typer.Context,
    message_id: str,
    actions: Annotated[Path, typer.Option(help="JSON file: a list of {name, args} to run instead")],
    by: ByOption = "cli",
    db: DbOption = None,
) -> None:
    """Run edited actions instead of the suggested ones (each checked like any other)."""
    try:
        edited = json.loads(actions.read_text())
    except json.JSONDecodeError as exc:
        raise ValueError(f"{actions}: not JSON ({exc})") from None
    if not isinstance(edited, list):
        raise ValueError(f"{actions}: expected a JSON list of actions")
    from ..api.decisions import check_edit  # the same check as the API and Slack

    edited = check_edit(edited)  # refused before the approval is touched: it can be retried
    _decide(ctx, message_id, {"decision": "edit", "actions": edited}, by, db)


@handle_errors
def actions() -> None:
    """The toolbox: every action the agent may propose, with its arguments (for approvals edit)."""
    from ..agent.toolbox import TOOLBOX

    table = Table(title="Actions (approvals edit takes a JSON list of {name, args})")
    table.add_column("action")
    table.add_column("what it does")
    table.add_column("arguments (* required)")
    for name, tool in TOOLBOX.items():
        args = ", ".join(
            f"{arg}{'*' if field.is_required() else ''}"
            for arg, field in tool.args.model_fields.items()
        )
        table.add_row(name.value, (tool.args.__doc__ or "").strip(), args)
    console.print(table)
