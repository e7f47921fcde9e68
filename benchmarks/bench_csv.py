"""Time the CSV import of 100,000 invoices against a csv+sqlite3 floor, in the same run.

    .venv/bin/python benchmarks/bench_csv.py [--customers N] [--invoices N] [--pg URL]

Generates a customers file and an invoices file (ISO dates, amounts like `1234.56`),
then times (1) the floor: the stdlib csv module reading the invoices file and sqlite3
`executemany` writing them into a similar table (unique number, indexed customer,
due date and PO, money as scaled integers), customer ids looked up in a dict, and
(2) `import_csv` of the same file into a fresh ledger, then its re-import (every row
unchanged). With `--pg`, the same on PostgreSQL, against a psycopg `executemany`
floor, each in a throwaway schema. The import's peak Python memory is measured in a
separate, untimed run with tracemalloc (`--no-memory` skips it). Prints one JSON object
with each figure beside its floor and the ratio (issue 12's target: within 20x).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sqlite3
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from arbox.tools.csv_import import import_csv
from arbox.tools.db import Ledger

START = date(2026, 1, 1)
INVOICE_COLUMNS = (
    "number customer_external_id po project issue_date due_date amount balance currency"
)
FLOOR_SCHEMA = """
CREATE TABLE customer (id INTEGER PRIMARY KEY, external_id TEXT NOT NULL UNIQUE,
                       name TEXT NOT NULL, currency TEXT NOT NULL);
CREATE TABLE invoice (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE,
                      customer_id INTEGER NOT NULL REFERENCES customer (id),
                      po TEXT, project TEXT, issue_date DATE NOT NULL, due_date DATE NOT NULL,
                      amount BIGINT NOT NULL, balance BIGINT NOT NULL, currency TEXT NOT NULL);
