"""Calibration: expected calibration error and the reliability table behind the diagram.

Every (case, intent) pair with a probability counts: the classifier said "p" and the
intent was or was not among the gold labels. Ten equal-width bins; ECE is the mean gap
between confidence and frequency, weighted by how many pairs fall in each bin.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

BINS = 10


def reliability(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> dict[str, Any]:
    """ECE and per-bin (count, mean confidence, observed frequency)."""
    table = [[0, 0.0, 0] for _ in range(bins)]
    for p, hit in pairs:
        k = min(bins - 1, int(p * bins))
        table[k][0] += 1
        table[k][1] += p
        table[k][2] += bool(hit)
    n = len(pairs)
    rows = []
    ece = 0.0
    for k, (count, conf, hits) in enumerate(table):
        if count:
            mean, freq = conf / count, hits / count
            ece += count / n * abs(mean - freq)
            rows.append(
                {
                    "bin": [k / bins, (k + 1) / bins],
                    "count": count,
                    "confidence": round(mean, 4),
                    "frequency": round(freq, 4),
                }
            )
    return {"ece": round(ece, 4) if n else None, "pairs": n, "bins": rows}
