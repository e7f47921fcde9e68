"""The notice-rewriting graph: rewrite the wording for a tone, prove it, or fall back.

    START -> rewrite -> check --ok--------------------------> END
                ^         |--failed, first try: retry ---^
                |_________|  (the violations are named to the rewriter)
                          |--failed again --> fallback (the plain draft) -> END

The rewriter sees only slotted wording (``⟦TOTAL⟧``, ``⟦INV_1⟧``) and must keep every
slot; values are filled from the ledger after it answers, then the whole notice goes
through the guardrails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langgraph.graph import END, START, StateGraph

from .guardrails import GuardrailReport, InvoiceView, LedgerView, Violation, check_notice
from .locales import LANGUAGE_NAMES, detect_language
from .tones import SLOT_RE, TONE_HELP, Draft, render

FORMAL_ADDRESS = {"de": "Sie", "fr": "vous", "es": "usted"}
"""How a credit professional addresses a business customer in each language."""

MAX_ATTEMPTS = 2
"""One rewrite and one retry with the violations named; then the plain draft."""


class Rewriter(Protocol):
    """Rewrites a draft's slotted wording for a tone; never sees the ledger's values."""

    name: str

    def rewrite(self, draft: Draft, tone: str, feedback: list[tuple[str, str]]) -> str:
        """Slotted wording. ``feedback``: earlier (attempt, violations) to fix."""
        ...


class OfflineRewriter:
    """Deterministic tone variants from the templates (no network)."""

    name = "offline"

    def rewrite(self, draft: Draft, tone: str, feedback: list[tuple[str, str]]) -> str:
        return draft.variants.get(tone, draft.variants["neutral"])


class LLMRewriter:
    """Any langchain chat model rewrites the neutral wording; one call per attempt."""

    def __init__(self, model: BaseChatModel, name: str = "llm") -> None:
        self.model = model
        self.name = name

    def rewrite(self, draft: Draft, tone: str, feedback: list[tuple[str, str]]) -> str:
        system = render(
            "rewrite_system.j2",
            tone=tone,
            tone_help=TONE_HELP.get(tone, tone),
            allows=list(draft.allows),
            language=LANGUAGE_NAMES[draft.locale.language],
            formal=FORMAL_ADDRESS.get(draft.locale.language),
        )
        messages: list[BaseMessage] = [
            SystemMessage(system),
            HumanMessage(f"Rewrite this notice:\n\n{draft.variants['neutral']}"),
        ]
        for attempt, violations in feedback:
            messages.append(AIMessage(attempt))
            messages.append(
                HumanMessage(
                    "That rewrite failed the ledger checks below. Fix them, keep every ⟦slot⟧ "
                    f"and write no number yourself:\n{violations}"
                )
            )
        return _text(self.model.invoke(messages).content)


def _text(content: Any) -> str:
    if isinstance(content, list):
        content = "".join(c.get("text", "") if isinstance(c, dict) else str(c) for c in content)
    text = str(content).strip()
    if text.startswith("```"):
        text = text.strip("`").split("\n", 1)[-1].strip()
    return text


@dataclass
class RewriteState:
    """One notice through the graph."""

    draft: Draft
    """The rendered draft (slotted variants, slots, fixed sections)."""
    tone: str
    """warm, neutral or firm."""
    views: Sequence[InvoiceView] | LedgerView
    """The customer's invoices as the guardrails see them."""
    currency: str
    recipient: str | None = None
    contact_on_file: str | None = None
    attempts: int = 0
    candidate: str = ""
    """The rewriter's last slotted answer."""
    feedback: list[tuple[str, str]] = field(default_factory=list)
    message: str = ""
    """The filled wording that will be sent."""
    report: GuardrailReport | None = None
    outcome: str = ""
    """`rewritten` or `fallback`."""
    events: list[str] = field(default_factory=list)


def proof(state: RewriteState, message: str) -> GuardrailReport:
    """Check the whole notice (subject and body) that ``message`` would produce."""
    text = f"{state.draft.subject}\n\n{state.draft.compose(message)}"
    return check_notice(
        text,
        state.views,
        currency=state.currency,
        allows=state.draft.allows,
        recipient=state.recipient,
        contact_on_file=state.contact_on_file,
        locale=state.draft.locale,
        early=state.draft.early,
    )