CREATE INDEX ix_invoice_customer ON invoice (customer_id);
CREATE INDEX ix_invoice_due ON invoice (due_date);
CREATE INDEX ix_invoice_po ON invoice (po);
"""
INSERT = (
    "INSERT INTO invoice (number, customer_id, po, project, issue_date, due_date, amount, "
    "balance, currency) VALUES ({0}, {0}, {0}, {0}, {0}, {0}, {0}, {0}, {0})"
)


def generate(folder: Path, customers: int, invoices: int, seed: int = 12) -> tuple[Path, Path]:
    """Write customers.csv and invoices.csv, row by row."""
    rnd = random.Random(seed)
    cust_path, inv_path = folder / "customers.csv", folder / "invoices.csv"
    with cust_path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["external_id", "name", "segment", "terms_days", "currency", "domain"])
        for c in range(1, customers + 1):
            out.writerow([f"C{c:06d}", f"Customer {c}", "standard", 30, "USD", f"c{c}.test"])
    with inv_path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(INVOICE_COLUMNS.split())
        for n in range(1, invoices + 1):
            issue = START + timedelta(days=rnd.randint(0, 300))
            cents = rnd.randint(5_000, 2_500_000)
            amount = f"{Decimal(cents) / 100:.2f}"
            balance = amount if n % 4 else f"{Decimal(cents // 2) / 100:.2f}"
            out.writerow(
                [
                    f"INV-{n:07d}",
                    f"C{rnd.randint(1, customers):06d}",
                    f"PO-{rnd.randint(1, 99_999)}" if n % 3 else "",
                    "Tower" if n % 7 == 0 else "",
                    issue.isoformat(),
                    (issue + timedelta(days=30)).isoformat(),
                    amount,
                    balance,
                    "USD",
                ]
            )
    return cust_path, inv_path


def _scaled(text: str) -> int:
    return int(Decimal(text) * 10_000)


def _floor_rows(path: Path, ids: dict[str, int]) -> Iterator[tuple[Any, ...]]:
    with path.open(newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for number, cust, po, project, issue, due, amount, balance, currency in reader:
            yield (
                number,
                ids[cust],
                po or None,
                project or None,
                date.fromisoformat(issue),
                date.fromisoformat(due),
                _scaled(amount),
                _scaled(balance or amount),
                currency,
            )


def _load_customers(path: Path) -> list[tuple[int, str, str, str]]:
    with path.open(newline="") as fh:
        rows = csv.DictReader(fh)
        return [(n, r["external_id"], r["name"], r["currency"]) for n, r in enumerate(rows, 1)]


def floor_sqlite(folder: Path, cust_path: Path, inv_path: Path) -> float:
    """Seconds for csv + sqlite3 executemany of the invoices (customers loaded beforehand)."""
    con = sqlite3.connect(folder / "floor.db")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript(FLOOR_SCHEMA)
    with con:
        con.executemany("INSERT INTO customer VALUES (?, ?, ?, ?)", _load_customers(cust_path))
    start = time.perf_counter()
    ids = dict(con.execute("SELECT external_id, id FROM customer"))
    with con:
        con.executemany(INSERT.format("?"), _floor_rows(inv_path, ids))
    seconds = time.perf_counter() - start
    con.close()
    return seconds


def floor_postgres(url: str, cust_path: Path, inv_path: Path) -> float:
    """The same floor with psycopg `executemany` on PostgreSQL."""
    import psycopg

    with _schema(url) as (plain, schema), psycopg.connect(plain) as con:
        con.execute(f"SET search_path TO {schema}")
        con.execute(FLOOR_SCHEMA.replace("INTEGER PRIMARY KEY", "BIGSERIAL PRIMARY KEY"))
        with con.cursor() as cur:
            cur.executemany(
                "INSERT INTO customer VALUES (%s, %s, %s, %s)", _load_customers(cust_path)
            )
        con.commit()
        start = time.perf_counter()
        ids: dict[str, int] = dict(con.execute("SELECT external_id, id FROM customer").fetchall())
        with con.cursor() as cur:
            cur.executemany(INSERT.format("%s"), _floor_rows(inv_path, ids))
        con.commit()
        return time.perf_counter() - start


@contextmanager
def _schema(url: str) -> Iterator[tuple[str, str]]:
    import psycopg

    plain = url.replace("+psycopg", "")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(plain, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    try:
        yield plain, schema
    finally:
        with psycopg.connect(plain, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def ours(url: str, cust_path: Path, inv_path: Path) -> dict[str, Any]:
    """Seconds for import_csv of customers, invoices, and the invoices again."""
    ledger = Ledger.open(url)
    try:
        t_cust, cust = timed(lambda: import_csv(ledger, "customers", cust_path))
        t_inv, inv = timed(lambda: import_csv(ledger, "invoices", inv_path))
        t_again, again = timed(lambda: import_csv(ledger, "invoices", inv_path))
    finally:
        ledger.dispose()
    assert cust.ok and inv.ok and again.ok, (cust.errors[:3], inv.errors[:3], again.errors[:3])
    assert inv.created == again.unchanged
    return {
        "customers_s": round(t_cust, 3),
        "invoices_s": round(t_inv, 3),
        "invoices_created": inv.created,
        "reimport_unchanged_s": round(t_again, 3),
    }


def compare(floor: float, result: dict[str, Any], rows: int) -> dict[str, Any]:
    return {
        "floor_s": round(floor, 3),
        **result,
        "ratio": round(result["invoices_s"] / floor, 1),
        "reimport_ratio": round(result["reimport_unchanged_s"] / floor, 1),
        "invoices_per_s": round(rows / result["invoices_s"]),
        "floor_per_s": round(rows / floor),
    }


def peak_memory(folder: Path, cust_path: Path, inv_path: Path) -> float:
    """Peak Python heap (MB) of an untimed import of the invoices into a fresh ledger."""
    ledger = Ledger.open(f"sqlite:///{folder / 'memory.db'}")
    import_csv(ledger, "customers", cust_path)
    tracemalloc.start()
    import_csv(ledger, "invoices", inv_path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ledger.dispose()
    return round(peak / 2**20, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--pg", help="also run on this PostgreSQL URL (a throwaway schema)")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="arbox-bench-csv-"))
    t_gen, (cust_path, inv_path) = timed(lambda: generate(folder, args.customers, args.invoices))
    floor = floor_sqlite(folder, cust_path, inv_path)
    result: dict[str, Any] = {
        "rows": {"customers": args.customers, "invoices": args.invoices},
        "file_mb": round(inv_path.stat().st_size / 2**20, 1),
        "generated_s": round(t_gen, 2),
        "target_ratio": 20,
        "sqlite": compare(
            floor, ours(f"sqlite:///{folder / 'ledger.db'}", cust_path, inv_path), args.invoices
        ),
    }
    if args.pg:
        pg_floor = floor_postgres(args.pg, cust_path, inv_path)
        with _schema(args.pg) as (_, schema):
            url = f"{args.pg}?options=-csearch_path%3D{schema}"
            result["postgresql"] = compare(pg_floor, ours(url, cust_path, inv_path), args.invoices)
            result["postgresql"]["ratio_to_sqlite_floor"] = round(
                result["postgresql"]["invoices_s"] / floor, 1
            )
    if not args.no_memory:
        result["import_peak_python_mb"] = peak_memory(folder, cust_path, inv_path)
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
