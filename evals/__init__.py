"""Eval datasets, metrics, runners and prompt comparison.

The CLI lives in `arbox.evals.commands` (a typer sub-app named `eval`).
"""

from .cases import TriageCase, case_to_reply, load_cases
from .compare import compare_reports
from .runner import Price, run_triage
from .split import split_of

__all__ = [
    "Price",
    "TriageCase",
    "case_to_reply",
    "compare_reports",
    "load_cases",
    "run_triage",
    "split_of",
]
