"""A scripted classifier for graph tests: returns the Triage it was given for each text."""

from __future__ import annotations

from typing import Any

from arbox.agent.classifier import Reply
from arbox.agent.findings import Finding, Triage


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


class ScriptedClassifier:
    """Answers from a script keyed by the reply text; counts its calls."""

    name = "scripted"

    def __init__(self, script: dict[str, list[Finding]]) -> None:
        self.script = script
        self.calls: list[Reply] = []

    def classify(self, reply: Reply) -> Triage:
        self.calls.append(reply)
        return Triage(findings=self.script.get(reply.text, []), classifier=self.name)
