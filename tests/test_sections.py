"""Section tree: exact labels, titles and levels on the corpus, plus tree properties."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract.normalize import normalize
from vbextract.schema import Section
from vbextract.sections import parse_sections

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"
DOCS = sorted(p.stem for p in RAW.glob("*.txt"))


@cache
def _text(stem: str) -> str:
    matches = [p for p in RAW.glob(f"{stem}*.txt")]
    return normalize(matches[0].read_text(encoding="utf-8")).text


@cache
def _sections(stem: str) -> tuple[Section, ...]:
    return tuple(parse_sections(_text(stem)))


def _find(sections: tuple[Section, ...], path: tuple[str | None, ...]) -> Section:
    """The section reached by following labels from the top of the tree ("5#2": the second "5")."""
    by_id = {s.id: s for s in sections}
    candidates = [s for s in sections if s.parent is None]
    found = None
    for step in path:
        label, _, nth = (step or "").partition("#")
        found = [s for s in candidates if s.label == (label or None)][int(nth or 1) - 1]
        candidates = [by_id[c] for c in found.children]
    assert found is not None
    return found


# (document, label path, title, level, kind, number of children)
CASES = [
    ("000", ("II",), "NỘI DUNG VÀ PHƯƠNG PHÁP TIẾN HÀNH", 1, "heading", 2),
    ("000", ("II", "1"), "Nội dung sơ kết", 2, "heading", 4),
    ("000", ("II", "1", "1.1"), "Công tác lãnh đạo, chỉ đạo thực hiện", 3, "heading", 2),
    ("000", ("II", "1", "1.2"), "Kết quả triển khai thực hiện các nhiệm vụ, giải pháp", 3, "heading", 9),
    ("000", ("II", "2"), "Phương pháp và thời gian thực hiện", 2, "heading", 3),
    ("000", ("III",), "TỔ CHỨC THỰC HIỆN", 1, "heading", 3),
    ("000", (None,), "KẾ HOẠCH", 1, "heading", 0),
    ("001", ("II",), "Về một số nhiệm vụ, giải pháp trong thời gian tới", 1, "heading", 6),
    ("002", ("5#2",), "Sở Văn hóa - Thể thao và Du lịch", 1, "heading", 0),
    ("002", ("7#2",), "Ủy ban nhân dân các xã, phường", 1, "heading", 3),
    ("003", ("I",), "MỤC TIÊU, YÊU CẦU", 1, "heading", 2),
    ("003", ("I", "2"), "Yêu cầu", 2, "heading", 0),
    ("003", ("II",), "NHIỆM VỤ VÀ GIẢI PHÁP", 1, "heading", 7),
    ("003", ("III",), "TỔ CHỨC THỰC HIỆN", 1, "heading", 3),
    ("004", ("III",), "TỔ CHỨC THỰC HIỆN", 1, "heading", 3),
    ("004", ("3",), "Tổ chức các hoạt động phòng ngừa và đấu tranh với tội phạm về ma túy", 1, "heading", 5),
    ("d01", ("V",), "TỔ CHỨC THỰC HIỆN", 1, "heading", 20),
    ("d01", ("V", "5"), "Công an thành phố Hà Nội", 2, "heading", 6),
    ("d01", ("III", "2", "2.2"), "Chương trình nghệ thuật nhạc trẻ", 3, "heading", 5),
    ("d02", ("II", "2", "2.1", "2.1.10"), "Triển khai công tác ứng trực giải quyết thoát nước mùa mưa", 4, "heading", 5),
    ("d02", ("III", "2", "2.4"), "Sở Nông nghiệp và Môi trường", 3, "heading", 2),
    ("d03", (None,), "MỤC TIÊU", 1, "heading", 8),
    ("d04", ("Điều 2",), "Tổ chức thực hiện", 1, "heading", 5),
    ("d07", ("Điều 1", "II"), "Về nhiệm vụ, công tác 6 tháng cuối năm 2017", 2, "heading", 5),
    ("d07", ("Điều 1", "II", "2"), "Lĩnh vực kinh tế", 3, "heading", 9),
    ("d07", ("Điều 1", "II", "5", "5.1"), "Tổ chức thực hiện nghiêm các nhiệm vụ quốc phòng, an ninh", 4, "item", 0),
    ("d10", ("Điều 3",), "Hội đồng nhân dân tỉnh giao", 1, "heading", 4),
    ("d10", ("Điều 3", "1"), "Thường trực Hội đồng nhân dân tỉnh", 2, "heading", 2),
    ("d10", ("Điều 1", "1", "a"), "Tại kỳ họp thứ Bảy", 3, "heading", 3),
    ("d12", ("Điều 3",), "Tổ chức thực hiện", 1, "item", 2),
]


@pytest.mark.parametrize("doc, path, title, level, kind, n_children", CASES)
def test_corpus_sections(doc, path, title, level, kind, n_children):
    section = _find(_sections(doc), path)
    assert (section.title, section.level, section.kind, len(section.children)) == (
        title,
        level,
        kind,
        n_children,
    )


@pytest.mark.parametrize(
    "doc, path, labels",
    [
        ("d04", ("Điều 2",), ["1", "2", "3", "4", "5"]),
        ("d10", ("Điều 3",), ["1", "2", "3", "4"]),
        ("d07", ("Điều 1", "II", "5"), ["5.1", "5.2", "5.3", "5.4"]),
        ("d07", ("Điều 1", "II", "1"), ["1.1", "1.2", "1.3"]),
        ("000", ("II", "1", "1.4"), ["-"] * 7),
        ("d12", ("Điều 2",), ["1", "2", "3", "4", "5", "6", "7"]),
    ],
)
def test_children_labels(doc, path, labels):
    sections = _sections(doc)
    by_id = {s.id: s for s in sections}
    assert [by_id[c].label for c in _find(sections, path).children] == labels


def test_plus_bullets_nest_under_dash():
    sections = _sections("000")
    dash = _find(sections, ("II", "1", "1.4", "-"))
    by_id = {s.id: s for s in sections}
    kids = [by_id[c] for c in dash.children]
    assert len(kids) == 12 and {k.label for k in kids} == {"+"} and {k.kind for k in kids} == {"bullet"}
    assert kids[0].title == (
        "Công tác tổ chức và quản lý cai nghiện; tổ chức giáo dục, dạy nghề cho người nghiện ma túy; "
        "tạo việc làm, tái hòa nhập cộng đồng cho người sau cai nghiện ma"  # capped at 160 characters
    )


def test_page_header_inside_list_is_not_a_section():
    """d04's Công báo page header between items 1 and 2 of Điều 2 does not split the list."""
    titles = [s.title or "" for s in _sections("d04")]
    assert not any("CÔNG BÁO" in t for t in titles)


