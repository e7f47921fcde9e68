"""Triage throughput of 1 and 2 PostgreSQL worker processes over the same backlog.

Builds the demo ledger and records N demo replies (new Message-IDs each round)
in a fresh schema per measurement, then times `arbox.worker.run_workers` with 1
process and with 2, from the moment every process has built its app to the last
one done (start-up is not timed). The machine is shared, so the two are measured
in turns (1, 2, 1, 2, ...) for ``--rounds`` rounds and compared by their medians.
Prints one JSON object: each round, the median msg/s of each, their ratio (target
>= 1.7 on 2 cores) and the load average before and after.

    .venv/bin/python benchmarks/bench_workers.py --messages 1000
    ARBOX_TEST_POSTGRES_URL=postgresql+psycopg://user@host/db .venv/bin/python ...
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import uuid
from datetime import date
from typing import Any

import psycopg

from arbox.demo.inbox import REPLIES, demo_messages
from arbox.demo.ledger import build_demo_ledger
from arbox.tools.db import Ledger
from arbox.worker import ingest, run_workers

PG_URL = os.environ.get(
    "ARBOX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TODAY = date(2026, 11, 22)


def backlog(messages: int) -> str:
    """A fresh schema with the demo ledger and ``messages`` recorded replies; its URL."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    ledger = Ledger.open(url)
    try:
        build_demo_ledger(ledger, today=TODAY)
        rounds = -(-messages // len(REPLIES))
        raws = demo_messages(ledger, today=TODAY, rounds=rounds)[:messages]
        ingest(ledger, ((str(n), raw) for n, raw in enumerate(raws)))
    finally:
        ledger.dispose()
    return url


def drop(url: str) -> None:
    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def measure(messages: int, processes: int) -> dict[str, Any]:
    url = backlog(messages)
    try:
        report = run_workers(url, processes, once=True, model="offline", today=TODAY)
    finally:
        drop(url)
    return {
        "processes": report.processes,
        "triaged": report.triaged,
        "seconds": round(report.seconds, 2),
        "msg_per_s": round(report.triaged / report.seconds, 1),
        # Each process's time on a core: near 1 is CPU-bound; less is waiting (for a
        # core the machine's other work holds, the database, or a lock).
        "cpu_share": round(report.cpu_seconds / (report.seconds * report.processes), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    load_before = os.getloadavg()
    rounds = [
        {"one_process": measure(args.messages, 1), "two_processes": measure(args.messages, 2)}
        for _ in range(args.rounds)
    ]
    one = statistics.median(r["one_process"]["msg_per_s"] for r in rounds)
    two = statistics.median(r["two_processes"]["msg_per_s"] for r in rounds)
    print(
        json.dumps(
            {
                "database": "postgresql",
                "messages": args.messages,
                "cpus": os.cpu_count(),
                "rounds": rounds,
                "one_process_msg_per_s": one,
                "two_processes_msg_per_s": two,
                "ratio": round(two / one, 2),
                "round_ratios": [
                    round(r["two_processes"]["msg_per_s"] / r["one_process"]["msg_per_s"], 2)
                    for r in rounds
                ],
                "target_ratio": 1.7,
                "load_average_before": [round(x, 2) for x in load_before],
                "load_average_after": [round(x, 2) for x in os.getloadavg()],
            }
        )
    )


if __name__ == "__main__":
    main()
