"""The label-set estimate: the chance that the findings name exactly the reply's intents."""

from __future__ import annotations

from datetime import date

from scripted import finding

from arbox.agent.findings import Triage
from arbox.agent.label_set import SHORT_WORDS, label_set_estimate, offline_probabilities
from arbox.agent.policy import Context, PolicyConfig, canonical, plan_actions

TWO_ASKS = (
    "We paid INV-1 ($1,250.00) by ACH on Friday. INV-2 was billed twice for the same "
    "delivery, please cancel it."
)
PAID = finding("payment_sent", "We paid INV-1", invoices=["INV-1"], confidence=0.95)
DUPLICATE = finding("dispute", "billed twice", invoices=["INV-2"], reason="duplicate")


def estimate(*findings, text=TWO_ASKS):
    return label_set_estimate(list(findings), text=text, sent_on=date(2026, 3, 2))


def test_a_missed_second_request_lowers_the_estimate():
    assert estimate(PAID) < estimate(PAID, DUPLICATE)
    assert estimate(PAID) < 0.5  # the dispute the reading sees is not in the set


def test_an_unsupported_confident_label_counts_only_as_much_as_the_offline_reading():
    text = "Thanks, received. Have a nice weekend!"
    sure = finding("dispute", "Thanks", confidence=0.99)
    q = offline_probabilities(text, "", date(2026, 3, 2))["dispute"]
    assert q < 0.5 and estimate(sure, text=text) <= q


def test_a_long_reply_is_never_taken_at_the_models_word():
    text = " ".join(["Thank you for the reminder, we will look at it."] * 12)
    words = len(text.split())
    assert words > SHORT_WORDS
    other = finding("other", "Thank you", confidence=0.99)
    assert estimate(other, text=text) <= SHORT_WORDS / words


def test_abstained_findings_do_not_count():
    ghost = finding("promise_to_pay", "not in the text", confidence=0.99).model_copy(
        update={"abstained": True}
    )
    assert estimate(PAID, DUPLICATE, ghost) == estimate(PAID, DUPLICATE)


def _plan(findings, threshold):
    ctx = Context(
        message_id="<m@x>",
        today=date(2026, 3, 2),
        customer={"external_id": "C-1", "name": "Acme", "segment": "standard"},
        invoices={canonical(n): n for n in ("INV-1", "INV-2")},
        sender_email="ap@acme.com",
        customer_domains=("acme.com",),
        match_method="contact",
        text=TWO_ASKS,
    )
    return plan_actions(Triage(findings=findings), ctx, PolicyConfig(autonomy_threshold=threshold))


def test_the_policy_asks_a_person_below_the_threshold_only():
    _, reasons = _plan([PAID], 0.5)
    assert any("may ask for more than was understood" in r for r in reasons)
    actions, reasons = _plan([PAID], 0.0)
    assert reasons == [] and not any(a.needs_approval for a in actions)