def test_national_motto_block_is_not_a_section():
    titles = [s.title or "" for doc in DOCS for s in _sections(doc)]
    assert not any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in t for t in titles)


@pytest.mark.parametrize(
    "text, expected",
    [
        # dates, numbers and ranges at the start of a line are not labels
        ("16/8/2019 là ngày ban hành.\n2021-2025 là giai đoạn.\n12.000 tỷ đồng\n2.112,5 tỷ", []),
        ("6 THÁNG CUỐI NĂM\n", [(None, "6 THÁNG CUỐI NĂM", 1)]),
        ("Theo 1. nội dung mid-line\n", []),
        ("1 | Tập trung | Sở X\n", []),
        ("Chương trình hành động của tỉnh\nMục tiêu chung\n", []),
        ("I. MỤC ĐÍCH\n1. Mục đích\na) Một\n- gạch\n+ cộng\nb) Hai\nII- NỘI DUNG\n",
         [("I", "MỤC ĐÍCH", 1), ("1", "Mục đích", 2), ("a", "Một", 3), ("-", "gạch", 4),
          ("+", "cộng", 5), ("b", "Hai", 3), ("II", "NỘI DUNG", 1)]),
        ("1. Một\n1.1. Một một\n1.1.2. Sâu\n2. Hai\n",
         [("1", "Một", 1), ("1.1", "Một một", 2), ("1.1.2", "Sâu", 3), ("2", "Hai", 1)]),
        ("Điều 2. Tổ chức thực hiện\n1. Giao Sở Y tế chủ trì. Báo cáo.\n(1) Điểm một\nđ) Điểm đ\n",
         [("Điều 2", "Tổ chức thực hiện", 1), ("1", "Giao Sở Y tế chủ trì", 2),
          ("(1)", "Điểm một", 3), ("đ", "Điểm đ", 4)]),
        ("Phần I. CHUNG\nChương II: QUY ĐỊNH\nMục 1. Phạm vi\n",
         [("Phần I", "CHUNG", 1), ("Chương II", "QUY ĐỊNH", 2), ("Mục 1", "Phạm vi", 3)]),
        ("• Một.\n* Hai.\n– Ba\n", [("•", "Một", 1), ("*", "Hai", 2), ("–", "Ba", 3)]),
        # an en dash after a line broken mid-phrase carries the phrase on ("Thăng Long\n– Hà Nội")
        ("- Festival Thăng Long\n– Hà Nội năm 2026.\n", [("-", "Festival Thăng Long", 1)]),
    ],
)
def test_grammar(text, expected):
    assert [(s.label, s.title, s.level) for s in parse_sections(text)] == expected


