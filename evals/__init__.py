"""Eval datasets, metrics, runners and prompt comparison.

The commands are in `arbox.cli.evals` (`arbox eval ...`). The names below load on
first use, so importing `arbox.evals.errors` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Price": "runner",
    "TriageCase": "cases",
    "case_to_reply": "cases",
    "compare_reports": "compare",
    "load_cases": "cases",
    "run_triage": "runner",
    "split_of": "split",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(name)
