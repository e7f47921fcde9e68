"""Recording inbound messages: keyed on Message-ID, unparseable ones kept raw."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import func, select

from arbox.mailbox.parse import parse_email, synthesise_message_id
from arbox.mailbox.store import record_inbound, record_unparseable
from arbox.tools.db import Ledger
from arbox.tools.models import InboundMessage


def count(ledger: Ledger) -> int:
    with ledger.session() as s:
        return s.exec(select(func.count()).select_from(InboundMessage)).one()


def test_same_message_id_is_stored_once(
    any_ledger: Ledger, make_message: Callable[..., bytes]
) -> None:
    raw = make_message(1)
    email = parse_email(raw)
    with any_ledger.transaction() as s:
        row, new = record_inbound(s, email, raw, folder="INBOX", uid=7, uidvalidity=99)
        assert new and row.id is not None
    with any_ledger.transaction() as s:
        again, new_again = record_inbound(s, email, raw, folder="INBOX", uid=8, uidvalidity=99)
    assert not new_again and again.id == row.id and again.uid == 7
    assert count(any_ledger) == 1
    with any_ledger.session() as s:
        stored = s.exec(select(InboundMessage)).one()
        assert stored.raw == raw and stored.subject == "Re: Invoice INV-1001"
        assert stored.sent_at is not None and stored.from_addr == "c1@cust1.example"


def test_rollback_of_the_caller_removes_the_record(
    any_ledger: Ledger, make_message: Callable[..., bytes]
) -> None:
    raw = make_message(2)
    try:
        with any_ledger.transaction() as s:
            record_inbound(s, parse_email(raw), raw)
            raise RuntimeError("handler failed")
    except RuntimeError:
        pass
    assert count(any_ledger) == 0


def test_unparseable_bytes_are_kept_with_the_error(any_ledger: Ledger) -> None:
    raw = b"\x00\x01garbage\x02" * 10
    with any_ledger.transaction() as s:
        row, new = record_unparseable(s, raw, ValueError("boom"), folder="INBOX", uid=3)
    with any_ledger.transaction() as s:
        _, new_again = record_unparseable(s, raw, "boom again")
    assert new and not new_again
    assert row.message_id == synthesise_message_id(raw)
    assert row.status == "unparseable" and row.parse_error == "boom" and row.raw == raw
