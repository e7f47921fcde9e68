"""`build_classifier`: the one place a model string becomes a classifier."""

from __future__ import annotations

from pathlib import Path

from .classifier import Classifier
from .errors import ModelConfigError


def build_classifier(
    model: str = "offline",
    prompt_path: str | Path | None = None,
    *,
    timeout: float | None = None,
    attempts: int | None = None,
    budget: float | None = None,
) -> Classifier:
    """``offline`` (no network) or ``openai:<model>`` (langchain-openai ``ChatOpenAI``).

    ``ChatOpenAI`` reads ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` itself, so a
    vLLM, Ollama or llama.cpp server works by pointing ``OPENAI_BASE_URL`` at it.
    ``prompt_path`` replaces the shipped ``prompts/triage.md`` (for prompt variants).
    ``timeout``, ``attempts`` and ``budget`` (seconds per request, requests per reply,
    seconds per reply) bound the LLM; unset, `LLMClassifier`'s defaults apply.
    """
    spec = (model or "").strip()
    if spec == "offline":
        from .offline import OfflineClassifier

        return OfflineClassifier()
    provider, sep, name = spec.partition(":")
    if provider == "openai" and sep and name.strip():
        if prompt_path is not None and not Path(prompt_path).is_file():
            raise ModelConfigError(f"prompt file not found: {prompt_path}")
        from openai import OpenAIError

        from .llm import LLMClassifier

        limits = {"timeout": timeout, "max_attempts": attempts, "budget": budget}
        try:
            return LLMClassifier(
                model=name.strip(),
                prompt_path=prompt_path,
                **{k: v for k, v in limits.items() if v is not None},  # type: ignore[arg-type]
            )
        except OpenAIError:  # no key: the client refuses before any request
            raise ModelConfigError(
                f"model {spec!r} needs OPENAI_API_KEY (any value for a local server "
                "at OPENAI_BASE_URL)"
            ) from None
    raise ModelConfigError(
        f"unknown model {model!r}: use 'offline' or 'openai:<model>' (e.g. openai:gpt-4.1-mini)"
    )
