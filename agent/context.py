"""`Context`: what the triage graph's nodes need for one run, passed at invoke time.

    graph.invoke(state, config, context=Context(ledger=..., classifier=..., today=...))

Nothing is captured in closures, so a test swaps the classifier, the ledger or
today's date by passing another context, and a resumed graph may run with a
different one (a restarted process, an analyst as the actor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..tools.db import Ledger
from .classifier import Classifier
from .lookups import Lookups
from .policy import PolicyConfig

if TYPE_CHECKING:
    from .ahead import Readings


@dataclass(frozen=True)
class Context:
    """Per-run settings and collaborators of the triage graph."""

    ledger: Ledger
    """Where the customer is looked up and the actions are written."""
    classifier: Classifier
    """Called once by `classify` (never on a resumed run)."""
    second_classifier: Classifier | None = None
    """An independent classifier (offline, no network) read beside an LLM; None: none."""
    today: date = field(default_factory=date.today)
    """The run's today: promise windows and pause dates count from it."""
    actor: str = "arbox"
    """Who the audit log names for the actions (``analyst:<id>`` after a decision)."""
    policy: PolicyConfig = field(default_factory=PolicyConfig)
    lookups: Lookups | None = None
    """Customer facts read once for a worker's batch; None: `resolve` reads the ledger."""
    readings: Readings | None = None
    """The batch's replies classified ahead in a second process (`agent.ahead`); `classify`
    takes one only for the very reply it would classify. None: it classifies itself."""
