"""Reading CSV cells: amounts under each decimal mark, dates, enums, languages, locales."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from arbox.tools import csv_values as cv
from arbox.tools.enums import Segment
from arbox.tools.errors import ImportRowError

D = Decimal


@pytest.mark.parametrize(
    ("raw", "decimal", "expected"),
    [
        ("1234.56", "auto", D("1234.56")),
        ("1,234.56", "auto", D("1234.56")),
        ("1.234,56", "auto", D("1234.56")),
        ("$1,250.00", "auto", D("1250.00")),
        ("(120.00)", "auto", D("-120.00")),
        ("0.125", "auto", D("0.125")),
        ("0,125", "auto", D("0.125")),
        ("1234.567", "auto", D("1234.567")),
        ("1,234,567", "auto", D("1234567")),
        ("1.234", "point", D("1.234")),
        ("1,234", "point", D("1234")),
        ("USD 1,250", "point", D("1250")),
        ("1.234", "comma", D("1234")),
        ("1,234", "comma", D("1.234")),
        ("1.250,00 €", "comma", D("1250.00")),
        ("(1.234,5)", "comma", D("-1234.5")),
        ("12,5", "comma", D("12.5")),
        ("99999999999999.9999", "auto", D("99999999999999.9999")),
    ],
)
def test_amounts(raw, decimal, expected):
    assert cv.amount(raw, decimal) == expected


@pytest.mark.parametrize(
    ("raw", "decimal", "reason"),
    [
        ("1.234", "auto", "--decimal-point or --decimal-comma"),
        ("1,234", "auto", "could be read two ways"),
        ("USD 1,250", "auto", "could be read two ways"),
        ("1.234,56", "point", "'.' as decimal mark"),
        ("1,234.56", "comma", "',' as decimal mark"),
        ("12.50", "comma", "misplaced thousands separator"),
        ("100000000000000", "auto", "too large"),
        ("99999999999999999999999.99", "point", "too large"),
        ("1.00001", "point", "more than 4 decimal places"),
        ("12.x5", "auto", "not an amount"),
    ],
)
def test_amounts_refused(raw, decimal, reason):
    with pytest.raises(ImportRowError, match=reason.replace("(", r"\(").replace(".", r"\.")):
        cv.amount(raw, decimal)


@pytest.mark.parametrize(
    ("raw", "date_format", "expected"),
    [
        ("2026-10-15", "us", date(2026, 10, 15)),
        ("2026-10-15", "eu", date(2026, 10, 15)),
        ("10/15/2026", "us", date(2026, 10, 15)),
        ("15/10/2026", "eu", date(2026, 10, 15)),
        ("15.10.2026", "eu", date(2026, 10, 15)),
        ("5.3.26", "eu", date(2026, 3, 5)),
        ("03-05-26", "us", date(2026, 3, 5)),
        ("31/12/69", "eu", date(1969, 12, 31)),
        ("31/12/68", "eu", date(2068, 12, 31)),
    ],
)
def test_dates(raw, date_format, expected):
    assert cv.day(raw, date_format, name="issue_date") == expected


@pytest.mark.parametrize(("raw", "date_format"), [("15.10.2026", "us"), ("2026/10/15", "eu")])
def test_dates_refused(raw, date_format):
    with pytest.raises(ImportRowError, match="issue_date"):
        cv.day(raw, date_format, name="issue_date")


def test_enums_ignore_case_spaces_and_hyphens():
    for raw in ("Strategic", " STRATEGIC ", "strategic"):
        assert cv.choice(Segment, raw, name="segment") is Segment.strategic
    assert cv.choice(Segment, "Chronic-Late", name="segment") is Segment.chronic_late
    with pytest.raises(ImportRowError, match="segment 'vip' is not one of: strategic"):
        cv.choice(Segment, "vip", name="segment")


def test_languages_and_locales():
    assert cv.language(" DE ") == "de"
    with pytest.raises(ImportRowError, match="language 'sv'"):
        cv.language("sv")
    assert cv.locale("de-ch") == "de_CH" and cv.locale("fr_CH") == "fr_CH"
    assert cv.locale("pt") == "pt"
    for bad in ("german", "de_DEU", "12_34"):
        with pytest.raises(ImportRowError, match="locale"):
            cv.locale(bad)


def test_locales_without_babel_follow_the_pattern(monkeypatch):
    monkeypatch.setattr(cv, "_HAS_BABEL", False)
    assert cv.locale("zz-zz") == "zz_ZZ"  # well formed; babel would know it is no locale
    with pytest.raises(ImportRowError, match="such as de_DE"):
        cv.locale("sr_Latn_RS")


def test_locales_with_babel_must_exist():
    pytest.importorskip("babel")
    assert cv.locale("de_ch") == "de_CH"
    with pytest.raises(ImportRowError, match="not a known locale"):
        cv.locale("zz_ZZ")
