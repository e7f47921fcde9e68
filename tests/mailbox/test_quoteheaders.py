"""Where the quoted history starts: one test per header rule."""

from __future__ import annotations

import pytest

from arbox.mailbox.quoteheaders import history_start, is_wrote_header
from arbox.mailbox.reply import split_reply


@pytest.mark.parametrize(
    "header",
    [
        "pon., 2 mar 2026 o 09:14 AR Team <ar@example.com> napisał(a):",
        "mån 2 mars 2026 kl 09:14 skrev AR Team <ar@example.com>:",
        "man. 2. mar. 2026 kl. 09.14 skrev AR Team <ar@example.com>:",
        "2026年3月2日(月) 9:14 AR Team <ar@example.com>:",
        "2026/03/02 9:14、AR Team <ar@example.com>のメール:",
        "Wiadomość napisana przez AR <ar@example.com> w dniu 02.03.2026, o godz. 09:14:",
        "W dniu 2.03.2026 o 09:14, AR Team pisze:",
        "Den 2026-03-02 kl. 09:14, skrev AR Team:",
    ],
)
def test_headers_by_address_date_or_verb_in_any_language(header: str) -> None:
    assert is_wrote_header(header)
    assert split_reply(f"Paid.\n\n{header}\n> old\n")[0] == "Paid."


@pytest.mark.parametrize(
    "line",
    [
        "As you wrote:",
        "Please send it to AP <ap@example.com>:",
        "Here are the payments for February:",
    ],
)
def test_a_verb_or_an_address_alone_opens_no_history(line: str) -> None:
    assert not is_wrote_header(line)


def test_header_wrapped_before_the_address_with_a_weekday_first() -> None:
    text = "Paid.\n\npon., 2 mar 2026 o 09:14 AR Team <ar@example.com>\nnapisał(a):\n\n> old\n"
    assert split_reply(text)[0] == "Paid."


def test_date_line_above_from_belongs_to_the_block() -> None:
    lines = ["Paid.", "", "Date: Mon, 2 Mar 2026", "From: ar@example.com", "To: ap@example.com"]
    assert history_start(lines) == 2


@pytest.mark.parametrize(
    "block",
    [
        "差出人: AR <ar@example.com>\n送信日時: 2026年3月2日 9:14\n宛先: Bob\n件名: 請求書",
        "Od: AR <ar@example.com>\nWysłano: poniedziałek, 2 marca 2026\nDo: Bob\nTemat: FV",
        "Från: AR <ar@example.com>\nSkickat: den 2 mars 2026\nTill: Bob\nÄmne: Faktura",
    ],
)
def test_outlook_blocks_in_more_languages(block: str) -> None:
    assert split_reply(f"Paid.\n\n{block}\n\nold\n")[0] == "Paid."


@pytest.mark.parametrize(
    "separator",
    [
        "-------- Message transféré --------",
        "-------- Message original --------",
        "---------- Mensaje reenviado ---------",
        "-----Mensagem original-----",
        "-------- Doorgestuurd bericht --------",
        "Anfang der weitergeleiteten Nachricht:",
        "##- Please type your reply above this line -##",
    ],
)
def test_separators(separator: str) -> None:
    assert split_reply(f"Paid.\n\n{separator}\nold text\n")[0] == "Paid."


def test_original_message_without_dashes_needs_header_lines_after_it() -> None:
    text = "Approved.\n  Original Message  \nFrom: AR\nSent: Monday\nTo: Bob\n\nold"
    assert split_reply(text)[0] == "Approved."
    text = "The amount on the\nOriginal message\nwas wrong."
    assert split_reply(text)[0] == text


def test_header_glued_to_the_end_of_a_reply_line() -> None:
    text = "will pay friday On Mon, Mar 2, 2026 at 9:14 AM, ar@example.com wrote:\n> due\n"
    assert split_reply(text)[:2] == (
        "will pay friday",
        "On Mon, Mar 2, 2026 at 9:14 AM, ar@example.com wrote:\n> due",
    )


def test_quoted_header_is_not_unglued() -> None:
    text = "Paid.\n\n> On Mon, Mar 2, 2026 at 9:14 AM A <a@example.com> wrote:\n> > old\n"
    assert split_reply(text)[1].startswith("> On Mon, Mar 2, 2026")


def test_header_and_quote_on_one_line() -> None:
    text = "Call me.\n\n  On Mon, Mar 2, 2026 at 9:14 AM, AR<ar@example.com> wrote:   Dear customer"
    assert split_reply(text)[0] == "Call me."


def test_answers_between_quoted_lines_below_a_header_are_kept() -> None:
    text = (
        "See below.\n\nOn Mon, Mar 2, 2026 at 9:14 AM AR <ar@example.com> wrote:\n"
        "> When will you pay?\n\nMarch 15.\n\n> PO?\n\n4500-7781\n"
    )
    reply, quoted, _ = split_reply(text)
    assert reply == "See below.\n\nMarch 15.\n\n4500-7781"
    assert quoted.startswith("On Mon") and "> PO?" in quoted and "March 15" not in quoted


def test_bottom_posted_reply_below_the_quote() -> None:
    text = "On Mon, Mar 2, 2026 at 9:14 AM AR <ar@example.com> wrote:\n> Due.\n\nPaid on 2/20.\n"
    assert split_reply(text)[0] == "Paid on 2/20."


def test_unquoted_history_below_a_header_is_not_taken_for_answers() -> None:
    text = "Paid.\n\nOn 2 Mar 2026, at 09:14, AR <ar@example.com> wrote:\n\nDear Bob,\nPay now.\n"
    assert split_reply(text)[0] == "Paid."


def test_wrote_header_between_dashes() -> None:
    text = "Paid.\n\n------On 3/2/2026 09:14 AM, AR Team wrote-----\n\nold\n"
    assert split_reply(text)[0] == "Paid."


def test_dated_address_line_without_colon_above_a_quote() -> None:
    assert split_reply("Paid.\n2026/3/2 AR Team <ar@example.com>\n\n> old\n")[0] == "Paid."
    text = "Paid.\n2026/3/2 AR Team <ar@example.com>\nsent the statement."
    assert split_reply(text)[0] == text
