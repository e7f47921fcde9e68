"""Charts drawn on the server as inline SVG: no JavaScript, nothing to download."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from markupsafe import Markup, escape

ROW = 26
LABEL_W = 150
BAR_W = 360
VALUE_W = 110


def bars(items: Sequence[tuple[str, Decimal | float | int | None, str]], *, title: str) -> Markup:
    """A horizontal bar chart: (label, value, value as printed) per bar, scaled to the largest.

    A None value draws no bar and prints its text (e.g. "n/a").
    """
    values = [float(v) for _, v, _ in items if v is not None]
    top = max(values, default=0.0) or 1.0
    height = ROW * len(items) + 10
    width = LABEL_W + BAR_W + VALUE_W
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for n, (label, value, text) in enumerate(items):
        y = 5 + n * ROW
        w = 0.0 if value is None else max(float(value) / top * BAR_W, 0.0)
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y + 17}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{w:.1f}" height="{ROW - 8}" rx="2"/>'
            f'<text x="{LABEL_W + w + 6:.1f}" y="{y + 17}" class="v">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
