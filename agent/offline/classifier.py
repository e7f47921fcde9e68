"""The offline classifier: lexicon cues per clause, negation, then a few rules of precedence.

No network and no model weights. Each clause of the reply (quoted history removed)
is normalised, typo-corrected and matched against `lexicon.CUES`; a cue preceded by
a negation ("we have NOT received the goods" is a dispute, "we have not paid yet"
is no payment) or, for factual claims, asked as a question or put in the future,
is dropped. Several intents per reply are normal.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from arbox.agent import extract
from arbox.agent.classifier import Reply
from arbox.agent.dates import find_dates
from arbox.agent.evidence import check_evidence
from arbox.agent.findings import Finding, Intent, Triage

from .fields import fill
from .fuzzy import correct
from .headers import is_auto_reply
from .lexicon import AUTO_REPLY_SUBJECT, CUES, FUTURE, INJECTION, NEGATORS, Cue
from .text import Clause, clauses, normalize, strip_quoted

MIN_CONFIDENCE = 0.5
"""Intents whose combined cue weight stays below this are not reported."""
EVIDENCE_CHARS = 240
_NO_INVOICES = frozenset({Intent.auto_reply, Intent.wrong_contact, Intent.financial_distress})
"""Intents that concern the account, not particular invoices."""

_WINDOW_STOP = re.compile(r"[,;:()\-]|\b(?:but|however|although|aber|mais|pero)\b")
_AWAY_MARKERS = re.compile(
    r"\b(?:until|till|through|back (?:on|in)|return|retour|bis|hasta|jusqu|inclus|automatic|"
    r"automatique|automática|automático|ledig|received and is being reviewed)\b",
    re.I,
)


_SPECIFIC_DOC = re.compile(
    r"cop(?:y|ies)|statement|w-?9|proof of delivery|\bpod\b|bill of lading|packing slip|receipt",
    re.I,
)


@dataclass(frozen=True)
class Hit:
    cue: Cue
    clause: Clause


class OfflineClassifier:
    """Rule-based triage with fuzzy phrase lexicons. Deterministic and thread-safe."""

    name = "offline"

    def classify(self, reply: Reply) -> Triage:
        """Every intent in ``reply``, with fields, confidence and a verbatim evidence quote."""
        text = strip_quoted(reply.text)
        anchor = _anchor(reply.sent_at)
        if is_auto_reply(reply.headers) or AUTO_REPLY_SUBJECT.match(reply.subject or ""):
            return self._auto_reply(reply, text, anchor)
        hits = self._hits(text, anchor)
        by_intent: dict[Intent, list[Hit]] = defaultdict(list)
        for hit in hits:
            by_intent[hit.cue.intent].append(hit)
        if Intent.auto_reply in by_intent and _AWAY_MARKERS.search(text):
            return self._auto_reply(reply, text, anchor)
        by_intent.pop(Intent.auto_reply, None)
        _apply_precedence(by_intent)
        findings = []
        for intent, intent_hits in by_intent.items():
            confidence = _combine([h.cue.weight for h in intent_hits])
            if confidence < MIN_CONFIDENCE:
                continue
            findings.append(self._finding(intent, intent_hits, text, anchor, reply))
        if not findings:
            first = clauses(text)[0].text if text else ""
            findings.append(
                Finding(intent=Intent.other, confidence=0.6, evidence=first[:EVIDENCE_CHARS])
            )
        findings.sort(
            key=lambda f: min((h.clause.start for h in by_intent.get(f.intent, [])), default=0)
        )
        triage = Triage(findings=findings, classifier=self.name)
        return check_evidence(triage, text)

    def _hits(self, text: str, anchor: date) -> list[Hit]:
        hits: list[Hit] = []
        injected_until = -1
        for clause in clauses(text):
            if INJECTION.search(clause.text):
                # Addressed to a model, not to us: never acted on, nor the rest of its paragraph.
                blank = text.find("\n\n", clause.start)
                injected_until = len(text) if blank == -1 else blank
            if clause.start < injected_until:
                continue
            norm = correct(normalize(clause.text))
            question = norm.rstrip().endswith("?")
            dated: bool | None = None
            for cue in CUES:
                for m in cue.pattern.finditer(norm):
                    if _cancelled(cue, norm, m, question):
                        continue
                    if cue.needs_date:
                        if dated is None:
                            dated = _dated(clause.text, text, anchor)
                        if not dated:
                            continue
                    if cue.needs_detail and not _detailed(clause.text, anchor):
                        continue
                    hits.append(Hit(cue, clause))
                    break
        return hits

    def _finding(
        self, intent: Intent, hits: list[Hit], text: str, anchor: date, reply: Reply
    ) -> Finding:
        best = max(hits, key=lambda h: h.cue.weight)
        reasons = [h.cue.reason for h in hits if h.cue.reason]
        fields = fill(intent, best.clause.text, text, anchor, reply.sender, reasons)
        clause_text = " ".join(dict.fromkeys(h.clause.text for h in hits))
        invoices = extract.find_invoices(clause_text, reply.known_invoices)
        if not invoices and intent not in _NO_INVOICES:
            # The clause that shows the intent often names no invoice ("please send a
            # corrected one"): the ones the reply, or else its subject, names are meant.
            invoices = extract.find_invoices(text, reply.known_invoices) or extract.find_invoices(
                reply.subject, reply.known_invoices
            )
        return Finding(
            intent=intent,
            invoices=invoices,
            fields=fields,
            confidence=_combine([h.cue.weight for h in hits]),
            evidence=best.clause.text[:EVIDENCE_CHARS],
        )

    def _auto_reply(self, reply: Reply, text: str, anchor: date) -> Triage:
        first = clauses(text)[0].text[:EVIDENCE_CHARS] if text else ""
        fields = fill(Intent.auto_reply, first, text, anchor, reply.sender, [])
        finding = Finding(intent=Intent.auto_reply, fields=fields, confidence=0.95, evidence=first)
        triage = Triage(findings=[finding], classifier=self.name)
        if not first:
            return triage  # caught from headers alone: there is no text to quote
        return check_evidence(triage, text)


def _anchor(sent_at: datetime | None) -> date:
    return sent_at.date() if sent_at else datetime.now(UTC).date()


_ANAPHOR = re.compile(r"\b(?:that date|then|that day|by then|à cette date|an diesem tag)\b", re.I)


def _dated(clause: str, text: str, anchor: date) -> bool:
    """A date in the clause, or "on that date" pointing back to one elsewhere in the reply."""
    if find_dates(clause, anchor):
        return True
    return bool(_ANAPHOR.search(clause)) and bool(find_dates(text, anchor))


def _detailed(clause: str, anchor: date) -> bool:
    return bool(
        extract.find_amounts(clause)
        or find_dates(clause, anchor, "past")
        or extract.payment_method(clause)
        or extract.payment_reference(clause)
    )


def _combine(weights: list[float]) -> float:
    """Independent pieces of evidence: 1 - prod(1 - w), capped below certainty."""
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return round(min(0.97, 1.0 - miss), 3)


def _cancelled(cue: Cue, norm: str, m: re.Match[str], question: bool) -> bool:
    """A cue negated just before it, or a factual claim asked or put in the future."""
    before = norm[: m.start()]
    stops = list(_WINDOW_STOP.finditer(before))
    if stops:
        before = before[stops[-1].end() :]
    window = " ".join(before.split()[-4:])
    if NEGATORS.search(window):
        return True
    if cue.claim:
        if question:
            return True
        if FUTURE.search(window) or FUTURE.search(m.group(0)):
            return True
    return False


def _apply_precedence(by_intent: dict[Intent, list[Hit]]) -> None:
    """Rules between intents that the cues alone can not express."""
    if Intent.missing_po in by_intent and Intent.invoice_request in by_intent:
        # "resend the invoice with our PO number" asks for a fix, not for a document.
        po_clauses = {h.clause for h in by_intent[Intent.missing_po]}
        kept = [
            h
            for h in by_intent[Intent.invoice_request]
            if h.clause not in po_clauses or _SPECIFIC_DOC.search(h.clause.text)
        ]
        if kept:
            by_intent[Intent.invoice_request] = kept
        else:
            by_intent.pop(Intent.invoice_request)
    if Intent.short_pay in by_intent:
        # A deduction is a payment with a reason: the reason belongs to short_pay, and
        # the payment is not reported twice.
        by_intent.pop(Intent.payment_sent, None)
        short_clauses = {h.clause for h in by_intent[Intent.short_pay]}
        disputes = [h for h in by_intent.get(Intent.dispute, []) if h.clause not in short_clauses]
        for h in by_intent.get(Intent.dispute, []):
            if h.clause in short_clauses and h.cue.reason:
                by_intent[Intent.short_pay].append(
                    Hit(Cue(Intent.short_pay, h.cue.pattern, 0.0, reason=h.cue.reason), h.clause)
                )
        if disputes:
            by_intent[Intent.dispute] = disputes
        else:
            by_intent.pop(Intent.dispute, None)
