"""underthesea helpers for the agency stage (imported lazily: underthesea is slow to load).

``ner_spans`` reads organisation names with underthesea's NER alone;
``verb_boundary`` gives the grammar a test "this word is a verb" from its POS
tagger, used to end open names where the duty begins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .agency_grammar import BoundaryTest
from .agency_lexicon import Token

_LINE = re.compile(r"[^\n]{1,5000}")
_VERB_TAGS = frozenset({"V"})
_ORG_TAGS = frozenset({"B-ORG", "I-ORG"})


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for match in _LINE.finditer(text):
        if match.group().strip():
            yield match.start(), match.group()


def _aligned(line: str, offset: int, words: list[str]) -> Iterator[tuple[int, int]]:
    """Offsets of underthesea's words, found in order in the line."""
    cursor = 0
    for word in words:
        found = line.find(word, cursor)
        if found < 0:
            yield -1, -1
            continue
        cursor = found + len(word)
        yield offset + found, offset + cursor


def ner_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every ORG entity underthesea's NER finds."""
    from underthesea import ner

    spans: list[tuple[int, int, str]] = []
    for offset, line in _lines(text):
        rows = ner(line)
        open_span: list[int] | None = None
        for (start, end), row in zip(_aligned(line, offset, [r[0] for r in rows]), rows):
            tag = row[-1]
            if tag in _ORG_TAGS and start >= 0 and (tag == "I-ORG" and open_span):
                open_span[1] = end
                continue
            if open_span:
                spans.append((open_span[0], open_span[1], "other"))
                open_span = None
            if tag in _ORG_TAGS and start >= 0:
                open_span = [start, end]
        if open_span:
            spans.append((open_span[0], open_span[1], "other"))
    return spans


def verb_starts(text: str) -> frozenset[int]:
    """Character offsets where a word tagged as a verb by underthesea begins."""
    from underthesea import pos_tag

    starts: set[int] = set()
    for offset, line in _lines(text):
        rows = pos_tag(line)
        for (start, _), (_, tag) in zip(_aligned(line, offset, [r[0] for r in rows]), rows):
            if tag in _VERB_TAGS and start >= 0:
                starts.add(start)
    return frozenset(starts)


def verb_boundary(text: str, tokens: list[Token]) -> BoundaryTest:
    """A boundary test for the grammar: the token begins a verb (per underthesea POS)."""
    if not tokens:
        return lambda token: False
    starts = verb_starts(text[tokens[0].start : tokens[-1].end])
    base = tokens[0].start
    return lambda token: token.start - base in starts
