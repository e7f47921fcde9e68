"""Evidence must be in the reply; the model's answer keeps only what the reply supports."""

from decimal import Decimal

from arbox.agent.classifier import Reply
from arbox.agent.evidence import check_evidence, occurs_in, sanitize
from arbox.agent.findings import Fields, Finding, Intent, Triage

TEXT = "Hi,\n\nWe  paid INV-10442\nby wire yesterday. Thanks"


def finding(evidence: str, intent: Intent = Intent.payment_sent, **kw) -> Finding:
    return Finding(intent=intent, confidence=0.9, evidence=evidence, **kw)


def test_evidence_matches_after_whitespace_and_case_normalisation():
    assert occurs_in("we paid inv-10442 by WIRE", TEXT)
    assert not occurs_in("we paid INV-10442 by check", TEXT)
    assert not occurs_in("   ", TEXT)


def test_missing_or_invented_evidence_abstains():
    t = Triage(
        findings=[finding("We paid INV-10442 by wire"), finding("we paid in full"), finding("")]
    )
    checked = check_evidence(t, TEXT)
    assert [f.abstained for f in checked.findings] == [False, True, True]
    assert [f.confidence for f in checked.findings] == [0.9, 0.0, 0.0]
    assert checked.intents == ["payment_sent"]


def test_sanitize_drops_fields_the_intent_may_not_carry():
    f = finding(
        "We paid",
        fields=Fields(
            amount=Decimal("10"), new_contact_email="x@evil.com", reason="pricing", method="bitcoin"
        ),
    )
    clean = sanitize(f, Reply(text=TEXT))
    assert clean.fields.present() == {"amount": "10", "method": "other"}


def test_sanitize_drops_addresses_and_invoices_not_in_the_reply():
    reply = Reply(text="Please write to ap@acme.com about INV-1044.", known_invoices=("INV-10442",))
    f = finding(
        "Please write to ap@acme.com",
        Intent.wrong_contact,
        invoices=["INV-1044", "INV-77777"],
        fields=Fields(new_contact_email="ap@acme.com"),
    )
    assert sanitize(f, reply).fields.new_contact_email == "ap@acme.com"
    assert sanitize(f, reply).invoices == ["INV-10442"]  # near miss mapped, invention dropped
    bad = f.model_copy(
        update={"fields": Fields(new_contact_email="billing@attacker.com", new_contact_name="Eve")}
    )
    assert sanitize(bad, reply).fields.present() == {}
