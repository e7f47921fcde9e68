"""CLI sub-apps: ``arbox dunning run`` and ``arbox notices list|show|approve|edit|reject``.

The root CLI mounts them (``app.add_typer(dunning_app, name="dunning")``...) and, for
sending, registers how a sender is built from the settings with `configure` (agent/
never imports mailbox/). Errors come out as one line and exit code 1.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from arbox.settings import Settings, get_settings
from arbox.tools import notices as store
from arbox.tools.audit import jsonable
from arbox.tools.db import Ledger
from arbox.tools.dunning import load_cadences
from arbox.tools.errors import LedgerError

from .notices import DunningRunResult, Sender, edit_notice, run_dunning, send_notice
from .rewrite import LLMRewriter, OfflineRewriter, Rewriter

dunning_app = typer.Typer(help="The dunning schedule.", no_args_is_help=True)
notices_app = typer.Typer(help="Outgoing notices and the review queue.", no_args_is_help=True)
_sender_factory: Callable[[Settings], Sender] | None = None


@dunning_app.callback()
def _dunning() -> None:
    """The dunning schedule (a callback keeps `run` a sub-command even when alone)."""


def configure(*, sender_factory: Callable[[Settings], Sender]) -> None:
    """Tell the commands how to build a sender (SMTP or outbox) from the settings."""
    global _sender_factory
    _sender_factory = sender_factory


def rewriter_from_settings(settings: Settings) -> Rewriter:
    """`offline` -> tone templates; `openai:<model>` -> that model through langchain-openai."""
    if settings.model.startswith("openai:"):
        from langchain_openai import ChatOpenAI

        name = settings.model.split(":", 1)[1]
        return LLMRewriter(ChatOpenAI(model=name, temperature=0), name=settings.model)
    return OfflineRewriter()


def print_run(result: DunningRunResult, console: Console, *, bodies: bool = False) -> None:
    """Rich tables: the notices that go (or would go) out, and those held for review."""
    verb = "would send" if result.dry_run else "sent or ready"
    go = Table(title=f"Dunning {result.run_date}: {verb} ({len(result.to_send)})")
    for col in ("customer", "to", "stage", "invoices", "total", "wording", "status"):
        go.add_column(col)
    for n in result.to_send:
        go.add_row(
            n.due.customer,
            n.due.contact_email or "-",
            n.due.stage.name,
            ", ".join(n.invoices),
            f"{n.due.currency} {n.due.total:,.2f}",
            f"{n.tone} ({n.outcome})",
            n.status,
        )
    held = Table(title=f"Held for review ({len(result.held)})")
    for col in ("customer", "stage", "invoices", "total", "reason"):
        held.add_column(col)
    for n in result.held:
        held.add_row(
            n.due.customer,
            n.due.stage.name,
            ", ".join(n.invoices),
            f"{n.due.currency} {n.due.total:,.2f}",
            n.held_reason or "",
        )
    console.print(go)
    console.print(held)
    if bodies:
        for n in result.notices:
            console.rule(f"{n.due.customer} <{n.due.contact_email or 'no contact'}> [{n.status}]")
            console.print(f"Subject: {n.subject}\n\n{n.body}", markup=False, highlight=False)


@contextmanager
def _cli_errors() -> Iterator[None]:
    try:
        yield
    except (LedgerError, ValueError, OSError) as exc:
        Console(stderr=True).print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None


def _day(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--date must be YYYY-MM-DD, not {value!r}") from None


def _sender(settings: Settings) -> Sender:
    if _sender_factory is None:
        raise ValueError("no sender is configured for this command (SMTP or outbox)")
    return _sender_factory(settings)


DateOpt = Annotated[str | None, typer.Option("--date", help="Run date (YYYY-MM-DD); today.")]


@dunning_app.command("run")
def dunning_run(
    day: DateOpt = None,
    send: Annotated[bool, typer.Option("--send/--dry-run", help="Record and send.")] = False,
    cadence: Annotated[Path | None, typer.Option(help="A cadence TOML file.")] = None,
    bodies: Annotated[bool, typer.Option("--bodies", help="Print every notice's text.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Pick what is due on the date; print it (dry run) or record and send it."""
    with _cli_errors():
        settings = get_settings()
        today = _day(day)
        ledger = Ledger.open(settings.database_url)
        result = run_dunning(
            ledger,
            today=today,
            rewriter=rewriter_from_settings(settings),
            sender=_sender(settings) if send else None,
            dry_run=not send,
            cadences=load_cadences(cadence) if cadence else None,
            from_addr=settings.smtp_from,
        )
        if as_json:
            typer.echo(json.dumps(jsonable(run_summary(result))))
        else:
            print_run(result, Console(), bodies=bodies)


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
                "status": n.status,
                "held_reason": n.held_reason,
                "outcome": n.outcome,
                "notice_id": n.notice_id,
                "message_id": n.message_id,
            }
            for n in result.notices
        ],
    }


