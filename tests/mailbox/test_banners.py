"""The gateway's external-sender warning and inline-image placeholders are not the sender's."""

from __future__ import annotations

import pytest

from arbox.agent.extract import find_emails
from arbox.mailbox.reply import split_reply


@pytest.mark.parametrize(
    "banner",
    [
        "CAUTION: This email originated from outside of the organization. Do not click links or "
        "open attachments unless you recognize the sender and know the content is safe.",
        "[EXTERNAL] Use caution when clicking links or opening attachments.",
        "You don't often get email from ar@supplier.example. Learn why this is important"
        "<https://aka.ms/LearnAboutSenderIdentification>",
        "ACHTUNG: Diese E-Mail stammt von einem externen Absender.\n"
        "Klicken Sie nicht auf Links und öffnen Sie keine Anhänge.",
        "ATTENTION : ce courriel provient de l'extérieur de l'organisation.",
        "PRECAUCIÓN: Este correo se originó fuera de la organización.",
        "LET OP: Deze e-mail is afkomstig van buiten de organisatie.",
        "ATTENZIONE: questa e-mail proviene da un mittente esterno.",
    ],
)
def test_an_external_sender_warning_on_top_is_not_the_reply(banner: str) -> None:
    reply, quoted, _ = split_reply(f"{banner}\n\nWe paid INV-3391 by wire on 11/18.\n")
    assert reply == "We paid INV-3391 by wire on 11/18."
    assert banner.split("\n")[0] in quoted
    # without a blank line after it, too
    assert split_reply(f"{banner}\nPaid last Friday.")[0] == "Paid last Friday."


@pytest.mark.parametrize(
    "text",
    [
        "Attention: this email confirms our payment of INV-3391.",
        "Warning - we will stop paying if the pricing is not fixed.",
        "External auditors need a statement of our account.",
    ],
)
def test_a_first_line_that_only_starts_alike_stays(text: str) -> None:
    assert split_reply(text)[0] == text


def test_an_inline_image_is_no_address_and_no_text() -> None:
    body = "Please send us a W-9.\n\n[cid:image001.png@01DB3C2A.5F1E2A40]\nThanks,\nRachel Kim\n"
    reply, _, signature = split_reply(body)
    assert reply == "Please send us a W-9." and signature == "Thanks,\nRachel Kim"
    assert find_emails("logo [cid:image001.png@01DB3C2A.5F1E2A40] or write to ap@acme.co.uk") == [
        "ap@acme.co.uk"
    ]
