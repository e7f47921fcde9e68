"""Running replies through triage, and answering the approvals it asks for.

The one place triage is run: the CLI, the watcher, the API and Slack all come
through `Triager`. A reply no person has to see runs the nodes in a straight line
(`agent.pipeline`) and is never checkpointed; one that needs a person goes to the
graph (thread id = its Message-ID), whose checkpoint holds it until an analyst
answers. A reply seen twice is processed once (its message row says it is done;
its actions' idempotency keys make a second run act once); an approval is
answered once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, Literal

from langgraph.types import Command
from sqlmodel import col, select

from ..tools.db import Ledger
from ..tools.models import Approval
from .ahead import ReadAhead
from .asking import Asking
from .classifier import Classifier
from .context import Context
from .errors import ApprovalError
from .graph import build_graph
from .lookups import Lookups
from .offline import OfflineClassifier
from .outcome import Finished, Outcome, record, stored
from .pipeline import acted, planned
from .policy import PolicyConfig
from .reply import Reply
from .state import TriageState

__all__ = ["ApprovalError", "Outcome", "Reply", "Triager"]


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
        read_ahead: bool = True,
    ) -> None:
        self.ledger = ledger
        self.classifier = classifier
        self.policy = policy or PolicyConfig()
        if second_classifier == "auto":
            # Beside a model, the offline classifier reads every reply too (no network).
            second_classifier = None if classifier.name == "offline" else _offline()
        self.second_classifier = second_classifier
        self.graph = build_graph(checkpointer)
        self.asking = Asking(checkpointer)
        """Checkpoints a reply that waits for a person as the graph would (`agent.asking`)."""
        self.read_ahead = read_ahead
        """Whether a worker's drain classifies its batches ahead (`reading_ahead`)."""
        self.ahead: ReadAhead | None = None
        """Set by `reading_ahead` while a worker drains its queue."""

    def _context(self, today: date | None, actor: str = "arbox") -> Context:
        return Context(
            ledger=self.ledger,
            classifier=self.classifier,
            second_classifier=self.second_classifier,
            today=today or date.today(),
            actor=actor,
            policy=self.policy,
        )

    @contextmanager
    def reading_ahead(self) -> Iterator[None]:
        """While the block runs, a batch of replies is classified ahead in a second process
        (`agent.ahead`: the offline classifier alone, two cores); the same readings."""
        if (
            not self.read_ahead
            or self.ahead is not None
            or not ReadAhead.wanted(self.classifier, self.second_classifier)
        ):
            yield
            return
        assert isinstance(self.classifier, OfflineClassifier)
        ahead = ReadAhead(self.classifier)
        if not ahead.start():
            yield
            return
        self.ahead = ahead
        try:
            yield
        finally:
            self.ahead = None
            ahead.close()

    @staticmethod
    def _config(message_id: str) -> dict[str, Any]:
        # One task at a time (the graph is a line): langgraph's background pool for the
        # checkpoint writes then starts one thread a run, not one a write.
        return {"configurable": {"thread_id": message_id}, "max_concurrency": 1}

    def process(self, incoming: Reply, *, today: date | None = None) -> Outcome:
        """Triage one reply; a reply already processed (or waiting) is not run again.

        What was done is read back from the message's row (its status and stored
        triage); a reply that waits for a person, from its checkpoint.
        """
        row = stored(self.ledger, incoming.message_id)
        if row is not None and row.status == "done" and row.triage is not None:
            return row.outcome(incoming)
        if row is not None and row.status == "pending_approval":
            snapshot = self.graph.get_state(self._config(incoming.message_id))
            if snapshot.values:
                return self._record(self._from_checkpoint(incoming.message_id, snapshot, today))
        return self.triage(incoming, today=today)

    def triage(self, incoming: Reply, *, today: date | None = None) -> Outcome:
        """Run a reply not finished yet (a worker's claim) through the triage nodes."""
        return self._record(self._run(incoming, self._context(today)))

    def triage_batch(
        self,
        replies: Sequence[Reply],
        *,
        today: date | None = None,
        concurrency: int = 1,
        failed: Callable[[Reply, Exception], None],
    ) -> list[Outcome]:
        """Run a worker's claimed replies, ``concurrency`` at a time (LLM calls overlap).

        The customers they were matched to are read once for the batch (`Lookups`), and
        their rows are written together at the end; a reply that fails goes to
        ``failed`` and the others go on.
        """
        with self.ledger.session() as session:
            lookups = Lookups.read(session, {r.match.customer_id for r in replies if r.match})
        readings = (
            self.ahead.submit(list(replies), lookups)
            if self.ahead is not None and concurrency <= 1
            else None
        )
        context = replace(self._context(today), lookups=lookups, readings=readings)

        def one(reply: Reply) -> Finished | None:
            try:
                return self._run(reply, context)
            except Exception as exc:  # keep the reply for a person, carry on with the others
                failed(reply, exc)
                return None

        if concurrency <= 1 or len(replies) <= 1:
            runs = [one(r) for r in replies]
        else:
            with ThreadPoolExecutor(concurrency, thread_name_prefix="arbox-triage") as pool:
                runs = list(pool.map(one, replies))
        finished = [f for f in runs if f is not None]
        try:
            record(self.ledger, finished)
        except Exception:  # find the one row that cannot be written; keep the others
            finished = [f for f in finished if self._record_alone(f, failed)]
        return [f.outcome for f in finished]

    def _run(self, incoming: Reply, context: Context) -> Finished:
        """No person needed: the nodes run in a straight line (`agent.pipeline`), with no
        checkpoint; one cut short runs again from the start and acts once through the
        actions' idempotency keys (the message stays claimed). A person needed: the
        planned state goes to the graph, checkpointed with its interrupt."""
        mid = incoming.message_id
        values = planned(incoming, context)
        state = TriageState.model_validate(values)
        if not state.needs_person:
            return Finished.of(mid, acted(values, context), False)
        config = self._config(mid)
        snapshot = self.graph.get_state(config)
        if snapshot.values:  # asked before, and cut short before its row said so
            return self._from_checkpoint(mid, snapshot, context.today)
        if self.asking.ask(values, state, config, context):  # the graph's checkpoint, copied
            return Finished.of(mid, values, True)
        out = self.graph.invoke(values, config, context=context, durability="exit")
        return Finished.of(mid, out, bool(out.get("__interrupt__")))

    def _from_checkpoint(self, message_id: str, snapshot: Any, today: date | None) -> Finished:
        if snapshot.tasks and not snapshot.interrupts:
            # A run cut short with a checkpoint mid-way (a resumed approval): go on from it.
            # Tasks, not `next`: a node that finished but whose step was not checkpointed
            # yet has its writes saved and is left out of `next`, yet the run is not over.
            config = self._config(message_id)
            self.graph.invoke(None, config, context=self._context(today))
            snapshot = self.graph.get_state(config)
        return Finished.of(message_id, snapshot.values, bool(snapshot.interrupts))

    def _record(self, finished: Finished) -> Outcome:
        record(self.ledger, [finished])
        return finished.outcome

    def _record_alone(self, finished: Finished, failed: Callable[[Reply, Exception], None]) -> bool:
        try:
            record(self.ledger, [finished])
        except Exception as exc:
            failed(finished.state.reply, exc)
            return False
        return True

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
        return self._record(Finished.of(message_id, snapshot.values, bool(snapshot.interrupts)))

    def pending(self) -> list[Approval]:
        with self.ledger.session() as session:
            query = select(Approval).where(Approval.status == "pending")
            return list(session.exec(query.order_by(col(Approval.id))))


def _offline() -> Classifier:
    from .offline import OfflineClassifier

    return OfflineClassifier()