@notices_app.command("list")
def notices_list(
    status: Annotated[str, typer.Option(help="held, draft, approved, sent, ... or all")] = "held",
) -> None:
    """List notices (the review queue by default)."""
    with _cli_errors():
        ledger = Ledger.open(get_settings().database_url)
        with ledger.session() as s:
            rows = store.list_notices(s, None if status == "all" else status)
        table = Table(title=f"Notices ({status}): {len(rows)}")
        for col in (
            "id",
            "run",
            "customer",
            "to",
            "stage",
            "invoices",
            "total",
            "status",
            "reason",
        ):
            table.add_column(col)
        for n in rows:
            table.add_row(
                str(n.id),
                str(n.run_date),
                str(n.customer_id),
                n.to_email,
                n.stage,
                ", ".join(n.invoices),
                f"{n.currency} {n.total:,.2f}",
                n.status,
                n.held_reason or "",
            )
        Console().print(table)


@notices_app.command("show")
def notices_show(notice_id: int) -> None:
    """Print one notice with its guardrail report."""
    with _cli_errors():
        ledger = Ledger.open(get_settings().database_url)
        with ledger.session() as s:
            n = store.get_notice(s, notice_id)
        typer.echo(f"#{n.id} {n.status} to {n.to_email} ({n.stage}, run {n.run_date})")
        typer.echo(f"Subject: {n.subject}\n\n{n.body}")
        report = (n.guardrail or {}).get("report") or {}
        for v in report.get("violations", []):
            typer.echo(f"guardrail: {v['code']}: {v['message']}")


By = Annotated[str, typer.Option("--by", help="Who decides (audit log).")]


@notices_app.command("approve")
def notices_approve(notice_id: int, by: By = "", send: bool = False, day: DateOpt = None) -> None:
    """Approve a held notice; with --send, send it now (through the send-time check)."""
    with _cli_errors():
        settings = get_settings()
        ledger = Ledger.open(settings.database_url)
        with ledger.transaction() as s:
            store.approve(s, notice_id, actor=by or getpass.getuser())
        typer.echo(f"notice {notice_id} approved")
        if send:
            out = send_notice(
                ledger, notice_id, _sender(settings), today=_day(day), from_addr=settings.smtp_from
            )
            typer.echo(f"notice {notice_id} {out.status} {out.message_id or out.reason or ''}")


@notices_app.command("edit")
def notices_edit(
    notice_id: int,
    body_file: Annotated[Path, typer.Option("--body-file", help="The new body (text file).")],
    subject: str | None = None,
    by: By = "",
    day: DateOpt = None,
) -> None:
    """Replace a notice's text; the guardrails re-check it against the ledger first."""
    with _cli_errors():
        ledger = Ledger.open(get_settings().database_url)
        body = body_file.read_text(encoding="utf-8")
        edit_notice(
            ledger,
            notice_id,
            body=body,
            subject=subject,
            today=_day(day),
            actor=by or getpass.getuser(),
        )
        typer.echo(f"notice {notice_id} edited; it waits for approval")


@notices_app.command("reject")
def notices_reject(notice_id: int, reason: str = "", by: By = "") -> None:
    """Reject a notice: it will not be sent, and its stage is not drafted again."""
    with _cli_errors():
        ledger = Ledger.open(get_settings().database_url)
        with ledger.transaction() as s:
            store.reject(s, notice_id, actor=by or getpass.getuser(), reason=reason)
        typer.echo(f"notice {notice_id} rejected")
