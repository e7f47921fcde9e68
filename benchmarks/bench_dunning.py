"""Time a dunning run over 5,000 customers and 100,000 open invoices on SQLite.

    .venv/bin/python benchmarks/bench_dunning.py [--customers N] [--invoices N] [--db PATH]

Builds the ledger with bulk inserts (plus disputes, pauses, promises, credit memos and
payments in suspense, so every exclusion is exercised), then times the selection alone,
a dry run (select, draft, rewrite, guardrails) and a recorded run (writes the notices).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert
from sqlmodel import select

from arbox.agent.notices import run_dunning
from arbox.tools.db import Ledger
from arbox.tools.dunning import select_due
from arbox.tools.models import (
    Contact,
    CreditMemo,
    Customer,
    Dispute,
    DunningPause,
    Invoice,
    OutgoingNotice,
    Payment,
    Promise,
    PromiseInvoice,
)

TODAY = date(2026, 3, 2)
SEGMENTS = ["standard"] * 6 + ["strategic", "chronic_late", "chronic_late", "high_risk"]


def build(ledger: Ledger, customers: int, invoices: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    per = invoices // customers
    with ledger.transaction() as s:
        s.execute(
            insert(Customer),
            [
                {
                    "id": c,
                    "external_id": f"C{c:06d}",
                    "name": f"Customer {c}",
                    "segment": rnd.choice(SEGMENTS),
                }
                for c in range(1, customers + 1)
            ],
        )
        s.execute(
            insert(Contact),
            [
                {
                    "customer_id": c,
                    "email": f"ap@c{c}.test",
                    "name": f"AP {c}",
                    "role": "billing",
                    "is_primary": True,
                    "bounced": False,
                    "active": True,
                }
                for c in range(1, customers + 1)
                if c % 50
            ],
        )  # 1 in 50 has no billing contact
        rows = []
        for n in range(1, invoices + 1):
            cust = (n - 1) // per + 1 if n <= per * customers else rnd.randint(1, customers)
            due = TODAY - timedelta(days=rnd.randint(-10, 80))
            amount = Decimal(rnd.randint(5_000, 2_500_000)) / 100
            rows.append(
                {
                    "id": n,
                    "number": f"INV-{n:07d}",
                    "customer_id": cust,
                    "po": f"PO-{cust}{rnd.randint(1, 3)}" if n % 3 else None,
                    "issue_date": due - timedelta(days=30),
                    "due_date": due,
                    "amount": amount,
                    "balance": amount,
                    "currency": "USD",
                }
            )
        s.execute(insert(Invoice), rows)
        pick = rnd.sample(rows, invoices // 20)
        q = len(pick) // 5
        s.execute(
            insert(Dispute),
            [
                {
                    "customer_id": r["customer_id"],
                    "invoice_id": r["id"],
                    "reason": "pricing",
                    "status": "open",
                }
                for r in pick[:q]
            ],
        )
        s.execute(
            insert(DunningPause),
            [
                {
                    "customer_id": r["customer_id"],
                    "invoice_id": r["id"],
                    "reason": "claim",
                    "active": True,
                }
                for r in pick[q : 2 * q]
            ],
        )
        s.execute(
            insert(Promise),
            [
                {
                    "id": i,
                    "customer_id": r["customer_id"],
                    "amount": r["balance"],
                    "promised_on": TODAY,
                    "tolerance_days": 3,
                    "status": "open",
                }
                for i, r in enumerate(pick[2 * q : 3 * q], 1)
            ],
        )
        s.execute(
            insert(PromiseInvoice),
            [
                {"promise_id": i, "invoice_id": r["id"], "balance_at_promise": r["balance"]}
                for i, r in enumerate(pick[2 * q : 3 * q], 1)
            ],
        )
        s.execute(
            insert(CreditMemo),
            [
                {
                    "number": f"CM-{r['id']}",
                    "customer_id": r["customer_id"],
                    "invoice_id": r["id"],
                    "amount": r["balance"],
                    "remaining": r["balance"],
                    "issued_on": TODAY,
                }
                for r in pick[3 * q : 4 * q]
            ],
        )
        s.execute(
            insert(Payment),
            [
                {
                    "reference": f"P-{r['id']}",
                    "received_on": TODAY,
                    "amount": r["balance"],
                    "applied": Decimal(0),
                    "unapplied": r["balance"],
                    "customer_id": r["customer_id"],
                }
                for r in pick[4 * q :]
            ],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="arbox-bench-"))
    db = args.db or folder / "bench.db"
    ledger = Ledger.open(f"sqlite:///{db}")

    t0 = time.perf_counter()
    build(ledger, args.customers, args.invoices)
    t_build = time.perf_counter() - t0

    with ledger.session() as s:
        t0 = time.perf_counter()
        due = select_due(s, TODAY)
        t_select = time.perf_counter() - t0
    t0 = time.perf_counter()
    dry = run_dunning(ledger, today=TODAY, dry_run=True)
    t_dry = time.perf_counter() - t0
    t0 = time.perf_counter()
    real = run_dunning(ledger, today=TODAY, dry_run=False)
    t_real = time.perf_counter() - t0
    with ledger.session() as s:
        recorded = s.exec(select(func.count()).select_from(OutgoingNotice)).one()

    invs = sum(len(n.invoices) for n in due)
    failed = sum(1 for n in dry.notices if not n.report.ok)
    print(
        f"ledger: {args.customers:,} customers, {args.invoices:,} open invoices "
        f"(built in {t_build:.1f} s) at {db}"
    )
    print(
        f"selection (set-based):          {t_select:6.2f} s -> {len(due):,} notices, "
        f"{invs:,} invoices"
    )
    print(
        f"dry run (draft+rewrite+guard):  {t_dry:6.2f} s -> {len(dry.to_send):,} to send, "
        f"{len(dry.held):,} held, {failed} failing guardrails"
    )
    print(
        f"recorded run (writes notices):  {t_real:6.2f} s -> {recorded:,} notices recorded "
        f"({len(real.held):,} held)"
    )


if __name__ == "__main__":
    main()
