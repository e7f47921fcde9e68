"""The saved report: JSON round-trips, the HTML page is self-contained and shows the matrix."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from scripted import ScriptedClassifier

from arbox.evals.cases import parse_case
from arbox.evals.report import confusion_svg, render_html, save_report
from arbox.evals.runner import run_triage

from .fakes import plain_reply

CASES = [
    parse_case({"id": "t-1", "body": "paid", "labels": ["payment_sent"]}),
    parse_case({"id": "t-2", "body": "<script>alert(1)</script>", "labels": ["dispute"]}),
    parse_case({"id": "t-3", "body": "send PO", "labels": ["missing_po"]}),
]
SCRIPT = {"paid": [("payment_sent", {})], "<script>alert(1)</script>": [("other", {})]}


def _report():
    return run_triage(
        CASES, ScriptedClassifier(SCRIPT, name="<b>evil</b>"), to_reply=plain_reply, progress=False
    )


def test_saved_json_round_trips_and_html_is_self_contained(tmp_path):
    report = _report()
    json_path, html_path = save_report(report, tmp_path / "out")
    assert json.loads(json_path.read_text()) == report
    page = html_path.read_text()
    assert page.startswith("<!doctype html>")
    assert not re.search(r"""(src|href)=["']?https?:""", page)  # no CDN, no network
    assert "<script" not in page  # texts are escaped, the page runs no code
    assert "&lt;b&gt;evil&lt;/b&gt;" in page
    assert page.count("<svg") == 2 and "Confusion matrix" in page


def test_confusion_svg_is_valid_xml_with_one_cell_per_pair():
    table = _report()["confusion"]
    svg = confusion_svg(table)
    root = ElementTree.fromstring(svg)
    rects = root.findall("{http://www.w3.org/2000/svg}rect")
    shown = {t.text for t in root.findall("{http://www.w3.org/2000/svg}text")}
    assert {"payment_sent", "dispute", "missing_po", "other", "none"} <= shown
    assert "auto_reply" not in shown  # intents nobody mentions are left out
    n = len({"payment_sent", "dispute", "missing_po", "other", "none"})
    assert len(rects) == n * n
    titles = [r.find("{http://www.w3.org/2000/svg}title").text for r in rects]
    assert "gold dispute, predicted other: 1" in titles
    assert "gold missing_po, predicted none: 1" in titles


def test_html_lists_the_cases_that_missed():
    page = render_html(_report())
    assert "t-2" in page and "t-3" in page
    assert ">t-1<" not in page
