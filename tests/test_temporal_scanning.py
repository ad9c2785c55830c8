"""Anchored scanning finds exactly what a plain ``finditer`` finds, for every date pattern."""

from __future__ import annotations

import re
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract import temporal_patterns as tp
from vbextract.scanning import near, positions

PIECES = st.sampled_from(
    ["ngày", "NGÀY", "Ngày", "tháng", "THÁNG", "năm", "Năm", "quý", "QUÝ", "III", "IV", "tuần",
     "giai đoạn", "thời kỳ", "đến ", "| ", " |", "nửa", "sáu", "06", "đầu", "CUỐI", "hằng", "Hằng",
     "hãng", "mỗi", "định kỳ", "Định Ky", "theo", "trong thời hạn", "trong vòng", "trong", "sau",
     "chậm nhất", "kể từ", "làm việc", "mười lăm", "ba mươi", "ſau", "/", "-", ".", ",", "–", "%",
     "\n", "", " ", "   "]
)
TEXTS = st.lists(st.one_of(PIECES, st.integers(0, 2100).map(str)), max_size=40).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts))
)


def _digits(kind: str) -> Callable[[str], list[int]]:
    return lambda text: tp._digit_anchors(text)[kind]


def _scan(anchor: re.Pattern[str]) -> Callable[[str], list[int]]:
    return lambda text: positions(anchor, text)


def _pairs() -> list[tuple[str, re.Pattern[str], Callable[[str], list[int]]]]:
    recurring, periodic = tp._recurrence_res()
    durations = tp._duration_res()
    units = _scan(tp._unit_at())
    return [
        ("day-month-year", tp._NUM_DMY, _digits("year")),
        ("iso", tp._ISO, _digits("year")),
        ("day-month", tp._NUM_DM, _digits("separator")),
        ("written day", tp._WORD_DMY, _digits("month_word")),
        ("month", tp._MONTH, _digits("year")),
        ("quarter", tp._quarter_re(), _scan(tp._QUARTER_AT)),
        ("half year", tp._HALF, _scan(tp._HALF_AT)),
        ("year range", tp._YEAR_RANGE, _digits("year")),
        ("year", tp._YEAR, _digits("year")),
        ("every", recurring, units),
        ("periodic", periodic, _scan(tp._phrase_anchor(tp.words("periodic"), any_tone=True))),
        ("duration", durations[0], units),
        ("duration before anchor", durations[1], units),
    ]


PAIRS = _pairs()


@pytest.mark.parametrize(
    "text",
    [
        "Hà Nội, ngày 16/8/2019 và 2021-06-30, trước ngày 30/6, ngày 11 tháng 9 năm 2025",
        "trong tháng 10/2024, Quý III/2026, 6 tháng đầu năm 2025, giai đoạn 2021-2025, đến 2030",
        "ngày 26/6 hằng năm; định kỳ 6 tháng; trong thời hạn 15 ngày làm việc kể từ ngày ký",
        "| 2025 | trong vòng 30 ngày; chậm nhất 10 ngày sau khi nhận",
    ],
)
def test_scanning_matches_finditer_on_real_forms(text):
    for name, pattern, anchors in PAIRS:
        plain = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert plain == [(m.span(), m.groups()) for m in near(pattern, text, anchors(text))], name
    assert any(next(pattern.finditer(text), None) for _, pattern, _ in PAIRS)


@given(TEXTS)
@settings(max_examples=400, deadline=None)
def test_scanning_matches_finditer(text):
    for name, pattern, anchors in PAIRS:
        plain = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert plain == [(m.span(), m.groups()) for m in near(pattern, text, anchors(text))], name


def test_initials_cover_case_folds():
    assert set(tp._initials(["sáu"], any_tone=False)) == {"s", "S", "ſ"}
    assert {"a", "A", "ă", "Ắ"} <= set(tp._initials(["ăn"], any_tone=True))
