"""HTML bodies to text."""

from __future__ import annotations

from arbox.mailbox.html import html_to_text


def test_blocks_breaks_entities_and_skipped_elements() -> None:
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<p>We paid&nbsp;<b>INV-1</b> &amp; INV-2.</p><div>Thanks<br>Dana</div>"
        "<script>alert(1)</script></body></html>"
    )
    assert html_to_text(html) == "We paid INV-1 & INV-2.\n\nThanks\nDana"


def test_blockquotes_become_quoted_lines() -> None:
    text = html_to_text(
        "<div>OK</div><blockquote><p>old one</p><blockquote>older</blockquote></blockquote>"
    )
    assert text.splitlines()[0] == "OK"
    assert "> old one" in text and "> > older" in text


def test_broken_markup_does_not_raise() -> None:
    assert "text" in html_to_text("<div><p>text<b></div></table><<>>")
    assert html_to_text("") == ""
