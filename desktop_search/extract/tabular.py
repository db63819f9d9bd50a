"""Rows of cells (a spreadsheet's sheet, a CSV file) as lines of text a search can match.

A row of numbers means little on its own: ``2024-01-15 | Northern Power | 84.2`` does not
say what was paid for. So the table's header row, when it has one, is repeated as each
value's context, ``Date: 2024-01-15; Supplier: Northern Power; Amount: 84.2``, and a
question like "how much did I spend on electricity" finds the row. A table without a header
is written as its cells joined by `` | ``.

The header is the first row, among the first few that are not empty, whose cells are mostly
short words (not numbers or dates). Rows above it (a sheet's title line) are written as they
are. Further down, a header-like row after a blank row, followed by a data row, starts a new
table with its own header (two tables on one sheet).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

MAX_ROWS = 20_000  # rows of one table (a sheet, a CSV file); the rest are left out
MAX_COLUMNS = 256  # cells of one row
MAX_CELL_CHARS = 2_000  # characters of one cell
HEADER_SCAN_ROWS = 10  # non-empty rows looked at for the header
MAX_HEADER_CHARS = 80  # a header cell longer than this is text, not a column name
HEADER_SHARE = 0.8  # of a header row's non-empty cells, at least this many are names


def cell_text(value: Cell) -> str:
    """How a cell reads: dates in ISO form, whole floats without ``.0``, text on one line."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value[: MAX_CELL_CHARS * 2].split())[:MAX_CELL_CHARS]
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    return str(value)  # int, timedelta


def _is_name(value: Cell) -> bool:
    """A cell that could name a column: a short string with letters, not digits, in the
    main (not a number, a date, an amount or a reference written as text)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not 0 < len(text) <= MAX_HEADER_CHARS:
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and letters >= sum(ch.isdigit() for ch in text)


def _filled(row: Sequence[Cell]) -> list[Cell]:
    return [v for v in row if v is not None and not (isinstance(v, str) and not v.strip())]


def is_header(row: Sequence[Cell]) -> bool:
    """Two or more non-empty cells, mostly short non-numeric strings, none repeated."""
    filled = _filled(row)
    if len(filled) < 2:
        return False
    names = [v.strip().lower() for v in filled if isinstance(v, str) and _is_name(v)]
    return len(names) >= HEADER_SHARE * len(filled) and len(set(names)) == len(names)


def _line(row: Sequence[Cell], header: Sequence[str] | None) -> str:
    if header is None:
        return " | ".join(t for t in (cell_text(v) for v in row) if t)
    parts: list[str] = []
    for index, value in enumerate(row):
        text = cell_text(value)
        if not text:
            continue
        name = header[index] if index < len(header) else ""
        parts.append(f"{name}: {text}" if name else text)
    return "; ".join(parts)


def rows_to_lines(rows: Iterable[Sequence[Cell]], max_rows: int = MAX_ROWS) -> list[str]:
    """The text lines of a table's rows (at most ``max_rows`` rows are read); blank rows
    become blank lines, so separate tables stay separate paragraphs."""
    table: list[list[Cell]] = []
    for count, row in enumerate(rows):
        if count >= max_rows:
            break
        table.append(list(row[:MAX_COLUMNS]))
    header: list[str] | None = None
    start = _first_header(table)
    lines: list[str] = []
    previous_blank = False
    for index, row in enumerate(table):
        if not _filled(row):
            if lines and not previous_blank:
                lines.append("")
            previous_blank = True
            continue
        if index == start or (previous_blank and _starts_table(table, index)):
            header = [cell_text(v) for v in row]
            lines.append(" | ".join(name for name in header if name))
        else:
            lines.append(_line(row, header))
        previous_blank = False
    return lines


def _first_header(table: list[list[Cell]]) -> int:
    """Index of the header row, or -1 when the table has none."""
    seen = 0
    for index, row in enumerate(table):
        if not _filled(row):
            continue
        if is_header(row):
            return index
        seen += 1
        if seen >= HEADER_SCAN_ROWS:
            break
    return -1


def _starts_table(table: list[list[Cell]], index: int) -> bool:
    """A header-like row after a blank row, with a row of data (not more names) below it."""
    if not is_header(table[index]):
        return False
    for row in table[index + 1 :]:
        if _filled(row):
            return not is_header(row)
    return False
