"""`resolve` (no LLM): who wrote, and which invoices are theirs."""

from __future__ import annotations

from email.utils import parseaddr
from typing import Any

from langgraph.runtime import Runtime
from sqlmodel import Session

from ...tools.matching import SenderInfo, match_customer
from ..bounce import resolve_delivery
from ..context import Context
from ..lookups import CustomerFacts, read_facts
from ..reply import Reply
from ..state import TriageState, update


def resolve(state: TriageState, runtime: Runtime[Context]) -> dict[str, Any]:
    """The sender's customer (the mailbox's match, else a look-up) and its invoices."""
    reply, ctx = state.reply, runtime.context
    if reply.delivery is not None:
        return _resolve_bounce(reply, ctx)
    match = reply.match
    facts = None
    if match is not None and ctx.lookups is not None:  # read with the worker's batch
        facts, method, score = ctx.lookups.get(match.customer_id), match.method, match.score
    if facts is None:
        with ctx.ledger.session() as session:
            facts, method, score = read_customer(session, reply)
    if facts is None:
        return update(customer=None, known_invoices=[])
    return update(match_method=method, match_score=score, **facts.state(reply.message_id))


def _resolve_bounce(reply: Reply, ctx: Context) -> dict[str, Any]:
    """A delivery report is about the contact it names, not the server that sent it."""
    with ctx.ledger.session() as session:
        bounce = resolve_delivery(session, reply)
        customer_id = bounce.customer_id if bounce is not None else None
        facts = read_facts(session, [customer_id]).get(customer_id) if customer_id else None
    if bounce is None or facts is None:
        return update(customer=None, known_invoices=[], bounce=bounce)
    return update(
        match_method=bounce.method,
        match_score=100.0,
        bounce=bounce,
        **facts.state(reply.message_id),
    )


def read_customer(
    session: Session, reply: Reply
) -> tuple[CustomerFacts | None, str | None, float | None]:
    """The reply's customer as the mailbox matched it, else as the sender is found now."""
    if reply.match is not None:
        customer_id = reply.match.customer_id
        if (facts := read_facts(session, [customer_id]).get(customer_id)) is not None:
            return facts, reply.match.method, reply.match.score
    found, method, score = find_customer(
        session,
        sender=reply.sender,
        in_reply_to=reply.headers.get("In-Reply-To"),
        references=reply.headers.get("References", "").split(),
    )
    if found is None:
        return None, None, None
    return read_facts(session, [found]).get(found), method, score


def find_customer(
    session: Session,
    *,
    sender: str,
    in_reply_to: str | None = None,
    references: list[str] | None = None,
) -> tuple[int | None, str | None, float | None]:
    """The sender's customer id, by the same rules the mailbox threads with (`tools.matching`)."""
    name, address = parseaddr(sender)
    match = match_customer(
        session,
        SenderInfo(
            from_addr=address.lower(),
            from_name=name,
            in_reply_to=in_reply_to,
            references=list(references or []),
        ),
    )
    if match.customer_id is None:
        return None, None, None
    return match.customer_id, match.method, match.score
