"""The send-time check and the send, in one transaction.

`send_notice` claims the notice, reads the ledger again and trims it (`trim.refresh`):
invoices paid, disputed, promised or paused since drafting drop out, the wording is
kept where it still holds, and the result is proved by the guardrails; a notice with
nothing left is cancelled, one that fails is held. The sender is injected
(``send(EmailMessage) -> Message-ID``): agent never imports mailbox.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Protocol

from arbox.tools import notices as store
from arbox.tools.db import Ledger
from arbox.tools.dunning import Cadence
from arbox.tools.locking import lock_for_send, retry_on_conflict
from arbox.tools.models import OutgoingNotice

from .statement import attachment_name, merge, prove_statement, statement_pdf
from .trim import apply, notice_locale, refresh

log = logging.getLogger(__name__)

DEFAULT_FROM = "ar@example.com"


class Sender(Protocol):
    """Sends one message and returns its Message-ID (arbox.mailbox.smtp.Mailer, OutboxWriter)."""

    def send(self, msg: EmailMessage) -> str: ...


@dataclass
class SendOutcome:
    notice_id: int
    status: str
    """`sent`, `cancelled`, `held` (failed the send-time proof) or `skipped` (not sendable)."""
    message_id: str | None = None
    dropped: dict[str, str] = field(default_factory=dict)
    reason: str | None = None


def build_message(
    notice: OutgoingNotice,
    from_addr: str,
    in_reply_to: str | None,
    statement: bytes | None = None,
    filename: str = "statement.pdf",
) -> EmailMessage:
    """The e-mail for ``notice``, threaded on the customer's previous notice, with the
    statement of account attached when given."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = from_addr, notice.to_email, notice.subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid(idstring=f"notice{notice.id}", domain=from_addr.split("@")[-1])
    if in_reply_to:
        msg["In-Reply-To"], msg["References"] = in_reply_to, in_reply_to
    msg.set_content(notice.body)
    if statement:
        msg.add_attachment(statement, maintype="application", subtype="pdf", filename=filename)
    return msg


def send_notice(
    ledger: Ledger,
    notice_id: int,
    sender: Sender,
    *,
    today: date,
    from_addr: str = DEFAULT_FROM,
    cadences: dict[str, Cadence] | None = None,
) -> SendOutcome:
    """The send-time check and the send, in one transaction (see the module doc)."""
    with ledger.transaction() as session:
        lock_for_send(session, notice_id)  # invoices, then the notice: the one lock order
        notice = store.claim(session, notice_id)
        if notice is None:
            return SendOutcome(notice_id, "skipped", reason="not draft or approved")
        done = refresh(session, notice, today, cadences=cadences)
        dropped = done.fresh.dropped
        if done.cancelled:
            apply(session, notice, done, allowed_from=store.SENDABLE)
            return SendOutcome(notice_id, "cancelled", dropped=dropped)
        assert done.report is not None and done.fresh.due is not None
        loc = notice_locale(notice, done.fresh.due)
        pdf = statement_pdf(done.fresh.due, today=today, locale=loc)
        done.report = merge(
            done.report, prove_statement(pdf, done.fresh.due, locale=loc, dropped=dropped)
        )
        if done.fresh.changed or done.recipient != notice.to_email or not done.report.ok:
            status = apply(session, notice, done, allowed_from=store.SENDABLE)
            if status == "held":
                reason = f"send-time check failed: {notice.held_reason}"
                notice.held_reason = reason
                session.add(notice)
                return SendOutcome(notice_id, "held", dropped=dropped, reason=reason)
        msg = build_message(
            notice,
            from_addr,
            store.last_message_id(session, notice.customer_id),
            statement=pdf,
            filename=attachment_name(loc, today),
        )
        store.mark_sent(session, notice, msg["Message-ID"])
        # Sent last, inside the transaction: if sending fails, the notice is not marked sent.
        returned = sender.send(msg)
        if returned and returned != msg["Message-ID"]:
            notice.message_id = returned
            session.add(notice)
        return SendOutcome(notice_id, "sent", notice.message_id, dropped=dropped)


def send_safely(ledger: Ledger, notice_id: int, sender: Sender, **kw: Any) -> SendOutcome:
    """`send_notice`, run again after a lock conflict; a failed send leaves the notice
    unsent (its transaction rolled back) for the next run, and the run goes on."""
    try:
        return retry_on_conflict(lambda: send_notice(ledger, notice_id, sender, **kw))
    except Exception as exc:
        log.warning("notice %s not sent (kept for the next run): %s", notice_id, exc)
        return SendOutcome(notice_id, "failed", reason=f"send failed: {exc}"[:500])


def send_pending(
    ledger: Ledger,
    sender: Sender,
    *,
    today: date,
    from_addr: str = DEFAULT_FROM,
    skip: set[int | None] | None = None,
) -> list[SendOutcome]:
    """Send every draft and approved notice (each through the send-time check)."""
    with ledger.session() as session:
        ids = [n.id for status in store.SENDABLE for n in store.list_notices(session, status)]
    return [
        send_safely(ledger, i, sender, today=today, from_addr=from_addr)
        for i in ids
        if i is not None and i not in (skip or set())
    ]
