"""The learned layer's decision: the surest intent on the model alone, a further one with
the rules or a margin, `auto_reply` first in an automatic reply."""

from __future__ import annotations

from arbox.agent.findings import INTENTS, Intent
from arbox.agent.offline.classifier import AUTO_MARGIN, SECOND_FLOOR, SECOND_MARGIN, _decide
from arbox.agent.offline.model import LinearModel

MODEL = LinearModel(
    intents=tuple(INTENTS),
    idf={},
    weights={},
    bias={},
    platt={},
    threshold=dict.fromkeys(INTENTS, 0.3),
    meta={},
)


def probs(**p: float) -> dict[str, float]:
    return {**dict.fromkeys(INTENTS, 0.01), **p}


def test_a_further_intent_needs_the_rules_or_a_margin():
    just_over = probs(payment_sent=0.99, promise_to_pay=0.3 + SECOND_MARGIN / 2)
    assert _decide(MODEL, just_over, False, {Intent.payment_sent: 0.9}) == [Intent.payment_sent]
    both = {Intent.payment_sent: 0.9, Intent.promise_to_pay: 0.6}
    assert _decide(MODEL, just_over, False, both) == [Intent.payment_sent, Intent.promise_to_pay]
    clear = probs(payment_sent=0.99, promise_to_pay=SECOND_FLOOR + 0.01)
    assert _decide(MODEL, clear, False, {}) == [Intent.payment_sent, Intent.promise_to_pay]
    # over threshold and margin, but less likely than not: not without the rules
    unlikely = probs(payment_sent=0.99, promise_to_pay=SECOND_FLOOR - 0.05)
    assert _decide(MODEL, unlikely, False, {}) == [Intent.payment_sent]


def test_the_surest_intent_stands_on_the_model_alone():
    assert _decide(MODEL, probs(dispute=0.35), False, {}) == [Intent.dispute]
    # furthest above its threshold, not the highest rule vote, is the surest
    p = probs(dispute=0.9, invoice_request=0.32)
    assert _decide(MODEL, p, False, {}) == [Intent.dispute]


def test_beside_an_automatic_reply_the_words_alone_need_a_wider_margin():
    away = probs(auto_reply=0.2, wrong_contact=0.3 + (SECOND_MARGIN + AUTO_MARGIN) / 2)
    auto_votes = {Intent.auto_reply: 0.95}
    assert _decide(MODEL, away, True, auto_votes) == []  # auto_reply is added by the caller
    found = {**auto_votes, Intent.wrong_contact: 0.8}
    assert _decide(MODEL, away, True, found) == [Intent.wrong_contact]
    sure = probs(auto_reply=0.9, wrong_contact=max(0.3 + AUTO_MARGIN, SECOND_FLOOR) + 0.01)
    assert _decide(MODEL, sure, True, auto_votes) == [Intent.wrong_contact, Intent.auto_reply]


def test_without_votes_every_intent_over_its_threshold_is_reported():
    p = probs(payment_sent=0.99, promise_to_pay=0.31)
    assert _decide(MODEL, p, False) == [Intent.payment_sent, Intent.promise_to_pay]
    assert _decide(MODEL, probs(other=0.2), False) == []  # nothing clears: `other`


def test_a_resend_beside_a_missing_po_is_no_document_request_unless_the_rules_find_one():
    # "Merci de nous la renvoyer avec la référence de commande": the words lean towards
    # invoice_request (0.38 in the demo), under `SECOND_FLOOR` and found by no rule.
    p = probs(missing_po=0.99, invoice_request=0.3 + SECOND_MARGIN + 0.05)
    po = {Intent.missing_po: 0.94}
    assert _decide(MODEL, p, False, po) == [Intent.missing_po]
    w9 = {**po, Intent.invoice_request: 0.8}  # "... and please send your W-9 too"
    assert _decide(MODEL, p, False, w9) == [Intent.missing_po, Intent.invoice_request]
    # an invoice asked for beside any other intent keeps the ordinary margin rule
    paid = probs(payment_sent=0.99, invoice_request=SECOND_FLOOR + 0.05)
    assert _decide(MODEL, paid, False, {Intent.payment_sent: 0.9}) == [
        Intent.payment_sent,
        Intent.invoice_request,
    ]


def test_an_intent_a_rule_found_is_the_best_guess_before_other():
    from dataclasses import replace

    from arbox.agent.offline.classifier import RULED_GUESS

    model = replace(MODEL, threshold={**MODEL.threshold, Intent.wrong_contact: 0.5})
    near = probs(wrong_contact=RULED_GUESS + 0.1, other=0.28)  # 0.8 of its threshold, other 0.93
    found = {Intent.wrong_contact: 0.85}
    assert _decide(model, near, False, found) == [Intent.wrong_contact]
    assert _decide(model, near, False, {}) == []  # no rule: `other` is the guess
    faint = probs(wrong_contact=RULED_GUESS - 0.05, other=0.28)
    assert _decide(model, faint, False, found) == []
