"""Analyst views: pandas tables, the highlighted HTML view, the spaCy bridge."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vbextract
from vbextract.frames import TABLES
from vbextract.render import Highlight, highlight_text
from vbextract.spacy_ext import tokenize

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"


@pytest.fixture(scope="module")
def plan() -> vbextract.Document:
    return vbextract.extract(RAW / "000_d33c2c6bea5c954f.txt")


@pytest.mark.parametrize("table", TABLES)
def test_frames_have_one_row_per_item_and_proper_dtypes(plan, table: str) -> None:
    frame = getattr(plan, f"{table}_frame")()
    assert len(frame) == len(getattr(plan, table))
    assert {"doc_symbol", "doc_path", "id", "start", "end"} <= set(frame.columns)
    assert str(frame["start"].dtype) == "Int64"
    for column in ("deadline", "date", "value"):
        if column in frame:
            assert str(frame[column].dtype).startswith("datetime64")


class _Pieces(HTMLParser):
    """Collects, per item id, the text of every highlighted piece that names it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[list[str]] = []
        self.pieces: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "span":
            self.stack.append((dict(attrs).get("data-ids") or "").split())

    def handle_endtag(self, tag):
        if tag == "span" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for ids in self.stack[-1:]:
            for item_id in ids:
                self.pieces.setdefault(item_id, []).append(data)


def _highlighted(document) -> dict[str, str]:
    parser = _Pieces()
    parser.feed(highlight_text(document.text, __import__("vbextract.render", fromlist=["x"]).highlights(document)))
    return {k: "".join(v) for k, v in parser.pieces.items()}


def test_highlighted_substrings_equal_the_extracted_texts(plan) -> None:
    shown = _highlighted(plan)
    for group in (plan.references, plan.dates, plan.agencies, plan.tasks):
        for item in group:
            assert shown[item.id] == item.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=6))
def test_overlapping_highlights_keep_every_item_whole(text: str, spans) -> None:
    items = [Highlight("date", f"x{i}", min(a, b), max(a, b), "") for i, (a, b) in enumerate(spans)
             if min(a, b) < max(a, b) <= len(text)]
    parser = _Pieces()
    parser.feed(highlight_text(text, items))
    for item in items:
        assert "".join(parser.pieces.get(item.item_id, [])) == text[item.start:item.end]


def test_report_page_is_self_contained(plan, tmp_path: Path) -> None:
    from vbextract.cli import main

    out = tmp_path / "report.html"
    assert main(["report", str(RAW / "000_d33c2c6bea5c954f.txt"), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "hl-task" in page
    assert not re.search(r"(src|href)=\"https?://", page)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab Đđ-/.,;\n 0123456789", max_size=60), st.sets(st.integers(0, 60), max_size=5))
def test_tokens_rebuild_the_text_and_respect_cuts(text: str, cuts: set[int]) -> None:
    words, spaces = tokenize(text, cuts)
    rebuilt = "".join(w + (" " if s else "") for w, s in zip(words, spaces))
    assert rebuilt == text
    boundaries, position = {0}, 0
    for word, space in zip(words, spaces):
        position += len(word)
        boundaries.add(position)  # a token ends here
        position += space
        boundaries.add(position)  # the next token starts here
    assert all(c in boundaries for c in cuts if c <= len(text))


def test_spacy_doc_spans_align_exactly(plan) -> None:
    sdoc = plan.to_spacy()
    assert sdoc.text == plan.text
    assert [s.text for s in sdoc.spans["references"]] == [r.text for r in plan.references]
    assert [s.text for s in sdoc.spans["tasks"]] == [t.text for t in plan.tasks]
    assert all(e.label_ in {"REFERENCE", "DATE", "DEADLINE", "AGENCY"} for e in sdoc.ents)


def test_spacy_pipeline_component_fills_spans_from_raw_text() -> None:
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("vbextract")
    raw = "Thực hiện **Chỉ thị số 36-CT/TW** ngày 16/8/2019 của Bộ Chính trị, Sở Y tế báo cáo trước ngày 30/6/2024."
    sdoc = nlp(raw)
    references = [s.text for s in sdoc.spans["references"]]
    assert any("36-CT/TW" in text for text in references)
    assert all(sdoc.text[s.start_char:s.end_char] == s.text for key in sdoc.spans for s in sdoc.spans[key])
