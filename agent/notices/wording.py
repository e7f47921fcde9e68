"""Trim a notice's finished wording after a ledger change, or say why it cannot be kept.

`trim_text` works on the text a customer would read (rewritten by a model or edited
by a person), not on a template: it removes the lines that name only invoices that
dropped out, takes dropped invoices out of lists ("INV-1, INV-2 and INV-3"), and
replaces amounts that moved (the total, a partly paid balance) with the ledger's
new value. It refuses, rather than guesses, when a dropped invoice is still named
after that, when a list of several invoices would shrink to one (the sentence's
grammar was written for several), or when an amount that moved is also a value
that did not (which one did the writer mean?). The caller then re-renders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..guardrails import find_amounts

LIST_JOINERS = (", and ", ", ", " and ", " und ", " et ", " y ", " e ", " & ", " / ", "/")
"""How lists of invoice numbers are joined in the languages we write."""


class CannotTrim(Exception):
    """The wording cannot be kept safely; the message says why."""


@dataclass(frozen=True)
class Trimmed:
    """A trimmed text and what was done to it."""

    text: str
    removed_lines: int = 0
    lists_shortened: int = 0
    amounts_replaced: int = 0


def _ref_re(refs: Iterable[str]) -> str:
    alts = sorted((re.escape(r) for r in refs), key=len, reverse=True)
    return rf"(?<![A-Za-z0-9])(?:{'|'.join(alts)})(?![A-Za-z0-9]|-[A-Za-z0-9])"


def _names(line: str, refs: Iterable[str]) -> set[str]:
    return {r for r in refs if re.search(_ref_re([r]), line, re.IGNORECASE)}


def _shorten_lists(line: str, dropped: set[str], every: set[str]) -> tuple[str, int]:
    """Take ``dropped`` out of lists of invoice numbers in ``line``."""
    ref = _ref_re(every)
    sep = "|".join(re.escape(j) for j in LIST_JOINERS)
    list_re = re.compile(rf"{ref}(?:(?:{sep}){ref})+", re.IGNORECASE)
    count = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal count
        parts = re.split(rf"({sep})", m.group(0))
        items, joiners = parts[0::2], parts[1::2]
        kept = [i for i in items if i.upper() not in dropped]
        if len(kept) == len(items):
            return m.group(0)
        if len(kept) == 1 < len(items):
            raise CannotTrim(f"the list {m.group(0)!r} would name one invoice of several")
        if not kept:
            raise CannotTrim(f"the list {m.group(0)!r} would be empty")
        count += 1
        return ", ".join(kept[:-1]) + joiners[-1] + kept[-1]

    return list_re.sub(fix, line), count


def trim_text(
    text: str,
    *,
    dropped: Iterable[str],
    kept: Iterable[str],
    moved: dict[Decimal, Decimal],
    unchanged: Iterable[Decimal],
    labels: Iterable[str] = (),
    money: Callable[[Decimal, bool], str],
) -> Trimmed:
    """Trim ``text`` (see the module doc); raises `CannotTrim` when it must be re-rendered.

    ``moved`` maps an old amount to its new value (the old total to the new total, a
    partly paid balance to the new balance); ``unchanged`` are amounts that still hold;
    ``labels`` are group headers ("PO PO-77") that only dropped invoices had;
    ``money(value, with_currency)`` prints an amount as the notice prints it.
    """
    gone = {d.upper() for d in dropped}
    keep = {k.upper() for k in kept}
    every = gone | keep
    still = set(unchanged)
    for old, new in moved.items():
        if old in still and old != new:
            raise CannotTrim(f"{old} both moved and still holds; the wording is ambiguous")
    stripped = {lbl.strip().lower() for lbl in labels}
    out: list[str] = []
    removed = shortened = replaced = 0
    for line in text.split("\n"):
        if gone and line.strip().lower() in stripped:
            removed += 1
            continue
        named = {n.upper() for n in _names(line, every)} if gone else set()
        if named & gone and not named & keep:
            removed += 1
            continue
        if named & gone:
            line, n = _shorten_lists(line, gone, every)
            shortened += n
            if _names(line, gone):
                raise CannotTrim(f"a dropped invoice is still named in {line.strip()!r}")
        out.append(line)
    result = re.sub(r"\n{3,}", "\n\n", "\n".join(out))
    pieces: list[str] = []
    pos = 0
    for value, mark, raw, start in find_amounts(result):
        if value in moved and moved[value] != value:
            pieces += [result[pos:start], money(moved[value], mark is not None)]
            pos = start + len(raw)
            replaced += 1
    pieces.append(result[pos:])
    return Trimmed("".join(pieces), removed, shortened, replaced)
