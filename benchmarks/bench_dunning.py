"""Time a dunning run over 5,000 customers and 100,000 open invoices against a floor.

    .venv/bin/python benchmarks/bench_dunning.py [--customers N] [--invoices N] [--workers N]
                                                 [--no-memory] [--one-process]

Builds the ledger with bulk inserts (plus disputes, pauses, promises, credit memos and
payments in suspense, so every exclusion is exercised), then times, each on its own copy
of that ledger:

- the floor: the stdlib alone doing the same job in its plainest form: sqlite3 reads the
  open invoices with their customer and billing contact in one query and every exclusion
  in one query each, groups them per customer, writes each notice with f-strings, checks
  its amounts and invoice numbers against the ledger with one regex, and inserts the
  notices and their audit rows with `executemany` in one transaction;
- the selection alone (`select_due`), a dry run (select, draft, rewrite, guardrails) and
  the recorded run (the same, plus every notice and audit row written: what `arbox
  dunning run` does), then that recorded run again, which must record nothing;
- with `--one-process`, the recorded run on one process beside the default (every core).

Peak memory is measured in separate, untimed runs: the peak RSS of a fresh process that
does the recorded run (imports included), and its peak Python heap under tracemalloc.
Prints one JSON object with each figure beside the floor and the ratio (issue 12's
targets: a recorded run under 10 s, within 20x of the floor, peak memory under 400 MB),
the CPU seconds of each run (the machine may be shared: wall time alone says little
then) and the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import select

from arbox.agent.notices import run_dunning
from arbox.tools.db import Ledger
from arbox.tools.dunning import load_cadences, select_due
from arbox.tools.models import (
    AuditLog,
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


FLOOR_INVOICES = """
SELECT i.id, i.number, i.customer_id, i.amount, i.balance, i.due_date, c.name, k.email
FROM invoice i JOIN customer c ON c.id = i.customer_id
LEFT JOIN contact k ON k.customer_id = i.customer_id AND k.role = 'billing'
  AND k.active AND NOT k.bounced AND k.is_primary
WHERE i.balance > 0 AND i.due_date <= ? AND i.due_date > ?
"""
FLOOR_EXCLUSIONS = (
    "SELECT invoice_id FROM dispute WHERE status = 'open'",
    "SELECT invoice_id FROM dunningpause WHERE active AND invoice_id IS NOT NULL",
    "SELECT p.invoice_id FROM promiseinvoice p JOIN promise r ON r.id = p.promise_id"
    " WHERE r.status = 'open'",
    "SELECT invoice_id FROM creditmemo WHERE remaining > 0 AND invoice_id IS NOT NULL",
)
FLOOR_MONEY = re.compile(r"USD ([\d,]+\.\d\d)|\b(INV-\d+)\b")


def floor_sqlite(db: Path, today: date) -> dict[str, Any]:
    """The plainest stdlib dunning run (see the module doc): seconds and notices written.
    It reads the invoices in the same window as `select_due` (the cadences' reach)."""
    stages = [s for c in load_cadences().values() for s in c.stages]
    window = (
        today + timedelta(days=max(-s.days for s in stages)),
        today - timedelta(days=max(s.end for s in stages)),
    )
    start = time.perf_counter()
    con = sqlite3.connect(db)
    excluded: set[int] = set()
    for query in FLOOR_EXCLUSIONS:
        excluded.update(r[0] for r in con.execute(query))
    suspense = set(
        con.execute("SELECT customer_id, unapplied FROM payment WHERE unapplied > 0").fetchall()
    )
    by_customer: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in con.execute(FLOOR_INVOICES, [d.isoformat() for d in window]):
        if row[0] not in excluded and (row[2], row[4]) not in suspense:
            by_customer[row[2]].append(row)
    notices, audit = [], []
    for cust, rows in by_customer.items():
        lines = []
        total = 0
        for _, number, _, amount, balance, due, _, _ in rows:
            lines.append(
                f"  {number}  due {due}  amount USD {amount / 10_000:,.2f}"
                f"  open USD {balance / 10_000:,.2f}"
            )
            total += balance
        text = (
            f"Dear {rows[0][6]},\n\ninvoices {', '.join(r[1] for r in rows)} are past due, "
            f"USD {total / 10_000:,.2f} in total.\n\n" + "\n".join(lines)
        )
        allowed = {f"{v / 10_000:,.2f}" for r in rows for v in (r[3], r[4])}
        allowed.add(f"{total / 10_000:,.2f}")
        numbers = {r[1] for r in rows}
        named = set()
        for m in FLOOR_MONEY.finditer(text):
            if m.group(1):
                assert m.group(1) in allowed
            else:
                assert m.group(2) in numbers
                named.add(m.group(2))
        assert named == numbers
        notices.append((cust, rows[0][7] or "", "overdue", "draft", text, today.isoformat()))
    with con:
        first = con.execute("SELECT coalesce(max(id), 0) FROM outgoingnotice").fetchone()[0]
        con.executemany(
            "INSERT INTO outgoingnotice (customer_id, to_email, stage, status, body, run_date,"
            " subject, invoices, total, currency, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, '', '[]', 0, 'USD', datetime('now'))",
            notices,
        )
        audit = [
            ("arbox.dunning", "notice.create", f"notice:{first + n}", '{"status": "draft"}')
            for n in range(1, len(notices) + 1)
        ]
        con.executemany(
            "INSERT INTO audit_log (at, actor, action, target, after, note)"
            " VALUES (datetime('now'), ?, ?, ?, ?, '')",
            audit,
        )
    con.close()
    return {"seconds": round(time.perf_counter() - start, 3), "notices": len(notices)}


def cpu() -> float:
    """CPU seconds of this process and of its finished children (forked planners)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], Any]) -> tuple[dict[str, float], Any]:
    start, start_cpu = time.perf_counter(), cpu()
    result = fn()
    return {
        "seconds": round(time.perf_counter() - start, 3),
        "cpu_s": round(cpu() - start_cpu, 3),
    }, result


def copy_of(db: Path, name: str) -> Path:
    """A fresh copy of the built ledger (every writing run starts from the same one)."""
    target = db.with_name(name)
    shutil.copyfile(db, target)
    return target


def count(ledger: Ledger, model: Any) -> int:
    with ledger.session() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def recorded(db: Path, workers: int | None) -> dict[str, Any]:
    """The recorded run on ``db``, then the same run again (it must record nothing)."""
    ledger = Ledger.open(f"sqlite:///{db}")
    audit_before = count(ledger, AuditLog)
    figures, result = timed(
        lambda: run_dunning(ledger, today=TODAY, dry_run=False, workers=workers)
    )
    notices = count(ledger, OutgoingNotice)
    audit = count(ledger, AuditLog) - audit_before
    again, rerun = timed(lambda: run_dunning(ledger, today=TODAY, dry_run=False))
    assert count(ledger, OutgoingNotice) == notices and not rerun.notices, "recorded twice"
    ledger.dispose()
    return {
        **figures,
        "notices_recorded": notices,
        "held": len(result.held),
        "audit_rows": audit,
        "rerun_s": again["seconds"],
        "rerun_recorded": len(rerun.notices),
    }


def peak_rss_mb() -> float:
    """This process's peak RSS. Linux's VmHWM, not `getrusage`: that one keeps the peak
    of the process this one was exec'd from (the benchmark itself)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def memory_child(db: Path) -> None:
    """Run in a fresh process: the recorded run, then print its peak RSS (MB) and that of
    its largest forked planner (pages shared with this process included)."""
    ledger = Ledger.open(f"sqlite:///{db}")
    run_dunning(ledger, today=TODAY, dry_run=False)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"peak_rss_mb": peak_rss_mb(), "worker_peak_rss_mb": round(kids, 1)}))


