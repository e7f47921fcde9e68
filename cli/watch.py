"""`arbox watch` (the inbox), `arbox worker` (triage in several processes) and `arbox serve`
(the HTTP API, optionally with the inbox)."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import EXIT_FAILED, DbOption, console, db_url, err, handle_errors


@handle_errors
def watch(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="Process what is there and exit")] = False,
    db: DbOption = None,
) -> None:
    """Follow the IMAP inbox: record every new message, then triage it."""
    import imaplib

    from ..bootstrap import build
    from ..mailbox.imap import describe
    from ..worker import watch as watch_loop

    with build(database_url=db_url(ctx, db), create=False) as app:
        s = app.settings
        if not once and s.imap_host and s.imap_user:  # else the watcher says what is missing
            console.print(f"watching {s.imap_folder} on {s.imap_host} (Ctrl-C to stop)")
        try:
            report = watch_loop(app, once=once)
        except (OSError, imaplib.IMAP4.error) as exc:  # retries exhausted: the server is away
            err.print(f"error: IMAP server {s.imap_host}: {exc}", highlight=False, markup=False)
            raise typer.Exit(EXIT_FAILED) from None
    if report.drain is not None:
        console.print(describe(report.drain), highlight=False)
    console.print(f"triaged {report.triaged} messages", highlight=False)


@handle_errors
def worker(
    ctx: typer.Context,
    processes: Annotated[
        int, typer.Option("--processes", "-p", min=1, max=64, help="Worker processes")
    ] = 1,
    once: Annotated[bool, typer.Option("--once", help="Drain the queue and exit")] = False,
    db: DbOption = None,
) -> None:
    """Triage recorded messages in N processes sharing the queue (PostgreSQL; SQLite: one)."""
    import threading

    from ..settings import get_settings
    from ..tools.db import Ledger
    from ..worker import run_workers, worker_count

    url = db_url(ctx, db)
    Ledger.open(url, create=False).dispose()  # no ledger: say so before starting anything
    n, note = worker_count(url, processes)
    if note:
        err.print(note, highlight=False, markup=False)
    if not once:
        console.print(f"{n} worker process(es) following the queue (Ctrl-C to stop)")
    stop = threading.Event()
    try:
        report = run_workers(url, n, once=once, model=get_settings().model, stop=stop)
    except KeyboardInterrupt:
        stop.set()
        raise typer.Exit(0) from None
    rate = report.triaged / report.seconds if report.seconds else 0.0
    console.print(
        f"triaged {report.triaged} messages in {report.processes} process(es), "
        f"{report.seconds:.1f} s ({rate:.1f} msg/s)",
        highlight=False,
    )


@handle_errors
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    watch_inbox: Annotated[
        bool | None,
        typer.Option("--watch/--no-watch", help="Follow the IMAP inbox too (ARBOX_SERVE_WATCH)"),
    ] = None,
    db: DbOption = None,
) -> None:
    """Serve the HTTP API: approvals, notices, tasks, payments, Slack; optionally the inbox."""
    import uvicorn

    from ..api import create_app
    from ..bootstrap import watcher_from_settings
    from ..settings import get_settings
    from ..tools.db import Ledger

    s = get_settings()
    url = db_url(ctx, db)
    if url != s.database_url:
        s = s.model_copy(update={"database_url": url})
    if s.serve_watch if watch_inbox is None else watch_inbox:
        # Incomplete IMAP settings: one clear line now, not a failed startup later.
        ledger = Ledger.open(s.database_url, create=False)
        try:
            watcher_from_settings(ledger, s).close()
        finally:
            ledger.dispose()
    else:
        Ledger.open(s.database_url, create=False).dispose()  # no ledger: say so before serving
    uvicorn.run(create_app(s, watch=watch_inbox), host=host, port=port)
