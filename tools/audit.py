"""The audit log and idempotency keys shared by every ledger action."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Table, bindparam, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel

from .errors import IdempotencyConflict
from .models import AuditLog, utcnow

AUDIT: Table = AuditLog.__table__  # type: ignore[attr-defined]
# Built once: a statement made per action cost more than running it (SQLAlchemy's
# coercion and cache key); reused, its compiled form comes from the cache at once.
_EARLIER = sa_select(AUDIT.c.action, AUDIT.c.target, AUDIT.c.after, AUDIT.c.at).where(
    AUDIT.c.idempotency_key == bindparam("key")
)
_APPEND = insert(AUDIT).returning(AUDIT.c.id)
_EARLIER_MANY = sa_select(
    AUDIT.c.idempotency_key, AUDIT.c.action, AUDIT.c.target, AUDIT.c.after, AUDIT.c.at
).where(AUDIT.c.idempotency_key.in_(bindparam("keys", expanding=True)))
_READ_AHEAD = "arbox.audit.keys_read"
"""``session.info`` key: {idempotency key: its earlier row or None}, read by `read_keys`."""


@dataclass(frozen=True)
class ActionResult:
    """What an action did. ``replayed`` means the key was seen before and nothing changed."""

    action: str
    target: str
    changed: bool
    replayed: bool = False
    record_id: int | None = None
    message: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return jsonable(dataclasses.asdict(self))


def jsonable(value: Any) -> Any:
    """Make a value JSON-safe without ever turning money into a float."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, SQLModel):
        return jsonable(value.model_dump())
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def replay(session: Session, key: str | None, action: str) -> ActionResult | None:
    """The earlier result for ``key``, or None when the key is new.

    A key reused for another action is a caller bug and raises `IdempotencyConflict`.
    """
    if not key:
        return None
    read: dict[str, Any] = session.info.get(_READ_AHEAD, {})
    if key in read:  # read in this transaction by `read_keys`; once only
        row = read.pop(key)
    else:
        row = session.connection().execute(_EARLIER, {"key": key}).first()
    if row is None:
        return None
    if row.action != action:
        raise IdempotencyConflict(f"key {key!r} was used for {row.action!r}, not {action!r}")
    after = row.after or {}
    return ActionResult(
        action=action,
        target=row.target,
        changed=False,
        replayed=True,
        record_id=after.get("id"),
        message=f"already done under key {key!r} at {row.at.isoformat()}; nothing changed",
        details=after,
    )


def read_keys(session: Session, keys: list[str]) -> None:
    """Look up several actions' keys in one query, in the session's transaction: the
    next `replay` of each (once) takes its answer from here instead of a query of its own."""
    keys = [k for k in keys if k]
    if not keys:
        return
    rows = session.connection().execute(_EARLIER_MANY, {"keys": keys})
    found = {r.idempotency_key: r for r in rows}
    session.info[_READ_AHEAD] = {k: found.get(k) for k in keys}


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    target: str,
    key: str | None,
    before: Any = None,
    after: Any = None,
    note: str = "",
) -> int:
    """Append one audit row in the session's transaction (it commits with the action);
    returns its id. A key already used raises `IntegrityError` at once."""
    session.flush()  # the action's own rows first, as the log reads them
    row = audit_row(actor=actor, action=action, target=target, key=key, before=before, after=after)
    return int(session.connection().execute(_APPEND, {**row, "note": note}).scalar_one())


def audit_row(
    *, actor: str, action: str, target: str, key: str | None, before: Any = None, after: Any = None
) -> dict[str, Any]:
    """One audit row's values (`record` writes one; `record_many` a batch)."""
    return {
        "at": utcnow(),
        "actor": actor,
        "action": action,
        "target": target,
        "before": jsonable(before) if before is not None else None,
        "after": jsonable(after) if after is not None else None,
        "idempotency_key": key or None,
    }


def record_many(session: Session, rows: list[dict[str, Any]], *, note: str = "") -> None:
    """Append many audit rows (from `audit_row`) in one statement, in the session's
    transaction: what a bulk write (a dunning run's notices) logs."""
    if rows:
        session.flush()
        session.connection().execute(insert(AUDIT), [r | {"note": note} for r in rows])


def finish(
    session: Session,
    *,
    action: str,
    target: str,
    key: str | None,
    actor: str,
    before: Any = None,
    after: Any = None,
    changed: bool = True,
    message: str = "",
    record_id: int | None = None,
) -> ActionResult:
    """Write the action's one audit row and build its result."""
    details = jsonable(after) if after is not None else {}
    if record_id is not None and isinstance(details, dict):
        details.setdefault("id", record_id)
    # `record`, with ``after`` made JSON-safe once (``jsonable`` of it is an equal copy).
    session.flush()
    row = audit_row(actor=actor, action=action, target=target, key=key, before=before)
    row["after"] = details
    session.connection().execute(_APPEND, {**row, "note": message}).scalar_one()
    return ActionResult(
        action=action,
        target=target,
        changed=changed,
        record_id=record_id,
        message=message,
        details=details,
    )
