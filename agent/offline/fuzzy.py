"""Typo tolerance: misspelt words are mapped to the lexicon's words with rapidfuzz.

Only words of five letters or more that the lexicon does not know are looked at, and
only a typo replaces them: one letter dropped, added, changed or two swapped
("paymnet", "invoce", "yesterdy"), the first letter right. A real word is left alone:
one of the common-word list ("effective" never becomes "defective", "reminder" never
"remainder", "lease" never "please"), or the lexicon word with an ending added or taken
away ("attached" is not a typo of "attach").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

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
    items shipment delivery delivered reminder reminders writing lease leases failed changed
    change opening thought bright content contents rental parent custom fault broke command
    coming effect effective claim slipped blocked loading officer charter executed warrant
    manager managers director record records service services confirm schedule submit
    includes include directly shared issues issue absence intended adresse contrat compte
    worden unser unsere unserem unseren unserer konto falsch estimado partira existe valide
    promis copied copier locations mentioned approve approves review receiver requested
    require complete revise reissued shipper arrives accepts accepted rejects rejection
    references amounts credits damages financials contractor receives responsable
    administration administrators administrateur correspondant duplicata statements checks
    document documents disputed deductions balances suppliers supplies contracts queue
    emailed redirect directed disagreement insolvency discrepancy trabajo compras recibamos
    factures factuur fattura fatura facturas facturen fatture rechnungen xrechnung
    überweisung überweise berechnete berechneten beschädigte nachfolgerin envíen revisen
    réglé livré accepté contacte contacto documento contrato adressée facturée facturées
    envoyée acceptez virements éléments différence automatisch requestor requester promised
    shipping shipped billing billed mailing mailed filed filing settle settled waiting
    pending charged charge charges short shortly later letter letters matter matters
    leaving bereit hacemos considered arrival activity compete recibió products aplicar
    aplicando descontar creditar considerar recibir liquidate materna packet deposito
    insolvencia holger arrivés efectuar efetuar realidad realizan difetti
    though bought filled contacted unloaded drivers revenue measure marked linens resorts
    imports enterprise pearson brooks contrast""".split()  # noqa: SIM905 - a word list reads best so
)


def _variant(word: str, candidate: str) -> bool:
    """``word`` is ``candidate`` with an ending added or dropped (a real form, not a typo)."""
    long, short = (word, candidate) if len(word) > len(candidate) else (candidate, word)
    # A lexicon stem ("agendad" of "agendad[oa]") or the word with an ending is a real form.
    return long.startswith(short)


@lru_cache(maxsize=65536)
def correct_word(word: str) -> str:
    """The lexicon word ``word`` was probably meant to be, or ``word`` itself."""
    if len(word) < 5 or word in _KNOWN or word in _COMMON or not word.isalpha():
        return word
    if word.endswith("s") and (word[:-1] in _COMMON or word[:-1] in _KNOWN):
        # The plural of a real word is real too: "warrants" (a school board's) is no typo of
        # "warranty".
        return word
    best = process.extractOne(word, _VOCAB, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
    if not best:
        return word
    candidate = best[0]
    if candidate[0] != word[0] or OSA.distance(word, candidate) > 1 or _variant(word, candidate):
        return word
    if _inflection(word, candidate):
        return word
    return candidate


_ENDINGS = frozenset({"", "s", "es", "d", "ed", "r", "er", "ee", "e", "y", "ies", "ied"})
"""English endings of one stem: "applies"/"applied", "retainer"/"retained", "expires"/"expired"."""


def _inflection(word: str, candidate: str) -> bool:
    """``word`` and ``candidate`` are two forms of one English stem, each a real word: a law
    firm's "retainer" is not "retained", a "counter" not "counted", "employee" not "employed"."""
    stem = 0
    while stem < min(len(word), len(candidate)) and word[stem] == candidate[stem]:
        stem += 1
    # "agred" is "agreed" mistyped: one ending inside the other is a letter dropped.
    return (
        stem >= 4
        and word[stem:] in _ENDINGS
        and candidate[stem:] in _ENDINGS
        and word[-1] != candidate[-1]
    )


def correct(text: str) -> str:
    """``text`` (already normalised) with likely typos of lexicon words fixed."""
    return _WORD.sub(lambda m: correct_word(m.group(0)), text)
