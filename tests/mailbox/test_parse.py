"""Parsing the .eml corpus: encodings, structure, threading headers, attachments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from arbox.mailbox.errors import MailParseError
from arbox.mailbox.parse import parse_email, synthesise_message_id

Eml = Callable[[str], bytes]


def test_gmail_alternative_prefers_plain_and_splits_quote_and_signature(eml: Eml) -> None:
    e = parse_email(eml("gmail_reply_alternative.eml"))
    assert e.message_id == "<CAF3kq+VxR7m2@mail.gmail.com>"
    assert e.in_reply_to == "<notice-10442.1@example.com>"
    assert e.references == ["<notice-10442.1@example.com>"]
    assert (e.from_addr, e.from_name) == ("dana.ortiz@acme-build.com", "Dana Ortiz")
    assert e.cc == ["ap@acme-build.com"] and e.to == ["ar@example.com"]
    assert e.date == datetime(2026, 3, 2, 14, 14, 5, tzinfo=UTC)
    assert e.date is not None and e.date.utcoffset() == timedelta(hours=-5)
    assert "unit price is $12.50" in e.reply_text and "INV-10450 by March 15" in e.reply_text
    assert "30 days past due" not in e.reply_text and "30 days past due" in e.quoted_text
    assert e.signature.startswith("Best regards,") and "Acme Build Co." in e.signature
    assert "Dana Ortiz" not in e.reply_text
    assert not e.html and not e.auto_reply


def test_html_only_windows_1252_quoted_printable_outlook(eml: Eml) -> None:
    e = parse_email(eml("outlook_html_only_cp1252.eml"))
    assert e.html
    # cp1252 bytes: right single quote, en dash and the euro sign
    assert "We don\u2019t have a PO for invoice INV-2231" in e.reply_text
    assert "PO 4500012345 \u2013 the total of \u20ac 980,00" in e.reply_text
    assert "<p" not in e.body_text and "MsoNormal" not in e.body_text
    assert "Please find your statement attached" in e.quoted_text
    assert e.quoted_text.startswith("From: Accounts Receivable")
    assert "Nordfreight Logistics GmbH" in e.signature
    assert e.from_name == "Kowalski, Marek"


def test_latin1_quoted_printable_with_encoded_words(eml: Eml) -> None:
    e = parse_email(eml("latin1_qp_french.eml"))
    assert e.from_name == "René Dupré"
    assert e.subject == "Réf. facture FA-2026-118 échéance"
    assert "Nous avons réglé la facture FA-2026-118" in e.reply_text
    assert "1 250,00 €" in e.reply_text  # labelled Latin-1, really Windows-1252
    assert e.quoted_text.startswith("Le lun. 2 mars 2026")
    assert e.signature.startswith("Cordialement")


def test_base64_utf8_german_reply(eml: Eml) -> None:
    e = parse_email(eml("base64_utf8_german.eml"))
    assert e.from_name == "Jürgen Weiß" and e.subject == "AW: Zahlungserinnerung RE-5521"
    assert "Liquiditätsengpässe" in e.reply_text
    assert "überfällig" in e.quoted_text and "überfällig" not in e.reply_text
    assert "Weiß & Söhne GmbH" in e.signature


def test_outlook_plain_chain_keeps_only_the_newest_reply(eml: Eml) -> None:
    e = parse_email(eml("outlook_plain_chain.eml"))
    assert e.reply_text == "We short paid INV-500 by $120.00 because 4 units arrived damaged."
    assert e.signature == "Thanks,\nLena"
    assert "Original Message" in e.quoted_text and "Payment sent." in e.quoted_text
    assert e.references == [
        "<notice-500.1@example.com>",
        "<BN6PR11MB0000@namprd11.prod.outlook.com>",
    ]


def test_forwarded_inline_message_is_quoted(eml: Eml) -> None:
    e = parse_email(eml("forwarded_inline.eml"))
    assert e.reply_text.startswith("Please send future invoices to ap@initech.io")
    assert "Invoice INV-4410 is due." in e.quoted_text
    assert "Forwarded message" in e.quoted_text


def test_attached_message_is_listed_not_merged(eml: Eml) -> None:
    e = parse_email(eml("forwarded_rfc822.eml"))
    assert e.reply_text == "See the bank confirmation below: we wired $5,000.00 on March 4."
    [att] = e.attachments
    assert att.content_type == "message/rfc822" and att.size > 0
    assert att.filename == "Wire confirmation 8812.eml"
    assert "Wire 8812" not in e.body_text


def test_attachments_listed_and_csv_remittance_kept_as_text(eml: Eml) -> None:
    e = parse_email(eml("remittance_csv.eml"))
    names = [(a.filename, a.content_type) for a in e.attachments]
    assert names == [("remittance.csv", "text/csv"), ("advice.pdf", "application/pdf")]
    csv, pdf = e.attachments
    assert csv.size == len(csv.text or "") and pdf.text is None and pdf.size > 100
    assert "INV-3002,450.50,2026-03-05" in e.remittance_text
    assert e.reply_text == "Please see the attached remittance advice for payment ACH-99812."


def test_missing_message_id_is_synthesised_stably(eml: Eml) -> None:
    raw = eml("no_message_id.eml")
    first, second = parse_email(raw), parse_email(raw.replace(b"\n", b"\r\n"))
    assert first.message_id_synthesised
    assert first.message_id == second.message_id == synthesise_message_id(raw)
    assert first.message_id.endswith("@arbox.invalid>")
    other = parse_email(raw.replace(b"INV-9001", b"INV-9002"))
    assert other.message_id != first.message_id


def test_malformed_headers_are_salvaged_with_defects(eml: Eml) -> None:
    e = parse_email(eml("malformed_headers.eml"))
    assert e.message_id == "<no-brackets-id@weird.example>"
    assert e.from_addr == "ok@valid.example"
    assert e.subject.startswith("café 8-bit subject")
    assert e.date is None
    assert e.reply_text == "We paid the invoice — see attached ref 7781."
    assert any("x-no-such-charset" in d for d in e.defects)
    assert any("Date" in d for d in e.defects)


def test_auto_reply_is_marked_from_headers(eml: Eml) -> None:
    e = parse_email(eml("auto_reply_ooo.eml"))
    assert e.auto_reply and e.auto_reply_reason == "Auto-Submitted: auto-replied"
    assert e.headers["Auto-Submitted"] == "auto-replied"


def test_date_without_zone_is_made_aware() -> None:
    e = parse_email(b"From: a@b.example\nDate: 2 Mar 2026 09:00:00\nSubject: x\n\nhi\n")
    assert e.date == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    e2 = parse_email(b"From: a@b.example\nDate: Mon, 2 Mar 2026 09:00:00 +0530\n\nhi\n")
    assert e2.date is not None and e2.date.tzinfo == timezone(timedelta(hours=5, minutes=30))


def test_bounce_is_automatic() -> None:
    raw = (
        b"From: Mail Delivery System <MAILER-DAEMON@mx.example>\nSubject: Undelivered\n"
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
        b"--b\nContent-Type: text/plain\n\nDelivery failed.\n--b--\n"
    )
    e = parse_email(raw)
    assert e.auto_reply and e.auto_reply_reason == "delivery status notification"


@pytest.mark.parametrize("raw", [b"", b"   \r\n  ", b"\x00\x01\x02\x03" * 100])
def test_unreadable_input_raises_one_clear_error(raw: bytes) -> None:
    with pytest.raises(MailParseError):
        parse_email(raw)


def test_headerless_text_is_still_parsed() -> None:
    e = parse_email(b"just some words, no headers at all\n")
    assert e.message_id_synthesised and e.from_addr == ""
    assert e.raw_size == 35


def test_a_date_with_a_time_zone_nobody_knows_is_read_as_utc_with_a_defect() -> None:
    # dateutil only warns about a zone name it does not know; the warning must not escape
    # (under -W error it raised and the message was lost). Found by test_fuzz with "0HB".
    raw = b"From: a@b.example\r\nSubject: x\r\nDate: 30.11.2026 10:15 MEZ\r\n\r\npaid\r\n"
    e = parse_email(raw)
    assert e.date == datetime(2026, 11, 30, 10, 15, tzinfo=UTC)
    assert any("unknown time zone" in d for d in e.defects)
    odd = parse_email(raw.replace(b"30.11.2026 10:15 MEZ", b"0HB"))
    assert odd.reply_text == "paid" and odd.date is None
