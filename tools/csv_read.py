"""Reading a CSV file for the import: decoding, the header, and rows with line numbers.

Rows come one at a time (the file is never read whole), each with the line it
starts on; a row the csv module cannot read is handed on as a reason, not raised,
so that the rows after it are still imported.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from .errors import ImportFileError

Columns = tuple[tuple[str, ...], ...]


def _cp1252(exc: UnicodeError) -> tuple[str, int]:
    # A byte that is not UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows).
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("arbox.cp1252", _cp1252)


def open_csv(path: Path) -> TextIO:
    """``path`` opened for streaming: UTF-8 (BOM or not), other bytes as Windows-1252."""
    try:
        return path.open(encoding="utf-8-sig", errors="arbox.cp1252", newline="")
    except (FileNotFoundError, IsADirectoryError):
        raise
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def sniff_delimiter(header: str) -> str:
    """The one of ``, ; |`` that splits the header line into the most columns."""
    return max(",;|", key=header.count)


def normalise(name: str) -> str:
    """A header cell as a column name: `Customer External ID` -> `customer_external_id`."""
    return "_".join(name.replace("-", " ").lower().split())


def read_table(lines: Iterable[str]) -> tuple[list[str], Iterator[tuple[int, list[str] | str]]]:
    """The header cells and an iterator of (line, cells) for each data row, where the
    line is the one the row starts on (header is line 1) and cells is a reason
    (a `str`) when the row cannot be read as CSV. Blank lines are skipped."""
    it = iter(lines)
    first = next(it, "")
    while first and not first.strip():
        first = next(it, "")  # leading blank lines
    if not first.strip():
        return [], iter(())
    reader = csv.reader(_chain(first, it), delimiter=sniff_delimiter(first))
    header = next(reader)
    return header, _data_rows(reader)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _data_rows(reader: Any) -> Iterator[tuple[int, list[str] | str]]:
    done = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield done + 1, f"not readable as CSV: {exc}"
            done = reader.line_num
            continue
        start, done = done + 1, reader.line_num
        if cells:
            yield start, cells


def read_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV text with the line number each starts on (header is line 1)."""
    header, rows = read_table(io.StringIO(text.lstrip("\ufeff"), newline=""))
    for line, cells in rows:
        if isinstance(cells, list):
            yield line, dict(zip(header, cells, strict=False))


def check_header(
    header: list[str], required: Columns, optional: tuple[str, ...], *, kind: str, name: str
) -> tuple[list[str], list[str]]:
    """The column names, and warnings; `ImportFileError` if the file cannot be imported.

    ``required`` lists each required column with the names it may go by."""
    columns = [normalise(h) for h in header]
    seen: set[str] = set()
    for col in columns:
        if col and col in seen:
            raise ImportFileError(f"{name}, line 1: column {col!r} appears twice")
        seen.add(col)
    missing = [names[0] for names in required if not seen.intersection(names)]
    if missing:
        need = ", ".join(names[0] for names in required)
        raise ImportFileError(
            f"{name}, line 1: missing required column(s) {', '.join(missing)} ({kind} need {need})"
        )
    known = {n for names in required for n in names} | set(optional)
    unknown = [c for c in columns if c and c not in known]
    warnings = [f"ignored unknown column(s): {', '.join(unknown)}"] if unknown else []
    return columns, warnings
