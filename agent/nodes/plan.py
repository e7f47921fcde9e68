"""`plan` (no LLM): the deterministic policy turns findings into proposed actions."""

from __future__ import annotations

from decimal import Decimal
from email.utils import parseaddr
from functools import lru_cache
from typing import Any

from langgraph.runtime import Runtime

from ..bounce import plan_bounce
from ..context import Context
from ..findings import Triage
from ..policy import Context as Facts
from ..policy import canonical, plan_actions
from ..state import TriageState, update


@lru_cache(maxsize=4096)
def sender_email(sender: str) -> str:
    """The address in a From header, lower case (the stdlib's parse, kept per header: a
    worker's batch hears from the same contacts again and again)."""
    return parseaddr(sender)[1].lower()


def plan(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The actions the policy proposes, and why a person must decide (if they must)."""
    ctx = runtime.context
    customer = state.customer
    reply = state.reply
    if state.bounce is not None:  # machine data: the report decides, not the classifier
        actions, reasons = plan_bounce(state.bounce, message_id=reply.message_id, customer=customer)
        return update(plan=actions, approval_reasons=reasons)
    actions, reasons = plan_actions(
        state.triage or Triage(error="the reply was not classified"),
        Facts(
            message_id=reply.message_id,
            today=ctx.today,
            customer=customer.model_dump() if customer else None,
            invoices={canonical(n): n for n in state.known_invoices},
            sender_email=sender_email(reply.sender),
            customer_domains=tuple(customer.domains) if customer else (),
            match_method=state.match_method,
            text=reply.text,
            subject=reply.subject,
            sent_on=reply.sent_at.date() if reply.sent_at else None,
            auto_reply=reply.auto_reply,
            balances={n: Decimal(b) for n, b in state.balances.items()},
            second_intents=frozenset(state.second_intents)
            if state.second_intents is not None
            else None,
            probabilities=state.offline_probabilities,
            open_tasks=tuple(state.open_tasks),
            open_claims=tuple(state.open_claims),
        ),
        ctx.policy,
    )
    return update(plan=actions, approval_reasons=reasons)
