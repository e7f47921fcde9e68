"""Remittance tables: which column of a payment advice is gross, deduction and net.

A remittance advice lists one line per invoice under a header ("Invoice  Gross  Deduction
Net", "Amount (USD) | Less: 2% Early Pay | Net Paid") and often a total line. Reading the
amounts in order mixes the columns up; reading them under their header does not. Cells are
separated by a tab, a pipe or two spaces or more; a row's amounts sit under the header's
cells of the same index when the counts agree, else under its last cells (a total line
leaves the first columns empty). Money is `Decimal`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from arbox.tools.money import MoneyError, parse_amount

Role = str
"""``gross``, ``deduction`` or ``net``."""

_CELL_SPLIT = re.compile(r"\t+|\s*\|\s*|\s{2,}")
_ROLES: list[tuple[Role, re.Pattern[str]]] = [
    (
        "deduction",
        re.compile(
            r"deduct|\bless\b|discount|adjust|\badj\b|withh|short|abzug|skonto|einbehalt|retenue|"
            r"d[ée]duction|descuento|retenci|reten[çc][ãa]o|korting|sconto|abbuono|trattenut|"
            r"desconto|retention|differ|diferen|écart|verschil|reten[çc][ãa]o|variance|varianz|"
            r"scostamento|afwijking",
            re.I,
        ),
    ),
    (
        "net",
        re.compile(
            r"\bnet|paid|payment|bezahlt|zahlbetrag|pay[ée]|pagad|\bpago|betaald|pagat|netto|neto",
            re.I,
        ),
    ),
    (
        "gross",
        re.compile(
            r"gross|amount|\bamt\b|total|brutto|montant|importe|importo|bedrag|valor|betrag|invoiced|billed|"
            r"factur",
            re.I,
        ),
    ),
]
_TOTAL_ROW = re.compile(r"^\s*(?:total|totals|summe|gesamt|totaal|totale)\b", re.I)


@dataclass
class Table:
    """The amounts of a remittance table by role: one dict per invoice line, and the total."""

    rows: list[dict[Role, Decimal]] = field(default_factory=list)
    total: dict[Role, Decimal] = field(default_factory=dict)

    def paid(self) -> Decimal | None:
        """The amount paid: the total's net, else the sum of the lines' nets."""
        if "net" in self.total:
            return self.total["net"]
        nets = [r["net"] for r in self.rows if "net" in r]
        return sum(nets, Decimal(0)) if nets else None

    def short_paid(self) -> tuple[Decimal | None, Decimal | None]:
        """(paid, deducted) of the advice: its total when it has a net and a deduction
        total, else the one line that has a deduction."""
        if self.total.get("deduction") and "net" in self.total:
            return self.total["net"], self.total["deduction"]
        deducted = [r for r in self.rows if r.get("deduction")]
        if len(deducted) == 1 and "net" in deducted[0]:
            return deducted[0]["net"], deducted[0]["deduction"]
        if self.total.get("deduction"):
            return self.total.get("net"), self.total["deduction"]
        return None, None


def _money(cell: str) -> Decimal | None:
    cell = cell.strip().strip("()").strip()
    if not re.search(r"\d", cell) or re.search(r"[A-Za-z]{4,}|\d-\d|/", cell):
        return None
    try:
        return abs(parse_amount(cell))
    except MoneyError:
        return None


def _role(header: str) -> Role | None:
    return next((role for role, pattern in _ROLES if pattern.search(header)), None)


def _without_text_columns(header: list[Role | None], first_amount: int) -> list[Role | None]:
    """The header without its text columns after the row's first amount."""
    return [r for i, r in enumerate(header) if r is not None or i < first_amount]


def read_table(text: str) -> Table | None:
    """The remittance table of ``text``, or None when it has none with named columns."""
    header: list[Role | None] | None = None
    table = Table()
    for line in text.splitlines():
        cells = [c for c in _CELL_SPLIT.split(line.strip()) if c]
        if len(cells) < 2:
            continue
        values = [_money(c) for c in cells]
        amounts = [(i, v) for i, v in enumerate(values) if v is not None]
        if not amounts:
            if header is not None and re.search(r"\d", line):
                continue  # "Payment total: $6,100.00  Payment date 11/18/2026": no new header
            roles = [_role(c) for c in cells]
            if sum(r is not None for r in roles) >= 2 or "deduction" in roles:
                header, table = roles, Table()
            continue
        if header is None:
            continue
        cells = cells[: amounts[-1][0] + 1]  # a remark after the amounts is no column
        if len(cells) == len(header) or (
            len(cells) < len(header) and all(r is None for r in header[len(cells) :])
        ):
            # Same columns, or only trailing text columns ("Reason") left empty.
            placed = {header[i]: v for i, v in amounts}
        elif len(cells) < len(header) and len(_without_text_columns(header, amounts[0][0])) == len(
            cells
        ):
            # a text column ("Reason") left empty in this row: the amounts sit under the
            # header's amount columns
            reduced = _without_text_columns(header, amounts[0][0])
            placed = {reduced[i]: v for i, v in amounts}
        else:
            offset = len(header) - len(cells)
            placed = {header[i + offset]: v for i, v in amounts if 0 <= i + offset < len(header)}
        row = {role: v for role, v in placed.items() if role is not None}
        if _TOTAL_ROW.match(line):
            table.total = row
        elif row:
            table.rows.append(row)
    return table if header is not None and (table.rows or table.total) else None
