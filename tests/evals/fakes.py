"""Test doubles for eval tests: a scripted classifier and a plain `to_reply`."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from arbox.agent.classifier import Reply
from arbox.agent.findings import Fields, Finding, Intent, Triage
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


@dataclass
class Counters:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class ScriptedClassifier:
    """Answers from a script keyed by reply text: {text: [(intent, fields), ...]}.

    A text mapped to an exception raises it. Counts usage like an LLM classifier would.
    """

    script: dict[str, object]
    name: str = "scripted"
    usage: Counters = field(default_factory=Counters)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def classify(self, reply: Reply) -> Triage:
        with self._lock:
            self.usage.calls += 1
            self.usage.prompt_tokens += 100
            self.usage.completion_tokens += 10
        answer = self.script.get(reply.text, [])
        if isinstance(answer, Exception):
            raise answer
        return Triage(
            classifier=self.name,
            findings=[
                Finding(intent=Intent(intent), fields=Fields(**values), confidence=0.9)
                for intent, values in answer  # type: ignore[union-attr]
            ],
        )
