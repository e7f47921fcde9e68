"""Literal prefilters for the lexicon's patterns (a speed-up only: no reading changes).

`needed(pattern)` is a few plain strings one of which every match of ``pattern`` contains,
or None when no such short list is found (then the pattern itself must be run). Checking
``any(s in text for s in needed)`` costs a fraction of a regex scan, and when it fails the
pattern cannot match ``text``. The analysis is conservative: anything it does not model
(character classes, lookarounds, back-references, case-insensitive parts) requires
nothing, so a prefilter can only be weaker than the pattern, never stricter.
"""

from __future__ import annotations

import re
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _parse  # type: ignore[attr-defined]
from typing import Any

MAX_NEEDED = 40
"""Longer lists cost about what the scan they would spare does (measured on bench replies)."""
MIN_CHARS = 2
"""A list with a shorter string (" ", "a") filters almost nothing: the pattern is run instead."""

PREFERRED_CHARS = 3
"""Of a sequence's parts, one whose strings are all this long is preferred: "a" filters nothing."""

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}


def needed(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which is in every text ``pattern`` finds something in, or None."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        found = _seq(_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unfamiliar construct: no prefilter, same result
        return None
    if found is None or len(found) > MAX_NEEDED or min(map(len, found)) < MIN_CHARS:
        return None
    return tuple(sorted(found))


def _seq(items: Any) -> frozenset[str] | None:
    """For a sequence: the best requirement of any one of its parts (each is required)."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        got = _item(op, av)
        if got:
            options.append(got)
    if run:
        options.append(frozenset([run]))
    if not options:
        return None
    return min(options, key=_cost)


def _cost(option: frozenset[str]) -> tuple[int, int, int]:
    short = min(map(len, option)) < PREFERRED_CHARS
    return (int(short), len(option), -min(map(len, option)))


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & (_sre.SRE_FLAG_IGNORECASE | _sre.SRE_FLAG_VERBOSE):
            return None
        return _seq(sub)
    if op is _sre.BRANCH:
        _none, alternatives = av
        out: set[str] = set()
        for alternative in alternatives:
            got = _seq(alternative)
            if not got:
                return None
            out |= got
        return frozenset(out)
    if op in _REPEATS:
        low, _high, sub = av
        return _seq(sub) if low >= 1 else None
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _seq(av)
    return None  # classes, any, anchors, lookarounds, back-references: nothing required
