"""What the guardrails see of the ledger for one notice."""

from __future__ import annotations

from decimal import Decimal

from arbox.tools.dunning import DueNotice

from ..guardrails import InvoiceView


def ledger_views(due: DueNotice, dropped: dict[str, str] | None = None) -> list[InvoiceView]:
    """The guardrails' view: the notice's invoices open, the customer's others by reason."""
    views = [
        InvoiceView(i.number, i.amount, i.balance, "open", i.po, i.project) for i in due.invoices
    ]
    others = due.excluded | (dropped or {})
    views += [InvoiceView(n, Decimal(0), Decimal(0), reason) for n, reason in others.items()]
    return views
