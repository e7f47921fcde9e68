"""One settings object, read from the environment (prefix ``ARBOX_``) and ``.env``.

Names are a public interface: CONTRACTS.md section 4.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ARBOX_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///arbox.db"
    """Ledger, audit log and graph checkpoints; `postgresql+psycopg://...` for a server."""
    model: str = "offline"
    """`offline` (no network) or `openai:<model>` through langchain-openai."""
    llm_timeout: float = 30.0
    """Seconds one LLM request may take before it is abandoned (and retried)."""
    llm_attempts: int = 3
    """LLM requests per reply at most, retries of 429/5xx/timeouts included."""
    llm_budget: float = 90.0
    """Seconds one reply may spend in the LLM, retries included; over it, a person decides
    (with the offline suggestion) and the queue moves on."""
    llm_concurrency: int = 1
    """Replies triaged at once by one worker (LLM calls overlap; each reply still acts once)."""
    read_ahead: bool = True
    """With the offline classifier, a worker's batch is classified ahead in a second process
    (`agent.ahead`); false: one process."""

    imap_host: str | None = None
    imap_port: int | None = None
    imap_user: str | None = None
    imap_password: SecretStr | None = None
    imap_folder: str = "INBOX"
    imap_ssl: bool = True
    imap_starttls: bool = False
    imap_oauth2_token: SecretStr | None = None
    imap_done_keyword: str = "$ArboxDone"
    imap_move_to: str | None = None
    imap_poll_seconds: int = 60

    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_ssl: bool = False
    smtp_starttls: bool = True
    smtp_from: str = "ar@example.com"
    outbox_dir: str | None = None
    """Dry-run sending: write outgoing messages as .eml files here instead of SMTP."""

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_channel: str | None = None
    slack_allowed_users: list[str] = Field(default_factory=list)
    slack_base_url: str | None = None

    api_token: SecretStr | None = None
    serve_watch: bool = False
    """Run the IMAP watcher beside the API in `arbox serve`."""

    approval_confidence: float = 0.75
    """Findings below this confidence wait for a person."""
    approval_amount: Decimal = Decimal("10000")
    """Actions about more money than this wait for a person."""
    autonomy_threshold: float = 0.88
    """The policy acts alone only when its estimate that the reply's whole label set is
    right is at least this; 0: off. Higher: fewer wrong automatic actions and fewer
    automatic ones (`arbox eval automation-curve --split dev` prints the trade-off)."""
    payment_claim_pause_days: int = 7
    promise_tolerance_days: int = 3
    default_locale: str = "en_US"
    """Language and formats of notices to customers and contacts with no locale of their own."""
    escalate_after_ignored: int = 2
    """After this many notices in a row with no reply and no payment, the next escalates."""

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token and self.slack_channel)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
