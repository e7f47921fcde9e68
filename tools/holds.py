"""Contact holds: what out-of-office replies and bounces change about the next notice.

- `defer_contact`: an auto-reply says the contact is away until a date. Notices to that
  contact wait (held, with the reason) until the day after; the draft or approved ones
  are held at once. An alternate contact the auto-reply names is proposed to a person in
  a task, never written to on its own.
- `mark_bounced`: a delivery-failure report (RFC 3464) for a contact. The contact is
  marked bounced, every unsent notice of the customer is held, and a task asks for a new
  contact. The hold lifts when a contact is added to the customer (or the hold is
  released).
- `active_holds`: what the dunning run reads: customer id -> the hold in force today.

Every action follows `tools.actions`: keyword-only, idempotent under ``key``,
validated before it writes, one audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, func, select

from .audit import ActionResult, finish, replay
from .errors import InvalidTransition, InvalidValue
from .lookup import get_customer, get_record
from .models import Contact, ContactHold, OutgoingNotice
from .tasks import create_task

ACTOR = "arbox"
"""Who acts when no person does."""


def _contact(session: Session, customer_id: int | None, email: str) -> Contact:
    address = email.strip().lower()
    q = select(Contact).where(col(Contact.email) == address)
    if customer_id is not None:
        q = q.where(Contact.customer_id == customer_id)
    rows = session.exec(q).all()
    if not rows:
        raise InvalidValue(f"{email!r} is not a contact on file")
    if len(rows) > 1:
        raise InvalidValue(f"{email!r} is a contact of several customers; name the customer")
    return rows[0]


def _hold_open_notices(
    session: Session, hold: ContactHold, reason: str, *, to: str | None, actor: str
) -> list[int]:
    """Hold the customer's draft and approved notices (only those to ``to`` when given)."""
    from . import notices as store  # notices -> dunning -> holds: imported when used

    held = []
    for n in store.list_notices(session, None):
        if n.customer_id != hold.customer_id or n.status not in store.SENDABLE:
            continue
        if to is not None and n.to_email.strip().lower() != to:
            continue
        assert n.id is not None
        extra = dict(n.guardrail or {}) | {"hold_id": hold.id, "deferred_until": _resume(hold)}
        store.set_status(
            session,
            n.id,
            "held",
            allowed_from=store.SENDABLE,
            actor=actor,
            held_reason=reason,
            guardrail=extra,
        )
        held.append(n.id)
    return held


def _resume(hold: ContactHold) -> str | None:
    return (hold.until + timedelta(days=1)).isoformat() if hold.until else None


