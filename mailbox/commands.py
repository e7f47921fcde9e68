"""Command bodies the root CLI wires in (`arbox watch [--once]`), and factories from settings."""

from __future__ import annotations

import imaplib
import logging
import threading

import typer

from arbox.settings import Settings, get_settings
from arbox.tools.db import Ledger

from .errors import MailboxError
from .imap import DrainStats, Handler, ImapWatcher, record_only
from .smtp import Mailer, OutboxWriter, Sender

log = logging.getLogger(__name__)


def watcher_from_settings(ledger: Ledger, settings: Settings | None = None) -> ImapWatcher:
    """An `ImapWatcher` for the ARBOX_IMAP_* settings; `MailboxError` when they are incomplete."""
    s = settings or get_settings()
    if not s.imap_host or not s.imap_user:
        raise MailboxError("set ARBOX_IMAP_HOST and ARBOX_IMAP_USER to watch an inbox")
    password = s.imap_password.get_secret_value() if s.imap_password else None
    token = s.imap_oauth2_token.get_secret_value() if s.imap_oauth2_token else None
    if not password and not token:
        raise MailboxError("set ARBOX_IMAP_PASSWORD or ARBOX_IMAP_OAUTH2_TOKEN")
    return ImapWatcher(
        ledger,
        host=s.imap_host,
        port=s.imap_port,
        user=s.imap_user,
        password=password,
        oauth2_token=token,
        folder=s.imap_folder,
        ssl=s.imap_ssl,
        starttls=s.imap_starttls,
        done_keyword=s.imap_done_keyword,
        move_to=s.imap_move_to,
        poll_seconds=s.imap_poll_seconds,
    )


def sender_from_settings(settings: Settings | None = None) -> Sender:
    """The dry-run outbox when ARBOX_OUTBOX_DIR is set, else SMTP from ARBOX_SMTP_*."""
    s = settings or get_settings()
    if s.outbox_dir:
        return OutboxWriter(s.outbox_dir)
    if not s.smtp_host:
        raise MailboxError("set ARBOX_SMTP_HOST, or ARBOX_OUTBOX_DIR for a dry run")
    return Mailer(
        s.smtp_host,
        s.smtp_port,
        user=s.smtp_user,
        password=s.smtp_password.get_secret_value() if s.smtp_password else None,
        ssl=s.smtp_ssl,
        starttls=s.smtp_starttls,
    )


def describe(stats: DrainStats) -> str:
    return (
        f"fetched {stats.fetched}, new {stats.new}, duplicates {stats.duplicates}, "
        f"unparseable {stats.unparseable}, handler errors {stats.handler_errors}, "
        f"reconnects {stats.reconnects}, last UID {stats.last_uid} in {stats.seconds:.1f}s"
    )


def watch_command(
    once: bool = False,
    handler: Handler | None = None,
    *,
    settings: Settings | None = None,
    stop_event: threading.Event | None = None,
) -> DrainStats | None:
    """`arbox watch [--once]`: drain the inbox (and with no ``once``, follow it).

    ``handler`` is called once per new message inside its recording transaction
    (the lead passes the triage graph); by default messages are only recorded.
    Configuration problems print one line and exit with code 2.
    """
    s = settings or get_settings()
    ledger = Ledger.open(s.database_url)
    try:
        watcher = watcher_from_settings(ledger, s)
        if once:
            stats = watcher.drain(handler or record_only)
            typer.echo(describe(stats))
            watcher.close()
            return stats
        typer.echo(f"watching {s.imap_folder} on {s.imap_host} (Ctrl-C to stop)")
        try:
            watcher.watch(handler or record_only, stop_event)
        except KeyboardInterrupt:
            watcher.close()
        return None
    except MailboxError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    except (OSError, imaplib.IMAP4.error) as exc:  # retries exhausted: the server is away
        typer.echo(f"error: IMAP server {s.imap_host}: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        ledger.dispose()
