"""Properties of the agency reader: no crash, offsets slice back, no overlaps, linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_agencies import MENTIONS
from vbextract.agencies import find_agencies, match_agency, split_agency_list

_PIECES = [
    "Sở", "Ủy ban nhân dân", "UBND", "tỉnh", "các", "sở", ",", ";", ":", "và", "-", "–", "Ban", "Đảng ủy",
    "Công an", "Thành phố", "Hà Nội", "(", ")", "\n", " ", "chủ trì", "phối hợp với", "Văn hóa", "Thể thao",
    "Đảng đoàn", "xã", "phường", "Công ty", "TNHH", "đơn vị", "liên quan", "thuộc", "LĐ-TB&XH", "Sở TN&MT", "138",
    "Phòng\n", "Thương mại", "Thanh tra", "các Bộ", "ngành", "TỎNG CỤC", "Thuê", "12/QĐ-UBND", "/", "chủ tri",
    "Chi nhánh", "Ban Quản lý", "các khu", "Ban hành", "NHIỆM VỤ", "\n\n", "Tài chinh", "Bộ\n",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=60).map(" ".join) | st.text(max_size=300)


def _check(text: str) -> None:
    agencies = find_agencies(text)
    previous_end = -1
    for n, agency in enumerate(agencies, 1):
        assert agency.id == f"a{n}"
        assert text[agency.start : agency.end] == agency.text
        assert agency.start >= previous_end  # sorted, never overlapping
        assert agency.name.strip() == agency.name and agency.name
        previous_end = agency.end


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_slice_back_and_never_overlap(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=0, max_value=400))
def test_match_and_split_never_crash(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    agency = match_agency(text, pos)
    if agency:
        assert text[agency.start : agency.end] == agency.text and agency.start >= pos
    for item in split_agency_list(text, pos, len(text)):
        assert text[item.start : item.end] == item.text and item.start >= pos


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([m[0] for m in MENTIONS]),
       st.sampled_from(["  ", "\t", "**", "__"]))
def test_stable_under_markdown_noise_around(sentence: str, noise: str) -> None:
    plain = [a.name for a in find_agencies(sentence)]
    assert [a.name for a in find_agencies(f"{noise}{sentence}{noise}")] == plain


@pytest.mark.parametrize(
    "unit",
    [
        "Sở ", "Ủy ban, ", ", , , ,", "các sở, ", "Đảng đoàn: ", "Công ty cổ phần ", "UBND các xã, ", "Ban Ban - ",
        "Phòng\n", "Ban Quản lý các khu ", "Thanh tra các Bộ, ", "TONG CUC ", "QĐ-UBND/", "Bộ Tài chinh ",
    ],
)
def test_linear_time_on_adversarial_input(unit: str) -> None:
    small, large = unit * (10_000 // len(unit)), unit * (100_000 // len(unit))
    started = time.perf_counter()
    find_agencies(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    find_agencies(large)
    large_time = time.perf_counter() - started
    assert large_time < 30.0
    assert large_time < 15 * small_time + 1.0  # ~linear: 10x the text, not 100x the time
