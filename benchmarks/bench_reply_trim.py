"""Reply trimming: exact-match rate on the corpus, ours beside mail-parser-reply alone.

    .venv/bin/python benchmarks/bench_reply_trim.py [--split tune|heldout|all] [--batch N]
        [--failures]

The corpus is `tests/mailbox/fixtures/replies` (see `tests/mailbox/reply_corpus.py`
for the file format, what "exact" means, and which third is held out: a case is
held out when the first byte of the SHA-256 of its name is divisible by three).
Prints one JSON object: per split, the overall rate and the rate per client
family, per language and per batch (1: written before tuning, 2 and 3: after), for
`split_reply` (what the classifier reads) and for mail-parser-reply's first
reply body with every language it knows. `--batch N` keeps the cases of one
batch only. `--failures` adds the names of the cases we get wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from mailparser_reply.parser import EmailMessage

from arbox.mailbox.reply import split_reply

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "mailbox"))
from reply_corpus import Case, exact, load_cases

LIBRARY_LANGUAGES = ["en", "de", "cs", "da", "es", "fr", "it", "ja", "ko", "nl", "pl", "sv", "zh"]


def ours(text: str) -> str:
    """Our trimmer: the reply text without quoted history or signature."""
    return split_reply(text)[0]


def library(text: str) -> str:
    """mail-parser-reply alone: the body of the first reply it finds."""
    message = EmailMessage(text, languages=list(LIBRARY_LANGUAGES)).read()
    return message.replies[0].body if message.replies else ""


def _rates(trim: Callable[[str], str], cases: list[Case], key: str) -> dict[str, float]:
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(getattr(case, key), []).append(case)
    return {
        name: round(sum(exact(trim, c) for c in group) / len(group), 3)
        for name, group in sorted(groups.items())
    }


def report(cases: list[Case], failures: bool) -> dict[str, object]:
    """Rates for one set of cases."""
    out: dict[str, object] = {"cases": len(cases)}
    for label, trim in (("ours", ours), ("mail_parser_reply", library)):
        right = [c for c in cases if exact(trim, c)]
        out[label] = {
            "exact": round(len(right) / len(cases), 3) if cases else 0.0,
            "by_client": _rates(trim, cases, "client"),
            "by_language": _rates(trim, cases, "language"),
            "by_batch": _rates(trim, cases, "batch"),
        }
    if failures:
        out["our_failures"] = [c.name for c in cases if not exact(ours, c)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tune", "heldout", "all"], default=None)
    parser.add_argument("--batch", default=None, help="only the cases of this batch (1, 2, 3)")
    parser.add_argument("--failures", action="store_true", help="list the cases we get wrong")
    args = parser.parse_args()
    splits = [args.split] if args.split else ["tune", "heldout", "all"]
    result = {
        s: report(
            [
                c
                for c in load_cases(None if s == "all" else s)
                if args.batch is None or c.batch == args.batch
            ],
            args.failures,
        )
        for s in splits
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
