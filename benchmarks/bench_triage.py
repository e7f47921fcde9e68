"""Offline triage throughput end to end, against a floor measured in the same run.

Builds the demo ledger in a fresh SQLite file (or `--db URL`), generates N
replies from the demo inbox's templates (new Message-IDs each round), then times
(1) parsing + recording + customer matching and (2) triage (resolve, classify,
plan, then act in a straight line, or the graph's approval with its checkpoint
for a reply that needs a person; audited ledger writes), both through the
composition root as `arbox triage` runs them.

The floor is what the machine does with the same messages and no product: the
stdlib parses each one, three regexes label it, and three rows a message
(message, finding, audit) go to a fresh SQLite file with executemany in batches.
The figure that matters is the ratio of the two, measured on the same machine in
the same minute (the machine is shared). Wall time and CPU time are both given:
on a loaded machine the CPU time of each side (``*_cpu_*``) moves less. Triage's CPU
time includes the second process that classifies replies ahead (`agent.ahead`);
``ARBOX_READ_AHEAD=0`` runs everything in one process.

    .venv/bin/python benchmarks/bench_triage.py --messages 2000
"""

from __future__ import annotations

import argparse
import email
import json
import re
import resource
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from arbox.bootstrap import build
from arbox.demo.inbox import REPLIES, demo_messages
from arbox.demo.ledger import build_demo_ledger
from arbox.settings import Settings
from arbox.tools.db import Ledger
from arbox.worker import ingest, process_pending

FLOOR_LABELS = [
    ("payment_sent", re.compile(r"\b(paid|remitted|sent (the )?payment|ach|wire)\b", re.I)),
    ("dispute", re.compile(r"\b(wrong|incorrect|dispute|damaged|short)\b", re.I)),
    ("promise_to_pay", re.compile(r"\b(will pay|by (monday|friday|the end))\b", re.I)),
]


def _text(msg: email.message.Message) -> str:
    for part in msg.walk():
        if part.get_content_type() == "text/plain" and not part.is_multipart():
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload.decode(part.get_content_charset() or "utf-8", "replace")
    return ""


def floor(raws: list[bytes], folder: Path) -> tuple[float, float]:
    """Seconds (wall, CPU) for stdlib parse + regex labels + 3 rows a message into
    SQLite, batched."""
    db = sqlite3.connect(folder / "floor.db")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE message (id TEXT PRIMARY KEY, sender TEXT, subject TEXT, body TEXT)")
    db.execute("CREATE TABLE finding (message TEXT, intent TEXT)")
    db.execute("CREATE TABLE audit (key TEXT PRIMARY KEY, message TEXT, action TEXT)")
    start, cpu = time.perf_counter(), time.process_time()
    rows: tuple[list[tuple[str, ...]], list[tuple[str, ...]], list[tuple[str, ...]]] = ([], [], [])
    for n, raw in enumerate(raws):
        msg = email.message_from_bytes(raw)  # compat32: the fastest stdlib parse
        body = _text(msg)
        mid = str(msg["Message-ID"] or f"<floor-{n}>")
        intent = next((name for name, rx in FLOOR_LABELS if rx.search(body)), "other")
        rows[0].append((mid, str(msg["From"]), str(msg["Subject"]), body))
        rows[1].append((mid, intent))
        rows[2].append((f"{mid}:{intent}", mid, intent))
        if len(rows[0]) == 500 or n == len(raws) - 1:
            with db:
                db.executemany("INSERT OR IGNORE INTO message VALUES (?,?,?,?)", rows[0])
                db.executemany("INSERT INTO finding VALUES (?,?)", rows[1])
                db.executemany("INSERT OR IGNORE INTO audit VALUES (?,?,?)", rows[2])
            for r in rows:
                r.clear()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    return seconds, cpu


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (`agent.ahead`'s reader, once shut down)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    today = date(2026, 11, 22)
    folder = Path(tempfile.mkdtemp())
    url = args.db or f"sqlite:///{folder / 'bench.db'}"
    ledger = Ledger.open(url)
    build_demo_ledger(ledger, today=today)
    rounds = -(-args.messages // len(REPLIES))
    raws = demo_messages(ledger, today=today, rounds=rounds)[: args.messages]

    floor_seconds, floor_cpu = floor(raws, folder)
    settings = Settings(database_url=url, model="offline")
    with build(settings, ledger=ledger, slack=False, today=lambda: today) as app:
        start, cpu = time.perf_counter(), time.process_time()
        ingested = ingest(app.ledger, ((f"m{n}", raw) for n, raw in enumerate(raws)))
        recorded, recorded_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu, child = time.perf_counter(), time.process_time(), _children_cpu()
        outcomes = process_pending(app.triager, today=today)
        triaged, triaged_cpu = time.perf_counter() - start, time.process_time() - cpu
        read_ahead_cpu = _children_cpu() - child  # the process that classifies ahead
        triaged_cpu += read_ahead_cpu
    n = len(ingested.new)
    ours = n / (recorded + triaged)
    floor_rate = len(raws) / floor_seconds
    print(
        json.dumps(
            {
                "database": ledger.dialect,
                "messages": n,
                "duplicates": len(ingested.duplicates),
                "record_msg_per_s": round(n / recorded, 1),
                "triage_msg_per_s": round(len(outcomes) / triaged, 1),
                "end_to_end_msg_per_s": round(ours, 1),
                "floor_msg_per_s": round(floor_rate, 1),
                "share_of_floor": round(ours / floor_rate, 4),
                "record_cpu_ms_per_msg": round(recorded_cpu / n * 1000, 3),
                "triage_cpu_ms_per_msg": round(triaged_cpu / len(outcomes) * 1000, 3),
                "of_which_read_ahead_cpu_ms_per_msg": round(
                    read_ahead_cpu / len(outcomes) * 1000, 3
                ),
                "floor_cpu_ms_per_msg": round(floor_cpu / len(raws) * 1000, 3),
                "share_of_floor_cpu": round(
                    (floor_cpu / len(raws)) / ((recorded_cpu + triaged_cpu) / n), 4
                ),
                "waiting_for_approval": sum(o.status == "pending_approval" for o in outcomes),
                "actions": sum(len(o.actions) for o in outcomes),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
