"""Offline triage throughput, database writes included.

Builds the demo ledger in a fresh SQLite file (or `--db URL`), generates N
replies from the demo inbox's templates (new Message-IDs each round), then
times (1) parsing + recording + customer matching and (2) the triage graph
(resolve, classify, plan, approve/act with checkpoints and audited ledger writes).

    .venv/bin/python benchmarks/bench_triage.py --messages 2000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from arbox.agent.checkpoint import open_checkpointer
from arbox.demo.inbox import REPLIES, demo_messages
from arbox.demo.ledger import build_demo_ledger
from arbox.settings import get_settings
from arbox.tools.db import Ledger
from arbox.worker import build_triager, ingest, process_pending


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    today = date(2026, 11, 22)
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    ledger = Ledger.open(url)
    build_demo_ledger(ledger, today=today)
    rounds = -(-args.messages // len(REPLIES))
    raws = demo_messages(ledger, today=today, rounds=rounds)[: args.messages]

    start = time.perf_counter()
    ingested = ingest(ledger, ((f"m{n}", raw) for n, raw in enumerate(raws)))
    recorded = time.perf_counter() - start

    with open_checkpointer(ledger.url) as saver:
        triager = build_triager(ledger, saver, get_settings(), model="offline")
        start = time.perf_counter()
        outcomes = process_pending(triager, today=today)
        triaged = time.perf_counter() - start
    waiting = sum(o.status == "pending_approval" for o in outcomes)
    actions = sum(len(o.actions) for o in outcomes)
    n = len(ingested.new)
    print(f"database            {ledger.dialect}")
    print(f"messages            {n} recorded ({len(ingested.duplicates)} duplicates)")
    print(f"parse+record+match  {recorded:.2f} s  ({n / recorded:.0f} msg/s)")
    print(f"triage graph        {triaged:.2f} s  ({len(outcomes) / triaged:.0f} msg/s)")
    print(f"end to end          {n / (recorded + triaged):.0f} msg/s")
    print(
        f"outcomes            {len(outcomes) - waiting} done, {waiting} waiting for approval, "
        f"{actions} actions"
    )


if __name__ == "__main__":
    main()
