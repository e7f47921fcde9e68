"""What `resolve` reads of a customer, read for a whole batch of replies at once.

Per customer: who it is and its domains, its invoices (every number, the balance
of the open ones), its open tasks (with the tag of the key that opened each) and
its open payment claims. `read_facts` reads them for many customers in six
statements, whatever their number; a worker's batch reads them once for the
customers its replies were matched to when recorded (`Lookups`), and `resolve`
reads one customer the same way when the batch holds no facts for it.

A reply that acts changes what the next reply of that customer must see (its new
task, its claim): `Lookups.forget` drops the customers it acted on, and the next
reply from them reads the ledger again.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import BindParameter, Table, bindparam, select
from sqlmodel import Session

from ..tools.enums import ClaimStatus, TaskStatus
from ..tools.models import AuditLog, Contact, Customer, Invoice, PaymentClaim, Task
from .state import CustomerView, OpenClaim, OpenTask

_C: Table = Customer.__table__  # type: ignore[attr-defined]
_CONTACT: Table = Contact.__table__  # type: ignore[attr-defined]
_INV: Table = Invoice.__table__  # type: ignore[attr-defined]
_TASK: Table = Task.__table__  # type: ignore[attr-defined]
_AUDIT: Table = AuditLog.__table__  # type: ignore[attr-defined]
_CLAIM: Table = PaymentClaim.__table__  # type: ignore[attr-defined]
_IDS: BindParameter[Any] = bindparam("ids", expanding=True)

# Built once: constructing a statement costs more than running it on a small ledger.
_CUSTOMERS = select(_C.c.id, _C.c.external_id, _C.c.name, _C.c.segment, _C.c.domain).where(
    _C.c.id.in_(_IDS)
)
_CONTACTS = select(_CONTACT.c.customer_id, _CONTACT.c.email).where(_CONTACT.c.customer_id.in_(_IDS))
_INVOICES = (
    select(_INV.c.customer_id, _INV.c.number, _INV.c.balance)
    .where(_INV.c.customer_id.in_(_IDS))
    .order_by(_INV.c.number)
)
_TASKS = (
    select(_TASK.c.id, _TASK.c.customer_id, _TASK.c.queue, _TASK.c.invoices, _TASK.c.source_message)
    .where(
        _TASK.c.customer_id.in_(_IDS),
        _TASK.c.status.in_([TaskStatus.open.value, TaskStatus.claimed.value]),
    )
    .order_by(_TASK.c.id)
)
_TASK_KEYS = select(_AUDIT.c.target, _AUDIT.c.idempotency_key).where(
    _AUDIT.c.action == "create_task", _AUDIT.c.target.in_(bindparam("targets", expanding=True))
)
_CLAIMS = (
    select(_CLAIM.c.id, _CLAIM.c.customer_id, _CLAIM.c.invoices, _CLAIM.c.source_message)
    .where(_CLAIM.c.customer_id.in_(_IDS), _CLAIM.c.status == ClaimStatus.open.value)
    .order_by(_CLAIM.c.id)
)


@dataclass(frozen=True)
class CustomerFacts:
    """One customer as `resolve` reports it."""

    view: CustomerView
    invoices: tuple[tuple[str, Decimal], ...]
    """(number, balance) of every invoice, by number."""
    tasks: tuple[tuple[OpenTask, str | None], ...]
    """Open or claimed tasks, each with the message that opened it."""
    claims: tuple[tuple[OpenClaim, str | None], ...]
    """Open payment claims, each with the message that made it."""

    def state(self, message_id: str) -> dict[str, Any]:
        """`resolve`'s update for a reply of this customer. Not the tasks and claims this
        reply made itself: a run cut short and run again plans what the first run planned."""
        return {
            "customer": self.view,
            "known_invoices": [number for number, _ in self.invoices],
            "balances": {number: str(balance) for number, balance in self.invoices if balance > 0},
            "open_tasks": [task for task, source in self.tasks if source != message_id],
            "open_claims": [claim for claim, source in self.claims if source != message_id],
        }


def read_facts(session: Session, customer_ids: Iterable[int]) -> dict[int, CustomerFacts]:
    """The facts of each customer in ``customer_ids`` that exists, in six statements."""
    ids = sorted(set(customer_ids))
    if not ids:
        return {}
    conn = session.connection()
    params = {"ids": ids}
    domains: dict[int, set[str]] = {cid: set() for cid in ids}
    for cid, email in conn.execute(_CONTACTS, params):
        domains[cid].add(email.rsplit("@", 1)[-1])
    invoices: dict[int, list[tuple[str, Decimal]]] = {cid: [] for cid in ids}
    for cid, number, balance in conn.execute(_INVOICES, params):
        invoices[cid].append((number, balance))
    task_rows = list(conn.execute(_TASKS, params))
    tags: dict[str, str] = {}
    if task_rows:
        targets = [f"task:{row.id}" for row in task_rows]
        for target, key in conn.execute(_TASK_KEYS, {"targets": targets}):
            # Keys read "<message>:create_task:<queue>:<tag>" (agent.policy).
            tags[target] = (key or "").rsplit(":", 1)[-1]
    tasks: dict[int, list[tuple[OpenTask, str | None]]] = {cid: [] for cid in ids}
    for tid, cid, queue, numbers, source in task_rows:
        tag = tags.get(f"task:{tid}", "")
        task = OpenTask(id=tid, queue=queue, tag=tag, invoices=list(numbers or []))
        tasks[cid].append((task, source))
    claims: dict[int, list[tuple[OpenClaim, str | None]]] = {cid: [] for cid in ids}
    for pid, cid, numbers, source in conn.execute(_CLAIMS, params):
        claims[cid].append((OpenClaim(id=pid, invoices=list(numbers or [])), source))
    facts = {}
    for cid, external_id, name, segment, domain in conn.execute(_CUSTOMERS, params):
        view = CustomerView(
            id=cid,
            external_id=external_id,
            name=name,
            segment=str(segment),
            domains=sorted(d for d in {domain, *domains[cid]} if d),
        )
        facts[cid] = CustomerFacts(
            view, tuple(invoices[cid]), tuple(tasks[cid]), tuple(claims[cid])
        )
    return facts


class Lookups:
    """A batch's customer facts, read once; thread-safe (LLM replies run side by side)."""

    def __init__(self, facts: dict[int, CustomerFacts]) -> None:
        self._facts = dict(facts)
        self._lock = threading.Lock()

    @classmethod
    def read(cls, session: Session, customer_ids: Iterable[int]) -> Lookups:
        return cls(read_facts(session, customer_ids))

    def get(self, customer_id: int) -> CustomerFacts | None:
        with self._lock:
            return self._facts.get(customer_id)

    def forget(self, customer_ids: Collection[int], external_ids: Collection[str] = ()) -> None:
        """Drop customers a reply acted on (by id or external id)."""
        with self._lock:
            for cid, facts in list(self._facts.items()):
                if cid in customer_ids or facts.view.external_id in external_ids:
                    del self._facts[cid]
