"""What the classifier understood of one reply: the `Triage` model.

The one findings schema: the policy reads `Finding`, and the schema the LLM is
asked to fill is derived from it (`agent.llm_schema`). Field docstrings are the
descriptions the LLM sees where they add to the prompt (CONTRACTS.md section 1).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Intent(StrEnum):
    payment_sent = "payment_sent"
    promise_to_pay = "promise_to_pay"
    dispute = "dispute"
    short_pay = "short_pay"
    missing_po = "missing_po"
    invoice_request = "invoice_request"
    extended_terms = "extended_terms"
    financial_distress = "financial_distress"
    wrong_contact = "wrong_contact"
    auto_reply = "auto_reply"
    other = "other"


INTENTS: tuple[str, ...] = tuple(i.value for i in Intent)

REASONS: tuple[str, ...] = (
    "pricing",
    "quantity",
    "damaged",
    "not_received",
    "duplicate",
    "terms",
    "freight",
    "other",
)

SET_BY_ARBOX = frozenset({"abstained"})
"""`Finding` fields arbox sets after the classifier answered; the LLM is never asked for them
(`agent.llm_schema` derives the model's schema from `Finding` without them)."""


class Fields(BaseModel):
    """Details extracted for one intent. Leave a field empty when the reply does not say it."""

    # Field docstrings become the JSON schema's descriptions: the schema the LLM sees.
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    amount: Decimal | None = None
    """payment_sent / promise_to_pay: the amount paid or promised, as written (no currency sign)."""
    paid_on: date | None = None
    """payment_sent: the date the payment was made or scheduled."""
    method: str | None = None
    """payment_sent: one of ach, wire, check, card, other."""
    reference: str | None = None
    """payment_sent: check number, wire or remittance reference."""
    promised_on: date | None = None
    """promise_to_pay: the date by which they commit to pay."""
    reason: str | None = None
    """dispute / short_pay: one of pricing, quantity, damaged, not_received, duplicate, terms,
    freight, other."""
    disputed_amount: Decimal | None = None
    """dispute: the amount contested, when stated."""
    paid_amount: Decimal | None = None
    """short_pay: what they paid or will pay."""
    deducted_amount: Decimal | None = None
    """short_pay: what they deducted."""
    po_required: bool | None = None
    """missing_po: true when a purchase-order number is required to process the invoice."""
    detail: str | None = None
    """missing_po / financial_distress: a short description in the customer's words."""
    document: str | None = None
    """invoice_request: invoice copy, statement, W-9, proof of delivery, ..."""
    claimed_terms_days: int | None = None
    """extended_terms: the payment terms they say were agreed, in days (net 60 -> 60)."""
    new_contact_email: str | None = None
    """wrong_contact: the address they redirect to, exactly as written."""
    new_contact_name: str | None = None
    """wrong_contact: the person they redirect to."""
    return_on: date | None = None
    """auto_reply: the date the person is back."""

    @field_validator("amount", "disputed_amount", "paid_amount", "deducted_amount", mode="before")
    @classmethod
    def _no_float_money(cls, value: Any) -> Any:
        if isinstance(value, float):
            # JSON numbers from an LLM arrive as floats; go through their shortest repr.
            return Decimal(repr(value))
        return value

    def present(self) -> dict[str, Any]:
        """Only the fields that were filled, JSON-safe (money as strings)."""
        return self.model_dump(mode="json", exclude_none=True)


class Finding(BaseModel):
    """One intent found in the reply, with what it concerns and the words that show it."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    intent: Intent
    """The intent, from the taxonomy."""
    invoices: list[str] = Field(default_factory=list)
    """Invoice numbers this intent concerns, exactly as written in the reply (may be empty)."""
    fields: Fields = Field(default_factory=Fields)
    """Details for this intent."""
    confidence: float = Field(ge=0.0, le=1.0)
    """How sure you are, from 0 to 1."""
    evidence: str = ""
    """A short quote, copied verbatim from the reply, that shows this intent."""
    abstained: bool = False
    """Set by arbox (not the model): the evidence was not found in the reply."""

    def as_contract(self) -> dict[str, Any]:
        """The shape `arbox triage --json` prints (CONTRACTS.md section 3)."""
        return {
            "intent": self.intent.value,
            "invoices": list(self.invoices),
            "fields": self.fields.present(),
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
        }


class Triage(BaseModel):
    """Every intent found in one customer reply."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    findings: list[Finding] = Field(default_factory=list)
    """One entry per intent present; several are common."""
    classifier: str = "offline"
    """Which classifier produced this (offline, openai:<model>, ...)."""
    prompt_hash: str | None = None
    """Content hash of the prompt used, for LLM classifiers."""
    error: str | None = None
    """Why the classifier could not answer, when it could not (the reply then goes to a person)."""

    @property
    def intents(self) -> list[str]:
        return [f.intent.value for f in self.findings if not f.abstained]
