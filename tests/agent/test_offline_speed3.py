"""The literal prefilter of the lexicon's cues (`agent.offline.prefilter`): a speed-up only."""

from __future__ import annotations

import re

from arbox.agent.offline import classifier
from arbox.agent.offline.prefilter import needed
from arbox.agent.offline.text import clauses, normalize


def test_needed_strings_of_simple_patterns() -> None:
    assert needed(re.compile(r"\b(?:wire|cheque) (?:sent|mailed)\b")) == ("cheque", "wire")
    assert needed(re.compile(r"\bover\s?paid\b")) == ("over",)
    # Nothing required: an optional part, a class, an alternative without words.
    assert needed(re.compile(r"(?:refund)?\d+")) is None
    assert needed(re.compile(r"\b(?:paid|\d{3})\b")) is None
    assert needed(re.compile(r"(?i)\bpaid\b")) is None
    assert needed(re.compile(r"(?i:paid) in full")) == (" in full",)


SAMPLES = """We sent the wire for INV-2231 yesterday, $4,900.00 by ACH.
Please send a copy of the invoice and the proof of delivery.
Wir zahlen bis zum 30.11. den Restbetrag, die Rechnung ist falsch.
Ce n'est pas nous, merci d'écrire à compta@exemple.fr.
I'm out of the office until Monday; for urgent matters contact Ana.
We are withholding payment until the damaged units are replaced.
Abbiamo ricevuto 40 pezzi anziché 50, la fattura è sbagliata.
Payment has been made in full, please check your account.
No one here ordered this, wrong company.
We'll pay half now and the rest net 60."""


def test_live_cues_keep_every_cue_that_matches() -> None:
    matched = 0
    for clause in clauses(SAMPLES):
        norm = normalize(clause.text)
        live = classifier._live_cues(norm)
        matching = [cue for cue in classifier.CUES if cue.pattern.search(norm)]
        matched += len(matching)
        assert set(map(id, matching)) <= set(map(id, live)), norm
        order = [id(cue) for cue in classifier.CUES]
        assert [id(c) for c in live] == sorted(map(id, live), key=order.index)
        for cue in classifier.CUES:
            need = needed(cue.pattern)
            if need is not None and cue.pattern.search(norm):
                assert any(s in norm for s in need), (cue.pattern.pattern, norm)
    assert matched >= 10
