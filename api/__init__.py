"""The HTTP API: review queue, approvals, payments, Slack interactivity.

`create_app()` builds the FastAPI app; `notify_pending()` posts approvals that
are not in Slack yet (the worker and CLI can call it after triage).
"""

from .app import create_app
from .slack import SlackNotifier, notifier_from_settings, notify_pending

__all__ = ["SlackNotifier", "create_app", "notifier_from_settings", "notify_pending"]
