"""The label-set estimate: the chance that the findings name exactly the reply's intents."""

from __future__ import annotations

from datetime import date

import pytest
from scripted import finding

from arbox.agent import label_set
from arbox.agent.findings import Triage
from arbox.agent.label_set import SHORT_WORDS, label_set_estimate, offline_probabilities
from arbox.agent.offline.label_set import set_features
from arbox.agent.policy import (
    DEFAULT_AUTONOMY_THRESHOLD,
    Context,
    PolicyConfig,
    canonical,
    plan_actions,
)

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
    # the dispute the reading sees is not in the set: far under the autonomy threshold
    assert estimate(PAID) < DEFAULT_AUTONOMY_THRESHOLD - 0.2


@pytest.fixture
def unfitted(monkeypatch):
    """A tree with no fitted estimator: the older estimate stands in."""
    monkeypatch.setattr(label_set, "set_model", lambda: None)


def test_the_fitted_estimator_is_used_when_shipped(monkeypatch):
    fitted = estimate(PAID, DUPLICATE)
    monkeypatch.setattr(label_set, "set_model", lambda: None)
    assert estimate(PAID, DUPLICATE) != fitted


def test_a_confident_label_the_offline_reading_does_not_back_adds_nothing():
    """An LLM's confidence is not calibrated: above the offline probability it counts as
    that probability, so an unsupported label keeps the estimate low."""
    text = "Thanks, received. Have a nice weekend!"
    q = offline_probabilities(text, "", date(2026, 3, 2))["dispute"]
    sure = finding("dispute", "Thanks", confidence=0.99)
    backed = finding("dispute", "Thanks", confidence=q)
    assert q < 0.5
    assert estimate(sure, text=text) == estimate(backed, text=text) < 0.5
    other = finding("other", "Thanks", confidence=0.9)
    assert estimate(sure, text=text) < estimate(other, text=text)


def test_a_longer_reply_with_the_same_reading_is_trusted_less():
    short = "Thank you for the reminder, we will look at it."
    long = " ".join([short] * 12)
    other = finding("other", "Thank you", confidence=0.9)
    q = offline_probabilities(short, "", date(2026, 3, 2))
    same = {"probabilities": q, "sent_on": date(2026, 3, 2)}
    assert label_set_estimate([other], text=long, **same) < label_set_estimate(
        [other], text=short, **same
    )


def test_sentences_that_ask_beyond_the_intents_found_are_counted():
    thresholds = dict.fromkeys(offline_probabilities("x"), 0.5)
    text = "Please send a copy of INV-1. Can you also confirm the bank details? Thanks."
    one = set_features({"invoice_request": 0.9}, {}, thresholds, text=text)
    two = set_features({"invoice_request": 0.9, "other": 0.5}, {}, thresholds, text=text)
    assert one["asking_sentences"] == 2 and one["unexplained_asks"] == 1
    assert two["unexplained_asks"] == 1  # `other` explains no request
    french = (
        "Pouvez-vous nous envoyer une copie de la facture, s'il vous plaît ? Merci pour votre aide."
    )
    assert set_features({}, {}, thresholds, text=french)["not_english"] == 1.0


def test_a_long_reply_is_never_taken_at_the_models_word_without_a_fitted_estimator(unfitted):
    text = " ".join(["Thank you for the reminder, we will look at it."] * 12)
    words = len(text.split())
    assert words > SHORT_WORDS
    other = finding("other", "Thank you", confidence=0.99)
    assert estimate(other, text=text) <= SHORT_WORDS / words


def test_without_a_fitted_estimator_a_label_counts_only_as_much_as_the_offline_reading(unfitted):
    text = "Thanks, received. Have a nice weekend!"
    sure = finding("dispute", "Thanks", confidence=0.99)
    q = offline_probabilities(text, "", date(2026, 3, 2))["dispute"]
    assert q < 0.5 and estimate(sure, text=text) <= q


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
    _, reasons = _plan([PAID], DEFAULT_AUTONOMY_THRESHOLD)
    assert any("may ask for more than was understood" in r for r in reasons)
    actions, reasons = _plan([PAID], 0.0)
    assert reasons == [] and not any(a.needs_approval for a in actions)


def test_the_reason_never_shows_an_estimate_equal_to_the_threshold():
    from arbox.agent.policy import label_set_reason

    config = PolicyConfig(autonomy_threshold=0.88)
    assert label_set_reason(0.88, config) is None
    assert label_set_reason(0.8799, config) == (
        "the reply may ask for more than was understood (label set estimate 0.87 < 0.88)"
    )
    assert "estimate 0.61 < 0.88" in str(label_set_reason(0.6149, config))
    assert "estimate 0.87 < 0.875" in str(
        label_set_reason(0.8749, PolicyConfig(autonomy_threshold=0.875))
    )
