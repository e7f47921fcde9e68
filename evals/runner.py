"""Run a classifier over triage cases and score it: the `Report` of one eval run.

The runner never decides how a case becomes a `Reply` (`to_reply` is given, normally
`cases.case_to_reply`) nor which classifier runs: it only calls, times, counts and scores.
One failing case is recorded with its error and scored as "nothing found"; the run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Protocol

from arbox.agent.classifier import Classifier, Reply
from arbox.agent.findings import INTENTS, Triage
from arbox.agent.policy import PolicyConfig

from .automation import automation, automation_summary
from .calibration import reliability
from .cases import TriageCase
from .fields import field_accuracy, score_fields
from .metrics import summarize
from .split import split_of

CaseContext = Callable[[TriageCase], AbstractContextManager[Any]]
"""Opened around each case's classification (e.g. a vcrpy cassette); runs cases one by one."""


class Usage(Protocol):
    """What an LLM classifier exposes as its `usage` attribute; counters only ever grow."""

    calls: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class Price:
    """Dollars per million tokens; zero means "not priced"."""

    prompt_per_million: Decimal = Decimal("0")
    completion_per_million: Decimal = Decimal("0")

    def cost(self, prompt_tokens: int, completion_tokens: int) -> Decimal:
        total = (
            prompt_tokens * self.prompt_per_million
            + completion_tokens * self.completion_per_million
        ) / Decimal(1_000_000)
        return total.quantize(Decimal("0.000001"))


def _usage_snapshot(classifier: Classifier) -> tuple[int, int, int]:
    usage = getattr(classifier, "usage", None)
    if usage is None:
        return (0, 0, 0)
    return (
        int(getattr(usage, "calls", 0)),
        int(getattr(usage, "prompt_tokens", 0)),
        int(getattr(usage, "completion_tokens", 0)),
    )


@dataclass
class CaseResult:
    """What happened to one case."""

    id: str
    gold: list[str]
    predicted: list[str]
    fields: list[dict[str, Any]] = field(default_factory=list)
    """Field scoring rows (gold vs got)."""
    error: str | None = None
    seconds: float = 0.0
    confidence: dict[str, float] = field(default_factory=dict)
    """Confidence of each predicted intent."""
    probabilities: dict[str, float] = field(default_factory=dict)
    """Probability of every intent when the classifier gives them (else the findings')."""
    found: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The extracted fields per predicted intent."""
    evidence: dict[str, str] = field(default_factory=dict)
    automatic: bool = False
    reasons: list[str] = field(default_factory=list)
    label_set: float | None = None
    """The policy's estimate that the whole label set is right."""
    blocked: bool = True
    """A person is asked whatever the label-set threshold."""
    text: str = ""
    """The reply text the classifier read."""

    @property
    def exact(self) -> bool:
        return set(self.gold) == set(self.predicted)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "split": split_of(self.id),
            "gold": self.gold,
            "predicted": self.predicted,
            "exact": self.exact,
            "fields": self.fields,
            "error": self.error,
            "seconds": round(self.seconds, 4),
            "confidence": self.confidence,
            "probabilities": self.probabilities,
            "found": self.found,
            "evidence": self.evidence,
            "automatic": self.automatic,
            "reasons": self.reasons,
            "label_set": self.label_set,
            "blocked": self.blocked,
            "text": self.text,
        }

    def per_case(self) -> dict[str, Any]:
        """The `per_case` entry of CONTRACTS.md section 3."""
        return {
            "id": self.id,
            "expected": self.gold,
            "predicted": self.predicted,
            "confidence": self.confidence,
            "fields": self.found,
            "automatic": self.automatic,
            "reasons": self.reasons,
            "label_set": self.label_set,
            "blocked": self.blocked,
            "evidence": self.evidence,
        }


def _predicted_fields(triage: Triage) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for finding in triage.findings:
        if not finding.abstained:
            found.setdefault(finding.intent.value, finding.fields.present())
    return found


def _run_one(
    case: TriageCase,
    classifier: Classifier,
    to_reply: Callable[[TriageCase], Reply],
    case_context: CaseContext | None = None,
    policy: PolicyConfig | None = None,
) -> CaseResult:
    # The context (a cassette) is entered outside the error net: its own errors end the run.
    with case_context(case) if case_context else nullcontext():
        return _classify_one(case, classifier, to_reply, policy)