def test_offsets_cover_from_label_to_next_sibling():
    text = "I. MỤC ĐÍCH\n\n1. Một việc.\n\nII. TỔ CHỨC\n- Giao Sở Y tế.\n"
    secs = parse_sections(text)
    assert [text[s.start : s.end] for s in secs] == [
        "I. MỤC ĐÍCH\n\n1. Một việc.",
        "1. Một việc.",
        "II. TỔ CHỨC\n- Giao Sở Y tế.",
        "- Giao Sở Y tế.",
    ]


def _check_tree(text: str, sections: list[Section]) -> None:
    by_id = {s.id: s for s in sections}
    for s in sections:
        assert 0 <= s.start < s.end <= len(text)
        assert s.level == (by_id[s.parent].level + 1 if s.parent else 1)
        if s.parent:
            parent = by_id[s.parent]
            assert parent.start < s.start and s.end <= parent.end and s.id in parent.children
    groups: dict[str | None, list[Section]] = {}
    for s in sections:
        groups.setdefault(s.parent, []).append(s)
    for siblings in groups.values():
        for a, b in zip(siblings, siblings[1:]):
            assert a.end <= b.start


@pytest.mark.parametrize("doc", DOCS)
def test_corpus_tree_is_well_formed(doc):
    sections = _sections(doc)
    assert sections, doc
    _check_tree(_text(doc), list(sections))


def _noisy(text: str, extra_blank: int, trailing: int) -> str:
    text = text.replace("\n\n", "\n\n" + "\n" * extra_blank)
    return "\n".join(line + " " * trailing for line in text.split("\n"))


def _shape(text: str) -> list[tuple[str | None, str | None, int]]:
    return [(s.label, s.title, s.level) for s in parse_sections(text)]


@pytest.mark.parametrize("doc", DOCS)
def test_stable_under_blank_lines_and_trailing_spaces(doc):
    text = _text(doc)
    assert _shape(_noisy(text, 2, 3)) == _shape(text)


_PIECES = st.sampled_from(
    ["I.", "II-", "1.", "1.1.", "a)", "(1)", "-", "+", "Điều 2.", "KẾ HOẠCH", "số", "/", "16/8/2019",
     "2021-2025", " ", "\n", "\n\n", "Sở Y tế", "chủ trì", ".", "THỰC HIỆN", "|", "Chương", "V/v"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_random_text_gives_a_well_formed_tree(pieces):
    text = "".join(pieces)
    _check_tree(text, parse_sections(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_no_crash_on_arbitrary_text(text):
    _check_tree(text, parse_sections(text))


@settings(max_examples=50, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.integers(1, 3), st.integers(1, 4))
def test_whitespace_noise_keeps_the_shape(pieces, extra_blank, trailing):
    text = "".join(pieces)
    assert _shape(_noisy(text, extra_blank, trailing)) == _shape(text)


def test_long_runs_stay_fast():
    import time

    text = ("1.1.1.1.1.1. " * 2000 + "\n" + "////" * 5000 + "\n" + "số " * 5000 + "\n") * 3
    started = time.perf_counter()
    parse_sections(text)
    assert time.perf_counter() - started < 2.0
