"""Scanning a text with a pattern only where a cheap scan finds its anchor.

A pattern that opens with a look-behind or optional words gives the regex engine no
first character to skip to, so ``finditer`` tries it at every position.  When every
match holds a short *anchor* that a plain scan finds (a year, " ban hành "),
:func:`near` tries the pattern only in the window before each anchor and yields exactly
what ``finditer`` would.
"""

from __future__ import annotations

import re
import re._parser as re_parser  # pattern widths (no public API)
from functools import cache
from typing import Iterable, Iterator


def _lookahead_width(node: re_parser.SubPattern) -> int:
    """Characters the look-aheads inside a parsed pattern may read past what it consumes."""
    total = 0
    for op, value in node.data:
        if op in (re_parser.ASSERT, re_parser.ASSERT_NOT) and value[0] == 1:
            total += int(value[1].getwidth()[1]) + _lookahead_width(value[1])
            continue
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, re_parser.SubPattern):
                total += _lookahead_width(item)
            elif isinstance(item, (list, tuple)):
                stack.extend(item)
    return total


@cache
def _widths(pattern: re.Pattern[str]) -> tuple[int, int]:
    """(longest match, farthest character an attempt reads) of ``pattern``, from its start."""
    parsed = re_parser.parse(pattern.pattern, pattern.flags)
    longest = int(parsed.getwidth()[1])
    return longest, longest + _lookahead_width(parsed)


def initial_anchor(initials: str, rest: str) -> re.Pattern[str]:
    """An anchor at the first letter of a phrase: one of ``initials`` (a class a character
    scan looks for) followed by ``rest`` (a regex of what may follow it).  It consumes one
    character only, so it finds every start, overlapping ones too."""
    return re.compile(f"[{re.escape(initials)}](?={rest})")


def positions(anchor: re.Pattern[str], text: str) -> list[int]:
    """Where ``anchor`` matches in ``text`` (an anchor pattern consumes one character or a
    literal, so that a character scan finds it)."""
    return [m.start() for m in anchor.finditer(text)]


def near(pattern: re.Pattern[str], text: str, anchors: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match holds one of ``anchors``
    (ascending positions).  A match starting at or before an anchor that it holds starts at
    most its longest length before it, and a search ending ``read`` characters after the
    anchor (one more for a closing ``\\b``) sees every character such an attempt reads: it
    finds the same match there as a search of the whole text.  (A pattern with an unbounded
    quantifier is searched from the previous match on, as by ``finditer``.)"""
    longest, read = _widths(pattern)
    pos = 0
    for anchor in anchors:
        if anchor < pos:
            continue
        m = pattern.search(text, max(pos, anchor - longest), anchor + read + 1)
        if m is not None and m.start() <= anchor:
            yield m
            pos = m.end()
