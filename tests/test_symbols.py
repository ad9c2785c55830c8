"""The symbol grammar: parsing, canonical forms, look-alikes, and linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract.references import find_references
from vbextract.symbols import implied_issuer, parse_symbol, scan_symbols

# printed, canonical, number, year, type code, issuer code, system
GRAMMAR = [
    ("235/KH-UBND", "235/KH-UBND", "235", None, "KH", "UBND", "state"),
    ("45/2025/NĐ-CP", "45/2025/NĐ-CP", "45", 2025, "NĐ", "CP", "state"),
    ("01/2022/UBTVQH15", "01/2022/UBTVQH15", "01", 2022, None, "UBTVQH15", "state"),
    ("3524/BCA-C04", "3524/BCA-C04", "3524", None, None, "BCA", "state"),
    ("924/QC-SNNMT-SXD", "924/QC-SNNMT-SXD", "924", None, "QC", "SNNMT", "state"),
    ("36-CT/TW", "36-CT/TW", "36", None, "CT", "TW", "party"),
    ("227-KH/TU", "227-KH/TU", "227", None, "KH", "TU", "party"),
    ("483-BC/ĐKT", "483-BC/ĐKT", "483", None, "BC", "ĐKT", "party"),
    ("08-CTr/TU", "08-CTr/TU", "08", None, "CTr", "TU", "party"),
    ("41/2014/TTLT-BYT-BTC", "41/2014/TTLT-BYT-BTC", "41", 2014, "TTLT", "BYT", "state"),
    ("19-2017/NQ-CP", "19-2017/NQ-CP", "19", 2017, "NQ", "CP", "state"),
    ("85/2014/QH13", "85/2014/QH13", "85", 2014, None, "QH13", "state"),
]


@pytest.mark.parametrize("printed,canonical,number,year,type_code,issuer_code,system", GRAMMAR)
def test_grammar(printed, canonical, number, year, type_code, issuer_code, system):
    s = parse_symbol(printed)
    assert s is not None
    assert (s.canonical, s.number, s.year, s.type_code, s.issuer_code, s.system) == (
        canonical, number, year, type_code, issuer_code, system)


@pytest.mark.parametrize("printed,canonical", [
    ("42/QD-TCT", "42/QĐ-TCT"),
    ("1283/QD-TCT", "1283/QĐ-TCT"),
    ("117/2018/ND-CP", "117/2018/NĐ-CP"),
    ("291/QĐ-TTG", "291/QĐ-TTg"),
    ("23/2016/NQ-HDND", "23/2016/NQ-HĐND"),
    ("230-KH/DUCA", "230-KH/ĐUCA"),
    ("36- CT/TW", "36-CT/TW"),
    ("4454 /TCT-TTKT", "4454/TCT-TTKT"),
    ("4222 /TCT -PC", "4222/TCT-PC"),
])
def test_ocr_and_ascii_forms_canonicalise(printed, canonical):
    s = parse_symbol(printed)
    assert s is not None and s.canonical == canonical and s.printed == printed


def test_printed_form_kept_in_text():
    refs, _ = find_references("theo Quyết định số 1283/QD-TCT ngày 22/9/2020 của Tổng cục Thuế")
    assert (refs[0].text[:25], refs[0].symbol, refs[0].key) == (
        "Quyết định số 1283/QD-TCT", "1283/QĐ-TCT", "1283/QĐ-TCT")


@pytest.mark.parametrize("printed", [
    "16/8/2019", "11/09/2025", "2021-2025", "2016 - 2021", "0912-345-678", "12-05-2026",
    "271/Ngày", "30/KVA", "5 - 30KVA", "12/KH", "1/2/3/4",
])
def test_look_alikes_rejected(printed):
    assert parse_symbol(printed) is None


@pytest.mark.parametrize("text", ["Cục C04-BCA", "COVID-19", "90m3/s", "23m2/người", "Thông tư 04-BCA-xyz"])
def test_look_alikes_in_text(text):
    assert [s.canonical for _, _, s in scan_symbols(text)] == []


@pytest.mark.parametrize("symbol,issuer", [
    ("291/QĐ-TTg", "Thủ tướng Chính phủ"), ("45/2025/NĐ-CP", "Chính phủ"), ("36-CT/TW", "Trung ương"),
    ("85/2014/QH13", "Quốc hội"), ("01/2022/UBTVQH15", "Ủy ban Thường vụ Quốc hội"), ("483-BC/ĐKT", None),
])
def test_implied_issuer(symbol, issuer):
    parsed = parse_symbol(symbol)
    assert parsed is not None and implied_issuer(parsed) == issuer


_PIECES = st.lists(st.sampled_from(["1", "23", "2025", "/", "-", " ", "số ", "KH", "UBND", "QĐ", "TTg",
                                    "CT", "TW", "NĐ-CP", "a", "Đ", "\n", "ngày "]), max_size=50)


@settings(max_examples=200, deadline=None)
@given(_PIECES)
def test_found_symbols_slice_back_and_reparse(parts):
    text = "".join(parts)
    for start, end, symbol in scan_symbols(text):
        assert text[start:end] == symbol.printed
        again = parse_symbol(symbol.printed)
        assert again is not None and again.canonical == symbol.canonical
        assert parse_symbol(symbol.canonical) is not None


@pytest.mark.parametrize("unit", ["1/", "12-", "số ", " ", "1/1-A/", "số 1/KH-", "36- CT/", "/ ", "ngày 1/"])
def test_linear_time_on_adversarial_runs(unit):
    text = unit * (100_000 // len(unit))
    began = time.perf_counter()
    list(scan_symbols(text))
    find_references(text)
    assert time.perf_counter() - began < 10.0
