"""`plan` (no LLM): the deterministic policy turns findings into proposed actions."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from langgraph.runtime import Runtime

from ..context import Context
from ..findings import Triage
from ..policy import Context as Facts
from ..policy import canonical, plan_actions
from ..state import TriageState, update


def plan(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The actions the policy proposes, and why a person must decide (if they must)."""
    ctx = runtime.context
    customer = state.customer
    actions, reasons = plan_actions(
        state.triage or Triage(error="the reply was not classified"),
        Facts(
            message_id=state.reply.message_id,
            today=ctx.today,
            customer=customer.model_dump() if customer else None,
            invoices={canonical(n): n for n in state.known_invoices},
            sender_email=parseaddr(state.reply.sender)[1].lower(),
            customer_domains=tuple(customer.domains) if customer else (),
        ),
        ctx.policy,
    )
    return update(plan=actions, approval_reasons=reasons)
