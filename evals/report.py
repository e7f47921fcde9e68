"""Save a triage report as JSON and as one self-contained HTML page (inline SVG and CSS, no
scripts, no network): summary, per-intent bars, the confusion matrix, fields, misses."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from .charts import automation_table, misses_table, reliability_svg
from .metrics import NONE

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2433}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dde}
table{border-collapse:collapse}td,th{padding:.25rem .6rem;text-align:right}
th{background:#f2f4f8}td:first-child,th:first-child{text-align:left}
.kpi{display:inline-block;margin:0 1.2rem .8rem 0;padding:.6rem 1rem;background:#f2f4f8;
border-radius:6px}.kpi b{display:block;font-size:1.4rem}
.miss td{text-align:left;vertical-align:top}.miss pre{margin:0;white-space:pre-wrap}
svg text{font:12px system-ui,sans-serif}
"""
_COLORS = {"precision": "#4e79a7", "recall": "#f28e2b", "f1": "#59a14f"}


def _kpis(report: dict[str, Any]) -> str:
    fields = report.get("fields", {}).get("accuracy")
    items = [
        ("cases", report["cases"]),
        ("macro F1", f"{report['macro_f1']:.3f}"),
        ("micro F1", f"{report['micro_f1']:.3f}"),
        ("exact match", f"{report['exact_match']:.3f}"),
        ("field accuracy", "n/a" if fields is None else f"{fields:.3f}"),
        ("abstain rate", f"{report['abstain_rate']:.3f}"),
        ("ECE", report.get("calibration", {}).get("ece")),
        ("automation rate", report.get("automation", {}).get("automation_rate")),
        ("errors", report.get("errors", 0)),
        ("LLM calls", report.get("llm_calls", 0)),
        ("tokens in/out", f"{report.get('prompt_tokens', 0)}/{report.get('completion_tokens', 0)}"),
        ("cost USD", report.get("cost_usd", "0")),
        ("seconds", report.get("seconds", 0)),
    ]
    return "".join(f'<div class="kpi">{escape(k)}<b>{escape(str(v))}</b></div>' for k, v in items)


def bars_svg(per_intent: dict[str, dict[str, Any]]) -> str:
    """Grouped horizontal bars: precision, recall and F1 for every intent."""
    rows = [(i, s) for i, s in per_intent.items() if s["support"] or s["predicted"]]
    label_w, bar_w, row_h = 150, 420, 42
    height = row_h * len(rows) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 120}" '
        f'height="{height}" role="img" aria-label="per-intent precision, recall, F1">'
    ]
    for n, (intent, s) in enumerate(rows):
        y = 10 + n * row_h
        parts.append(f'<text x="0" y="{y + 20}">{escape(intent)} ({s["support"]})</text>')
        for k, metric in enumerate(("precision", "recall", "f1")):
            w = bar_w * float(s[metric])
            yy = y + k * 12
            parts.append(
                f'<rect x="{label_w}" y="{yy}" width="{w:.1f}" height="10" '
                f'fill="{_COLORS[metric]}"><title>{metric} {s[metric]:.3f}</title></rect>'
            )
            parts.append(f'<text x="{label_w + w + 4:.1f}" y="{yy + 9}">{s[metric]:.2f}</text>')
    legend_y = height - 12
    for k, metric in enumerate(("precision", "recall", "f1")):
        x = label_w + k * 110
        parts.append(
            f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" '
            f'fill="{_COLORS[metric]}"/><text x="{x + 14}" y="{legend_y}">{metric}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def confusion_svg(table: dict[str, dict[str, int]]) -> str:
    """A heat map: rows are gold intents, columns predicted, `none` for misses/extras."""
    axis = [
        k
        for k in table
        if k == NONE or any(table[k].values()) or any(row.get(k) for row in table.values())
    ]
    if NONE in axis:
        axis = [*(a for a in axis if a != NONE), NONE]
    cell, left, top = 46, 150, 130
    size_w, size_h = left + cell * len(axis) + 10, top + cell * len(axis) + 10
    peak = max([v for row in table.values() for v in row.values()] + [1])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size_w}" height="{size_h}" '
        'role="img" aria-label="confusion matrix, gold rows by predicted columns">'
    ]
    for j, pred in enumerate(axis):
        x = left + j * cell + cell / 2
        parts.append(
            f'<text transform="translate({x + 4},{top - 6}) rotate(-55)">{escape(pred)}</text>'
        )
    for i, gold in enumerate(axis):
        y = top + i * cell
        parts.append(
            f'<text x="{left - 6}" y="{y + cell / 2 + 4}" text-anchor="end">{escape(gold)}</text>'
        )
        for j, pred in enumerate(axis):
            v = table.get(gold, {}).get(pred, 0)
            shade = v / peak
            hue = "89,161,79" if gold == pred else "225,87,89"
            fill = f"rgba({hue},{0.08 + 0.92 * shade:.3f})" if v else "#f7f8fa"
            x = left + j * cell
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="{fill}"><title>gold {escape(gold)}, predicted '
                f"{escape(pred)}: {v}</title></rect>"
            )
            if v:
                color = "#fff" if shade > 0.55 else "#1d2433"
                parts.append(
                    f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 4}" '
                    f'text-anchor="middle" fill="{color}">{v}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)


