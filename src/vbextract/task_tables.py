"""Task tables ("TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian …"):
after normalisation a table row is a line of cells joined by " | ", possibly wrapped
over several lines.  Each numbered row under a header naming a chủ trì column is one
task; group rows (roman numerals) are not."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from . import task_roles as roles

if TYPE_CHECKING:
    from .tasks import Draft

_ROW = re.compile(r"^\d{1,3}[ ]\|[ ]", re.M)
_ROW_OR_GROUP = re.compile(r"^(?:\d{1,3}|[IVXL]{1,6})[ ]\|[ ]|^[ ]*$", re.M)
_CELL = re.compile(r"[ ]\|[ ]")
# Column roles by the folded header words with spaces removed (converters glue words).
_COLUMNS = {"lead": ("chutri",), "support": ("phoihop",), "time": ("thoigian", "thoihan")}


def _header(rr: roles.Roles, start: int, end: int) -> Optional[dict[str, int]]:
    cells = _CELL.split(rr.folded[start:end])
    roles_at: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = cell.replace(" ", "")
        for role, words in _COLUMNS.items():
            if role not in roles_at and any(w in key for w in words):
                roles_at[role] = i
    return roles_at if "lead" in roles_at else None


def table_tasks(rr: roles.Roles) -> list["Draft"]:
    """One draft per numbered row of every task table."""
    from .tasks import Draft

    text = rr.text

    drafts: list[Draft] = []
    columns: Optional[dict[str, int]] = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if " | " in line and columns is None:
            columns = _header(rr, start, pos)
            continue
        if columns is None or not _ROW.match(line):
            continue
        nxt = _ROW_OR_GROUP.search(text, pos)
        end = nxt.start() if nxt else len(text)
        cells = _cells(text, start, end)
        lead_cell = cells[columns["lead"]] if columns["lead"] < len(cells) else None
        if lead_cell is None:
            continue
        lead = _names(rr, *lead_cell)
        if not lead:
            continue
        support = _names(rr, *cells[columns["support"]]) if columns.get("support", 99) < len(cells) else []
        time = cells[columns["time"]] if columns.get("time", 99) < len(cells) else None
        drafts.append(Draft(start, end, lead, support, time))
    return drafts


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _CELL.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return out


def _names(rr: roles.Roles, start: int, end: int) -> list[str]:
    """Agencies of a cell: names separated by ";", "," or "và" (as written)."""
    text = rr.text
    out: list[str] = []
    for piece in re.finditer(r"[^;]+", text[start:end]):
        s = start + piece.start()
        while s < start + piece.end() and text[s] in " \n":
            s += 1
        names = rr.agency_list(s, start + piece.end(), loose=True)
        out += names.names if names else []
    return roles.unique(out)
