"""Splitting reply text from quoted history and signatures, in several languages."""

from __future__ import annotations

import pytest

from arbox.mailbox.reply import split_reply


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("On Mon, Mar 2, 2026 at 9:14 AM AR Team <ar@example.com> wrote:", "en"),
        ("Am Mo., 2. März 2026 um 09:14 Uhr schrieb AR Team <ar@example.com>:", "de"),
        ("Le lun. 2 mars 2026 à 09:14, AR Team <ar@example.com> a écrit :", "fr"),
        ("El lun, 2 mar 2026 a las 9:14, AR Team (<ar@example.com>) escribió:", "es"),
        ("Il giorno lun 2 mar 2026 alle ore 09:14 AR Team <ar@example.com> ha scritto:", "it"),
        ("Op ma 2 mrt 2026 om 09:14 schreef AR Team <ar@example.com>:", "nl"),
        ("Em seg., 2 de mar. de 2026 às 09:14, AR Team <ar@example.com> escreveu:", "pt"),
        ("2026-03-02 9:14 GMT-05:00 AR Team <ar@example.com>:", "gmail-date"),
    ],
)
def test_gmail_style_wrote_headers(header: str, language: str) -> None:
    text = f"We paid INV-1 today.\n\n{header}\n> Your invoice INV-1 is due.\n"
    reply, quoted, sig = split_reply(text)
    assert reply == "We paid INV-1 today.", language
    assert quoted.startswith(header.split()[0]) and "is due" in quoted
    assert sig == ""


def test_wrote_header_wrapped_over_two_lines() -> None:
    text = (
        "Paid.\n\nOn Mon, Mar 2, 2026 at 9:14 AM Accounts Receivable Team\n"
        "<ar@example.com> wrote:\n> old\n"
    )
    assert split_reply(text)[:2] == (
        "Paid.",
        "On Mon, Mar 2, 2026 at 9:14 AM Accounts Receivable Team\n<ar@example.com> wrote:\n> old",
    )


@pytest.mark.parametrize(
    "block",
    [
        "From: AR <ar@example.com>\nSent: Monday, March 2, 2026 9:14 AM\nTo: Bob\nSubject: Inv",
        "De : AR <ar@example.com>\nEnvoyé : lundi 2 mars 2026 09:14\nÀ : Bob\nObjet : Facture",
        "Von: AR <ar@example.com>\nGesendet: Montag, 2. März 2026 09:14\nAn: Bob\nBetreff: R",
        "Van: AR <ar@example.com>\nVerzonden: maandag 2 maart 2026 09:14\nAan: Bob",
        "De: AR <ar@example.com>\nEnviado el: lunes, 2 de marzo de 2026 9:14\nPara: Bob",
        "*From:* AR <ar@example.com>\n*Sent:* Monday, March 2, 2026 9:14 AM\n*To:* Bob",
    ],
)
def test_outlook_header_blocks(block: str) -> None:
    text = f"We dispute INV-7: wrong price.\n\n{block}\n\nPlease pay now.\n"
    reply, quoted, _ = split_reply(text)
    assert reply == "We dispute INV-7: wrong price."
    assert quoted.startswith(block.split("\n")[0]) and quoted.endswith("Please pay now.")


def test_underscore_rule_before_outlook_header_goes_to_quote() -> None:
    text = "OK.\n\n________________________________\nFrom: AR\nSent: Monday\nTo: Bob\n\nold"
    reply, quoted, _ = split_reply(text)
    assert reply == "OK." and quoted.startswith("____")


def test_thanks_opening_a_sentence_is_not_a_signature() -> None:
    text = "Hi,\n\nThanks, we will pay INV-1 on the 15th.\nRegards,\nDana\n"
    reply, _, sig = split_reply(text)
    assert "we will pay INV-1 on the 15th" in reply
    assert sig == "Regards,\nDana"


def test_closing_followed_by_long_text_is_not_a_signature() -> None:
    long = "We also need the W-9 form and a copy of the signed contract for our vendor file. " * 2
    text = f"Paid.\n\nThanks,\n{long}\n"
    reply, _, sig = split_reply(text)
    assert sig == "" and "W-9" in reply


def test_dash_dash_delimiter_and_mobile_footer() -> None:
    assert split_reply("Paid.\n-- \nBob Smith\nWidgets Ltd\n") == (
        "Paid.",
        "",
        "--\nBob Smith\nWidgets Ltd",
    )
    assert split_reply("Will pay Friday.\n\nSent from my iPhone\n") == (
        "Will pay Friday.",
        "",
        "Sent from my iPhone",
    )


def test_interleaved_quotes_are_moved_to_the_history() -> None:
    text = "> Can you pay INV-1?\nYes, on Friday.\n> And INV-2?\nThat one is disputed.\n"
    reply, quoted, _ = split_reply(text)
    assert reply == "Yes, on Friday.\nThat one is disputed."
    assert quoted == "> Can you pay INV-1?\n> And INV-2?"


def test_trailing_quote_without_a_header() -> None:
    reply, quoted, _ = split_reply("Done.\n\n> old line 1\n>\n> old line 2\n")
    assert reply == "Done." and quoted == "> old line 1\n>\n> old line 2"


def test_plain_text_without_history_is_all_reply() -> None:
    text = "Please send a copy of INV-9 to ap@acme.example.\nFrom: our side we are ready."
    assert split_reply(text) == (text, "", "")
    assert split_reply("") == ("", "", "")


def test_crlf_and_surrounding_whitespace() -> None:
    reply, quoted, _ = split_reply(
        "  Paid.  \r\n\r\nOn Mon, Mar 2, 2026, X <x@y.z> wrote:\r\n> a\r\n"
    )
    assert reply == "Paid." and quoted.endswith("> a")


def test_inline_answers_between_quoted_lines_are_part_of_the_reply():
    body = (
        "Jenna,\n\nAnswers inline below.\n\nGreg\n\n"
        "On Thu, Mar 19, 2026 at 9:00 AM AR <ar@example.com> wrote:\n"
        "> Invoices INV-1 and INV-2 are still open.\n"
        "INV-1 PAID 3/18 CHECK 20931. INV-2 WE NEVER GOT THE GOODS.\n"
        "> Please send payment.\n"
        ">\n> Thank you\n"
    )
    reply, quoted, _ = split_reply(body)
    assert "INV-1 PAID 3/18 CHECK 20931. INV-2 WE NEVER GOT THE GOODS." in reply
    assert "Please send payment." in quoted and "Please send payment." not in reply
