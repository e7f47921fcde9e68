"""The evidence check: a finding whose quote is not in the message is not trusted.

Both classifiers quote the reply to show each intent. A quote that does not occur
in the reply text (compared after collapsing whitespace and case) is either an
invention or a quote of something the customer did not write, so the finding
abstains: it stays visible for a person but no action is planned from it.
"""

from __future__ import annotations

import re

from .findings import Triage

ABSTAIN_CONFIDENCE = 0.0
"""Confidence given to a finding whose evidence is missing from the reply."""

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u00a0": " "})


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
            findings.append(finding.model_copy(
                update={"abstained": True, "confidence": ABSTAIN_CONFIDENCE}))
    return triage.model_copy(update={"findings": findings})
