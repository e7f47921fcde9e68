"""Running replies through the triage graph, and answering its approvals.

The one place the graph is invoked: the CLI, the watcher, the API and Slack all
come through `Triager`. A reply seen twice is processed once (the thread id is
its Message-ID); an approval is answered once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

from langgraph.types import Command
from sqlalchemy import Table
from sqlalchemy import update as sa_update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select

from ..tools.db import Ledger
from ..tools.models import Approval, InboundMessage
from .classifier import Classifier
from .context import Context
from .errors import ApprovalError
from .graph import build_graph
from .policy import PolicyConfig
from .reply import Reply
from .state import TriageState, update

__all__ = ["ApprovalError", "Outcome", "Reply", "Triager"]


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


class Triager:
    """The triage graph bound to a ledger, a classifier and a checkpointer."""

    def __init__(
        self,
        ledger: Ledger,
        classifier: Classifier,
        checkpointer: Any,
        *,
        policy: PolicyConfig | None = None,
        second_classifier: Classifier | Literal["auto"] | None = "auto",
    ) -> None:
        self.ledger = ledger
        self.classifier = classifier
        self.policy = policy or PolicyConfig()
        if second_classifier == "auto":
            # Beside a model, the offline classifier reads every reply too (no network).
            second_classifier = None if classifier.name == "offline" else _offline()
        self.second_classifier = second_classifier
        self.graph = build_graph(checkpointer)

    def _context(self, today: date | None, actor: str = "arbox") -> Context:
        return Context(
            ledger=self.ledger,
            classifier=self.classifier,
            second_classifier=self.second_classifier,
            today=today or date.today(),
            actor=actor,
            policy=self.policy,
        )

    @staticmethod
    def _config(message_id: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": message_id}}

    def process(self, incoming: Reply, *, today: date | None = None) -> Outcome:
        """Triage one reply; a reply already processed (or waiting) is not run again."""
        config = self._config(incoming.message_id)
        snapshot = self.graph.get_state(config)
        if not snapshot.values:
            # Checkpointed once, when the run ends: most replies never wait for a
            # person, and one cut short runs again from the start, acting once
            # through the actions' idempotency keys (the message stays claimed).
            out = self.graph.invoke(
                update(reply=incoming), config, context=self._context(today), durability="exit"
            )
            return self._finish(incoming.message_id, out, bool(out.get("__interrupt__")))
        if snapshot.tasks and not snapshot.interrupts:
            # A run cut short with a checkpoint mid-way (a resumed approval): go on from it.
            # Tasks, not `next`: a node that finished but whose step was not checkpointed
            # yet has its writes saved and is left out of `next`, yet the run is not over.
            self.graph.invoke(None, config, context=self._context(today))
            snapshot = self.graph.get_state(config)
        return self._finish(incoming.message_id, snapshot.values, bool(snapshot.interrupts))

    def decide(
        self, message_id: str, decision: dict[str, Any], *, by: str, today: date | None = None
    ) -> Outcome:
        """Answer a pending approval (accept, edit or reject) and resume the graph once."""
        kind = decision.get("decision")
        if kind not in ("accept", "edit", "reject"):
            raise ApprovalError("decision must be accept, edit or reject")
        if kind == "edit" and not isinstance(decision.get("actions"), list):
            raise ApprovalError("an edit carries the list of actions to run")
        config = self._config(message_id)
        with self.ledger.transaction() as session:
            query = select(Approval).where(Approval.message_id == message_id)
            if self.ledger.dialect == "postgresql":
                query = query.with_for_update()
            approval = session.exec(query).first()
            if approval is None:
                raise ApprovalError(f"no approval for message {message_id}")
            if approval.status != "pending":
                snapshot = self.graph.get_state(config)
                if not snapshot.interrupts:
                    raise ApprovalError(
                        f"approval for {message_id} was already {approval.status} "
                        f"by {approval.decided_by}"
                    )
                # Decided, but the process died before resuming: resume with the stored answer.
                decision = approval.decision or decision
            else:
                approval.status = {"accept": "accepted", "edit": "edited", "reject": "rejected"}[
                    kind
                ]
                approval.decision = {**decision, "by": by}
                approval.decided_by = by
                approval.decided_at = datetime.now(UTC)
                session.add(approval)
        self.graph.invoke(
            Command(resume={**decision, "by": by}),
            config,
            context=self._context(today, actor=f"analyst:{by}"),
        )
        snapshot = self.graph.get_state(config)
        return self._finish(message_id, snapshot.values, bool(snapshot.interrupts))

    def pending(self) -> list[Approval]:
        with self.ledger.session() as session:
            query = select(Approval).where(Approval.status == "pending")
            return list(session.exec(query.order_by(col(Approval.id))))

    def _finish(self, message_id: str, values: dict[str, Any], waiting: bool) -> Outcome:
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
        self._record(outcome, state, waiting)
        return outcome

    def _record(self, outcome: Outcome, state: TriageState, waiting: bool) -> None:
        # Core statements (no ORM objects): this runs once per reply.
        customer_id = state.customer.id if state.customer else None
        messages: Table = InboundMessage.__table__  # type: ignore[attr-defined]
        approvals: Table = Approval.__table__  # type: ignore[attr-defined]
        with self.ledger.transaction() as session:
            conn = session.connection()
            conn.execute(
                sa_update(messages)
                .where(messages.c.message_id == outcome.message_id)
                .values(
                    status=outcome.status,
                    customer_id=customer_id,
                    match_method=state.match_method,
                    match_score=state.match_score,
                    triage={
                        "findings": outcome.findings,
                        "actions": outcome.actions,
                        "approval_reasons": outcome.approval_reasons,
                        "classifier": outcome.classifier,
                    },
                    prompt_hash=outcome.prompt_hash,
                )
            )
            if waiting:
                insert = sqlite_insert if self.ledger.dialect == "sqlite" else pg_insert
                conn.execute(
                    insert(approvals)
                    .values(
                        message_id=outcome.message_id,
                        customer_id=customer_id,
                        status="pending",
                        reasons=outcome.approval_reasons,
                        proposal={
                            "actions": outcome.actions,
                            "findings": outcome.findings,
                            "customer": outcome.customer,
                            "from": outcome.sender,
                            "subject": outcome.subject,
                        },
                        created_at=datetime.now(UTC),
                    )
                    .on_conflict_do_nothing(index_elements=["message_id"])
                )


def _offline() -> Classifier:
    from .offline import OfflineClassifier

    return OfflineClassifier()
