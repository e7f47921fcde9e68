"""More of the HTML report: the reliability diagram (SVG drawn here, server-side), the
automation table and the misses with their reply text and evidence."""

from __future__ import annotations

from html import escape
from typing import Any


def reliability_svg(calibration: dict[str, Any]) -> str:
    """Observed frequency against mean confidence per bin; the diagonal is perfect calibration.

    Bars show each bin's frequency, a dot its mean confidence, and the bar's width grows
    with the share of pairs in the bin (log-ish, so sparse bins stay visible)."""
    size, pad = 320, 40
    plot = size - 2 * pad
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size + 180}" height="{size}" '
        'role="img" aria-label="reliability diagram">',
        f'<rect x="{pad}" y="{pad}" width="{plot}" height="{plot}" fill="#f7f8fa" stroke="#cbd"/>',
        f'<line x1="{pad}" y1="{pad + plot}" x2="{pad + plot}" y2="{pad}" stroke="#999" '
        'stroke-dasharray="4 3"/>',
    ]
    for k in range(0, 11, 2):
        v = k / 10
        x, y = pad + v * plot, pad + plot - v * plot
        parts.append(f'<text x="{x - 8:.0f}" y="{pad + plot + 16}">{v:.1f}</text>')
        parts.append(f'<text x="{pad - 30}" y="{y + 4:.0f}">{v:.1f}</text>')
    total = sum(b["count"] for b in calibration.get("bins", [])) or 1
    for b in calibration.get("bins", []):
        lo, hi = b["bin"]
        x0 = pad + lo * plot
        width = (hi - lo) * plot
        h = b["frequency"] * plot
        opacity = 0.35 + 0.65 * min(1.0, (b["count"] / total) ** 0.3)
        parts.append(
            f'<rect x="{x0 + 1:.1f}" y="{pad + plot - h:.1f}" width="{width - 2:.1f}" '
            f'height="{h:.1f}" fill="#4e79a7" fill-opacity="{opacity:.2f}"><title>'
            f"confidence {b['confidence']:.2f}, observed {b['frequency']:.2f}, "
            f"{b['count']} pairs</title></rect>"
        )
        cx, cy = pad + b["confidence"] * plot, pad + plot - b["frequency"] * plot
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="#e15759"/>')
    parts.append(
        f'<text x="{pad + plot / 2 - 40}" y="{size - 4}">confidence</text>'
        f'<text x="{size}" y="{pad + 12}">ECE {calibration.get("ece")}</text>'
        f'<text x="{size}" y="{pad + 30}">{calibration.get("pairs", 0)} pairs</text>'
        f'<text x="{size}" y="{pad + 48}">y: observed frequency</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def automation_table(automation: dict[str, Any]) -> str:
    """Automation rate and the wrong share among automatic cases, overall and per intent."""
    if not automation:
        return "<p>No automation figures in this report.</p>"
    head = (
        f"<p>Automatic (the policy would act with no person): "
        f"<b>{automation['automatic']}</b> cases, rate "
        f"<b>{automation['automation_rate']:.3f}</b>; label set wrong in "
        f"<b>{automation['automatic_wrong']}</b> of them "
        f"(<b>{automation['automatic_wrong_rate']:.3f}</b>).</p>"
    )
    rows = "".join(
        f"<tr><td>{escape(i)}</td><td>{r['automatic']}</td><td>{r['wrong']}</td>"
        f"<td>{r['wrong_rate']:.3f}</td></tr>"
        for i, r in automation.get("per_intent", {}).items()
    )
    return (
        f"{head}<table><tr><th>predicted intent</th><th>automatic</th><th>wrong</th>"
        f"<th>wrong share</th></tr>{rows}</table>"
    )


def misses_table(results: list[dict[str, Any]], limit: int = 300) -> str:
    """Every case not matched exactly: reply text, expected vs predicted, evidence quotes."""
    wrong = [r for r in results if not r.get("exact")][:limit]
    if not wrong:
        return "<p>Every case matched exactly.</p>"
    rows = []
    for r in wrong:
        evidence = "".join(
            f"<div><b>{escape(i)}</b> {r.get('confidence', {}).get(i, 0):.2f}: "
            f"\u201c{escape(q)}\u201d</div>"
            for i, q in r.get("evidence", {}).items()
        )
        rows.append(
            f"<tr><td>{escape(r['id'])}</td><td>{escape(', '.join(r['gold']))}</td>"
            f"<td>{escape(', '.join(r['predicted']) or '(nothing)')}</td>"
            f"<td><pre>{escape(r.get('text', ''))}</pre></td><td>{evidence}"
            f"<pre>{escape(r.get('error') or '')}</pre></td></tr>"
        )
    return (
        '<table class="miss"><tr><th>case</th><th>expected</th><th>predicted</th>'
        f"<th>reply text</th><th>evidence</th></tr>{''.join(rows)}</table>"
    )
