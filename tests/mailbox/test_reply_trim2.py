"""Reply trimming: the general causes behind batch 3's first-run failures, one test each."""

from __future__ import annotations

import pytest

from arbox.mailbox.quoteheaders import history_start, is_header_block
from arbox.mailbox.reply import split_reply

GMAIL = "On Tue, Apr 7, 2026 at 10:02 AM Fernhill AR <ar@fernhill.example> wrote:\n> Reminder."


def _reply(text: str) -> str:
    return split_reply(text)[0]


def test_no_break_spaces_read_as_plain_spaces() -> None:
    text = "The\u00a0balance went out by wire\u202fthis afternoon.\u00a0\n\u00a0\n" + GMAIL
    assert _reply(text) == "The balance went out by wire this afternoon."


@pytest.mark.parametrize(
    "separator",
    [
        "----- Forwarded by Ada Lowe/AP/Kestrel on 04/08/2026 02:30 PM -----",
        "----- Weitergeleitet von Ada Lowe/AP/Kestrel am 08.04.2026 14:30 -----",
    ],
)
def test_lotus_notes_forwarded_by_line_opens_the_history(separator: str) -> None:
    text = f"Settled, proof underneath.\n\n{separator}\n\nOrder 8812 was executed by the bank.\n"
    reply, quoted, _ = split_reply(text)
    assert reply == "Settled, proof underneath."
    assert quoted.startswith("-----") and quoted.endswith("executed by the bank.")


def test_bare_name_under_a_short_note_without_a_full_stop_is_a_signature() -> None:
    assert _reply("transfer done - remittance further down\n\nAda\n") == (
        "transfer done - remittance further down"
    )


def test_bare_name_under_a_greeting_stays() -> None:
    # A greeting ending in a comma says nothing yet: the name may be what follows it.
    assert _reply("Good morning Brightmill,\n\nKestrel Foods\n") == (
        "Good morning Brightmill,\n\nKestrel Foods"
    )


@pytest.mark.parametrize(
    "closing",
    ["Beste Grüße / Kind regards", "Cordialement / Best regards", "Saludos/Regards"],
)
def test_two_closings_in_two_languages_start_the_signature(closing: str) -> None:
    text = f"The remittance for April is attached.\n\n{closing}\n\nAda Lowe\nKreditoren\n"
    reply, _, signature = split_reply(text)
    assert reply == "The remittance for April is attached."
    assert signature.startswith(closing)


def test_a_slash_inside_a_sentence_is_no_closing() -> None:
    text = "Hello,\n\nThanks / regards aside, when do you expect the credit note?\n\nAda\n"
    assert "when do you expect the credit note?" in _reply(text)


def test_outlook_block_collapsed_on_one_line() -> None:
    block = (
        "Von: Kestrel Buchhaltung <fibu@kestrel.example> Gesendet: Dienstag, 7. April 2026 "
        "10:02 An: Ada Lowe <ada@lowe.example> Betreff: Kontoauszug"
    )
    text = f"Der Auszug stimmt nicht, zwei Gutschriften fehlen.\n\n{block}\n\nAnbei Ihr Auszug.\n"
    reply, quoted, _ = split_reply(text)
    assert reply == "Der Auszug stimmt nicht, zwei Gutschriften fehlen."
    assert quoted.startswith("Von:")


def test_from_and_to_lines_of_the_senders_own_list_are_kept() -> None:
    text = (
        "Transfer details:\n\nFrom: Lowe Bakery Ltd, IBAN ending 0042\n"
        "To: Kestrel Foods, IBAN ending 7731\nReference: 2026-311\nValue: EUR 980.00\n\n"
        "Can you match it to the March statement?\n"
    )
    assert _reply(text) == text.strip()


@pytest.mark.parametrize(
    ("lines", "block"),
    [
        (["From: AR <ar@x.example>", "To: Ada", "Subject: Statement"], True),
        (["From: AR", "Sent: Tuesday", "To: Ada"], True),
        (["From: AR", "To: Ada", "Date: 04/07/2026 10:02 AM"], True),
        (["From: AR <ar@x.example>", "To: Ada"], True),
        (["From: our account 0042", "To: your account 7731", "Amount: 980.00"], False),
        (["From: our account 0042", "To: your account 7731"], False),
    ],
)
def test_header_block_needs_a_subject_a_sent_line_or_a_dated_run(
    lines: list[str], block: bool
) -> None:
    assert is_header_block(lines, 0) is block
    assert (history_start(["Noted.", "", *lines, "", "old"]) == 2) is block
