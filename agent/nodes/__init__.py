"""The triage nodes, one per module; `agent.graph` wires them, `agent.pipeline` runs them
in a straight line for replies no person has to see."""

from .act import act
from .approve import approve
from .classify import classify
from .plan import plan
from .resolve import resolve

__all__ = ["act", "approve", "classify", "plan", "resolve"]
