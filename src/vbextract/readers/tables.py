"""Tables as text: data tables give one ``cell | cell`` line per row; small
tables that only place blocks side by side (the official header, the signature
block beside "Nơi nhận") give each cell's lines in turn, left cell first."""

from __future__ import annotations

from typing import Iterator

Cell = list[str]  # the non-empty lines of one cell
_LAYOUT_MAX_ROWS = 4
_LAYOUT_MAX_COLUMNS = 3


def is_layout(rows: list[list[Cell]]) -> bool:
    """A few rows of at most three cells, one cell holding several lines."""
    return (
        len(rows) <= _LAYOUT_MAX_ROWS
        and all(len(row) <= _LAYOUT_MAX_COLUMNS for row in rows)
        and any(len(cell) > 1 for row in rows for cell in row)
    )


def table_lines(rows: list[list[Cell]]) -> Iterator[str]:
    """The lines a table reads as (see the module docstring)."""
    if is_layout(rows):
        for row in rows:
            for cell in row:
                yield from cell
        return
    for row in rows:
        if any(row):
            yield " | ".join(" ".join(cell) for cell in row)
