"""Errors raised by the eval suites. The CLI turns each into one line and a non-zero exit.

EvalError                 anything an eval run refuses
├── DatasetError          a case file that is not valid (path and line named)
├── LockError             the locked `test` split changed and no re-lock was asked for
├── ReportError           a report file that can not be read or compared
└── CassetteMissing       `--replay` found no recorded cassette for a case
"""

from __future__ import annotations


class EvalError(Exception):
    """An eval run refused to go on; the message says what to fix."""


class DatasetError(EvalError):
    """A dataset line is not a valid case."""


class LockError(EvalError):
    """The `test` split no longer matches its lock."""


class ReportError(EvalError):
    """A saved report is missing, unreadable or from another kind of eval."""


class CassetteMissing(EvalError):
    """Replay asked for an LLM exchange that was never recorded."""
