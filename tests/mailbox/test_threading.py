"""Threading replies to notices, contacts, domains and customer names."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import Session

from arbox.mailbox.parse import parse_email
from arbox.mailbox.threading import NAME_THRESHOLD, assign_match, match_customer
from arbox.tools.db import Ledger
from arbox.tools.models import Contact, Customer, InboundMessage, OutgoingNotice

Eml = Callable[[str], bytes]


@pytest.fixture
def customers(ledger: Ledger) -> dict[str, int]:
    with ledger.transaction() as s:
        rows = {
            "acme": Customer(external_id="C-ACME", name="Acme Build Co", domain="acme-build.com"),
            "nord": Customer(external_id="C-NORD", name="Nordfreight Logistics GmbH"),
            "wayne": Customer(external_id="C-WAYNE", name="Wayne Enterprises Inc."),
            "globex": Customer(
                external_id="C-GLOBEX", name="Globex Corporation", domain="globex-corp.com"
            ),
        }
        s.add_all(rows.values())
        s.flush()
        s.add(
            Contact(
                customer_id=rows["wayne"].id, name="Lena Park", email="Lena.Park@wayne-ent.example"
            )
        )
        s.add(
            OutgoingNotice(
                customer_id=rows["acme"].id,
                to_email="dana@acme-build.com",
                stage="30",
                message_id="<notice-10442.1@example.com>",
            )
        )
        return {k: v.id for k, v in rows.items()}  # type: ignore[misc]


def match(ledger: Ledger, raw: bytes):  # type: ignore[no-untyped-def]
    with ledger.session() as s:
        return match_customer(s, parse_email(raw))


def test_reply_to_our_notice_threads_by_message_id(
    ledger: Ledger, customers: dict[str, int], eml: Eml
) -> None:
    m = match(ledger, eml("gmail_reply_alternative.eml"))
    assert (m.method, m.customer_id, m.score) == ("notice", customers["acme"], 100.0)
    assert m.notice_id is not None


def test_known_contact_address(ledger: Ledger, customers: dict[str, int], eml: Eml) -> None:
    m = match(ledger, eml("outlook_plain_chain.eml"))  # references an unknown notice
    assert (m.method, m.customer_id) == ("contact", customers["wayne"])


def test_sender_domain(ledger: Ledger, customers: dict[str, int], eml: Eml) -> None:
    m = match(ledger, eml("remittance_csv.eml"))
    assert (m.method, m.customer_id, m.detail) == ("domain", customers["globex"], "globex-corp.com")
    sub = b"From: x@mail.globex-corp.com\nSubject: hi\n\nhello\n"
    assert match(ledger, sub).customer_id == customers["globex"]


def test_signature_company_name_by_fuzzy_match(
    ledger: Ledger, customers: dict[str, int], eml: Eml
) -> None:
    m = match(ledger, eml("outlook_html_only_cp1252.eml"))  # signature: Nordfreight Logistics GmbH
    assert (m.method, m.customer_id) == ("name", customers["nord"])
    assert NAME_THRESHOLD <= m.score <= 100


def test_near_miss_name_keeps_its_score(ledger: Ledger, customers: dict[str, int]) -> None:
    raw = b"From: Pay Desk <pay@freemail.example>\n\nPaid.\n\nRegards,\nNordfreight Logistic\n"
    m = match(ledger, raw)
    assert m.method == "name" and m.customer_id == customers["nord"] and m.score < 100


def test_unmatched_is_none_and_kept(ledger: Ledger, customers: dict[str, int]) -> None:
    raw = b"From: Someone <who@unknown.example>\nMessage-ID: <u@x>\n\nHello\n"
    email = parse_email(raw)
    with ledger.transaction() as s:
        m = match_customer(s, email)
        row = InboundMessage(message_id=email.message_id)
        assign_match(row, m)
        s.add(row)
    assert (m.method, m.customer_id) == ("none", None)
    with Session(ledger.engine) as s:
        stored = s.get(InboundMessage, row.id)
        assert stored is not None and stored.match_method == "none" and stored.customer_id is None
