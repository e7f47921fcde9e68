"""Answers typed into a quoted notice that Outlook did not mark with ``>``.

Outlook quotes the message answered below a "From: ... Sent: ..." block, with no ``>``
on its lines. A customer who answers "inline" types into that quote: after a line of
our notice ("INV-2231  $1,200.00  >> paid by wire 11/14"), on a line of its own marked
as theirs ("-> paid by wire yesterday", "[Acme] we dispute this one"), or in capitals
("INV-2231: PAID 11/14 CHECK 5521"). Those lines are the sender's own words; everything
else below the block is our notice and stays history, so nothing our notice says
("please pay", "overdue", its amounts) is ever read as the customer's.

Only the first quoted message is read (answers go into what they answer, not into older
history), and only these shapes count:

- a line with an arrow or ``>>`` between a line of the notice that names an invoice or
  an amount and the sender's words ("INV 77801  $1,240.00 >> paid ACH 3/12": only what
  follows the arrow is theirs), or that starts with an arrow (``->``, ``=>``, ``→``,
  ``»``; ``>>`` only where no line of the quote starts with ``>`` of its own) right below
  such a line; never a line with a link ("Pay online -> ...");
- a line that starts with a tag in brackets naming the sender as the new text does
  ("[June] paid ACH 3/12" below a reply signed June);
- a line in capitals that speaks as the customer (we, our, paid, sent, disputed...) and
  not to them (you, your, please, remit...) right below a line of the notice that names
  an invoice or an amount, when the new text points at its answers ("see below",
  "answers in caps") or is empty.
"""

from __future__ import annotations

import re

from .quoteheaders import history_start

_HEADER = re.compile(
    r"^\*?(?:From|Sent|Date|To|Cc|Subject|Von|Gesendet|Datum|An|Betreff|De|Envoy[ée]|[ÀA]|Objet|"
    r"Enviado|Para|Fecha|Asunto|Da|Inviato|Oggetto|Van|Verzonden|Aan|Onderwerp|Data|Assunto)"
    r"\s?\*?\s?:",
    re.I,
)
_RULE_OR_SEPARATOR = re.compile(r"^(?:[_-]{10,}|-+\s*[\w' ]{3,40}\s*-+)$")
_LEADING_ARROW = re.compile(r"^(?:-+>|=+>|→|»|>>+)\s*\w")
_QUOTE_ARROW = re.compile(r"^>>+\s*\w")
"""">> bereits bezahlt" typed on a line of its own below a line of the notice."""
_INNER_ARROW = re.compile(r"\S\s+(?:>>+|-+>|=+>|→|»|<-+|<<+)\s*\w")
_TAG = re.compile(r"^\[([^\]\d]{2,40})\]\s*\w")
_CAPS_VOICE = re.compile(
    r"\b(?:WE|I|OUR|US|MY|PAID|SENT|WIRED|MAILED|REMITTED|DISPUTED?|DISPUTING|WILL|"
    r"NEVER|RECEIVED|BEZAHLT|ÜBERWIESEN|PAYÉE?S?|PAGAD[OA]S?|PAGAT[OA]|BETAALD)\b"
)
_ADDRESSES_THEM = re.compile(
    r"\b(?:YOU|YOUR|PLEASE|KINDLY|NOTICE|REMIT|REQUIRED|IMMEDIATELY|BITTE|IHR\w*|VEUILLEZ|"
    r"VOTRE|VOS|POR FAVOR|SU|SUS|PER FAVORE|VOSTR\w|GELIEVE|UW|FAVOR|SEU|SUA)\b"
)
"""A notice's words in capitals: it speaks to the customer and asks ("PLEASE REMIT",
"YOUR ACCOUNT WILL BE PLACED ON HOLD"); the customer's answers speak of themselves."""
_DUNNING = re.compile(
    r"\b(?:(?:please|kindly|pls)\s+(?:remit|pay|settle|submit)|remit\w*|past[- ]due|overdue|"
    r"collections?|late (?:fees?|charges?)|your account|credit hold|final notice|"
    r"suspend\w*|stop (?:all )?(?:shipments|deliveries|orders)|until paid|legal|attorneys?|"
    r"interest|penalt(?:y|ies)|reminder|due (?:date|now|immediately|today)|amount due|"
    r"mahnung|überfällig|relance|en retard|vencid[oa]s?|scadut[oa]|achterstallig|"
    r"em atraso)\b",
    re.I,
)
"""What a dunning notice says, whatever the shape of its line (the firm language of
`agent.guardrails` among it): never read as an answer."""
_URL = re.compile(r"https?://|www\.|\.(?:com|net|org|example)\b", re.I)
_WORD = re.compile(r"(?<![\w-])[^\W\d_]{2,}(?![\w-])")
_INVOICE_OR_AMOUNT = re.compile(r"\d")
_POINTS_BELOW = re.compile(
    r"\b(?:below|inline|in-line|in caps|capitals|answers?|comments|notes|in red|unten|"
    r"ci-dessous|en rouge|abajo|en rojo|hieronder|qui sotto|in rosso|abaixo|em vermelho)\b",
    re.I,
)


