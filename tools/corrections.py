"""Analyst relabels: what a reply really said, kept so it can become an eval case.

Decided approvals (accept, edit, reject) are kept as they are (`Approval` rows);
a relabel adds the intents a person says the reply carries. `arbox eval
export-corrections` turns both into dataset lines.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from .audit import record
from .errors import InvalidValue, UnknownRecord
from .models import InboundMessage, LabelCorrection


def relabel(
    session: Session,
    *,
    message_id: str,
    labels: Iterable[str],
    known: Iterable[str],
    by: str,
    note: str = "",
) -> LabelCorrection:
    """Record the intents a person says ``message_id`` carries (``known``: the taxonomy)."""
    chosen = list(dict.fromkeys(label.strip() for label in labels if label.strip()))
    allowed = set(known)
    if not chosen:
        raise InvalidValue("a relabel names at least one intent")
    unknown = [label for label in chosen if label not in allowed]
    if unknown:
        raise InvalidValue(f"unknown intent {', '.join(unknown)}; use {', '.join(sorted(allowed))}")
    if "other" in chosen and len(chosen) > 1:
        raise InvalidValue("`other` never stands beside another intent")
    if (
        session.exec(
            select(InboundMessage.id).where(InboundMessage.message_id == message_id)
        ).first()
        is None
    ):
        raise UnknownRecord(f"no message {message_id}")
    row = LabelCorrection(message_id=message_id, labels=chosen, note=note, by=by)
    session.add(row)
    record(
        session,
        actor=f"analyst:{by}",
        action="relabel",
        target=message_id,
        key=None,
        after={"labels": chosen, "note": note},
    )
    return row
