"""Auto-reply detection from headers (RFC 3834 and the common vendor markers).

No model call: an out-of-office is recognised from what the sending system says
about itself, with the subject as a last, narrow hint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Subjects that only automatic replies carry; kept narrow so a human reply
# whose subject merely mentions "automatic payment" is not caught.
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|out of (?:the )?office|"
    r"abwesenheitsnotiz|r[ée]ponse automatique|absence du bureau|fuera de la oficina|"
    r"respuesta autom[aá]tica|risposta automatica|automatisch antwoord|afwezig)\b",
    re.IGNORECASE,
)


def _get(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return str(value).strip()
    return ""


def detect_auto_reply(headers: Mapping[str, str], subject: str = "") -> str | None:
    """The reason a message is automatic (e.g. ``"Auto-Submitted: auto-replied"``), or None."""
    auto = _get(headers, "auto-submitted")
    if auto and auto.split(";")[0].strip().lower() != "no":
        return f"Auto-Submitted: {auto}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        value = _get(headers, name)
        if value and value.lower() not in ("no", "false", "0"):
            return f"{name}: {value}"
    precedence = _get(headers, "precedence").lower()
    if precedence in ("bulk", "auto_reply", "junk"):
        return f"Precedence: {precedence}"
    if _get(headers, "x-ms-exchange-inbox-rules-loop"):
        return "X-MS-Exchange-Inbox-Rules-Loop"
    if _get(headers, "x-failed-recipients") or _get(headers, "return-path") == "<>":
        return "delivery status notification"
    if subject and _AUTO_SUBJECT.search(subject):
        return f"Subject: {subject.strip()[:80]}"
    return None