def _per_intent_table(per_intent: dict[str, dict[str, Any]]) -> str:
    head = "<tr><th>intent</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>"
    rows = "".join(
        f"<tr><td>{escape(i)}</td><td>{s['precision']:.3f}</td><td>{s['recall']:.3f}</td>"
        f"<td>{s['f1']:.3f}</td><td>{s['support']}</td></tr>"
        for i, s in per_intent.items()
    )
    return f"<table>{head}{rows}</table>"


def _fields_table(fields: dict[str, Any]) -> str:
    per = fields.get("per_field", {})
    if not per:
        return "<p>No field was scored (no gold field whose intent was found).</p>"
    rows = "".join(
        f"<tr><td>{escape(n)}</td><td>{v['accuracy']:.3f}</td><td>{v['scored']}</td></tr>"
        for n, v in per.items()
    )
    return f"<table><tr><th>field</th><th>accuracy</th><th>scored</th></tr>{rows}</table>"


def render_html(report: dict[str, Any]) -> str:
    """The whole page as one string."""
    title = f"arbox triage eval: {report.get('classifier', '?')}"
    meta = " · ".join(
        escape(f"{k}: {report[k]}")
        for k in ("dataset", "split", "prompt_hash", "created_at")
        if report.get(k)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{_CSS}</style></head><body><h1>{escape(title)}</h1><p>{meta}</p>"
        f"{_kpis(report)}"
        f"<h2>Per intent</h2>{bars_svg(report['per_intent'])}"
        f"{_per_intent_table(report['per_intent'])}"
        "<h2>Confusion matrix</h2><p>Rows: gold intent. Columns: predicted intent. "
        "<code>none</code> collects missed intents (column) and extra predictions (row).</p>"
        f"{confusion_svg(report['confusion'])}"
        f"<h2>Field accuracy</h2>{_fields_table(report.get('fields', {}))}"
        "<h2>Calibration</h2><p>Every intent's probability for every case against whether "
        "the intent is in the gold labels (10 bins). Expected calibration error: "
        f"<b>{escape(str(report.get('calibration', {}).get('ece')))}</b>.</p>"
        f"{reliability_svg(report.get('calibration', {}))}"
        f"<h2>Automation</h2>{automation_table(report.get('automation', {}))}"
        f"<h2>Cases not matched exactly</h2>{misses_table(report.get('results', []))}"
        "</body></html>"
    )


def save_report(
    report: dict[str, Any], out_dir: str | Path, name: str = "triage"
) -> tuple[Path, Path]:
    """Write `<name>.json` and `<name>.html` into `out_dir`; return both paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / f"{name}.json", out / f"{name}.html"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return json_path, html_path
