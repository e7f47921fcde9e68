"""HTML bodies to plain text (stdlib only).

Block elements become line breaks, table cells are separated by tabs, and
``<blockquote>`` content is prefixed with ``> `` so the reply splitter sees the
quoted history of HTML-only replies (Gmail, Outlook web) as quoted.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
_SKIP = frozenset(("script", "style", "head", "title", "template", "noscript"))


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.quote_depth = 0
        self.line_quote = 0

    def _break(self) -> None:
        text = re.sub(r"[ \t\r\n\xa0]+", " ", "".join(self.current)).strip()
        if text:
            self.lines.append("> " * self.line_quote + text)
        elif self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.current = []
        self.line_quote = self.quote_depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag in _BLOCK:
            self._break()
        if tag == "blockquote":
            self.quote_depth += 1
            self.line_quote = self.quote_depth
        elif tag in ("td", "th"):
            self.current.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCK:
            self._break()
        if tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)
            self.line_quote = self.quote_depth

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr", "p", "div"):
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """Readable plain text from an HTML document or fragment; never raises on bad markup."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # pragma: no cover - HTMLParser is lenient; keep what it read
        pass
    parser._break()
    lines = parser.lines
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
