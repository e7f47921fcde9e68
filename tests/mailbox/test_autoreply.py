"""Auto-reply detection from headers, without any model call."""

from __future__ import annotations

import pytest

from arbox.mailbox.autoreply import detect_auto_reply


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Auto-Submitted": "auto-replied"}, "Auto-Submitted: auto-replied"),
        ({"auto-submitted": "auto-generated; owner-email=x@y.z"}, "Auto-Submitted"),
        ({"X-Autoreply": "yes"}, "x-autoreply: yes"),
        ({"X-Autorespond": "Out of office"}, "x-autorespond"),
        ({"Precedence": "bulk"}, "Precedence: bulk"),
        ({"Precedence": "auto_reply"}, "Precedence: auto_reply"),
        ({"X-MS-Exchange-Inbox-Rules-Loop": "ap@acme.example"}, "X-MS-Exchange-Inbox-Rules-Loop"),
        ({"Return-Path": "<>"}, "delivery status notification"),
    ],
)
def test_headers_mark_auto_replies(headers: dict[str, str], expected: str) -> None:
    reason = detect_auto_reply(headers, "Re: Invoice INV-1")
    assert reason is not None and reason.startswith(expected)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Auto-Submitted": "no"},
        {"X-Autoreply": "no"},
        {"Precedence": "normal"},
        {"Precedence": "list"},
    ],
)
def test_human_messages_are_not_auto_replies(headers: dict[str, str]) -> None:
    assert detect_auto_reply(headers, "Re: Invoice INV-1 - automatic payment failed") is None


@pytest.mark.parametrize(
    "subject",
    [
        "Automatic reply: Invoice INV-1",
        "Out of Office: Re: statement",
        "Abwesenheitsnotiz: RE",
        "Réponse automatique : facture",
        "AutoReply: x",
    ],
)
def test_auto_reply_subjects(subject: str) -> None:
    assert detect_auto_reply({}, subject) == f"Subject: {subject}"
