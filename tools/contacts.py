"""Customer contacts: add, update, deactivate.

Every action follows `tools.actions`: keyword-only, idempotent under ``key``,
validated before it writes, one audit row.
"""

from __future__ import annotations

from sqlmodel import Session, select

from .audit import ActionResult, finish, replay
from .errors import InvalidValue
from .lookup import get_customer
from .models import Contact, pk

ACTOR = "arbox"
"""Who acts when no person does."""


def upsert_contact(
    session: Session,
    *,
    key: str | None,
    customer: str | int,
    email: str,
    name: str = "",
    role: str = "billing",
    make_primary: bool = False,
    actor: str = ACTOR,
) -> ActionResult:
    """Add a contact to a customer, or update the one with that address."""
    if done := replay(session, key, "upsert_contact"):
        return done
    cust = get_customer(session, customer)
    address = email.strip().lower()
    if "@" not in address or address.startswith("@") or address.endswith("@") or " " in address:
        raise InvalidValue(f"not an email address: {email!r}")
    row = session.exec(
        select(Contact).where(Contact.customer_id == cust.id, Contact.email == address)
    ).first()
    before = row.model_dump() if row else None
    if row is None:
        row = Contact(customer_id=pk(cust), email=address)
    row.name = name or row.name
    row.role, row.active, row.bounced = role, True, False
    if make_primary:
        for other in session.exec(select(Contact).where(Contact.customer_id == cust.id)):
            other.is_primary = False
            session.add(other)
        row.is_primary = True
    session.add(row)
    session.flush()
    return finish(
        session,
        action="upsert_contact",
        target=f"customer:{cust.external_id}",
        key=key,
        actor=actor,
        before=before,
        after=row,
        record_id=row.id,
        message=f"contact {address} {'updated' if before else 'added'}",
    )


def deactivate_contact(
    session: Session,
    *,
    key: str | None,
    customer: str | int,
    email: str,
    bounced: bool = False,
    actor: str = ACTOR,
) -> ActionResult:
    """Stop writing to a contact (left the company, wrong person, bounced)."""
    if done := replay(session, key, "deactivate_contact"):
        return done
    cust = get_customer(session, customer)
    row = session.exec(
        select(Contact).where(
            Contact.customer_id == cust.id, Contact.email == email.strip().lower()
        )
    ).first()
    if row is None:
        raise InvalidValue(f"{email!r} is not a contact of {cust.external_id}")
    before = row.model_dump()
    row.active, row.is_primary, row.bounced = False, False, bounced or row.bounced
    session.add(row)
    return finish(
        session,
        action="deactivate_contact",
        target=f"customer:{cust.external_id}",
        key=key,
        actor=actor,
        before=before,
        after=row,
        record_id=row.id,
        message=f"contact {row.email} deactivated",
    )
