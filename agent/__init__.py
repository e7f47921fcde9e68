"""The langgraph graphs (triage, notice rewriting), the classifiers and the guardrails."""

from .build import ModelConfigError, build_classifier

__all__ = ["ModelConfigError", "build_classifier"]
