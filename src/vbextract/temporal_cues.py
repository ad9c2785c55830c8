"""The cue word governing a date expression: "trước ngày …", "hoàn thành trong …",
"Thời gian dự kiến: …", "đến năm …", "từ …" (table: data/temporal_cues.tsv)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from .lexicon import read_table
from .temporal_patterns import alternation

WINDOW = 120  # characters of left context a cue and its fillers may take
MAX_FILLERS = 3


@dataclass(frozen=True)
class Cue:
    role: str  # before | by | within | schedule | expected | horizon | start
    granularities: frozenset[str]  # empty: any
    start: int  # where the cue begins in the text
    closing: bool  # a closing filler ("cuối", "hết") stands before the expression

    def licenses(self, granularity: str) -> bool:
        """True when this cue makes an expression of ``granularity`` a deadline."""
        if self.role in {"before", "by", "schedule", "expected"}:
            return True
        if self.role == "within":
            return granularity in self.granularities
        return self.role == "horizon" and self.closing


@cache
def _table() -> tuple[dict[str, tuple[str, frozenset[str]]], tuple[str, ...], tuple[str, ...]]:
    cues: dict[str, tuple[str, frozenset[str]]] = {}
    fillers: list[str] = []
    closing: list[str] = []
    for row in read_table("temporal_cues.tsv"):
        phrase, role = " ".join(row[0].lower().split()), row[1]
        grans = frozenset(g for g in (row[2].split(",") if len(row) > 2 else []) if g)
        if role == "filler":
            fillers.append(phrase)
        elif role == "closing":
            closing.append(phrase)
        else:
            cues.setdefault(phrase, (role, grans))
    return cues, tuple(fillers), tuple(closing)


@cache
def _cue_re() -> re.Pattern[str]:
    cues, fillers, closing = _table()
    filler = alternation(fillers + closing)
    return re.compile(
        rf"(?<!\w)(?P<cue>{alternation(cues)})(?P<fill>(?:[\s:,]{{1,4}}(?:{filler})(?!\w)){{0,{MAX_FILLERS}}})[\s:]{{0,4}}$",
        re.I,
    )


def cue_before(text: str, pos: int) -> Optional[Cue]:
    """The cue that governs an expression starting at ``pos``, if one stands right before it."""
    lo = max(0, pos - WINDOW)
    m = _cue_re().search(text, lo, pos)
    if m is None:
        return None
    cues, _, closing = _table()
    role, grans = cues[" ".join(m["cue"].lower().split())]
    fill = " ".join(m["fill"].lower().replace(":", " ").replace(",", " ").split())
    is_closing = any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", fill) for w in closing)
    return Cue(role, grans, m.start(), is_closing)
