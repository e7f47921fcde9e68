"""The HTTP API: review queue, approvals, payments, Slack interactivity.

`create_app()` builds the FastAPI app from the composition root (`arbox.bootstrap`).
"""

from .app import create_app

__all__ = ["create_app"]
