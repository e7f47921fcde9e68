"""What happened to a reply (`Outcome`), and what it leaves on its message's row.

The row's status and stored triage are how a reply seen again is known to be
done: `stored` reads them back, and `record` writes them, for one reply or a
worker's whole batch in one transaction (an approval row beside each reply that
waits for a person).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ..tools.db import Ledger
from ..tools.models import Approval, Customer, InboundMessage
from .reply import Reply
from .state import TriageState

_MESSAGES: Table = InboundMessage.__table__  # type: ignore[attr-defined]
_APPROVALS: Table = Approval.__table__  # type: ignore[attr-defined]
_CUSTOMERS: Table = Customer.__table__  # type: ignore[attr-defined]
# Built once, run with many rows (executemany); "b_" names: never a column's own name.
_SET_ROW = (
    update(_MESSAGES)
    .where(_MESSAGES.c.message_id == bindparam("b_message_id"))
    .values(
        status=bindparam("b_status"),
        customer_id=bindparam("b_customer_id"),
        match_method=bindparam("b_match_method"),
        match_score=bindparam("b_match_score"),
        triage=bindparam("b_triage"),
        prompt_hash=bindparam("b_prompt_hash"),
    )
)
_STORED = (
    select(
        _MESSAGES.c.status, _MESSAGES.c.triage, _MESSAGES.c.prompt_hash, _CUSTOMERS.c.external_id
    )
    .select_from(_MESSAGES.outerjoin(_CUSTOMERS, _MESSAGES.c.customer_id == _CUSTOMERS.c.id))
    .where(_MESSAGES.c.message_id == bindparam("message_id"))
)


@dataclass
class Outcome:
    """What happened to one reply (the `arbox triage --json` line)."""

    message_id: str
    sender: str
    subject: str
    reply_text: str
    auto_reply: bool
    customer: str | None
    findings: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    status: str
    """done, or pending_approval."""
    approval_reasons: list[str] = field(default_factory=list)
    classifier: str | None = None
    prompt_hash: str | None = None

    def as_contract(self) -> dict[str, Any]:
        data = asdict(self)
        data["from"] = data.pop("sender")
        return data

    @property
    def stored_triage(self) -> dict[str, Any]:
        """What the message's row keeps of it (`InboundMessage.triage`)."""
        return {
            "findings": self.findings,
            "actions": self.actions,
            "approval_reasons": self.approval_reasons,
            "classifier": self.classifier,
        }


@dataclass(frozen=True)
class Finished:
    """A reply run to its end (done, or waiting for a person), not recorded yet."""

    outcome: Outcome
    state: TriageState

    @classmethod
    def of(cls, message_id: str, values: dict[str, Any], waiting: bool) -> Finished:
        """From the graph's (or the straight line's) final state."""
        state = TriageState.model_validate(
            {k: v for k, v in values.items() if k != "__interrupt__"}
        )
        triage = state.triage
        if waiting:
            actions = [
                {"name": a.name, "args": a.args, "status": "pending_approval", "why": a.why}
                for a in state.plan
            ]
        else:
            actions = [
                r.model_dump(include={"name", "args", "status", "detail"}) for r in state.results
            ]
        outcome = Outcome(
            message_id=message_id,
            sender=state.reply.sender,
            subject=state.reply.subject,
            reply_text=state.reply.text,
            auto_reply=state.reply.auto_reply,
            customer=state.customer.external_id if state.customer else None,
            findings=[f.as_contract() for f in triage.findings if not f.abstained]
            if triage
            else [],
            actions=actions,
            status="pending_approval" if waiting else "done",
            approval_reasons=list(state.approval_reasons),
            classifier=triage.classifier if triage else None,
            prompt_hash=triage.prompt_hash if triage else None,
        )
        return cls(outcome, state)


@dataclass(frozen=True)
class StoredTriage:
    """What the message's row says was done with it."""

    status: str
    triage: dict[str, Any] | None
    prompt_hash: str | None
    customer: str | None

    def outcome(self, reply: Reply) -> Outcome:
        """The outcome as it was reported when the reply was triaged."""
        triage = self.triage or {}
        return Outcome(
            message_id=reply.message_id,
            sender=reply.sender,
            subject=reply.subject,
            reply_text=reply.text,
            auto_reply=reply.auto_reply,
            customer=self.customer,
            findings=list(triage.get("findings") or []),
            actions=list(triage.get("actions") or []),
            status=self.status,
            approval_reasons=list(triage.get("approval_reasons") or []),
            classifier=triage.get("classifier"),
            prompt_hash=self.prompt_hash,
        )


def stored(ledger: Ledger, message_id: str) -> StoredTriage | None:
    """The message's row as triage left it (None: no such message)."""
    with ledger.session() as session:
        row = session.connection().execute(_STORED, {"message_id": message_id}).first()
    return StoredTriage(*row) if row is not None else None


def record(ledger: Ledger, finished: Sequence[Finished]) -> None:
    """Write each reply's row (status, customer, triage), and an approval for each one
    that waits for a person, in one transaction (Core statements, executemany)."""
    if not finished:
        return
    rows = [
        {
            "b_message_id": f.outcome.message_id,
            "b_status": f.outcome.status,
            "b_customer_id": f.state.customer.id if f.state.customer else None,
            "b_match_method": f.state.match_method,
            "b_match_score": f.state.match_score,
            "b_triage": f.outcome.stored_triage,
            "b_prompt_hash": f.outcome.prompt_hash,
        }
        for f in finished
    ]
    now = datetime.now(UTC)
    approvals = [
        {
            "message_id": o.message_id,
            "customer_id": f.state.customer.id if f.state.customer else None,
            "status": "pending",
            "reasons": o.approval_reasons,
            "proposal": {
                "actions": o.actions,
                "findings": o.findings,
                "customer": o.customer,
                "from": o.sender,
                "subject": o.subject,
            },
            "created_at": now,
        }
        for f in finished
        if (o := f.outcome).status == "pending_approval"
    ]
    insert = sqlite_insert if ledger.dialect == "sqlite" else pg_insert
    with ledger.transaction() as session:
        conn = session.connection()
        conn.execute(_SET_ROW, rows)
        if approvals:
            conn.execute(
                insert(_APPROVALS).on_conflict_do_nothing(index_elements=["message_id"]),
                approvals,
            )
