"""Delivery-status reports (RFC 3464) as data, and which contact of ours one is about.

`mailbox.dsn` parses a report into a `DeliveryReport` once, when the message is
recorded (the parse is stored with it); the triage graph's `resolve` step asks
`resolve_bounce` what it means for the ledger:

1. the report's returned message (or the report's own In-Reply-To/References) names
   the Message-ID of a notice we sent: the customer is that notice's;
2. else each failed recipient is looked up among the contacts on file.

A permanent failure (``5.x.x``) of a contact of the customer our notice went to is
`act`-able without a person. Anything that does not line up (the address is not a
contact of the customer the notice went to, or is a contact of several customers, or
the report names no notice of ours at all, so anyone could have written it) is named
in ``doubts`` for a person. A transient failure (``4.x.x``, ``delayed``) and an address
nobody has on file change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, col, select

from .models import Contact, OutgoingNotice


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)


class RecipientStatus(_Frozen):
    """One recipient's block of a delivery report."""

    recipient: str
    """``Final-Recipient`` (else ``Original-Recipient``), lower case, without ``rfc822;``."""
    action: str = ""
    """failed, delayed, delivered, relayed or expanded."""
    status: str = ""
    """The enhanced status code (RFC 3463), e.g. ``5.1.1``."""
    diagnostic: str = ""

    @property
    def permanent(self) -> bool:
        """A hard bounce: the address will not work again as it is."""
        return self.action == "failed" and not self.status.startswith("4")

    @property
    def transient(self) -> bool:
        """Delayed, or failed for now (``4.x.x``): the address may still work."""
        return self.action == "delayed" or (self.action == "failed" and self.status.startswith("4"))


class DeliveryReport(_Frozen):
    """What a DSN says."""

    recipients: list[RecipientStatus] = Field(default_factory=list)
    original_message_id: str | None = None
    """The Message-ID of the message that bounced (one of our notices), when returned."""
    reporting_mta: str | None = None

    @property
    def bounced(self) -> list[RecipientStatus]:
        return [r for r in self.recipients if r.permanent]

    @property
    def delayed(self) -> list[RecipientStatus]:
        return [r for r in self.recipients if r.transient]


class BouncedContact(_Frozen):
    """A failed recipient that is a contact of the resolved customer."""

    email: str
    status: str = ""
    diagnostic: str = ""


class BounceResolution(_Frozen):
    """What a delivery report means for the ledger."""

    customer_id: int | None = None
    method: Literal["notice", "contact"] | None = None
    """How the customer was found: our notice's Message-ID, or the failed address."""
    notice_id: int | None = None
    bounced: list[BouncedContact] = Field(default_factory=list)
    """Permanent failures of contacts of ``customer_id``: mark them, hold the customer."""
    doubts: list[str] = Field(default_factory=list)
    """What does not line up, for a person."""
    delayed: list[str] = Field(default_factory=list)
    """Addresses the report says are only delayed (recorded, nothing changes)."""


def resolve_bounce(
    session: Session, report: DeliveryReport, references: Sequence[str] = ()
) -> BounceResolution:
    """The customer and contacts ``report`` is about (see the module docstring).

    ``references`` are the report's own In-Reply-To and References, tried after the
    Message-ID of the returned message."""
    notice = _notice(session, [report.original_message_id or "", *references])
    failed = report.bounced
    owners = _owners(session, [r.recipient for r in report.recipients])
    delayed = [r.recipient for r in report.delayed]
    if notice is not None:
        customer_id: int | None = notice.customer_id
        method: Literal["notice", "contact"] | None = "notice"
    else:
        # a delay alone is still recorded against the customer whose contact it names
        named = failed or report.delayed
        candidates = {c for r in named for c in owners.get(r.recipient, ())}
        customer_id = next(iter(candidates)) if len(candidates) == 1 else None
        method = "contact" if customer_id is not None else None
    bounced, doubts = [], []
    for r in failed:
        customers = owners.get(r.recipient, set())
        if customer_id is not None and customer_id in customers:
            bounced.append(
                BouncedContact(email=r.recipient, status=r.status, diagnostic=r.diagnostic)
            )
        elif notice is not None:
            doubts.append(
                f"the delivery report for notice #{notice.id} names {r.recipient or 'no address'}"
                f", which is not a contact of that customer ({notice.to_email} was written to)"
            )
        elif customers:
            doubts.append(
                f"{r.recipient} bounced, and the report's addresses are contacts of several "
                "customers: a person decides whose notices stop"
            )
    if notice is None and bounced:
        # Anyone can write a delivery report; one that names no notice of ours shows
        # nothing that ties it to our mail, so it does not stop a customer's notices alone.
        doubts.append(
            "the delivery report names no notice we sent (no Message-ID of ours in it): "
            f"a person confirms before {', '.join(b.email for b in bounced)} is marked "
            "bounced and the customer's notices stop"
        )
    return BounceResolution(
        customer_id=customer_id,
        method=method,
        notice_id=notice.id if notice is not None else None,
        bounced=bounced,
        doubts=doubts,
        delayed=delayed,
    )


def _notice(session: Session, ids: Sequence[str]) -> OutgoingNotice | None:
    wanted = [i for i in dict.fromkeys(ids) if i]
    if not wanted:
        return None
    rows = session.exec(
        select(OutgoingNotice).where(col(OutgoingNotice.message_id).in_(wanted))
    ).all()
    by_id = {n.message_id: n for n in rows}
    return next((by_id[i] for i in wanted if i in by_id), None)


def _owners(session: Session, addresses: Sequence[str]) -> dict[str, set[int]]:
    """address -> the customers that have it as a contact."""
    wanted = sorted({a for a in addresses if a})
    if not wanted:
        return {}
    out: dict[str, set[int]] = {}
    for email, customer_id in session.exec(
        select(Contact.email, Contact.customer_id).where(col(Contact.email).in_(wanted))
    ).all():
        out.setdefault(email, set()).add(customer_id)
    return out
