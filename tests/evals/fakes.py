"""A plain `to_reply` for eval tests (the scripted classifier is `tests/support/scripted.py`)."""

from __future__ import annotations

from arbox.agent.classifier import Reply
from arbox.evals.cases import TriageCase


def plain_reply(case: TriageCase, mail: object = None) -> Reply:
    """The body as the reply text: no mailbox parsing needed."""
    return Reply(
        text=case.body or case.eml or "",
        subject=case.subject,
        sender=case.sender,
        sent_at=case.date,
        headers=dict(case.headers),
    )
