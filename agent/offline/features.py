"""Features of a reply for the learned layer: words, word pairs, character n-grams, negated
words, rule votes.

One function, used both when the model is trained (`arbox eval train`, with scikit-learn)
and when it is scored at run time (pure Python), so the two can never disagree. Digits
become ``0`` and addresses ``emailaddr``, so "INV-10442" and "INV-20931" look alike and
the model learns the shape of a reply, not the numbers of this dataset.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from itertools import chain, pairwise

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|0+", re.UNICODE)
_EMAIL = re.compile(r"[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(r"https?://\S+")
CHAR_SIZES = (3, 4)
"""Character n-gram sizes, taken inside word boundaries (like scikit-learn's ``char_wb``)."""


def normalise(text: str) -> str:
    """Lower case, straight quotes, digits as ``0``, addresses and links as placeholders."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _URL.sub(" urladdr ", text)
    text = _EMAIL.sub(" emailaddr ", text)
    text = re.sub(r"\d", "0", text.lower())
    return re.sub(r"0{2,}", "00", text)


def terms(text: str, subject: str = "") -> Counter[str]:
    """Raw term counts: ``w:`` words, ``b:`` word pairs, ``c:`` character n-grams, ``s:``
    subject words, ``n:`` words a negation governs."""
    counts: Counter[str] = Counter()
    norm = normalise(text)
    words = _WORD.findall(norm)
    counts.update(f"w:{w}" for w in words)
    counts.update(f"b:{a} {b}" for a, b in pairwise(words))
    counts.update(chain.from_iterable(map(char_grams, words)))
    counts.update(f"s:{w}" for w in _WORD.findall(normalise(subject)))
    counts.update(scoped_terms(norm))
    return counts


@lru_cache(maxsize=65536)
def char_grams(word: str) -> tuple[str, ...]:
    """A word's ``c:`` terms, in the order `terms` counts them (the same words recur)."""
    padded = f" {word} "
    return tuple(
        f"c:{padded[i : i + n]}"
        for n in CHAR_SIZES
        if len(padded) >= n
        for i in range(len(padded) - n + 1)
    )


_CLAUSE = re.compile(r"[^.!?;\n]+[.!?;]?")
_NEGATOR = re.compile(
    r"not|no|never|n't|cannot|can't|won't|don't|didn't|doesn't|haven't|hasn't|isn't|wasn't|"
    r"aren't|weren't|without|nicht|nie|kein\w*|ohne|pas|jamais|sans|nunca|sin|niet|nooit|geen|"
    r"zonder|non|mai|senza|não|nem|sem|nenhum\w*",
)
NEGATION_REACH = 3
"""Words after a negation that it governs ("we have not [received the goods]")."""


def scoped_terms(norm: str) -> Counter[str]:
    """Words in the scope of a negation, as ``n:<word>``, clause by clause: "we have not
    received the goods" says ``n:received``, which "we received the goods" does not."""
    counts: Counter[str] = Counter()
    for clause in _CLAUSE.findall(norm):
        reach = 0
        for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", clause):
            if _NEGATOR.fullmatch(w):
                reach = NEGATION_REACH
            elif reach:
                counts[f"n:{w}"] += 1
                reach -= 1
    return counts


def tfidf(counts: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    """Sublinear tf times idf over the known terms, scaled to unit length."""
    vec = {t: _sublinear(c) * w for t, c in counts.items() if (w := idf.get(t)) is not None}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm:
        vec = {t: v / norm for t, v in vec.items()}
    return vec


_SUBLINEAR = tuple(1.0 + math.log(c) if c else 0.0 for c in range(64))


def _sublinear(count: int) -> float:
    """``1 + log(count)``; the usual counts from a table (the same floats)."""
    return _SUBLINEAR[count] if count < 64 else 1.0 + math.log(count)


RULE_SCALE = 0.2
"""The rule votes' size beside the unit-length TF-IDF vector. Under the same L2 penalty a
smaller feature needs a larger weight, so this is how strongly the model is held back
from leaning on the rules. 5-fold cross-validation on `train` (macro F1 / exact match,
subject words dropped, decision as before): 3.0 0.796/0.638, 1.0 0.807/0.647, 0.5
0.813/0.651, 0.35 0.821/0.660, 0.2 0.834/0.686, 0.15 0.836/0.685, 0.08 0.817/0.654, no
rules 0.797/0.606. 0.2 was first held back because the demo's out-of-office ("please
contact my colleague", no address given) then read as a new contact; the rules now say an
automatic reply naming no one is no contact change, and trained on all five datasets 0.2
and 0.4 score alike on `dev` (0.861/0.722 and 0.863/0.717) while 0.2 reads the demo inbox
and the lead's own 42 unseen replies better, so 0.2 it is."""


def rule_terms(rule_scores: Mapping[str, float]) -> dict[str, float]:
    """The rule layer's votes as features: ``r:<intent>`` = the rule confidence times
    `RULE_SCALE`."""
    return {
        f"r:{intent}": RULE_SCALE * float(score)
        for intent, score in rule_scores.items()
        if score > 0
    }
