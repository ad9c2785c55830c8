"""The cue word governing a date expression: "trước ngày …", "hoàn thành trong …",
"Thời gian dự kiến: …", "đến năm …", "từ …" (table: data/temporal_cues.tsv)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from .lexicon import read_table
from .temporal_patterns import alternation

WINDOW = 90  # characters of left context a cue and its fillers may take
MAX_FILLERS = 3


@dataclass(frozen=True)
class Cue:
    """The cue governing a date expression: its role and where it starts."""

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


@cache
def _last_words() -> frozenset[str]:
    """Words a cue or filler ends with: a quick test before the full pattern."""
    cues, fillers, closing = _table()
    return frozenset(p.split()[-1] for p in (*cues, *fillers, *closing))


_LAST_WORD = re.compile(r"(\w{1,12})[\s:]{0,4}$")


@cache
def _closing_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(_table()[2])})(?!\w)", re.I)


def cue_before(text: str, pos: int) -> Optional[Cue]:
    """The cue that governs an expression starting at ``pos``, if one stands right before it."""
    lo = max(0, pos - WINDOW)
    last = _LAST_WORD.search(text, max(lo, pos - 20), pos)
    if last is None or last[1].lower() not in _last_words():
        return None
    m = _cue_re().search(text, lo, pos)
    if m is None:
        return None
    role, grans = _table()[0][" ".join(m["cue"].lower().split())]
    return Cue(role, grans, m.start(), bool(_closing_re().search(m["fill"])))