class Steps:
    """The graph's nodes and router, bound to one rewriter."""

    def __init__(self, rewriter: Rewriter) -> None:
        self.rewriter = rewriter

    def rewrite(self, state: RewriteState) -> dict[str, Any]:
        try:
            candidate = self.rewriter.rewrite(state.draft, state.tone, state.feedback)
            events = state.events
        except Exception as exc:  # a model or network failure must not stop the run
            candidate, events = "", [*state.events, f"{self.rewriter.name} failed: {exc!r}"]
        return {"candidate": candidate, "attempts": state.attempts + 1, "events": events}

    def check(self, state: RewriteState) -> dict[str, Any]:
        message = state.draft.fill(state.candidate)
        report = proof(state, message) if state.candidate else None
        if report is not None:
            # The statement table already names every invoice, so also demand that the
            # rewritten wording keeps each slot the draft's wording had.
            kept = set(SLOT_RE.findall(state.candidate))
            for slot in sorted(set(SLOT_RE.findall(state.draft.variants["neutral"])) - kept):
                report.violations.append(Violation("slot_dropped", f"⟦{slot}⟧ was left out"))
            # The statement and payment sections are in the customer's language whatever
            # the rewriter wrote, so the wording is also judged on its own.
            found, wanted = detect_language(message), state.draft.locale.language
            if found is not None and found != wanted and "language_mismatch" not in report.codes:
                msg = f"the wording is in {LANGUAGE_NAMES[found]}, not {LANGUAGE_NAMES[wanted]}"
                report.violations.append(Violation("language_mismatch", msg))
        if report is not None and report.ok:
            return {"message": message, "report": report, "outcome": "rewritten"}
        why = report.describe() if report else "- empty: the rewriter gave no text"
        return {
            "report": report,
            "feedback": [*state.feedback, (state.candidate, why)],
            "events": [*state.events, f"attempt {state.attempts} failed guardrails:\n{why}"],
        }

    @staticmethod
    def route(state: RewriteState) -> Literal["done", "retry", "fallback"]:
        if state.outcome == "rewritten":
            return "done"
        return "retry" if state.attempts < MAX_ATTEMPTS else "fallback"

    @staticmethod
    def fallback(state: RewriteState) -> dict[str, Any]:
        message = state.draft.fill(state.draft.variants["neutral"])
        return {
            "message": message,
            "report": proof(state, message),
            "outcome": "fallback",
            "events": [*state.events, "replaced by the plain draft"],
        }


def build_rewrite_graph(rewriter: Rewriter) -> Any:
    """The compiled graph for ``rewriter`` (build once per run, invoke once per notice)."""
    steps = Steps(rewriter)
    builder = StateGraph(RewriteState)
    builder.add_node("rewrite", steps.rewrite)
    builder.add_node("check", steps.check)
    builder.add_node("fallback", steps.fallback)
    builder.add_edge(START, "rewrite")
    builder.add_edge("rewrite", "check")
    builder.add_conditional_edges(
        "check", steps.route, {"done": END, "retry": "rewrite", "fallback": "fallback"}
    )
    builder.add_edge("fallback", END)
    return builder.compile()


def rewrite_notice(graph: Any, state: RewriteState) -> RewriteState:
    """Run ``state`` through ``graph``; the final state (message, report, outcome, events)."""
    return RewriteState(**graph.invoke(state))


def rewrite_inline(steps: Steps, state: RewriteState) -> RewriteState:
    """The same nodes and router as the graph, called directly.

    For the offline rewriter, where the graph's own bookkeeping (about 1 ms a notice)
    would be a third of a 5,000-notice run; a model call dwarfs it, so LLMs use the graph.
    """
    while True:
        state = replace(state, **steps.rewrite(state))
        state = replace(state, **steps.check(state))
        step = steps.route(state)
        if step == "done":
            return state
        if step == "fallback":
            return replace(state, **steps.fallback(state))


def make_runner(rewriter: Rewriter) -> Callable[[RewriteState], RewriteState]:
    """How a run rewrites each notice: inline for the offline rewriter, the graph otherwise."""
    if isinstance(rewriter, OfflineRewriter):
        steps = Steps(rewriter)
        return lambda state: rewrite_inline(steps, state)
    graph = build_rewrite_graph(rewriter)
    return lambda state: rewrite_notice(graph, state)
