"""Where the quoted history of a reply starts: header lines of the clients we see.

- "wrote" lines (Gmail, Apple Mail, Thunderbird, mobile clients): "On ...
  wrote:" and its translations, possibly wrapped over two or three lines, and,
  in any language, a line that names an address, carries a date or a time and
  ends with a colon ("2026年3月2日(月) 9:14 AR <ar@x>:", "pon., 2 mar 2026 o
  09:14 AR <ar@x> napisał(a):"), or, with no colon, "2026/3/2 AR <ar@x>" right
  above a ``>`` quote (older Gmail);
- Outlook blocks: a From: line (in many languages, bold or not) followed by
  other header lines; the header lines just above it (Date: before From:)
  belong to the block, and so does a rule of underscores or dashes;
- "-----On ... wrote-----" between dashes;
- separators: "Original Message", "Forwarded message" and their translations,
  between dashes (or bare, when header lines follow), "Begin forwarded
  message:", Lotus Notes' "----- Forwarded by ... -----", helpdesk "reply
  above this line" markers.

A From: line with other header lines under it opens a block only when it looks
like a mail's header (a subject line, or a dated run of header lines, see
`is_header_block`), so the sender's own "From: our account / To: your
account" stays; a whole Outlook block on one line counts too.
"""

from __future__ import annotations

import re

_Q = r"^(?:>\s*)*"  # a header may itself be quoted
_EMAIL = r"[^<>()\s\[\]]+@[^<>()\s\[\]]+"
_WROTE = re.compile(
    _Q + r"(?:"
    r"On\s.+\s(?:wrote|writes|sent)\s?:"
    r"|Am\s.+\s(?:schrieb|geschrieben)\s?.*:"
    r"|Le\s.+\s(?:a\s)?[ée]crit\s?:"
    r"|El\s.+\s(?:escribi[óo])\s?:"
    r"|Il\s.+\sha\sscritto\s?:"
    r"|Op\s.+\s(?:schreef|heeft\s.+geschreven)\s?.*:"
    r"|Em\s.+\sescreveu\s?:"
    r"|(?:Den|På)\s.+\sskrev\s?.*:"
    r"|W\s?dniu\s.+\s(?:pisze|napisał(?:\(a\))?)\s?:"
    r"|-+\s*On\s.+\swrote\s?:?\s*-+"  # "-----On <date>, <someone> wrote-----"
    r")\s*$",
    re.IGNORECASE,
)
# Old Gmail: "2011/4/7 Someone <someone@x>" with no colon, right above a ">" quote.
_DATED_ADDRESS = re.compile(
    _Q + r"(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}\s.{0,120}<" + _EMAIL + r">\s*$"
)
# The verb alone, in any position: only with a date, a time or an address in the line
# ("As you wrote:" opens no history).
_WROTE_ANYWHERE = re.compile(
    _Q + r".{0,200}(?:\s(?:wrote|schrieb|a\s[ée]crit|escribi[óo]|ha\sscritto|schreef|escreveu|"
    r"skrev|napisał(?:\(a\))?|pisze|kirjoitti|napsal(?:\(a\))?|írta)\s?:|のメール\s?[:：])\s*$",
    re.IGNORECASE,
)
# Any language: an address, a date or a time, and a colon at the end.
_ADDRESS_HEADER = re.compile(
    _Q + r".{0,200}[<(\[]\s*(?:mailto:)?" + _EMAIL + r"\s*[>)\]]\s?[:：]\s*$"
)
_ADDRESS = re.compile(r"[<(\[]\s*(?:mailto:)?" + _EMAIL + r"\s*[>)\]]")
_DATE = re.compile(r"\b(?:19|20)\d{2}\b|\d{4}年")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_DATE_OR_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b|\d{4}年")
# "On <date> <someone> wrote:" with the quoted text on the same line (Yahoo on Android).
_WROTE_INLINE = re.compile(_Q + r"On\s.{5,160}?\s(?:wrote|sent)\s?:\s+\S", re.IGNORECASE)
_WRAP_START = re.compile(
    _Q + r"(?:On|Am|Le|El|Il|Op|Em|Den|På|W\s?dniu|\S+\.?,?\s+\d{1,2}|\d)", re.IGNORECASE
)

