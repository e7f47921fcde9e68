"""The composition root: the one place arbox is put together.

`build(settings)` opens the ledger and the graph checkpointer and makes the
classifier, the triager, the Slack notifier and (on first use) the notice
rewriter, the sender and the IMAP watcher. The CLI, the API, the worker, the
demo and the benchmarks call it and nothing else assembles these pieces; no
module keeps wiring in a global.

    with build(settings) as app:
        process_pending(app.triager)

Everything a test wants to swap (ledger, classifier, notifier, sender) is a
keyword argument; the rest comes from `Settings`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .settings import Settings, get_settings
from .tools.db import Ledger

if TYPE_CHECKING:
    from .agent.classifier import Classifier
    from .agent.notices import Sender
    from .agent.policy import PolicyConfig
    from .agent.rewrite import Rewriter
    from .agent.service import Triager
    from .agent.slack import SlackNotifier
    from .mailbox.imap import ImapWatcher


@dataclass
class App:
    """The assembled application: what every entry point works with."""

    settings: Settings
    ledger: Ledger
    classifier: Classifier
    checkpointer: Any
    """The langgraph checkpoint saver on the ledger's own database."""
    notifier: SlackNotifier | None
    """None when Slack is off."""
    today: Callable[[], date] = date.today
    """The run's today (tests and the demo pin it)."""
    sender_override: Sender | None = None

    @cached_property
    def triager(self) -> Triager:
        """The triage graph bound to this ledger, classifier and checkpointer."""
        from .agent.service import Triager

        return Triager(
            self.ledger,
            self.classifier,
            self.checkpointer,
            policy=policy_from(self.settings),
            read_ahead=self.settings.read_ahead,
        )

    @cached_property
    def rewriter(self) -> Rewriter:
        """Offline tone templates, or the configured model (langchain imported only then)."""
        return rewriter_from_settings(self.settings)

    @cached_property
    def sender(self) -> Sender:
        """The outbox folder (dry run) or SMTP; `MailboxError` when neither is configured."""
        return self.sender_override or sender_from_settings(self.settings)

    def watcher(self) -> ImapWatcher:
        """A new IMAP watcher for the shared inbox; `MailboxError` when not configured."""
        return watcher_from_settings(self.ledger, self.settings)


@contextmanager
def build(
    settings: Settings | None = None,
    *,
    database_url: str | None = None,
    model: str | None = None,
    ledger: Ledger | None = None,
    classifier: Classifier | None = None,
    notifier: SlackNotifier | None = None,
    sender: Sender | None = None,
    today: Callable[[], date] | None = None,
    slack: bool = True,
    create: bool = True,
) -> Iterator[App]:
    """Assemble the app; everything it opened is closed on exit.

    ``database_url`` and ``model`` override the settings for one run (the CLI's
    ``--db`` and ``--model``); ``ledger``, ``classifier``, ``notifier`` and
    ``sender`` replace what the settings would build. ``slack=False`` leaves
    Slack off whatever the settings say. ``create=False`` refuses a database that
    holds no ledger yet (`NoLedger`) instead of making an empty one.
    """
    from .agent.build import build_classifier
    from .agent.checkpoint import open_checkpointer

    s = settings or get_settings()
    with ExitStack() as stack:
        led = ledger
        if led is None:
            led = Ledger.open(database_url or s.database_url, create=create)
            stack.callback(led.dispose)
        saver = stack.enter_context(open_checkpointer(led.url))
        yield App(
            settings=s,
            ledger=led,
            classifier=classifier
            or build_classifier(
                model or s.model,
                timeout=s.llm_timeout,
                attempts=s.llm_attempts,
                budget=s.llm_budget,
            ),
            checkpointer=saver,
            notifier=notifier
            if notifier is not None
            else (notifier_from_settings(s) if slack else None),
            today=today or date.today,
            sender_override=sender,
        )


def policy_from(settings: Settings) -> PolicyConfig:
    """The policy thresholds from settings."""
    from .agent.policy import PolicyConfig

    return PolicyConfig(
        approval_confidence=settings.approval_confidence,
        approval_amount=settings.approval_amount,
        autonomy_threshold=settings.autonomy_threshold,
        payment_claim_pause_days=settings.payment_claim_pause_days,
        promise_tolerance_days=settings.promise_tolerance_days,
    )


def rewriter_from_settings(settings: Settings) -> Rewriter:
    """`offline` -> tone templates; `openai:<model>` -> that model through langchain-openai."""
    from .agent.rewrite import LLMRewriter, OfflineRewriter

    if settings.model.startswith("openai:"):
        from langchain_openai import ChatOpenAI

        name = settings.model.split(":", 1)[1]
        return LLMRewriter(ChatOpenAI(model=name, temperature=0), name=settings.model)
    return OfflineRewriter()


def notifier_from_settings(settings: Settings) -> SlackNotifier | None:
    """A notifier when ARBOX_SLACK_BOT_TOKEN and ARBOX_SLACK_CHANNEL are set, else None."""
    if not settings.slack_enabled:
        return None
    from slack_sdk import WebClient

    from .agent.slack import DEFAULT_BASE_URL, SlackNotifier

    assert settings.slack_bot_token is not None and settings.slack_channel
    base_url = settings.slack_base_url or DEFAULT_BASE_URL
    client = WebClient(
        token=settings.slack_bot_token.get_secret_value(),
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        timeout=10,
        retry_handlers=[],  # retries happen in one place: tenacity in SlackNotifier
    )
    return SlackNotifier(client, settings.slack_channel, settings.slack_allowed_users)


def sender_from_settings(settings: Settings) -> Sender:
    """The dry-run outbox when ARBOX_OUTBOX_DIR is set, else SMTP from ARBOX_SMTP_*."""
    from .mailbox.errors import MailboxError
    from .mailbox.smtp import Mailer, OutboxWriter

    if settings.outbox_dir:
        return OutboxWriter(settings.outbox_dir)
    if not settings.smtp_host:
        raise MailboxError("set ARBOX_SMTP_HOST, or ARBOX_OUTBOX_DIR for a dry run")
    return Mailer(
        settings.smtp_host,
        settings.smtp_port,
        user=settings.smtp_user,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        ssl=settings.smtp_ssl,
        starttls=settings.smtp_starttls,
    )


def watcher_from_settings(ledger: Ledger, settings: Settings) -> ImapWatcher:
    """An `ImapWatcher` for the ARBOX_IMAP_* settings; `MailboxError` when they are incomplete."""
    from .mailbox.errors import MailboxError
    from .mailbox.imap import ImapWatcher

    s = settings
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


class _MailReader:
    """The mailbox room's parser and reply splitter, for the evals (`evals.cases.MailReader`)."""

    def parse(self, raw: bytes) -> Any:
        from .mailbox.parse import parse_email

        return parse_email(raw)

    def split(self, body: str) -> tuple[str, str, str]:
        from .mailbox.reply import split_reply

        return split_reply(body)


def mail_reader() -> _MailReader:
    """How evals read a case's mail: exactly as the product reads the inbox."""
    return _MailReader()