def memory(db: Path) -> dict[str, Any]:
    """Peak RSS of a process doing the recorded run, and its peak Python heap."""
    out = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(copy_of(db, "rss.db"))],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    ledger = Ledger.open(f"sqlite:///{copy_of(db, 'heap.db')}")
    tracemalloc.start()
    run_dunning(ledger, today=TODAY, dry_run=False, workers=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ledger.dispose()
    return {**figures, "python_heap_peak_mb": round(peak / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=None, help="default: every core")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    parser.add_argument(
        "--one-process", action="store_true", help="also time the recorded run on one process"
    )
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    load_before = os.getloadavg()
    folder = Path(tempfile.mkdtemp(prefix="arbox-bench-dunning-"))
    db = folder / "bench.db"
    ledger = Ledger.open(f"sqlite:///{db}")
    built, _ = timed(lambda: build(ledger, args.customers, args.invoices))
    with ledger.session() as s:
        selection, due = timed(lambda: select_due(s, TODAY))
    dry, result = timed(
        lambda: run_dunning(ledger, today=TODAY, dry_run=True, workers=args.workers)
    )
    ledger.dispose()  # checkpoints the WAL: the copies below hold the whole ledger

    floor = floor_sqlite(copy_of(db, "floor.db"), TODAY)
    real = recorded(copy_of(db, "recorded.db"), args.workers)
    out: dict[str, Any] = {
        "ledger": {"customers": args.customers, "invoices": args.invoices, "build": built},
        "notices": len(result.notices),
        "invoices_in_notices": sum(len(d.invoices) for d in due),
        "failing_guardrails": sum(1 for n in result.notices if not n.report.ok),
        "floor": floor,
        "selection": selection,
        "dry_run": {**dry, "ratio": round(dry["seconds"] / floor["seconds"], 1)},
        "recorded_run": {**real, "ratio": round(real["seconds"] / floor["seconds"], 1)},
        "targets": {"recorded_run_s": 10, "ratio": 20, "peak_memory_mb": 400},
    }
    if args.one_process:
        serial = recorded(copy_of(db, "serial.db"), 1)
        out["recorded_run_one_process"] = {
            **serial,
            "ratio": round(serial["seconds"] / floor["seconds"], 1),
        }
    if not args.no_memory:
        out["memory"] = memory(db)
    out["load_average"] = {"before": load_before, "after": os.getloadavg()}
    print(json.dumps(out, indent=2))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