def defer_contact(
    session: Session,
    *,
    key: str | None,
    email: str,
    until: date,
    customer: str | int | None = None,
    alternate_email: str | None = None,
    alternate_name: str = "",
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """The contact is away until ``until``: their notices wait until the day after."""
    if done := replay(session, key, "defer_contact"):
        return done
    cust = get_customer(session, customer) if customer is not None else None
    contact = _contact(session, cust.id if cust else None, email)
    alternate = (alternate_email or "").strip().lower() or None
    if alternate == contact.email:
        alternate = None
    hold = ContactHold(
        customer_id=contact.customer_id,
        contact_id=contact.id or 0,
        kind="away",
        until=until,
        reason=f"{contact.email} is out of office until {until.isoformat()}",
        alternate_email=alternate,
        alternate_name=alternate_name,
        source_message=source_message,
    )
    if alternate:
        who = f"{alternate_name} <{alternate}>" if alternate_name else alternate
        hold.reason += f"; the auto-reply names {who} as alternate (a person decides)"
    session.add(hold)
    session.flush()
    if alternate:
        task = create_task(
            session,
            key=f"{key}:task" if key else None,
            queue="collections",
            summary=(
                f"{contact.email} is away until {until.isoformat()}. The auto-reply names "
                f"{who} as alternate: confirm before any notice goes to them "
                "(arbox does not switch contacts on its own)."
            ),
            customer=contact.customer_id,
            source_message=source_message,
            actor=actor,
        )
        hold.task_id = task.record_id
    held = _hold_open_notices(session, hold, hold.reason, to=contact.email, actor=actor)
    session.add(hold)
    return finish(
        session,
        action="defer_contact",
        target=f"contact:{contact.email}",
        key=key,
        actor=actor,
        after={**hold.model_dump(), "held_notices": held},
        record_id=hold.id,
        message=hold.reason,
    )


def mark_bounced(
    session: Session,
    *,
    key: str | None,
    email: str,
    status: str = "",
    diagnostic: str = "",
    customer: str | int | None = None,
    source_message: str | None = None,
    actor: str = ACTOR,
) -> ActionResult:
    """A notice to ``email`` bounced: mark the contact, hold the customer, ask for a new one."""
    if done := replay(session, key, "mark_bounced"):
        return done
    cust = get_customer(session, customer) if customer is not None else None
    contact = _contact(session, cust.id if cust else None, email)
    before = contact.model_dump()
    last = session.exec(
        select(func.max(Contact.id)).where(Contact.customer_id == contact.customer_id)
    ).one()
    current = _bounce_in_force(session, contact, last or 0)
    if current is None:
        hold, after, message = _hold_bounced(
            session, contact, last or 0, status, diagnostic, key, source_message, actor
        )
    else:  # a second report about the same address: one hold, one task are enough
        hold, message = current, f"{contact.email} is already held as bounced (hold {current.id})"
        after = {"hold_id": current.id, "source_message": source_message}
    return finish(
        session,
        action="mark_bounced",
        target=f"contact:{contact.email}",
        key=key,
        actor=actor,
        before=before,
        after=after,
        changed=current is None,
        record_id=hold.id,
        message=message,
    )


def _hold_bounced(
    session: Session,
    contact: Contact,
    last: int,
    status: str,
    diagnostic: str,
    key: str | None,
    source_message: str | None,
    actor: str,
) -> tuple[ContactHold, dict[str, object], str]:
    """Mark the contact, hold the customer's notices, open the task: (hold, audit, reason)."""
    contact.bounced = True
    session.add(contact)
    detail = " ".join(p for p in (status, diagnostic) if p).strip()
    reason = f"notices to {contact.email} bounced" + (f" ({detail})" if detail else "")
    hold = ContactHold(
        customer_id=contact.customer_id,
        contact_id=contact.id or 0,
        kind="bounced",
        reason=reason + "; find a new billing contact",
        last_contact_id=last,
        source_message=source_message,
    )
    session.add(hold)
    session.flush()
    task = create_task(
        session,
        key=f"{key}:task" if key else None,
        queue="collections",
        summary=f"{reason}. Find a new billing contact; the customer's notices are held.",
        customer=contact.customer_id,
        source_message=source_message,
        actor=actor,
    )
    hold.task_id = task.record_id
    held = _hold_open_notices(session, hold, hold.reason, to=None, actor=actor)
    session.add(hold)
    return hold, {**hold.model_dump(), "held_notices": held}, reason


def _bounce_in_force(session: Session, contact: Contact, last: int) -> ContactHold | None:
    """The contact's active bounce hold that no contact added since has lifted."""
    return session.exec(
        select(ContactHold).where(
            ContactHold.contact_id == contact.id,
            ContactHold.kind == "bounced",
            col(ContactHold.active).is_(True),
            ContactHold.last_contact_id >= last,
        )
    ).first()


def release_hold(
    session: Session, *, key: str | None, hold_id: int, note: str = "", actor: str = ACTOR
) -> ActionResult:
    """End a hold by hand (the contact is back early, or the bounce is sorted out)."""
    if done := replay(session, key, "release_hold"):
        return done
    hold = get_record(session, ContactHold, hold_id)
    if not hold.active:
        raise InvalidTransition(f"hold {hold_id} is no longer active")
    hold.active = False
    session.add(hold)
    return finish(
        session,
        action="release_hold",
        target=f"hold:{hold_id}",
        key=key,
        actor=actor,
        after=hold,
        record_id=hold.id,
        message=note or f"hold {hold_id} released",
    )


@dataclass(frozen=True)
class HoldInForce:
    """Why a customer's notice waits today."""

    hold_id: int
    kind: str
    reason: str
    contact_id: int
    resume_on: date | None
    """Away: the first day notices go out again. Bounced: None (until a new contact)."""


def active_holds(session: Session, today: date) -> dict[int, list[HoldInForce]]:
    """customer id -> holds in force on ``today`` (away until a later day, bounced with no
    contact added since)."""
    rows = session.exec(select(ContactHold).where(col(ContactHold.active).is_(True))).all()
    if not rows:
        return {}
    newest = dict(
        session.exec(
            select(Contact.customer_id, func.max(Contact.id)).group_by(col(Contact.customer_id))
        ).all()
    )
    out: dict[int, list[HoldInForce]] = {}
    for h in rows:
        if h.kind == "away" and (h.until is None or h.until < today):
            continue
        if h.kind == "bounced" and (newest.get(h.customer_id) or 0) > h.last_contact_id:
            continue
        resume = h.until + timedelta(days=1) if h.until else None
        out.setdefault(h.customer_id, []).append(
            HoldInForce(h.id or 0, h.kind, h.reason, h.contact_id, resume)
        )
    return out


def deferred_notice_ids(session: Session, today: date) -> list[int]:
    """Held notices whose deferral has run out: the run replaces them with a fresh notice."""
    rows = session.exec(
        select(col(OutgoingNotice.id), col(OutgoingNotice.guardrail)["deferred_until"].as_string())
        .where(OutgoingNotice.status == "held")
        .order_by(col(OutgoingNotice.id))
    ).all()
    return [
        i for i, until in rows if i is not None and until and date.fromisoformat(until) <= today
    ]
