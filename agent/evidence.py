"""The evidence check: a finding whose quote is not in the message is not trusted.

Both classifiers quote the reply to show each intent. A quote that does not occur
in the reply text (compared after collapsing whitespace and case) is either an
invention or a quote of something the customer did not write, so the finding
abstains: it stays visible for a person but no action is planned from it.
"""

from __future__ import annotations

import re

from .classifier import Reply
from .extract import match_known
from .findings import REASONS, Fields, Finding, Intent, Triage

ABSTAIN_CONFIDENCE = 0.0
"""Confidence given to a finding whose evidence is missing from the reply."""

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces, case folded, curly quotes straightened."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()


def occurs_in(evidence: str, text: str) -> bool:
    """True when ``evidence`` is non-empty and occurs in ``text`` after normalisation."""
    quote = normalise(evidence)
    return bool(quote) and quote in normalise(text)


def check_evidence(triage: Triage, text: str) -> Triage:
    """``triage`` with every finding whose evidence is not in ``text`` set to abstain."""
    haystack = normalise(text)
    findings = []
    for finding in triage.findings:
        quote = normalise(finding.evidence)
        if quote and quote in haystack:
            findings.append(finding)
        else:
            findings.append(
                finding.model_copy(update={"abstained": True, "confidence": ABSTAIN_CONFIDENCE})
            )
    return triage.model_copy(update={"findings": findings})


ALLOWED_FIELDS: dict[Intent, frozenset[str]] = {
    Intent.payment_sent: frozenset({"amount", "paid_on", "method", "reference"}),
    Intent.promise_to_pay: frozenset({"amount", "promised_on"}),
    Intent.dispute: frozenset({"reason", "disputed_amount"}),
    Intent.short_pay: frozenset({"paid_amount", "deducted_amount", "reason"}),
    Intent.missing_po: frozenset({"po_required", "detail"}),
    Intent.invoice_request: frozenset({"document"}),
    Intent.extended_terms: frozenset({"claimed_terms_days"}),
    Intent.financial_distress: frozenset({"detail"}),
    Intent.wrong_contact: frozenset({"new_contact_email", "new_contact_name"}),
    Intent.auto_reply: frozenset({"return_on"}),
    Intent.other: frozenset(),
}
"""The fields each intent may carry (CONTRACTS.md section 1); others are dropped."""
METHODS = frozenset({"ach", "wire", "check", "card", "other"})


def sanitize(finding: Finding, reply: Reply) -> Finding:
    """``finding`` with only what the reply supports: the intent's own fields, a redirect
    address that the reply really contains, invoice numbers the reply names (near misses
    mapped to the ledger's spelling), and reasons and methods from the fixed sets."""
    allowed = ALLOWED_FIELDS[finding.intent]
    values = {k: v for k, v in finding.fields.model_dump().items() if k in allowed}
    text = normalise(reply.text)
    email = values.get("new_contact_email")
    if email and normalise(email) not in text:
        values["new_contact_email"] = None
        values["new_contact_name"] = None
    if values.get("reason") is not None and values["reason"] not in REASONS:
        values["reason"] = "other"
    if values.get("method") is not None and str(values["method"]).lower() not in METHODS:
        values["method"] = "other"
    seen = " ".join((text, normalise(reply.subject)))
    invoices = []
    for number in finding.invoices:
        if _core(number) and _core(number) in re.sub(r"[^0-9a-z]", "", seen):
            invoices.append(match_known(number, reply.known_invoices) or number)
        elif known := match_known(number, reply.known_invoices):
            invoices.append(known)
    return finding.model_copy(
        update={"fields": Fields(**values), "invoices": list(dict.fromkeys(invoices))}
    )


def _core(number: str) -> str:
    return re.sub(r"^inv(?:oice)?", "", re.sub(r"[^0-9a-z]", "", number.casefold()))
