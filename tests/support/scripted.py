"""The scripted classifier: answers from a script keyed by the reply text.

    ScriptedClassifier({"We paid INV-1": [finding("payment_sent", "We paid")]})
    ScriptedClassifier({"paid 3/3": [("payment_sent", {"paid_on": "2026-03-04"})]})
    ScriptedClassifier({"boom": RuntimeError("model timed out")})

An entry is a list of `Finding`s, or of ``(intent, fields)`` pairs (confidence
0.9, no evidence), or an exception to raise. A text not in the script gets no
findings. Calls are kept (``calls``) and counted like an LLM classifier's usage,
safely from several threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from arbox.agent.classifier import Reply
from arbox.agent.findings import Fields, Finding, Intent, Triage


def finding(
    intent: str, evidence: str, confidence: float = 0.95, invoices=(), **fields: Any
) -> Finding:
    return Finding(
        intent=intent,
        evidence=evidence,
        confidence=confidence,
        invoices=list(invoices),
        fields=fields,
    )


@dataclass
class Usage:
    """Calls and tokens, counted the way `LLMClassifier.usage` counts them."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class ScriptedClassifier:
    script: dict[str, Any]
    name: str = "scripted"
    usage: Usage = field(default_factory=Usage)
    calls: list[Reply] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def classify(self, reply: Reply) -> Triage:
        with self._lock:
            self.calls.append(reply)
            self.usage.calls += 1
            self.usage.prompt_tokens += 100
            self.usage.completion_tokens += 10
        answer = self.script.get(reply.text, [])
        if isinstance(answer, BaseException):
            raise answer
        return Triage(classifier=self.name, findings=[_finding(item) for item in answer])


def _finding(item: Finding | tuple[str, dict[str, Any]]) -> Finding:
    if isinstance(item, Finding):
        return item
    intent, values = item
    return Finding(intent=Intent(intent), fields=Fields(**values), confidence=0.9)
