"""Split a plain-text body into the new reply, the quoted history and the signature.

Two detectors find where the quoted history starts, and the earliest wins:
our own header patterns (`quoteheaders`) and mail-parser-reply's (but for its
cut at two "Label:" lines that are no mail header block, such as the sender's
own "From: our account / To: your account"). A trailing
block of ``>`` lines counts as quoted too, and a "wrote" header glued to the end
of a reply line is first put on a line of its own. Answers written between the
``>`` lines below a "wrote" header (inline replies, bottom posting) are the
sender's own text; the ``>`` lines around them are history, and so are answers typed
into an Outlook quote without ``>`` (`answers`). The signature is then looked for in
what is left (`signature`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailparser_reply.parser import EmailMessage

from .answers import outlook_answers
from .banners import is_placeholder, split_banner
from .quoteheaders import (
    history_start,
    is_header_block,
    is_header_line,
    is_wrote_header,
    wrote_span,
)
from .signature import signature_start

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "sv", "da", "pl", "cs")
_GLUED = re.compile(r"(?<=\S)[\s-]+(?=On\s)")
# No-break and thin spaces (HTML's &nbsp;, French typography) read as plain spaces.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))


@lru_cache(maxsize=1)
def _library_header_regex() -> re.Pattern[str]:
    # mail-parser-reply builds its multi-language header pattern per message;
    # build it once and reuse it.
    return EmailMessage("", languages=list(LANGUAGES)).HEADER_REGEX


def _library_cut(lines: list[str]) -> int | None:
    text = "\n".join(lines)
    match = _library_header_regex().search(text)
    if not match:
        return None
    start = match.start()
    # The match may begin with the newline before the header line.
    while start < len(text) and text[start] == "\n":
        start += 1
    cut = text.count("\n", 0, start)
    # Its header pattern takes any two "Label:" lines; the sender's own "From: our
    # account / To: your account" is not a mail's header block.
    if is_header_line(lines[cut]) and not is_header_block(lines, cut):
        return None
    return cut


def _trailing_quote(lines: list[str]) -> int | None:
    """Index of the first line of a trailing block of ``>`` lines (blank lines allowed)."""
    cut = None
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith(">"):
            cut = i
        elif lines[i]:
            break
    return cut


def _unglue(lines: list[str]) -> list[str]:
    """Put a "wrote" header that ends a reply line ("will pay On ... wrote:") on its own line."""
    out: list[str] = []
    for line in lines:
        for match in _GLUED.finditer(line):
            tail = line[match.end() :]
            head = line[: match.start()]
            if re.search(r"\w", head) and is_wrote_header(tail) and re.search(r"\d", tail):
                out += [head, tail]
                break
        else:
            out.append(line)
    return out


def _inline_answers(lines: list[str], cut: int) -> tuple[list[str], list[str]]:
    """Split the lines from ``cut`` into (the sender's answers, history) for inline replies.

    Applies only below a "wrote" header whose quote is ``>`` quoted and has
    unquoted lines after a ``>`` line; otherwise everything is history.
    """
    if cut >= len(lines):
        return [], []
    span = wrote_span(lines, cut)
    below = lines[cut + span :]
    first = next((line for line in below if line), "")
    if not span or not first.startswith(">"):
        return [], lines[cut:]
    seen_quote, answers, history = False, [], lines[cut : cut + span]
    own = [line for line in below if not line.startswith(">")]
    stop = history_start(own)
    own_kept = own[:stop] if stop is not None else own
    kept = 0
    for line in below:
        if line.startswith(">"):
            seen_quote = True
            history.append(line)
        elif kept < len(own_kept) and seen_quote:
            answers.append(line)
            kept += 1
        else:
            history.append(line)
            kept += 1
    if not any(answers):
        return [], lines[cut:]
    # One blank line where a quote was cut out of the answers.
    tidy = [line for k, line in enumerate(answers) if line or (k and answers[k - 1])]
    return _join(tidy).split("\n"), history


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def split_reply(text: str) -> tuple[str, str, str]:
    """Split a plain-text body into ``(reply_text, quoted_text, signature)``.

    Lines are stripped of surrounding whitespace and otherwise kept whole (but
    for a "wrote" header glued to a line's end, which is cut off, and no-break
    spaces, which become plain spaces), so a quote taken from one line of
    ``reply_text`` occurs verbatim in the message, up to those spaces.
    """
    if not text:
        return "", "", ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    lines = [line.strip() for line in text.split("\n")]
    # The gateway's external-sender warning and inline-image placeholders are not the sender's.
    banner, lines = split_banner(["" if is_placeholder(line) else line for line in lines])
    lines = _unglue(lines)
    own = history_start(lines)
    # The library only needs to look above our own cut: the earliest cut wins.
    library = _library_cut(lines[:own] if own is not None else lines)
    cuts = [c for c in (own, library, _trailing_quote(lines)) if c is not None]
    cut = min(cuts) if cuts else len(lines)
    answers, quoted = _inline_answers(lines, cut)
    if not answers:
        typed, history = outlook_answers(lines, cut, lines[:cut])
        if typed:
            # Answers typed into an Outlook quote come after the new text's signature:
            # the signature is looked for above them, the answers join the new text.
            sig = signature_start(lines[:cut])
            above = lines[:cut] if sig is None else lines[:sig]
            reply = _join([*above, "", *typed]).strip()
            signature = "" if sig is None else _join(lines[sig:cut]).strip()
            return reply, _join([*banner, "", *history]).strip(), signature
    head = lines[:cut] + ([""] if answers and cut and lines[cut - 1] else []) + answers
    # Inline replies: quoted lines between the sender's own lines belong to the history.
    if any(line.startswith(">") for line in head):
        quoted = [line for line in head if line.startswith(">")] + quoted
        head = [line for line in head if not line.startswith(">")]
    quoted = banner + ([""] if banner and quoted else []) + quoted
    sig = signature_start(head)
    if sig is None:
        return _join(head).strip(), _join(quoted).strip(), ""
    return _join(head[:sig]).strip(), _join(quoted).strip(), _join(head[sig:]).strip()
