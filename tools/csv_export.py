"""CSV export: open items (with their collection status) and the audit log."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from .models import AuditLog, Customer, Invoice, pk
from .status import invoice_statuses

OPEN_ITEMS_COLUMNS = [
    "number",
    "customer_external_id",
    "customer_name",
    "po",
    "project",
    "issue_date",
    "due_date",
    "currency",
    "amount",
    "balance",
    "status",
    "days_past_due",
]
AUDIT_COLUMNS = [
    "id",
    "at",
    "actor",
    "action",
    "target",
    "idempotency_key",
    "note",
    "before",
    "after",
]


def export_open_items(session: Session, path: Path, *, today: date) -> int:
    """Write every invoice with an open balance; returns the row count."""
    rows = session.exec(
        select(Invoice, Customer)
        .join(Customer, Invoice.customer_id == Customer.id)  # type: ignore[arg-type]
        .where(Invoice.balance > 0)
        .order_by(col(Customer.external_id), col(Invoice.due_date))
    ).all()
    statuses = invoice_statuses(session, [inv for inv, _ in rows], today=today)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(OPEN_ITEMS_COLUMNS)
        for inv, cust in rows:
            out.writerow(
                [
                    inv.number,
                    cust.external_id,
                    cust.name,
                    inv.po or "",
                    inv.project or "",
                    inv.issue_date.isoformat(),
                    inv.due_date.isoformat(),
                    inv.currency,
                    f"{inv.amount:.2f}",
                    f"{inv.balance:.2f}",
                    statuses[pk(inv)],
                    max((today - inv.due_date).days, 0),
                ]
            )
    return len(rows)


def export_audit(session: Session, path: Path) -> int:
    """Write the whole audit log, oldest first; returns the row count."""
    count = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(AUDIT_COLUMNS)
        for row in session.exec(select(AuditLog).order_by(AuditLog.id)):  # type: ignore[arg-type]
            out.writerow(
                [
                    row.id,
                    row.at.isoformat(),
                    row.actor,
                    row.action,
                    row.target,
                    row.idempotency_key or "",
                    row.note,
                    json.dumps(row.before, sort_keys=True) if row.before else "",
                    json.dumps(row.after, sort_keys=True) if row.after else "",
                ]
            )
            count += 1
    return count
