"""What the customer's mail system adds above or inside a reply: never the customer's words.

- An external-sender warning that the customer's gateway puts on top of every mail from
  outside ("CAUTION: This email originated from outside of the organization...", "[EXTERNAL]",
  "You don't often get email from ar@...", "ACHTUNG: Diese E-Mail stammt von einem externen
  Absender", "ATTENTION : ce courriel provient de l'extérieur"). Left in, its words ("do not
  click", the supplier's own address) read as the customer's.
- An inline image left by the HTML-to-text step ("[cid:image001.png@01DB3C2A.5F1E2A40]",
  "[image: logo.png]"): its ``name@id`` looks like an address.

`split_banner` takes the warning lines off the top; `is_placeholder` tells a line that is only
image placeholders. Both keep the other lines whole, so quotes stay verbatim.
"""

from __future__ import annotations

import re

MAX_BANNER_LINES = 4

_BANNER = re.compile(
    r"^\W*(?:"
    r"(?:caution|warning|attention|notice|alert)\s*[:!-]\s*(?:external|this\s(?:e-?mail|message)\s"
    r"(?:originated|(?:was\ssent|came|comes|is)\sfrom\s(?:outside|an?\sexternal)))"
    r"|\[?\s*external(?:\s(?:e-?mail|sender|message))?\s*\]"
    r"|external\s(?:e-?mail|sender|message)\s*[:!-]"
    r"|this\s(?:e-?mail|message)\s(?:originated|was\ssent|came|comes|is)\s(?:from\s)?"
    r"(?:outside|an?\sexternal)"
    r"|(?:you\sdon't|some\speople\swho\sreceived\sthis\smessage\sdon't)\soften\sget\se-?mail\sfrom"
    r"|(?:achtung|vorsicht|warnung|hinweis)\s*[:!-]\s*(?:diese|externe)"
    r"|\[?\s*extern(?:e\s(?:e-?mail|nachricht))?\s*\]"
    r"|externe\s(?:e-?mail|nachricht|absender)\s*[:!-]"
    r"|diese\s(?:e-?mail|nachricht)\s(?:stammt|kommt)\svon\s(?:einem\s)?(?:externen|außerhalb)"
    r"|attention\s*:\s*(?:ce|cet)\s(?:courriel|e-?mail|message)\s(?:provient|est)"
    r"|\[?\s*(?:externe|externo|esterno|extern)\s*\]"
    r"|(?:precauci[óo]n|atenci[óo]n|aviso)\s*:\s*este\s(?:correo|mensaje)\s(?:se\sorigin[óo]|"
    r"proviene|procede)"
    r"|(?:aten[çc][ãa]o|cuidado)\s*:\s*este\se-?mail\s(?:foi|[ée]|veio|se\sorigin)"
    r"|(?:let\sop|waarschuwing)\s*:\s*(?:deze|dit)\s(?:e-?mail|bericht)"
    r"|(?:attenzione|avviso)\s*:\s*(?:questa|questo)\s(?:e-?mail|messaggio)"
    r")",
    re.IGNORECASE,
)
_CONTINUED = re.compile(
    r"(?:click(?:ing)?\slinks|open(?:ing)?\sattachments|recogni[sz]e\sthe\ssender|content\sis\ssafe|"
    r"learn\swhy\sthis\sis\simportant|aka\.ms/LearnAboutSenderIdentification|"
    r"Links\s(?:klicken|anklicken|öffnen)|Anhänge|cliquer\ssur|pièces\sjointes|enlaces|adjuntos|"
    r"links\s(?:aan|openen)|bijlagen|allegati|anexos)",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"\[(?:cid:[^\]\s]+|image:?[^\]]{0,80})\]|<(?:cid:)?image\d+\.(?:png|jpe?g|gif)[^>]*>",
    re.IGNORECASE,
)


def split_banner(lines: list[str]) -> tuple[list[str], list[str]]:
    """``(banner_lines, rest)``: the external-sender warning on top of ``lines``, if any."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _BANNER.match(lines[first]):
        return [], lines
    end = first + 1
    while (
        end < len(lines)
        and end - first < MAX_BANNER_LINES
        and lines[end].strip()
        and _CONTINUED.search(lines[end])
    ):
        end += 1
    return lines[:end], lines[end:]


def is_placeholder(line: str) -> bool:
    """A line holding only inline-image placeholders ("[cid:image001.png@01DB...]")."""
    return bool(line.strip()) and not _PLACEHOLDER.sub("", line).strip()
