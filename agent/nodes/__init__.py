"""The triage graph's nodes, one per module; `agent.graph` wires them."""

from .act import act
from .approve import approve
from .classify import classify
from .plan import plan
from .resolve import resolve

__all__ = ["act", "approve", "classify", "plan", "resolve"]
