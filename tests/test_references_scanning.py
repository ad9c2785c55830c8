"""Patterns rewritten for speed find exactly what their plain forms find (citations, the
header's self-mention): a look-behind moved after the first character, anchored scans."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract import header, reference_reader, references, symbols
from vbextract.scanning import near, positions

PIECES = st.sampled_from(
    ["số", "SỐ", "Số", "sô", "so", "sở", "Xso", "1", "12", "123456", "1234567", "/", "-", "–", ".",
     ",", " ", "  ", ":", "_", "KH", "Luật", "Bộ luật", "luật", "Chương trình", "Hiến pháp", "Phòng",
     "Kế hoạch", "kế hoạch", "này", "nàyy", "văn bản", "Quyết định", "\n", "2020"]
)
TEXTS = st.lists(PIECES, max_size=40).map(lambda parts: "".join(p + " " * (i % 2) for i, p in enumerate(parts)))

# The plain forms: the look-behind first.
SYMBOL_NUMBER = re.compile(r"(?<![\w./,\-–])\d{1,6}(?=[ ]?[/\-–])")
SO_BEFORE_NUMBER = re.compile(rf"(?<!\w){reference_reader._SO_WORD}[ ]{{0,2}}:?[ ]{{0,2}}(?=\d)")


def _spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@given(TEXTS)
@settings(max_examples=400, deadline=None)
def test_rewritten_patterns_match_their_plain_forms(text):
    assert _spans(symbols._ANCHOR.finditer(text)) == _spans(SYMBOL_NUMBER.finditer(text))
    assert _spans(reference_reader._SO_BEFORE_NUMBER.finditer(text)) == _spans(SO_BEFORE_NUMBER.finditer(text))


@given(TEXTS)
@settings(max_examples=400, deadline=None)
def test_anchored_scans_match_finditer(text):
    named = references._named_pattern()
    assert _spans(near(named, text, positions(references._named_anchor(), text))) == _spans(named.finditer(text))
    mention = header._SELF_MENTION
    assert _spans(near(mention, text, positions(header._SELF_ANCHOR, text))) == _spans(mention.finditer(text))


def test_real_forms():
    text = "Căn cứ Luật Phòng, chống ma túy năm 2021 và Kế hoạch số 235/KH-UBND; kế hoạch này"
    assert [m.group(1) for m in near(references._named_pattern(), text, positions(references._named_anchor(), text))] == ["Luật"]
    assert [m.group(0) for m in symbols._ANCHOR.finditer(text)] == ["235"]
    assert [m.group(0) for m in reference_reader._SO_BEFORE_NUMBER.finditer(text)] == ["số "]
    self_mentions = near(header._SELF_MENTION, text, positions(header._SELF_ANCHOR, text))
    assert [m.group("type") for m in self_mentions] == ["kế hoạch"]
