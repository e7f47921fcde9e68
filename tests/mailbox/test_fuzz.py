"""Property tests: no input crashes the parser or the reply splitter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arbox.mailbox.errors import MailParseError
from arbox.mailbox.models import InboundEmail
from arbox.mailbox.parse import parse_email
from arbox.mailbox.reply import split_reply

HEADER_NAMES = st.sampled_from(
    [
        "From",
        "To",
        "Cc",
        "Subject",
        "Date",
        "Message-ID",
        "In-Reply-To",
        "References",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Content-Disposition",
        "Auto-Submitted",
        "MIME-Version",
        "Reply-To",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_parse_or_raise_the_one_error(raw: bytes) -> None:
    try:
        result = parse_email(raw)
    except MailParseError:
        return
    assert isinstance(result, InboundEmail) and result.message_id.startswith("<")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(HEADER_NAMES, st.binary(max_size=80)), max_size=10),
    st.binary(max_size=600),
)
def test_random_headers_and_bodies_always_parse(
    headers: list[tuple[str, bytes]], body: bytes
) -> None:
    head = b"".join(
        name.encode() + b": " + value.replace(b"\n", b" ").replace(b"\r", b" ") + b"\r\n"
        for name, value in headers
    )
    raw = b"From: someone@example.com\r\n" + head + b"\r\n" + body
    result = parse_email(raw)  # a From: line is enough to be salvageable: never raises
    assert result.raw_size == len(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=1500))
def test_split_reply_never_loses_the_reply_lines(text: str) -> None:
    reply, quoted, sig = split_reply(text)
    for part in (reply, quoted, sig):
        assert isinstance(part, str)
    # Every non-space character comes back out in one of the three parts.
    assert sorted("".join(text.split())) == sorted("".join((reply + quoted + sig).split()))
