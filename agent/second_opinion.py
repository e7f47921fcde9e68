"""The second opinion: an offline reading of the reply that no model's label can overrule.

Always on, whatever classifier runs. It looks only for what must reach a person:
talk of insolvency, bankruptcy, administration or receivership (distress: automated
dunning stops for the customer), of legal action or lawyers, and text that tries
to instruct the system. English, German, French and Spanish. It errs towards
asking: "we are not insolvent" still goes to a person, who loses a minute; a
missed bankruptcy costs far more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DISTRESS = re.compile(
    r"\b(?:insolven\w*|bankrupt\w*|chapter\s+(?:7|11|13)\b|receivership|receivers?\s+"
    r"(?:have\s+been\s+|were\s+)?appointed|(?:gone|going|went|entered|enter|placed|be)\s+into\s+"
    r"administration|in\s+administration|administrators?\s+(?:have\s+been\s+|were\s+)?appointed"
    r"|liquidat(?:ion|or|ed|ing)|winding[\s-]up|cannot\s+pay\s+our\s+debts"
    # de
    r"|insolvenz\w*|konkurs\w*|zahlungsunfähig\w*|zahlungsunfaehig\w*|zahlungseinstellung"
    # fr
    r"|faillite|insolvabilit\w*|redressement\s+judiciaire|liquidation\s+judiciaire"
    r"|cessation\s+des?\s+paiements|procédure\s+collective|sauvegarde\s+judiciaire"
    # es
    r"|quiebra|insolvencia|concurso\s+(?:de\s+acreedores|voluntario|necesario)|bancarrota"
    r"|suspensión\s+de\s+pagos|liquidación\s+(?:judicial|de\s+la\s+(?:empresa|sociedad)))",
    re.IGNORECASE,
)
_LEGAL = re.compile(
    r"\b(?:legal\s+(?:action|proceedings|steps|counsel|department)|lawyers?|attorneys?|"
    r"solicitors?|lawsuit|litigation|sue\s+you|take\s+you\s+to\s+court|small\s+claims"
    # de
    r"|rechtsanw[aä]lt\w*|anw[aä]lt\w*|rechtliche\s+schritte|gerichtlich\w*|klage\w*"
    # fr
    r"|avocats?|action\s+en\s+justice|poursuites|mise\s+en\s+demeure|tribunal"
    # es
    r"|abogados?|acciones?\s+legal(?:es)?|demandar(?:emos|é)?|tribunales?)",
    re.IGNORECASE,
)
_INJECTION = re.compile(
    r"(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|"
    r"above|earlier|your|system)\s+(?:instructions|rules|prompts?)"
    r"|(?:note|message|instructions?)\s+(?:to|for)\s+(?:the\s+)?(?:automated\s+|ai\s+)?"
    r"(?:classifier|system|model|assistant|bot|ai|agent|llm)"
    r"|\b(?:system\s+prompt|you\s+are\s+now|new\s+instructions|as\s+an\s+ai\b)"
    r"|</?\s*(?:untrusted_email|system|assistant|instructions?)\s*>"
    r"|\b(?:classify|label|mark|tag)\s+(?:this|the)\s+(?:email|message|reply|invoice)s?\s+as\b"
    r"|\bset\s+(?:the\s+)?(?:confidence|intent|status)\s+to\b"
    # de, fr, es
    r"|ignorier\w*\s+(?:alle\s+)?(?:vorherigen\s+|bisherigen\s+)?anweisungen"
    r"|ignore[zr]?\s+(?:toutes\s+)?les\s+(?:instructions|consignes)"
    r"|ignora\w*\s+(?:todas\s+)?las\s+instrucciones",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SecondOpinion:
    """What the offline reading found; each is the words that showed it, or None."""

    distress: str | None = None
    legal: str | None = None
    injection: str | None = None

    @property
    def reasons(self) -> list[str]:
        """Why a person must read the reply, one sentence per finding."""
        out = []
        if self.distress:
            out.append(
                f"second opinion: the reply speaks of insolvency (\u201c{self.distress}\u201d)"
            )
        if self.legal:
            out.append(
                f"second opinion: the reply speaks of legal action (\u201c{self.legal}\u201d)"
            )
        if self.injection:
            out.append(f"second opinion: the reply gives orders (\u201c{self.injection}\u201d)")
        return out


def second_opinion(text: str) -> SecondOpinion:
    """Read ``text`` (the customer's new words) for distress, legal action and injection."""

    def first(pattern: re.Pattern[str]) -> str | None:
        m = pattern.search(text)
        return m.group(0) if m else None

    return SecondOpinion(
        distress=first(_DISTRESS), legal=first(_LEGAL), injection=first(_INJECTION)
    )
