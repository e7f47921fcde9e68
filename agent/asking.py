"""A planned reply that waits for a person, checkpointed without running the graph.

A reply that needs a person goes from its planned state to `approve`, which calls
`interrupt()`: the graph saves one checkpoint (the planned values, the route to
`approve`) and one pending write (the interrupt, under the `approve` task's id), and
nothing else happens until an analyst answers. Running langgraph for that costs
more than everything else a waiting reply does, and what it writes is the same for
every reply but the values: so `Asking` has langgraph write it once for a reply of
each shape (which state fields it carries), records the saver calls, and for the
next replies of that shape makes the same calls with their own values.

The copy is checked when it is made: langgraph must have stored the reply's values
as given and asked with the value `approve` asks with, else that shape always goes
through the graph. The checkpoint id (so the `approve` task's id, and the
interrupt's) is the template's, shared by every thread it writes (ids are unique
within a thread, and a resume writes newer ones); the checkpoint's time is now.
Resuming is the graph's own: `Triager.decide` invokes it with the analyst's answer.

Exactly once is unchanged: a reply that waits has acted on nothing. Cut short
between the checkpoint and its interrupt, the reply is run again: its checkpoint's
`approve` task is still to run, and `Triager` finishes it through the graph.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Interrupt

from .context import Context
from .graph import build_graph
from .state import TriageState, update

log = logging.getLogger(__name__)


def question(state: TriageState) -> dict[str, Any]:
    """What `approve` asks (its ``interrupt()`` value) for ``state``."""
    return update(
        message_id=state.reply.message_id,
        reasons=state.approval_reasons,
        actions=state.plan,
    )


@dataclass(frozen=True)
class _Template:
    checkpoint: dict[str, Any]
    metadata: dict[str, Any]
    new_versions: dict[str, Any]
    task_id: str
    task_path: str
    interrupt_id: str


class _Recorder(InMemorySaver):
    """An in-memory saver that keeps what langgraph asks it to save, with the versions the
    real saver would give."""

    def __init__(self, real: BaseCheckpointSaver[Any]) -> None:
        super().__init__(serde=real.serde)
        self._real = real
        self.put_calls: list[tuple[Any, ...]] = []
        self.write_calls: list[tuple[Any, ...]] = []

    def get_next_version(self, current: Any, channel: None) -> Any:
        return self._real.get_next_version(current, channel)

    def put(self, config: Any, checkpoint: Any, metadata: Any, new_versions: Any) -> Any:
        values = dict(checkpoint["channel_values"])  # the objects themselves, to compare
        kept = {**checkpoint, "channel_values": values}
        self.put_calls.append((kept, dict(metadata), new_versions))
        return super().put(config, checkpoint, metadata, new_versions)

    def put_writes(self, config: Any, writes: Any, task_id: str, task_path: str = "") -> None:
        self.write_calls.append((list(writes), task_id, task_path))
        super().put_writes(config, writes, task_id, task_path)


class Asking:
    """Writes the checkpoint of a reply that waits for a person, as the graph would."""

    def __init__(self, checkpointer: BaseCheckpointSaver[Any] | None) -> None:
        self.saver = checkpointer
        self._templates: dict[frozenset[str], _Template | None] = {}
        self._lock = threading.Lock()

    def ask(
        self, values: dict[str, Any], state: TriageState, config: dict[str, Any], context: Context
    ) -> bool:
        """Checkpoint ``values`` (planned, waiting for a person) under ``config``'s thread,
        interrupted at `approve`; False when the graph must run it instead."""
        if self.saver is None or "__interrupt__" in values:
            return False
        shape = frozenset(values)
        with self._lock:
            if shape not in self._templates:  # the graph runs once, in memory, for this shape
                self._templates[shape] = self._template(values, state, config, context)
            template = self._templates[shape]
        if template is None:
            return False
        self._write(values, state, config, template)
        return True

    def _template(
        self, values: dict[str, Any], state: TriageState, config: dict[str, Any], context: Context
    ) -> _Template | None:
        """Run the graph once on a recording saver; None when its calls can't be copied."""
        assert self.saver is not None
        recorder = _Recorder(self.saver)
        graph = build_graph(recorder)
        out = graph.invoke(values, config, context=context, durability="exit")
        if len(recorder.put_calls) != 1 or len(recorder.write_calls) != 1:
            log.info("a waiting reply's checkpoint is not one put and one write; graph kept")
            return None
        checkpoint, metadata, new_versions = recorder.put_calls[0]
        writes, task_id, task_path = recorder.write_calls[0]
        stored = checkpoint["channel_values"]
        asked = question(state)
        same = (
            all(k in stored and stored[k] is values[k] for k in values)
            and len(writes) == 1
            and writes[0][0] == "__interrupt__"
            and len(writes[0][1]) == 1
            and isinstance(writes[0][1][0], Interrupt)
            and writes[0][1][0].value == asked
            and writes[0][1][0].response_schema is None
            and [i.value for i in out.get("__interrupt__", ())] == [asked]
        )
        if not same:
            log.info("a waiting reply's checkpoint differs from its values; graph kept")
            return None
        return _Template(
            checkpoint={
                **checkpoint,
                "channel_values": {k: None if k in values else v for k, v in stored.items()},
            },
            metadata=metadata,
            new_versions=new_versions,
            task_id=task_id,
            task_path=task_path,
            interrupt_id=writes[0][1][0].id,
        )

    def _write(
        self,
        values: dict[str, Any],
        state: TriageState,
        config: dict[str, Any],
        template: _Template,
    ) -> None:
        assert self.saver is not None
        checkpoint: Any = {
            **template.checkpoint,
            "ts": datetime.now(UTC).isoformat(),
            "channel_values": {
                k: values.get(k, v) for k, v in template.checkpoint["channel_values"].items()
            },
        }
        interrupt = Interrupt(question(state), template.interrupt_id)
        thread = config["configurable"]["thread_id"]
        target: Any = {"configurable": {"thread_id": thread, "checkpoint_ns": ""}}
        metadata: Any = dict(template.metadata)
        saved = self.saver.put(target, checkpoint, metadata, template.new_versions)
        self.saver.put_writes(
            saved, [("__interrupt__", (interrupt,))], template.task_id, template.task_path
        )
