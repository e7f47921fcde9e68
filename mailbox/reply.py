"""Split a plain-text body into the new reply, the quoted history and the signature.

Two detectors find where the quoted history starts, and the earliest wins:
our own line patterns (Gmail "On ... wrote:", Outlook "From: ... Sent: ..."
blocks, "Original Message" and forward separators, in several languages) and
mail-parser-reply's header patterns. A trailing block of ``>`` lines counts as
quoted too. Signatures are found conservatively, because a reply that starts
"Thanks, we paid INV-1 today" must keep its sentence: only a delimiter line,
a "Sent from my phone" line, or a bare closing ("Best regards,") followed by a
few short lines starts one. Inline answers (lines typed between the ``>`` lines of the
quoted history) belong to the reply.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailparser_reply.parser import EmailMessage

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "sv", "da", "pl", "cs")
_MAX_SIGNATURE_LINES = 12

_WROTE = re.compile(
    r"^(?:>\s*)*(?:"
    r"On\s.+\s(?:wrote|writes)\s?:"
    r"|Am\s.+\sschrieb\s.*:"
    r"|Le\s.+\s(?:a\s)?[ée]crit\s?:"
    r"|El\s.+\s(?:escribi[óo])\s?:"
    r"|Il\s.+\sha\sscritto\s?:"
    r"|Op\s.+\s(?:schreef|heeft\s.+geschreven)\s?.*:"
    r"|Em\s.+\sescreveu\s?:"
    r"|Den\s.+\sskrev\s?.*:"
    r"|W\s?dniu\s.+\spisze\s?:"
    r"|\d{4}-\d{2}-\d{2}.*<[^<>\s]+@[^<>\s]+>\s?:"
    r"|.{0,200}<[^<>\s]+@[^<>\s]+>\s(?:wrote|schrieb|a\s[ée]crit|escribi[óo]|ha\sscritto|"
    r"schreef|escreveu|skrev)\s?:"
    r")\s*$",
    re.IGNORECASE,
)
_FROM_LINE = re.compile(
    r"^(?:>\s*)*\*?(?:From|De|Von|Van|Da|Från|Fra|Od|От|Feladó|Lähettäjä)\s?:\*?\s*\S",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(
    r"^(?:>\s*)*\*?(?:Sent|Date|Envoy[ée]|Gesendet|Datum|Verzonden|Inviato|Enviado|Fecha|"
    r"Skickat|Sendt|Data|Wysłano|Отправлено|To|À|A|An|Aan|Para|Till|Til|Do|Кому|Subject|"
    r"Objet|Betreff|Onderwerp|Oggetto|Asunto|Assunto|Ämne|Emne|Temat|Cc)\s?:",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^(?:>\s*)*(?:-{2,}\s*(?:Original\sMessage|Ursprüngliche\sNachricht|Message\sd'origine|"
    r"Mensaje\soriginal|Messaggio\soriginale|Oorspronkelijk\sbericht|Originalmeddelande|"
    r"Forwarded\smessage|Weitergeleitete\sNachricht|Message\stransf[ée]r[ée]|"
    r"Mensaje\sreenviado|Messaggio\sinoltrato)\s*-{2,}|Begin\sforwarded\smessage:)\s*$",
    re.IGNORECASE,
)
_RULE = re.compile(r"^[_-]{10,}$")
_SIG_DELIMITER = re.compile(r"^(?:--|__|—)\s*$")
_SENT_FROM = re.compile(
    r"^(?:Sent from (?:my|Mail|Outlook|Yahoo)|Get Outlook for|Von meinem .+ gesendet|"
    r"Envoyé de mon|Enviado desde mi|Inviato da(?:l mio)?|Verzonden vanaf mijn)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^(?:thanks(?: again| so much)?|thank you(?: very much)?|many thanks|thx|"
    r"(?:best|kind|warm|warmest|many)?\s?regards|best(?: wishes)?|all the best|cheers|"
    r"sincerely|yours(?: truly| sincerely)?|respectfully|"
    r"cordialement|bien (?:à vous|cordialement)|salutations|"
    r"mit freundlichen grüßen|mit freundlichen gruessen|mfg|viele grüße|beste grüße|"
    r"freundliche grüße|gruß|grüße|saludos(?: cordiales)?|un saludo|atentamente|"
    r"cordiali saluti|distinti saluti|saluti|met vriendelijke groet(?:en)?|groeten|"
    r"med vänliga hälsningar|vänliga hälsningar|med venlig hilsen|pozdrawiam|s pozdravem)"
    r"[\s,.!-]*(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2})?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _library_header_regex() -> re.Pattern[str]:
    # mail-parser-reply builds its multi-language header pattern per message;
    # build it once and reuse it.
    return EmailMessage("", languages=list(LANGUAGES)).HEADER_REGEX


def _is_outlook_block(lines: list[str], i: int) -> bool:
    """A From: line followed within four lines by another header-like line."""
    if not _FROM_LINE.match(lines[i]):
        return False
    return any(_HEADER_LINE.match(line) for line in lines[i + 1 : i + 5])


def _own_cut(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if not line:
            continue
        if _SEPARATOR.match(line) or _is_outlook_block(lines, i):
            return i
        if _WROTE.match(line):
            return i
        # Gmail and Apple wrap a long "On ... wrote:" line in two or three.
        if re.match(r"^(?:>\s*)*(?:On|Am|Le|El|Il|Op|Em|Den)\s", line, re.IGNORECASE):
            for extra in (1, 2):
                joined = " ".join(lines[i : i + 1 + extra])
                if i + extra < len(lines) and lines[i + extra] and _WROTE.match(joined):
                    return i
        if _RULE.match(line) and any(
            _is_outlook_block(lines, j) for j in (i + 1, i + 2) if j < len(lines)
        ):
            return i
    return None


def _library_cut(lines: list[str]) -> int | None:
    text = "\n".join(lines)
    match = _library_header_regex().search(text)
    if not match:
        return None
    start = match.start()
    # The match may begin with the newline before the header line.
    while start < len(text) and text[start] == "\n":
        start += 1
    return text.count("\n", 0, start)


def _trailing_quote(lines: list[str]) -> int | None:
    """Index of the first line of a trailing block of ``>`` lines (blank lines allowed)."""
    cut = None
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith(">"):
            cut = i
        elif lines[i]:
            break
    return cut


def _signature_start(lines: list[str]) -> int | None:
    nonblank = [i for i, line in enumerate(lines) if line]
    if len(nonblank) < 2:
        return None
    for i in nonblank[1:]:
        line = lines[i]
        rest = [j for j in nonblank if j > i]
        if _SIG_DELIMITER.match(line) or _SENT_FROM.match(line):
            return i
        short_tail = len(rest) <= _MAX_SIGNATURE_LINES and all(len(lines[j]) <= 80 for j in rest)
        if _CLOSING.match(line) and short_tail:
            return i
    return None


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def split_reply(text: str) -> tuple[str, str, str]:
    """Split a plain-text body into ``(reply_text, quoted_text, signature)``.

    Lines are stripped of surrounding whitespace; nothing else is changed, so a
    quote taken from ``reply_text`` occurs verbatim in the message.
    """
    if not text:
        return "", "", ""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    own = _own_cut(lines)
    # The library only needs to look above our own cut: the earliest cut wins.
    library = _library_cut(lines[:own] if own is not None else lines)
    cuts = [c for c in (own, library, _trailing_quote(lines)) if c is not None]
    cut = min(cuts) if cuts else len(lines)
    head, quoted = lines[:cut], lines[cut:]
    # Inline replies: quoted lines between the sender's own lines belong to the history.
    if any(line.startswith(">") for line in head):
        quoted = [line for line in head if line.startswith(">")] + quoted
        head = [line for line in head if not line.startswith(">")]
    sig = _signature_start(head)
    answers = _inline_answers(quoted)
    written, signature = (head, []) if sig is None else (head[:sig], head[sig:])
    reply = _join(written).strip()
    if answers:
        # "Answers inline below": what they typed between our quoted lines is their reply.
        reply = (reply + "\n\n" + "\n".join(answers)).strip()
    return reply, _join(quoted).strip(), _join(signature).strip()


def _inline_answers(quoted: list[str]) -> list[str]:
    """Lines typed between ``>`` lines of the quoted history (inline answers), in order."""
    marked = [i for i, line in enumerate(quoted) if line.startswith(">")]
    if len(marked) < 2:
        return []
    first, last = marked[0], marked[-1]
    return [
        line
        for line in quoted[first:last]
        if line and not line.startswith(">") and not _WROTE.match(line)
    ]
