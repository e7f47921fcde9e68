"""One lock order for invoices and notices, and a bounded retry on lock conflicts.

Every transaction that locks invoices and notices together takes them in one
order: **invoices first, by id, then notices, by id**. The send-time re-read
(`lock_for_send`) and a payment's notice trimming (`lock_for_customers`) both
begin with these helpers, so a dunning run sending while cash application posts
payments never waits in a circle.

PostgreSQL may still end a transaction with a deadlock or a serialization
failure (another code path, another tool on the same database); `retry_on_conflict`
runs the whole transaction again a few times. On SQLite the helpers lock nothing:
its first write takes the database's one write lock.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from .models import Customer, Invoice, OutgoingNotice

log = logging.getLogger(__name__)
T = TypeVar("T")

ATTEMPTS = 4
"""How many times `retry_on_conflict` runs a transaction that lost a lock conflict."""
_RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
"""deadlock_detected, serialization_failure."""
_OPEN_NOTICES = ("draft", "held", "approved")


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def lock_invoices(session: Session, numbers: Iterable[str]) -> None:
    """Lock the named invoices, in id order (PostgreSQL ``FOR UPDATE``)."""
    wanted = sorted(set(numbers))
    if not wanted or not _postgres(session):
        return
    session.exec(
        select(Invoice.id)
        .where(col(Invoice.number).in_(wanted))
        .order_by(col(Invoice.id))
        .with_for_update()
    ).all()


def lock_notices(session: Session, notice_ids: Iterable[int]) -> None:
    """Lock notices in id order; call after `lock_invoices`, never before."""
    wanted = sorted(set(notice_ids))
    if not wanted or not _postgres(session):
        return
    session.exec(
        select(OutgoingNotice.id)
        .where(col(OutgoingNotice.id).in_(wanted))
        .order_by(col(OutgoingNotice.id))
        .with_for_update()
    ).all()


def lock_for_send(session: Session, notice_id: int) -> None:
    """Before a notice's send-time re-read: its invoices, then the notice."""
    if not _postgres(session):
        return
    numbers = session.exec(
        select(OutgoingNotice.invoices).where(col(OutgoingNotice.id) == notice_id)
    ).first()
    lock_invoices(session, numbers or [])
    lock_notices(session, [notice_id])


def lock_for_customers(
    session: Session, customers: Iterable[str | int | None], invoices: Iterable[str] = ()
) -> None:
    """Before a change that trims customers' unsent notices (a payment, a dispute...).

    Locks ``invoices`` and every invoice on those customers' open notices, in id
    order, then the notices. ``customers`` are ids or external ids; the owners of
    ``invoices`` are included.
    """
    if not _postgres(session):
        return
    invoices = list(invoices)
    ids: set[Any] = {c for c in customers if isinstance(c, int)}
    external = [c for c in customers if isinstance(c, str)]
    if external:
        ids |= set(
            session.exec(select(col(Customer.id)).where(col(Customer.external_id).in_(external)))
        )
    if invoices:
        ids |= set(
            session.exec(select(Invoice.customer_id).where(col(Invoice.number).in_(invoices)))
        )
    notices = session.exec(
        select(OutgoingNotice.id, OutgoingNotice.invoices).where(
            col(OutgoingNotice.customer_id).in_(ids),
            col(OutgoingNotice.status).in_(_OPEN_NOTICES),
        )
    ).all()
    lock_invoices(session, [*invoices, *(n for _, numbers in notices for n in numbers or [])])
    lock_notices(session, [notice_id for notice_id, _ in notices if notice_id is not None])


def is_lock_conflict(exc: BaseException) -> bool:
    """A deadlock or serialization failure: the transaction may simply be run again."""
    if not isinstance(exc, DBAPIError):
        return False
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in _RETRYABLE_SQLSTATES


def retry_on_conflict(fn: Callable[[], T], *, attempts: int = ATTEMPTS) -> T:
    """Run ``fn`` (one whole transaction) again after a deadlock or serialization failure."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except DBAPIError as exc:
            if not is_lock_conflict(exc) or attempt == attempts:
                raise
            log.warning("lock conflict (attempt %d of %d); retrying", attempt, attempts)
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")  # pragma: no cover
