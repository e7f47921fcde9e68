"""Benchmark the triage classifiers and print the figures.

    .venv/bin/python benchmarks/bench_classify.py [--replies 2000] [--llm-replies 200]

1. Offline classifier throughput (messages per second) over generated replies.
2. The LLM path against the local OpenAI-compatible stub server (tests/support/openai_stub.py):
   model calls and prompt tokens per reply. The stub counts a token per 4 characters,
   (messages plus the JSON schema sent as response_format), so token figures are
   estimates of the prompt's size, not a tokenizer's count.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from arbox.agent.classifier import Reply
from arbox.agent.llm import LLMClassifier
from arbox.agent.offline import OfflineClassifier

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))
from openai_stub import Answer, StubLLMServer

FRAGMENTS = [
    "We paid INV-{n} on {d} by ACH, ${a}.",
    "Check #{r} for ${a} was mailed {d}.",
    "We will pay INV-{n} by {d}.",
    "Our next check run is on the 15th and your invoice is on it.",
    "INV-{n} is priced wrong, we agreed ${a} not ${b}.",
    "We never received the goods on INV-{n}.",
    "We deducted ${b} for damaged cartons and paid ${a}.",
    "Please resend INV-{n} with our PO number, AP rejected it.",
    "Can you send a copy of INV-{n} and a statement?",
    "Our contract is net 60, these are not late yet.",
    "Cash flow is tight, can we set up a payment plan?",
    "I'm not the right person, please contact ap@example-customer.com.",
    "Thanks for the reminder!",
    "We recieved the shipmnt damaged, pls send the invocie again.",
]


def generate(count: int, seed: int = 7) -> list[Reply]:
    """``count`` replies of one to three fragments, some with quoted history or OOO headers."""
    rng = random.Random(seed)
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    replies = []
    for i in range(count):
        parts = [
            rng.choice(FRAGMENTS).format(
                n=rng.randint(10000, 99999),
                r=rng.randint(1000, 9999),
                a=f"{rng.randint(100, 9999)}.00",
                b=f"{rng.randint(10, 99)}.50",
                d=rng.choice(["3/14", "next Friday", "March 20th", "EOM"]),
            )
            for _ in range(rng.randint(1, 3))
        ]
        text = "Hi,\n\n" + " ".join(parts) + "\n\nThanks,\nDana"
        if i % 5 == 0:
            text += "\n\nOn Mon, Mar 2, 2026 at 8:00 AM AR <ar@example.com> wrote:\n> past due"
        headers = {"Auto-Submitted": "auto-replied"} if i % 25 == 0 else {}
        replies.append(
            Reply(
                text=text,
                subject="RE: Past due",
                sender="dana@acme.example",
                sent_at=start + timedelta(hours=i),
                headers=headers,
            )
        )
    return replies


def bench_offline(replies: list[Reply]) -> dict[str, Any]:
    clf = OfflineClassifier()
    t0, c0 = time.perf_counter(), time.process_time()
    intents = sum(len(clf.classify(r).findings) for r in replies)
    cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    for r in replies:
        clf.classify(r)
    warm, warm_cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "replies": len(replies),
        "findings": intents,
        "msgs_per_sec_first_pass": round(len(replies) / cold, 1),
        "msgs_per_sec_warm": round(len(replies) / warm, 1),
        "cpu_ms_per_reply_first_pass": round(cold_cpu / len(replies) * 1000, 3),
        "cpu_ms_per_reply_warm": round(warm_cpu / len(replies) * 1000, 3),
    }


def _echo_answer(body: dict[str, Any]) -> Answer:
    """A valid structured answer quoting the start of the email it was sent."""
    user = body["messages"][-1]["content"]
    found = re.search(r"<untrusted_email>\n(.*)\n</untrusted_email>", user, re.S)
    assert found is not None, "the prompt fences the email"
    email = html.unescape(found.group(1))
    text = email.split("\n\n", 1)[1] if "\n\n" in email else email
    quote = text.strip().split("\n")[0][:60]
    return Answer({"findings": [{"intent": "other", "confidence": 0.7, "evidence": quote}]})


def bench_llm(replies: list[Reply]) -> dict[str, Any]:
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    with StubLLMServer(default=_echo_answer) as stub:
        chat = ChatOpenAI(
            model="stub",
            base_url=stub.base_url,
            api_key=SecretStr("sk-bench"),
            max_retries=0,
            timeout=10,
        )
        clf = LLMClassifier(model="stub", chat_model=chat)
        t0 = time.perf_counter()
        for r in replies:
            clf.classify(r)
        elapsed = time.perf_counter() - t0
        n, calls = len(replies), max(1, clf.usage.calls)
        return {
            "replies": n,
            "auto_replies_no_call": sum(1 for r in replies if r.headers),
            "http_requests": len(stub.requests),
            "calls": clf.usage.calls,
            "calls_per_reply": round(clf.usage.calls / n, 3),
            "prompt_tokens_per_reply": round(clf.usage.prompt_tokens / n, 1),
            "prompt_tokens_per_call": round(clf.usage.prompt_tokens / calls, 1),
            "completion_tokens_per_reply": round(clf.usage.completion_tokens / n, 1),
            "msgs_per_sec_against_stub": round(n / elapsed, 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=2000)
    parser.add_argument("--llm-replies", type=int, default=200)
    args = parser.parse_args()
    replies = generate(args.replies)
    print(
        json.dumps(
            {"offline": bench_offline(replies), "llm_stub": bench_llm(replies[: args.llm_replies])},
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
