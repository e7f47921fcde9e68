"""Reading a worker's batch ahead in a second process while this one acts.

The offline classifier is pure and CPU-bound, and a reply's other steps (the
customer's facts, the plan, the ledger's writes, the graph for a reply that waits)
run in the worker's own process. With two cores, `ReadAhead` hands the batch's
replies to one forked process that classifies them while this process runs the
replies before them; the `classify` node takes a reading made ahead only when the
reply it would classify is equal to the one read (same text, same known invoices),
and classifies it itself otherwise, so a reply reads the same either way.

Nothing in the second process touches the database: it only reads text, so the
exactly-once rules (claims, checkpoints, idempotency keys) are those of the worker
alone. When the second process fails, the replies are classified here.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from .findings import Triage
from .lookups import Lookups
from .offline import OfflineClassifier
from .reply import Reply
from .state import TriageState, update

log = logging.getLogger(__name__)

MIN_BATCH = 16
"""Smaller batches are classified in the worker's own process (nothing to overlap)."""
CHUNK = 4
"""Replies a task of the second process: fewer round trips, the first one back soon."""
READ_TIMEOUT = 30.0
"""Seconds a reply's reading may keep the worker waiting; then the worker reads it itself."""
Reading = tuple[Triage, dict[str, float]]

_reader: OfflineClassifier | None = None
"""The classifier of the forked process (inherited from the worker, model loaded)."""


def _detach() -> None:
    """In the reader, first: die with the worker, and let go of its output.

    A worker killed mid-run (the crash tests do it; so may an operator) must not leave the
    reader behind: on Linux the kernel ends it with its parent (``PR_SET_PDEATHSIG``), and it
    ends itself if the parent is already gone. Nor may the reader hold the worker's stdout
    and stderr open, or whoever reads them (a supervisor, a test) would wait for their end
    until the reader is gone: they point to /dev/null here (it prints nothing)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # no prctl: the parent check below still holds
            pass
    if os.getppid() != parent or parent == 1:
        os._exit(0)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _read_chunk(replies: list[Reply]) -> list[Reading]:
    assert _reader is not None
    return [_reader.classify_scored(r) for r in replies]


@dataclass
class _Entry:
    reply: Reply
    future: Future[list[Reading]]
    index: int


class Readings:
    """The readings of one batch made ahead, by Message-ID; each is taken once."""

    def __init__(self, owner: ReadAhead | None = None) -> None:
        self._entries: dict[str, _Entry] = {}
        self._owner = owner

    def add(self, reply: Reply, future: Future[list[Reading]], index: int) -> None:
        self._entries[reply.message_id] = _Entry(reply, future, index)

    def take(self, reply: Reply) -> Reading | None:
        """The reading of ``reply`` if one was made ahead of exactly this reply, else None."""
        entry = self._entries.pop(reply.message_id, None)
        if entry is None or entry.reply != reply:
            return None
        if self._owner is not None and self._owner.broken:
            return None
        try:
            return entry.future.result(timeout=READ_TIMEOUT)[entry.index]
        except Exception:  # the second process failed or hangs: read it here, and from now on
            log.warning("reading ahead failed; classifying in the worker", exc_info=True)
            if self._owner is not None:
                self._owner.broken = True
            return None

    def __len__(self) -> int:
        return len(self._entries)


def as_classified(reply: Reply, known_invoices: list[str]) -> Reply:
    """``reply`` as the `classify` node hands it to the classifier after `resolve` found
    ``known_invoices``."""
    state = TriageState.model_validate(update(reply=reply, known_invoices=known_invoices))
    return state.reply.model_copy(update={"known_invoices": tuple(state.known_invoices)})


class ReadAhead:
    """One forked process that classifies a batch's replies ahead of the worker."""

    def __init__(self, classifier: OfflineClassifier) -> None:
        self.classifier = classifier
        self._pool: ProcessPoolExecutor | None = None
        self.broken = False
        """Set when the reader failed or hung: the worker reads every reply itself."""

    @staticmethod
    def wanted(classifier: Any, second: Any) -> bool:
        """Only the offline classifier with its model, alone, on a machine with two cores
        where processes can be forked (`Triager`'s ``read_ahead``, ``ARBOX_READ_AHEAD``,
        turns it off)."""
        return (
            isinstance(classifier, OfflineClassifier)
            and classifier.model is not None
            and second is None
            and (os.cpu_count() or 1) >= 2
            and "fork" in multiprocessing.get_all_start_methods()
        )

    def submit(self, replies: list[Reply], lookups: Lookups) -> Readings | None:
        """Start reading the replies whose customer the batch's look-ups hold (their known
        invoices are known before `resolve` runs); None when the batch is too small."""
        if self.broken or self._pool is None or len(replies) < MIN_BATCH:
            return None
        ready = []
        for r in replies:
            facts = lookups.get(r.match.customer_id) if r.match and r.delivery is None else None
            if facts is not None:
                ready.append(as_classified(r, facts.state(r.message_id)["known_invoices"]))
        if len(ready) < MIN_BATCH:
            return None
        readings = Readings(self)
        try:
            for at in range(0, len(ready), CHUNK):
                chunk = ready[at : at + CHUNK]
                future = self._pool.submit(_read_chunk, chunk)
                for index, reply in enumerate(chunk):
                    readings.add(reply, future, index)
        except Exception:
            log.warning("could not read ahead", exc_info=True)
            self.broken = True
            return None
        return readings

    def start(self) -> bool:
        """Fork the reader now, while this process runs one thread; False when it can't.

        A fork copies the calling thread only: a lock another thread held at that moment
        (logging's, a connection pool's) would stay held in the child for good. So the
        reader is forked before the worker starts its lease thread, and never from a server
        or watcher that runs the worker in a thread of its own.
        """
        global _reader
        if threading.active_count() > 1:
            return False
        _reader = self.classifier  # inherited by the fork, model and caches loaded
        if self.classifier.model is not None:
            # The model's per-term rows are made on first use: once here, before the fork,
            # not once in each process (an empty vector scores nothing).
            self.classifier.model.scores({})
        try:
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=_detach
            )
            self._pool.submit(int).result(timeout=READ_TIMEOUT)  # forks it before any thread
        except Exception:
            log.warning("could not start reading ahead", exc_info=True)
            self.close()
            return False
        return True

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if self.broken:  # a reader that hangs is not waited for
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=not self.broken, cancel_futures=True)
