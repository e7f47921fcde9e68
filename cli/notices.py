"""`arbox dunning run` and `arbox notices list|show|approve|edit|reject`."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .common import (
    EXIT_FAILED,
    DateOption,
    DbOption,
    console,
    db_url,
    handle_errors,
    open_ledger,
    parse_day,
    plain,
    remember_db,
)

if TYPE_CHECKING:
    from ..agent.notices import DunningRunResult

dunning_app = typer.Typer(help="The dunning schedule.", no_args_is_help=True)
notices_app = typer.Typer(help="Outgoing notices and the review queue.", no_args_is_help=True)
ByOption = Annotated[str, typer.Option("--by", help="Who decides (audit log; default: you).")]


@dunning_app.callback()
def _dunning(ctx: typer.Context, db: DbOption = None) -> None:
    """The dunning schedule."""
    remember_db(ctx, db)


@notices_app.callback()
def _notices(ctx: typer.Context, db: DbOption = None) -> None:
    """Outgoing notices and the review queue."""
    remember_db(ctx, db)


@dunning_app.command("run")
@handle_errors
def dunning_run(
    ctx: typer.Context,
    day: DateOption = None,
    send: Annotated[bool, typer.Option("--send/--dry-run", help="Record and send.")] = False,
    cadence: Annotated[Path | None, typer.Option(help="A cadence TOML file.")] = None,
    bodies: Annotated[bool, typer.Option("--bodies", help="Print every notice's text.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    db: DbOption = None,
) -> None:
    """Pick what is due on the date; print it (dry run) or record and send it."""
    from ..agent.notices import run_dunning
    from ..bootstrap import build
    from ..tools.audit import jsonable
    from ..tools.dunning import load_cadences

    today = parse_day(day)
    with build(database_url=db_url(ctx, db), create=False, slack=False) as app:
        result = run_dunning(
            app.ledger,
            today=today,
            rewriter=app.rewriter,
            sender=app.sender if send else None,
            dry_run=not send,
            cadences=load_cadences(cadence) if cadence else None,
            from_addr=app.settings.smtp_from,
            default_locale=app.settings.default_locale,
            escalate_after=app.settings.escalate_after_ignored,
        )
    if as_json:
        typer.echo(json.dumps(jsonable(run_summary(result))))
    else:
        print_run(result, console, bodies=bodies)


def run_summary(result: DunningRunResult) -> dict[str, Any]:
    """A JSON-safe summary of a run."""
    return {
        "run_date": result.run_date,
        "dry_run": result.dry_run,
        "notices": [
            {
                "customer": n.due.external_id,
                "to": n.due.contact_email,
                "stage": n.due.stage.name,
                "invoices": n.invoices,
                "total": n.due.total,
                "language": n.locale.language,
                "locale": n.locale.locale,
                "escalated": n.escalated,
                "deviation": n.due.deviation,
                "status": n.status,
                "held_reason": n.held_reason,
                "outcome": n.outcome,
                "notice_id": n.notice_id,
                "message_id": n.message_id,
            }
            for n in result.notices
        ],
    }


def print_run(result: DunningRunResult, out: Console, *, bodies: bool = False) -> None:
    """Rich tables: the notices that go (or would go) out, and those held for review."""
    verb = "would send" if result.dry_run else "sent or ready"
    go = Table(title=f"Dunning {result.run_date}: {verb} ({len(result.to_send)})")
    for col in ("customer", "to", "stage", "invoices", "total", "wording", "status"):
        go.add_column(col)
    for n in result.to_send:
        go.add_row(
            *plain(
                n.due.customer,
                n.due.contact_email or "-",
                n.due.stage.name,
                ", ".join(n.invoices),
                f"{n.due.currency} {n.due.total:,.2f}",
                f"{n.tone} ({n.outcome})" + (", escalated" if n.escalated else ""),
                n.status + (" (flagged: off its payment pattern)" if n.due.deviation else ""),
            )
        )
    held = Table(title=f"Held for review ({len(result.held)})")
    for col in ("customer", "stage", "invoices", "total", "reason"):
        held.add_column(col)
    for n in result.held:
        held.add_row(
            *plain(
                n.due.customer,
                n.due.stage.name,
                ", ".join(n.invoices),
                f"{n.due.currency} {n.due.total:,.2f}",
                n.held_reason or "",
            )
        )
    out.print(go)
    out.print(held)
    if bodies:
        for n in result.notices:
            out.rule(Text(f"{n.due.customer} <{n.due.contact_email or 'no contact'}> [{n.status}]"))
            out.print(f"Subject: {n.subject}\n\n{n.body}", markup=False, highlight=False)


@notices_app.command("list")
@handle_errors
def notices_list(
    ctx: typer.Context,
    status: Annotated[str, typer.Option(help="held, draft, approved, sent, ... or all")] = "held",
    db: DbOption = None,
) -> None:
    """List notices (the review queue by default)."""
    from sqlmodel import col, select

    from ..tools import notices as store
    from ..tools.enums import NoticeStatus
    from ..tools.models import Customer

    known = [v.value for v in NoticeStatus]
    if status != "all" and status not in known:
        raise ValueError(f"unknown status {status!r}: use {', '.join(known)} or all")
    with open_ledger(ctx, db).session() as s:
        rows = store.list_notices(s, None if status == "all" else status)
        ids = {n.customer_id for n in rows}
        external = dict(
            s.exec(select(Customer.id, Customer.external_id).where(col(Customer.id).in_(ids))).all()
        )
    table = Table(title=f"Notices ({status}): {len(rows)}")
    for name in ("id", "run", "customer", "to", "stage", "invoices", "total", "status", "reason"):
        table.add_column(name)
    for n in rows:
        table.add_row(
            *plain(
                n.id,
                n.run_date,
                external.get(n.customer_id, n.customer_id),
                n.to_email or "-",
                n.stage,
                ", ".join(n.invoices),
                f"{n.currency} {n.total:,.2f}",
                n.status,
                n.held_reason or "",
            )
        )
    console.print(table)


@notices_app.command("show")
@handle_errors
def notices_show(ctx: typer.Context, notice_id: int, db: DbOption = None) -> None:
    """Print one notice with its guardrail report."""
    from ..tools import notices as store

    with open_ledger(ctx, db).session() as s:
        n = store.get_notice(s, notice_id)
    typer.echo(f"#{n.id} {n.status} to {n.to_email} ({n.stage}, run {n.run_date})")
    typer.echo(f"Subject: {n.subject}\n\n{n.body}")
    report = (n.guardrail or {}).get("report") or {}
    for v in report.get("violations", []):
        typer.echo(f"guardrail: {v['code']}: {v['message']}")


@notices_app.command("approve")
@handle_errors
def notices_approve(
    ctx: typer.Context,
    notice_id: int,
    by: ByOption = "",
    send: bool = False,
    day: DateOption = None,
    db: DbOption = None,
) -> None:
    """Approve a held notice; with --send, send it now (through the send-time check)."""
    from ..agent.notices import send_notice
    from ..bootstrap import build
    from ..tools import notices as store

    with build(database_url=db_url(ctx, db), create=False, slack=False) as app:
        sender = app.sender if send else None  # no mail server: refused before approving
        with app.ledger.transaction() as s:
            if sender is not None and not store.get_notice(s, notice_id).to_email:
                # Refused before approving: sending would only hold it again.
                raise ValueError(
                    f"notice {notice_id} has no recipient; give the customer a contact "
                    "(arbox import contacts) or approve it without --send"
                )
            store.approve(s, notice_id, actor=by or getpass.getuser())
        typer.echo(f"notice {notice_id} approved")
        if sender is not None:
            out = send_notice(
                app.ledger,
                notice_id,
                sender,
                today=parse_day(day),
                from_addr=app.settings.smtp_from,
            )
            typer.echo(f"notice {notice_id} {out.status} {out.message_id or out.reason or ''}")
            if out.status != "sent":
                raise typer.Exit(EXIT_FAILED)


@notices_app.command("edit")
@handle_errors
def notices_edit(
    ctx: typer.Context,
    notice_id: int,
    body_file: Annotated[Path, typer.Option("--body-file", help="The new body (text file).")],
    subject: str | None = None,
    by: ByOption = "",
    day: DateOption = None,
    db: DbOption = None,
) -> None:
    """Replace a notice's text; the guardrails re-check it against the ledger first."""
    from ..agent.notices import edit_notice

    body = body_file.read_text(encoding="utf-8")
    edit_notice(
        open_ledger(ctx, db),
        notice_id,
        body=body,
        subject=subject,
        today=parse_day(day),
        actor=by or getpass.getuser(),
    )
    typer.echo(f"notice {notice_id} edited; it waits for approval")


@notices_app.command("reject")
@handle_errors
def notices_reject(
    ctx: typer.Context, notice_id: int, reason: str = "", by: ByOption = "", db: DbOption = None
) -> None:
    """Reject a notice: it will not be sent, and its stage is not drafted again."""
    from ..tools import notices as store

    with open_ledger(ctx, db).transaction() as s:
        store.reject(s, notice_id, actor=by or getpass.getuser(), reason=reason)
    typer.echo(f"notice {notice_id} rejected")