def outlook_answers(lines: list[str], cut: int, head: list[str]) -> tuple[list[str], list[str]]:
    """Split the lines from ``cut`` into (the sender's answers, history) when ``cut`` opens
    an Outlook header block; ``head`` is the new text above it."""
    body = _notice_start(lines, cut)
    if body is None:
        return [], lines[cut:]
    deeper = history_start(lines[body:])
    end = body + deeper if deeper is not None else len(lines)
    said = " ".join(head)
    caps_allowed = not re.search(r"\w", said) or bool(_POINTS_BELOW.search(said))
    names = {w.lower() for w in _WORD.findall(said)}
    # A line marked ">>" is an answer only in a block whose lines carry no ">" of their own
    # (Outlook's quote has none): in a ">"-quoted block it is older history.
    marked = [k for k in range(body, end) if lines[k].startswith(">")]
    bare_quote = all(_QUOTE_ARROW.match(lines[k]) for k in marked)
    picked = [
        k
        for k in range(body, end)
        if _answer(lines, k, body, names, caps_allowed)
        and (not lines[k].startswith(">") or (bare_quote and _QUOTE_ARROW.match(lines[k])))
    ]
    if not picked:
        return [], lines[cut:]
    history = [line for k, line in enumerate(lines[cut:], start=cut) if k not in picked]
    return [_theirs(lines[k]) for k in picked], history


def _theirs(line: str) -> str:
    """What the sender typed: after an arrow between our text and theirs ("INV 77801
    $1,240.00 due 02/28/2026 >> paid ACH 3/12" is "paid ACH 3/12"), else the whole line;
    our amount and due date are not theirs to report."""
    inner = _INNER_ARROW.search(line)
    if inner and not _LEADING_ARROW.match(line):
        return line[inner.end() - 1 :].strip()
    if _QUOTE_ARROW.match(line):
        return line.lstrip(">").strip()  # read as theirs, not as a quoted line
    return line


def _notice_start(lines: list[str], cut: int) -> int | None:
    """The first line below the header block that opens at ``cut``, or None when ``cut``
    opens no "From: ... Sent: ..." block."""
    k = cut
    while k < len(lines) and (not lines[k] or _RULE_OR_SEPARATOR.match(lines[k])):
        k += 1
    headers = 0
    while k < len(lines) and _HEADER.match(lines[k]):
        headers += 1
        k += 1
    if headers < 2:
        return None
    return k


def _answer(lines: list[str], k: int, body: int, names: set[str], caps_allowed: bool) -> bool:
    line = lines[k]
    if not line:
        return False
    if _URL.search(line) or _DUNNING.search(_theirs(line)):
        return False  # "Pay online -> portal.example.com", "=> please remit": our notice's
    inner = _INNER_ARROW.search(line)
    if inner and not _LEADING_ARROW.match(line):
        return bool(_INVOICE_OR_AMOUNT.search(line[: inner.start() + 1]))
    tag = _TAG.match(line)
    if tag:
        return any(w.lower() in names for w in _WORD.findall(tag.group(1)))
    above = next((lines[j] for j in range(k - 1, body - 1, -1) if lines[j]), "")
    below_ours = bool(_INVOICE_OR_AMOUNT.search(above)) and not _in_capitals(above)
    if _QUOTE_ARROW.match(line) and _ADDRESSES_THEM.search(line.upper()):
        return False  # ">> Bitte zahlen Sie umgehend": a quote's own line, speaking to them
    if _LEADING_ARROW.match(line):
        return below_ours
    if not caps_allowed or not _in_capitals(line) or not _CAPS_VOICE.search(line):
        return False
    return below_ours and not _ADDRESSES_THEM.search(line)


def _in_capitals(line: str) -> bool:
    """Two words or more, every letter a capital ("PAID 11/14 CHECK 5521")."""
    words = _WORD.findall(line)
    return len(words) >= 2 and all(w.isupper() for w in words)
