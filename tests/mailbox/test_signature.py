"""Where the signature starts: one test per rule, and the texts that must stay."""

from __future__ import annotations

import pytest

from arbox.mailbox.reply import split_reply


@pytest.mark.parametrize(
    "footer",
    [
        "Verstuurd vanaf mijn iPhone",
        "Skickat från min iPhone",
        "Enviado do meu iPhone",
        "Wysłane z iPhone'a",
        "iPhoneから送信",
        "Sent from my BlackBerry 10 smartphone.",
        "Sent from Mail for Windows",
        "Get Outlook for Android<https://aka.ms/x>",
        "Sent from Yahoo Mail on Android",
    ],
)
def test_mobile_footers(footer: str) -> None:
    assert split_reply(f"Paid today.\n\n{footer}\n") == ("Paid today.", "", footer)


@pytest.mark.parametrize(
    "text",
    [
        "Hi,\nSent from my desk, is much easier than my mobile phone.",
        "Hi,\nSent the check by mail yesterday.",
        "Hi,\nSent from my colleague's desk: the check went out today.",
    ],
)
def test_sentences_that_start_like_a_footer_stay(text: str) -> None:
    assert split_reply(text)[0] == text


@pytest.mark.parametrize("closing", ["Obrigado,", "Mvh,", "Grazie", "Merci,", "Atenciosamente,"])
def test_closings_in_more_languages(closing: str) -> None:
    assert split_reply(f"Pago.\n\n{closing}\nRui Lopes\n")[0] == "Pago."


def test_closing_followed_by_a_sentence_is_not_a_signature() -> None:
    text = "Hi,\nThanks,\nWe paid INV-1 today.\nRemittance attached."
    assert split_reply(text) == (text, "", "")


def test_disclaimer_starts_the_signature_even_after_long_lines() -> None:
    text = (
        "We will pay on the 31st.\n\nCONFIDENTIALITY NOTICE: This message is intended only for "
        "the addressee and may contain information that is privileged and confidential.\n"
    )
    reply, _, sig = split_reply(text)
    assert reply == "We will pay on the 31st." and sig.startswith("CONFIDENTIALITY")


def test_a_sentence_starting_with_notice_is_not_a_disclaimer() -> None:
    text = "Hello,\nNotice that INV-2 was paid already, on March 1."
    assert split_reply(text)[0] == text


def test_bare_name_as_last_paragraph() -> None:
    assert split_reply("Paid on Friday.\n\nTom\n") == ("Paid on Friday.", "", "Tom")


def test_one_word_answer_after_a_greeting_is_not_a_name() -> None:
    assert split_reply("Hi team,\n\nApproved\n")[0] == "Hi team,\n\nApproved"
    assert split_reply("We checked.\n\nConfirmed\n")[0] == "We checked.\n\nConfirmed"


def test_name_just_above_a_mobile_footer() -> None:
    text = "Will pay on receipt.\n\nSimone Achterberg\nSent from my iPad\n"
    assert split_reply(text) == (
        "Will pay on receipt.",
        "",
        "Simone Achterberg\nSent from my iPad",
    )


@pytest.mark.parametrize("name", ["-Jonas Pike", "/Jonas", "~ Jonas"])
def test_dashed_or_slashed_name_as_last_paragraph(name: str) -> None:
    assert split_reply(f"We paid INV-3.\n\n{name}\n") == ("We paid INV-3.", "", name)


def test_hyphen_list_is_not_a_name() -> None:
    text = "Hi team,\n\n- INV-1 paid\n- INV-2 open"
    assert split_reply(text)[0] == text


def test_contact_block_as_last_paragraph() -> None:
    text = "Paid today.\n\nHarrow Plumbing Ltd\n19 Quay Street\nTel 0117 496 0000\n"
    assert split_reply(text)[0] == "Paid today."


def test_one_line_answer_that_looks_like_a_contact_stays() -> None:
    text = "Where should we send invoices?\n\nap@acme.example"
    assert split_reply(text)[0] == text


def test_long_sign_off_with_a_wide_address_line() -> None:
    title = "Shared Services Center, 4410 Industrial Parkway, Building C, Suite 210, Portland"
    sig = "Best regards,\nAnton Reyes\n" + title + "\n" + "\n".join(f"Line {n}" for n in range(15))
    assert split_reply(f"Approved for March 10.\n\n{sig}\n")[0] == "Approved for March 10."


def test_a_postscript_after_the_closing_keeps_the_text() -> None:
    text = "Paid.\n\nThanks,\nDana\n\nP.S. We also need the W-9 form."
    assert "W-9" in split_reply(text)[0]


def test_title_ending_with_a_period_is_part_of_the_sign_off() -> None:
    text = (
        "We will pay INV-1 by March 15.\n\nBest regards,\nDana Ortiz\nAP Manager | Acme Build Co.\n"
    )
    assert split_reply(text)[0] == "We will pay INV-1 by March 15."


@pytest.mark.parametrize(
    "footer",
    [
        "Diese Nachricht ist ausschließlich für den Adressaten bestimmt. Sollten Sie nicht der "
        "richtige Empfänger sein, benachrichtigen Sie bitte den Absender.",
        "Sollten Sie diese E-Mail irrtümlich erhalten haben, löschen Sie sie bitte.",
        "Sitz der Gesellschaft: Bremen · Registergericht: Amtsgericht Bremen HRB 4471",
        "Ce message et ses pièces jointes sont destinés exclusivement à leurs destinataires.",
        "Si vous n'êtes pas le destinataire de ce message, merci de le détruire.",
        "AVISO LEGAL: la información contenida en este correo es reservada.",
        "Este correo va dirigido exclusivamente a su destinatario.",
        "Se ha ricevuto questo messaggio per errore, la preghiamo di cancellarlo.",
        "Dit bericht is uitsluitend bestemd voor de geadresseerde.",
        "Esta mensagem é destinada exclusivamente ao destinatário.",
        "Registered office: 4 Mill Lane, Leeds LS1 4AB. Registered in England No. 0912873.",
        "This message is intended for the sole use of the addressee.",
    ],
)
def test_disclaimers_and_imprints_in_several_languages_end_the_reply(footer: str) -> None:
    text = f"Die Zahlung ist unterwegs.\n\nMit freundlichen Grüßen\nJens Kohl\n{footer}\n"
    assert split_reply(text)[0] == "Die Zahlung ist unterwegs."
    bare = f"We paid INV-4 on Monday.\n\n{footer}\n"
    assert split_reply(bare)[0] == "We paid INV-4 on Monday."


@pytest.mark.parametrize(
    "line",
    [
        "Wenn Sie diese Rechnung korrigieren, zahlen wir sofort.",
        "Si vous n'êtes pas d'accord, appelez-moi.",
        "This message is for your AR team: we paid INV-4 on Monday.",
        "Se ha ricevuto il bonifico ci mandi una conferma.",
        "Sollten Sie die Zahlung nicht finden, melden Sie sich.",
    ],
)
def test_sentences_that_read_like_a_disclaimer_stay(line: str) -> None:
    text = f"Hallo,\n{line}\nDanke"
    assert line in split_reply(text)[0]
