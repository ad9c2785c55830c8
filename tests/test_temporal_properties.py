"""Property tests of the temporal stage: valid dates only, round trips, rrules, linear time."""

from __future__ import annotations

import time
from datetime import date

from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract.temporal import find_dates

FORMS = [
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: f"ngày {d.day} tháng {d.month} năm {d.year}",
    lambda d: f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
]
DATES = st.dates(min_value=date(1945, 1, 1), max_value=date(2099, 12, 31))
PIECES = st.sampled_from(
    ["ngày", "tháng", "năm", "số", "Quý", "quý III", "/", "-", ".", " ", "  ", "\n", "trước",
     "hằng", "định kỳ", "đến", "từ", "giai đoạn", "|", "%", ":", "hoàn thành trong", "trong thời hạn"]
)
NOISE = st.lists(st.one_of(PIECES, st.integers(0, 3000).map(str)), max_size=40).map(" ".join)


@given(DATES, st.sampled_from(FORMS), st.sampled_from(["Ban hành ", "trước ", "Hà Nội, ", ""]))
def test_round_trip(day, form, lead):
    text = f"{lead}{form(day)} của Ủy ban."
    dates, warnings = find_dates(text)
    assert [d.value for d in dates] == [day.isoformat()]
    assert warnings == []


@given(NOISE)
@settings(max_examples=300)
def test_values_are_calendar_dates_and_offsets_slice_back(text):
    dates, _ = find_dates(text, doc_date=date(2024, 5, 1))
    for d in dates:
        assert text[d.start : d.end] == d.text
        for value in (d.value, d.start_date, d.end_date):
            if value is not None:
                date.fromisoformat(value)
        if d.rrule:
            rrulestr(d.rrule)


@given(st.integers(1, 99), st.integers(1, 99), st.integers(1900, 2099))
def test_invalid_dates_are_rejected(day, month, year):
    try:
        date(year, month, day)
        return
    except ValueError:
        pass
    for text in (f"ngày {day}/{month}/{year}", f"ngày {day} tháng {month} năm {year}"):
        dates, warnings = find_dates(text)
        assert all(d.granularity != "day" for d in dates)
        assert [w.code for w in warnings] == ["invalid_date"]


def test_named_invalid_dates():
    for text in ("31/2/2024", "ngày 29 tháng 44 năm 2022", "30/02/2023"):
        dates, _ = find_dates(text)
        assert all(d.granularity != "day" for d in dates)


@given(
    st.sampled_from(["", "Định kỳ ", "định kỳ "]),
    st.sampled_from(["", "ngày 20 ", "tháng 6 ", "ngày 26/6 ", "ngày 31/2 "]),
    st.sampled_from(["hằng", "hàng", "mỗi"]),
    st.sampled_from(["năm", "quý", "tháng", "tuần", "ngày"]),
    st.one_of(st.none(), DATES),
)
def test_every_rrule_parses(lead, anchor, every, unit, doc_date):
    text = f"Các sở báo cáo {lead}{anchor}{every} {unit} về Sở Tư pháp."
    dates, _ = find_dates(text, doc_date=doc_date)
    rules = [d.rrule for d in dates if d.kind == "recurrence" and d.rrule]
    assert rules
    for rule in rules:
        rrulestr(rule)


@given(st.sampled_from(["định kỳ 6 tháng", "định kỳ theo quý", "định kỳ hai năm", "hằng tuần"]))
def test_periodic_rules_parse(phrase):
    dates, _ = find_dates(phrase)
    rrulestr(dates[0].rrule)


def test_thuong_xuyen_is_not_a_recurrence():
    assert find_dates("Kiểm tra thường xuyên các cơ sở.")[0] == []


def test_adversarial_input_runs_in_linear_time():
    chunks = [
        "1" * 50_000,
        "1/" * 25_000,
        "số " * 16_000,
        "ngày " * 10_000,
        " " * 20_000,
        "12/12/" * 8_000,
        "ngày 1 tháng " * 4_000,
        "trước " * 8_000,
        "2021-" * 10_000,
        "định kỳ " * 6_000,
    ]
    text = "".join(chunks)[:200_000]
    assert len(text) == 200_000
    started = time.perf_counter()
    find_dates(text)
    assert time.perf_counter() - started < 2.0