def _classify_one(
    case: TriageCase,
    classifier: Classifier,
    to_reply: Callable[[TriageCase], Reply],
    policy: PolicyConfig | None = None,
) -> CaseResult:
    started = time.perf_counter()
    reply: Reply | None = None
    try:
        reply = to_reply(case)
        scored = getattr(classifier, "classify_scored", None)
        if scored is not None:
            triage, probabilities = scored(reply)
        else:
            triage, probabilities = classifier.classify(reply), {}
    except Exception as exc:  # one bad case must not end a run of hundreds
        return CaseResult(
            case.id,
            list(case.labels),
            [],
            error=f"{type(exc).__name__}: {exc}",
            seconds=time.perf_counter() - started,
            reasons=["the classifier failed"],
            text=reply.text if reply else "",
        )
    seconds = time.perf_counter() - started
    predicted = list(dict.fromkeys(triage.intents))
    live = [f for f in triage.findings if not f.abstained]
    confidence = {f.intent.value: round(f.confidence, 4) for f in live}
    verdict = automation(triage, reply, policy)
    found = _predicted_fields(triage)
    return CaseResult(
        case.id,
        list(case.labels),
        predicted,
        fields=score_fields(case.fields, found),
        error=triage.error,
        seconds=seconds,
        confidence=confidence,
        probabilities=dict(probabilities) or dict(confidence),
        found=found,
        evidence={f.intent.value: f.evidence for f in triage.findings},
        automatic=verdict.automatic,
        reasons=verdict.reasons,
        label_set=verdict.label_set,
        blocked=verdict.blocked,
        text=reply.text,
    )


def _calibration(results: Sequence[CaseResult]) -> dict[str, Any]:
    """Reliability of the probabilities (every intent of every case) and of the reported
    findings' confidence."""
    every = [
        (p, intent in r.gold)
        for r in results
        if r.error is None
        for intent, p in r.probabilities.items()
    ]
    reported = [
        (p, intent in r.gold)
        for r in results
        if r.error is None
        for intent, p in r.confidence.items()
    ]
    out = reliability(every)
    out["findings"] = reliability(reported)
    return out


def run_triage(
    cases: Sequence[TriageCase],
    classifier: Classifier,
    *,
    to_reply: Callable[[TriageCase], Reply],
    concurrency: int = 1,
    progress: bool = True,
    price: Price | None = None,
    meta: dict[str, Any] | None = None,
    case_context: CaseContext | None = None,
    policy: PolicyConfig | None = None,
) -> dict[str, Any]:
    """Classify every case and return the report as a JSON-ready dict.

    The top-level keys include those CONTRACTS.md section 3 promises for
    `arbox eval triage --json`; `results` holds one entry per case, in dataset order,
    which `compare` pairs by id. ``policy`` is the policy whose automation is measured
    (default thresholds when None). With `case_context` (cassettes patch the HTTP client
    process-wide) cases run one at a time whatever `concurrency` says.
    """
    price = price or Price()
    before = _usage_snapshot(classifier)
    started = time.perf_counter()
    if case_context is not None:
        concurrency = 1
    results = _map(
        cases,
        lambda c: _run_one(c, classifier, to_reply, case_context, policy),
        concurrency,
        progress,
    )
    seconds = time.perf_counter() - started
    calls, prompt_tokens, completion_tokens = (
        a - b for a, b in zip(_usage_snapshot(classifier), before, strict=True)
    )
    gold = [r.gold for r in results]
    predicted = [r.predicted for r in results]
    rows = [row for r in results for row in r.fields]
    report: dict[str, Any] = {
        "kind": "triage",
        "classifier": getattr(classifier, "name", type(classifier).__name__),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **(meta or {}),
        "cases": len(results),
        **summarize(gold, predicted, INTENTS),
        "fields": field_accuracy(rows),
        "calibration": _calibration(results),
        "automation": automation_summary([r.per_case() for r in results]),
        "errors": sum(r.error is not None for r in results),
        "llm_calls": calls,
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "price_per_million": {
            "prompt": str(price.prompt_per_million),
            "completion": str(price.completion_per_million),
        },
        "cost_usd": str(price.cost(prompt_tokens, completion_tokens)),
        "seconds": round(seconds, 3),
        "per_case": [r.per_case() for r in results],
        "results": [r.as_dict() for r in results],
    }
    return report


def _map(
    cases: Sequence[TriageCase],
    fn: Callable[[TriageCase], CaseResult],
    concurrency: int,
    progress: bool,
) -> list[CaseResult]:
    """Apply `fn` to every case, in order, with a progress bar on stderr when asked."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not progress,
    )
    with bar:
        task = bar.add_task("triage eval", total=len(cases))
        if concurrency <= 1:
            out = []
            for case in cases:
                out.append(fn(case))
                bar.advance(task)
            return out
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            futures = [pool.submit(fn, case) for case in cases]
            out = []
            for future in futures:
                out.append(future.result())
                bar.advance(task)
            return out