_FROM_LINE = re.compile(
    _Q + r"\*?(?:From|De|Von|Van|Da|Från|Fra|Od|От|Feladó|Lähettäjä|差出人|发件人|寄件者)"
    r"\s?\*?\s?[:：]\*?\s*\S",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(
    _Q + r"\*?(?:Sent|Date|Envoy[ée](?:\sle)?|Gesendet|Datum|Verzonden|Inviato|Enviado(?:\sel)?|"
    r"Fecha|Skickat|Sendt|Data|Wysłano|Отправлено|To|À|A|An|Aan|Para|Pour|Till|Til|Do|Кому|"
    r"Subject|Sujet|Objet|Betreff|Onderwerp|Oggetto|Asunto|Assunto|Ämne|Emne|Temat|Cc|"
    r"送信日時|宛先|件名|日付|发送时间|收件人|主题)\s?\*?\s?[:：]",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    _Q + r"(?:-+\s*(?:Original\sMessage|Reply\sMessage|Ursprüngliche\sNachricht|Antwort\sNachricht|"
    r"Message\sd'origine|Message\soriginal|Mensaje\soriginal|Messaggio\soriginale|Oorspronkelijk\sbericht|"
    r"Originalmeddelande|Oprindelig\smeddelelse|Mensagem\soriginal|Wiadomość\soryginalna|"
    r"Původní\szpráva|元のメッセージ|"
    r"Forwarded\smessage|Weitergeleitete\sNachricht|Message\stransf[ée]r[ée]|Mensaje\sreenviado|"
    r"Messaggio\sinoltrato|Doorgestuurd\sbericht|Vidarebefordrat\smeddelande|"
    r"Videresendt\smeddelelse|Mensagem\sencaminhada|Przekazana\swiadomość|転送されたメッセージ)"
    r"\s*-+"
    r"|(?:Begin\sforwarded\smessage|Anfang\sder\sweitergeleiteten\sNachricht|"
    r"Début\sdu\smessage\s(?:réexpédié|transféré)|Inicio\sdel\smensaje\sreenviado|"
    r"Inizio\smessaggio\sinoltrato|Begin\sdoorgestuurd\sbericht|"
    r"Início\sda\smensagem\sreencaminhada)\s?:"
    r"|#*-?\s*(?:Please\s)?(?:type|write)\s(?:your\s)?reply\sabove\sthis\sline.*)\s*$",
    re.IGNORECASE,
)
# Lotus Notes / HCL Notes: "----- Forwarded by Jo Doe/FIN/Acme on 03/03/2026 10:15 AM -----".
_NOTES_FORWARDED = re.compile(
    _Q + r"-+\s*(?:Forwarded\sby|Weitergeleitet\svon|Transf[ée]r[ée]\spar|Reenviado\spor|"
    r"Inoltrato\sda|Doorgestuurd\sdoor)\s.+\s-+\s*$",
    re.IGNORECASE,
)
# Without dashes (BlackBerry, some webmails) only when header lines follow.
_BARE_SEPARATOR = re.compile(
    _Q + r"(?:Original\sMessage|Forwarded\smessage|Ursprüngliche\sNachricht)\s*$", re.IGNORECASE
)
_RULE = re.compile(r"^[_-]{10,}$")
_SUBJECT_LINE = re.compile(
    _Q + r"\*?(?:Subject|Sujet|Objet|Betreff|Onderwerp|Oggetto|Asunto|Assunto|Ämne|Emne|Temat|"
    r"Předmět|Тема|件名|主题)\s?\*?\s?[:：]",
    re.IGNORECASE,
)
_SENT_LINE = re.compile(
    _Q + r"\*?(?:Sent|Envoy[ée](?:\sle)?|Gesendet|Verzonden|Inviato|Enviad[oa](?:\s(?:el|em))?|"
    r"Skickat|Sendt|Wysłano|Odesláno|Отправлено|送信日時|发送时间)\s?\*?\s?[:：]",
    re.IGNORECASE,
)
# Outlook on the web, pasted as text: the whole block on one line ("Van: X <x@y> Verzonden:
# maandag 2 maart 2026 09:14 Aan: Y Onderwerp: Z"). A sent label and a subject label must follow.
_INLINE_SENT = re.compile(
    r"\s(?:Sent|Date|Envoy[ée](?:\sle)?|Gesendet|Datum|Verzonden|Inviato|Enviad[oa](?:\s(?:el|em))?|"
    r"Fecha|Skickat|Sendt|Data|Wysłano)\s?[:：]\s",
    re.IGNORECASE,
)
_INLINE_SUBJECT = re.compile(
    r"\s(?:Subject|Objet|Betreff|Onderwerp|Oggetto|Asunto|Assunto|Ämne|Emne|Temat)\s?[:：]",
    re.IGNORECASE,
)


def is_wrote_header(line: str) -> bool:
    """A whole "On ... wrote:" line, in any of the languages above or by its address."""
    if _WROTE.match(line):
        return True
    if _WROTE_ANYWHERE.match(line) and ("@" in line or _DATE_OR_TIME.search(line)):
        return True
    if _ADDRESS_HEADER.match(line) and _DATE_OR_TIME.search(line):
        return True
    # The address in the middle ("... przez AR <ar@x> w dniu 02.03.2026, o godz. 09:14:"):
    # only with both a date and a time.
    return bool(
        line.endswith((":", "："))
        and _ADDRESS.search(line)
        and _DATE.search(line)
        and _TIME.search(line)
    )


def _wrote_span(lines: list[str], i: int) -> int:
    """Lines (1 to 3) of a "wrote" header starting at ``i``; 0 when there is none."""
    if is_wrote_header(lines[i]) or _WROTE_INLINE.match(lines[i]):
        return 1
    # Gmail and Apple wrap a long header line in two or three.
    if _WRAP_START.match(lines[i]):
        for extra in (1, 2):
            if i + extra >= len(lines) or not lines[i + extra]:
                break
            if is_wrote_header(" ".join(lines[i : i + 1 + extra])):
                return 1 + extra
    return 0


def is_header_line(line: str) -> bool:
    """A line that starts with a mail header label ("From:", "Gesendet:", "Objet :")."""
    return bool(_FROM_LINE.match(line) or _HEADER_LINE.match(line))


def is_header_block(lines: list[str], i: int) -> bool:
    """Whether the header-like lines from ``i`` are a mail's header block, not the sender's list.

    A block has a subject line within eight lines, a "Sent:" line (a label only mail
    headers use) or a From: line with an address in brackets among its header lines, or
    three header lines in a row (counting those just above ``i``) one of which gives a
    date or a time ("Date: 03/02/2026 09:14 AM").
    "From: our account 4411 / To: your account 9020 / Amount: ..." in the sender's own
    text has none of these.
    """
    if any(_SUBJECT_LINE.match(line) for line in lines[i : i + 8]):
        return True
    top, end = i, i
    while top > 0 and is_header_line(lines[top - 1]):
        top -= 1
    while end < len(lines) and is_header_line(lines[end]):
        end += 1
    run = lines[top:end]
    if any(_SENT_LINE.match(line) for line in run):
        return True
    # "From: AR <ar@x.example>" over "To: Bob": an address in brackets is a mail's.
    if len(run) >= 2 and any(_FROM_LINE.match(line) and _ADDRESS.search(line) for line in run):
        return True
    return len(run) >= 3 and any(_DATE_OR_TIME.search(line) for line in run)


def _outlook_block(lines: list[str], i: int) -> bool:
    """A From: line followed within four lines by another header-like line, or a whole block
    on the From: line itself."""
    if not _FROM_LINE.match(lines[i]):
        return False
    if _INLINE_SENT.search(lines[i]) and _INLINE_SUBJECT.search(lines[i]):
        return True
    return any(_HEADER_LINE.match(line) for line in lines[i + 1 : i + 5]) and is_header_block(
        lines, i
    )


def _block_top(lines: list[str], i: int) -> int:
    """Move up over header lines (Date:, Sent:) and a rule just above an Outlook block."""
    while i > 0 and _HEADER_LINE.match(lines[i - 1]):
        i -= 1
    for above in (i - 1, i - 2):
        if above >= 0 and _RULE.match(lines[above]) and all(not x for x in lines[above + 1 : i]):
            return above
    return i


def wrote_span(lines: list[str], i: int) -> int:
    """Number of lines of the "wrote" header starting at ``i`` (0 when none)."""
    return _wrote_span(lines, i) if lines[i] else 0


def _next_text(lines: list[str], i: int) -> str:
    return next((line for line in lines[i + 1 :] if line), "")


def history_start(lines: list[str]) -> int | None:
    """Index of the first line of the quoted history, or None."""
    for i, line in enumerate(lines):
        if not line:
            continue
        if _SEPARATOR.match(line) or _NOTES_FORWARDED.match(line) or _wrote_span(lines, i):
            return i
        if _BARE_SEPARATOR.match(line) and any(
            _FROM_LINE.match(x) or _HEADER_LINE.match(x) for x in lines[i + 1 : i + 3]
        ):
            return i
        if _DATED_ADDRESS.match(line) and _next_text(lines, i).startswith(">"):
            return i
        if _outlook_block(lines, i):
            return _block_top(lines, i)
    return None
