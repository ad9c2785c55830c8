"""One offset mapper between a raw text and the text derived from it by edits.

Normalisation is a chain of rewrites.  Each rewrite records the spans it
replaced; :class:`OffsetMap` turns a position in the rewritten text back into a
position in the text it came from, and maps compose, so any offset in the
normalised text can be traced to the reader's raw text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from typing import Callable, Iterable, Union

Replacement = Union[str, Callable[[re.Match[str]], str]]


@dataclass
class OffsetMap:
    """Piecewise map from positions in a new text to positions in its old text.

    ``new_starts[i]``/``old_starts[i]`` mark where the i-th edit begins and
    ``new_ends[i]``/``old_ends[i]`` where it ends; outside edits the two texts
    run in step.
    """

    # machine-integer arrays: a text of millions of edits (a line of table pipes) keeps
    # its maps in 8 bytes an entry instead of a Python int object each
    new_starts: array[int] = field(default_factory=lambda: array("q"))
    new_ends: array[int] = field(default_factory=lambda: array("q"))
    old_starts: array[int] = field(default_factory=lambda: array("q"))
    old_ends: array[int] = field(default_factory=lambda: array("q"))

    def to_old(self, pos: int) -> int:
        """Position in the old text that ``pos`` in the new text comes from."""
        i = bisect.bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self.new_ends[i]:  # inside an edited span: its start
            return self.old_starts[i]
        return self.old_ends[i] + (pos - self.new_ends[i])


@dataclass
class MappedText:
    """A text with the chain of maps back to the raw text it was made from."""

    text: str
    maps: list[OffsetMap] = field(default_factory=list)

    def to_raw(self, pos: int) -> int:
        """Position in the original raw text of position ``pos`` in :attr:`text`."""
        for offset_map in reversed(self.maps):
            pos = offset_map.to_old(pos)
        return pos

    def apply(self, edits: Iterable[tuple[int, int, str]]) -> "MappedText":
        """Replace non-overlapping, sorted ``(start, end, new)`` spans; record the map."""
        pieces: list[str] = []
        offset_map = OffsetMap()
        last = 0
        new_len = 0
        for start, end, new in edits:
            if start < last:
                continue
            pieces.append(self.text[last:start])
            new_len += start - last
            if self.text[start:end] != new:
                offset_map.new_starts.append(new_len)
                offset_map.new_ends.append(new_len + len(new))
                offset_map.old_starts.append(start)
                offset_map.old_ends.append(end)
            pieces.append(new)
            new_len += len(new)
            last = end
        if not offset_map.new_starts:
            return self
        pieces.append(self.text[last:])
        return MappedText("".join(pieces), self.maps + [offset_map])

    def sub(self, pattern: re.Pattern[str], repl: Replacement) -> "MappedText":
        """``re.sub`` that keeps the offset map."""
        if callable(repl):
            edits = ((m.start(), m.end(), repl(m)) for m in pattern.finditer(self.text))
        elif "\\" in repl:
            edits = ((m.start(), m.end(), m.expand(repl)) for m in pattern.finditer(self.text))
        else:  # a constant replacement: no template expansion per match
            edits = ((*m.span(), repl) for m in pattern.finditer(self.text))
        return self.apply(edits)
