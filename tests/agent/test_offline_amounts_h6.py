"""Money and dates read by structure: a date written year first with slashes or dots, a day
after a preposition of time never an amount, an invoice number after "paid" never the
amount, the amount paid "instead of" the gross never the deduction, and a day said of a
payment made read in the past."""

from datetime import date

import pytest

from arbox.agent import extract
from arbox.agent.dates import find_dates

ANCHOR = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Transfer executed 2026/10/28, ref attached.", date(2026, 10, 28)),
        ("Bezahlt am 2026.11.02 per Überweisung.", date(2026, 11, 2)),
        ("Le chèque sera posté le 2026/12/04.", date(2026, 12, 4)),
    ],
)
def test_a_date_written_year_first_with_slashes_or_dots(text, day):
    assert [m.value for m in find_dates(text, ANCHOR, "past")] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "Wij hebben per 3.11 de helft overgemaakt.",
        "Die Gutschrift gilt ab 9.12 und wird verrechnet.",
        "Sinds 4.10 staat de betaling open.",
    ],
)
def test_a_day_after_a_preposition_of_time_is_no_amount(text):
    assert extract.find_amounts(text) == []


def test_a_day_after_valuta_is_the_date():
    (m,) = find_dates("Überwiesen mit Valuta 6.11 laut Bankauszug.", ANCHOR, "past")
    assert m.value == date(2026, 11, 6)
