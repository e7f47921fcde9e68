"""Typo tolerance: misspelt words are mapped to the lexicon's words with rapidfuzz.

Only words of five letters or more that the lexicon does not know are looked at,
and only a close match (one or two letters off) replaces them, so ordinary words
are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from .lexicon import CUES

MIN_SCORE = 85.0
"""rapidfuzz ratio needed to take a word for a lexicon word ("recieved" -> "received")."""

_WORD = re.compile(r"[a-zà-ÿ]{5,}")
_KNOWN = frozenset(
    w for cue in CUES for w in _WORD.findall(re.sub(r"\\[a-zA-Z]", " ", cue.pattern.pattern))
)
_VOCAB = sorted(_KNOWN)
_COMMON = frozenset(
    """about above after again against because before being below between could does doing
    during every first found great having other their there these thing think those three
    through today under until where which while would should shall still thanks thank please
    hello regards kind best order orders which sorry right again month months weeks email
    emails number numbers total amount account accounts balance company office price prices
    items shipment delivery delivered""".split()  # noqa: SIM905 - a word list reads best so
)


@lru_cache(maxsize=65536)
def correct_word(word: str) -> str:
    """The lexicon word ``word`` was probably meant to be, or ``word`` itself."""
    if len(word) < 5 or word in _KNOWN or word in _COMMON or not word.isalpha():
        return word
    best = process.extractOne(word, _VOCAB, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
    return best[0] if best else word


def correct(text: str) -> str:
    """``text`` (already normalised) with likely typos of lexicon words fixed."""
    return _WORD.sub(lambda m: correct_word(m.group(0)), text)
