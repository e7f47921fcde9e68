"""Errors raised by the agent. The CLI turns each into one line and a non-zero exit;
the API into a problem response.

AgentError                  anything the agent refuses (a ValueError: bad input stays bad input)
├── ModelConfigError        an ARBOX_MODEL value that names no classifier we can build
├── ApprovalError           an unknown or decided approval, or a malformed answer
│   └── InvalidPlan         an edited action that names an unknown tool or argument
└── NoticeError             a notice operation the pipeline refuses (agent.notices)

Ledger refusals keep their own tree (`arbox.tools.errors.LedgerError`); a notice
edit that fails the guardrails is `agent.notices.NoticeEditRejected`, a `LedgerError`
(nothing was written).
"""

from __future__ import annotations


class AgentError(ValueError):
    """The agent refused to go on; the message says what to fix."""


class ModelConfigError(AgentError):
    """An ``ARBOX_MODEL`` value that names no classifier we can build."""


class ApprovalError(AgentError):
    """An approval that does not exist, was already decided, or got a malformed answer."""


class InvalidPlan(ApprovalError):
    """An edited action names an unknown tool or argument."""


class NoticeError(AgentError):
    """A notice operation the notice pipeline refuses."""
