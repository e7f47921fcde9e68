"""The rewrite graph: tone variants, a scripted model that breaks numbers, fallback."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from arbox.agent.guardrails import InvoiceView
from arbox.agent.rewrite import (
    LLMRewriter,
    OfflineRewriter,
    RewriteState,
    Steps,
    build_rewrite_graph,
    make_runner,
    rewrite_inline,
    rewrite_notice,
)
from arbox.agent.tones import TONES, render_draft
from arbox.tools.dunning import DueInvoice, DueNotice, load_cadences

TODAY = date(2026, 3, 2)
GOOD = "Hi ⟦GREETING⟧, a note on ⟦INV_1⟧ and ⟦INV_2⟧: ⟦TOTAL⟧ is open. Please pay by ⟦PAY_BY⟧."


def notice(segment: str = "standard", stage: int = 1) -> DueNotice:
    cadence = load_cadences()[segment]
    invs = [
        DueInvoice(
            1,
            "INV-10442",
            Decimal("1250.00"),
            Decimal("800.00"),
            date(2026, 2, 20),
            "PO-7781",
            None,
            cadence.stages[stage].name,
            10,
        ),
        DueInvoice(
            2,
            "INV-10443",
            Decimal("300.00"),
            Decimal("300.00"),
            date(2026, 2, 25),
            None,
            None,
            cadence.stages[stage].name,
            5,
        ),
    ]
    return DueNotice(
        7,
        "Acme Build Co",
        "C7",
        segment,
        "USD",
        cadence,
        cadence.stages[stage],
        invs,
        "ap@acme.test",
        "Dana Ortiz",
        excluded={"INV-10450": "disputed"},
    )


def run(rewriter, due: DueNotice | None = None, tone: str = "firm") -> RewriteState:
    due = due or notice()
    views = [InvoiceView(i.number, i.amount, i.balance) for i in due.invoices]
    views.append(InvoiceView("INV-10450", Decimal("99.00"), Decimal("99.00"), "disputed"))
    state = RewriteState(
        draft=render_draft(due, today=TODAY),
        tone=tone,
        views=views,
        currency="USD",
        recipient="ap@acme.test",
        contact_on_file="ap@acme.test",
    )
    return rewrite_notice(build_rewrite_graph(rewriter), state)


def fake(*answers: str) -> LLMRewriter:
    return LLMRewriter(GenericFakeChatModel(messages=iter(answers)))


@pytest.mark.parametrize("tone", TONES)
def test_offline_tone_variants_pass_first_time(tone) -> None:
    state = run(OfflineRewriter(), tone=tone)
    assert state.outcome == "rewritten" and state.attempts == 1 and state.report.ok
    assert state.message == state.draft.fill(state.draft.variants[tone])
    assert "INV-10442" in state.message and "USD 1,100.00" in state.message


def test_tones_differ() -> None:
    draft = render_draft(notice(), today=TODAY)
    assert len({draft.variants[t] for t in TONES}) == len(TONES)


def test_model_output_is_filled_from_the_ledger() -> None:
    state = run(fake(GOOD))
    assert state.outcome == "rewritten"
    assert state.message == (
        "Hi Dana Ortiz, a note on INV-10442 and INV-10443: USD 1,100.00 is "
        "open. Please pay by 2026-03-09."
    )


def test_a_changed_number_is_caught_retried_then_replaced_by_the_plain_draft() -> None:
    bad = GOOD.replace("⟦TOTAL⟧", "USD 1,100.01")
    state = run(fake(bad, bad))
    assert state.outcome == "fallback" and state.attempts == 2
    assert state.message == state.draft.fill(state.draft.variants["neutral"])
    assert "USD 1,100.01" not in state.message and state.report.ok
    assert any("amount_mismatch" in e for e in state.events)
    assert state.events[-1] == "replaced by the plain draft"


def test_the_retry_names_the_violations_and_may_succeed() -> None:
    model = GenericFakeChatModel(messages=iter([GOOD.replace("⟦INV_2⟧", "INV-10450"), GOOD]))
    rewriter = LLMRewriter(model)
    seen: list[list] = []
    original = model.__class__._generate

    def spy(self, messages, *a, **kw):
        seen.append(messages)
        return original(self, messages, *a, **kw)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(model.__class__, "_generate", spy)
        state = run(rewriter)
    assert state.outcome == "rewritten" and state.attempts == 2
    retry_prompt = seen[1][-1].content
    assert "not_open_named" in retry_prompt and "INV-10450" in retry_prompt


@pytest.mark.parametrize(
    "answer",
    [
        "Hi ⟦GREETING⟧, please pay ⟦TOTAL⟧ by ⟦PAY_BY⟧.",  # dropped invoice slots
        GOOD + " ⟦AMOUNT_9⟧",  # invented slot
        GOOD + " Otherwise our lawyers will call.",
    ],  # threat at an early stage
)
def test_other_bad_rewrites_fall_back(answer) -> None:
    assert run(fake(answer, answer)).outcome == "fallback"


def test_a_failing_model_falls_back() -> None:
    class Broken:
        name = "broken"

        def rewrite(self, *a):
            raise TimeoutError("model down")

    state = run(Broken())
    assert state.outcome == "fallback" and state.report.ok
    assert "model down" in state.events[0]


@pytest.mark.parametrize("segment", ["strategic", "standard", "chronic_late", "high_risk"])
def test_every_stage_and_tone_of_every_segment_passes_the_guardrails(segment) -> None:
    for i in range(len(load_cadences()[segment].stages)):
        for tone in TONES:
            state = run(OfflineRewriter(), notice(segment, i), tone=tone)
            assert state.outcome == "rewritten", (segment, i, tone, state.events)


@pytest.mark.parametrize(
    "answers",
    [None, (GOOD.replace("⟦TOTAL⟧", "USD 5.00"),) * 2, (GOOD.replace("⟦TOTAL⟧", "USD 5.00"), GOOD)],
)
def test_inline_steps_match_the_graph(answers) -> None:
    def rewriter():
        return OfflineRewriter() if answers is None else fake(*answers)

    due = notice()
    views = [InvoiceView(i.number, i.amount, i.balance) for i in due.invoices]

    def state():
        return RewriteState(
            draft=render_draft(due, today=TODAY), tone="warm", views=views, currency="USD"
        )

    via_graph = rewrite_notice(build_rewrite_graph(rewriter()), state())
    inline = rewrite_inline(Steps(rewriter()), state())
    assert (inline.message, inline.outcome, inline.attempts, inline.events) == (
        via_graph.message,
        via_graph.outcome,
        via_graph.attempts,
        via_graph.events,
    )
    assert callable(make_runner(OfflineRewriter())) and callable(make_runner(fake(GOOD)))
