"""Cited documents read from the real corpus documents: exact symbol, key, date, issuer, relation."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract.normalize import normalize
from vbextract.references import find_references
from vbextract.schema import Reference

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"


@cache
def _document(name: str) -> tuple[str, tuple[Reference, ...], tuple[str, ...]]:
    text = normalize((RAW / f"{name}.txt").read_text(encoding="utf-8")).text
    refs, warnings = find_references(text)
    return text, tuple(refs), tuple(w.code for w in warnings)


def _mention(name: str, printed: str) -> Reference:
    text, refs, _ = _document(name)
    start = text.index(printed)
    return next(r for r in refs if r.start <= start < r.end or start <= r.start < start + len(printed))


# (document, printed text, symbol, key, date, issuer, relation)
FORMS = [
    # party symbol, "ngày" date, "của" issuer; title of the opening -> reports_on
    ("000_d33c2c6bea5c954f", "Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị",
     "36-CT/TW", "36-CT/TW", "2019-08-16", "Bộ Chính trị", "reports_on"),
    # "Thực hiện Kế hoạch số 230-KH/ĐUCA …" -> implements
    ("000_d33c2c6bea5c954f", "Kế hoạch số 230-KH/ĐUCA", "230-KH/ĐUCA", "230-KH/ĐUCA", "2024-04-26",
     "Đảng ủy Công an Trung ương", "implements"),
    # comma before the date
    ("003_3d645d8e24d25ce0", "Chỉ thị số 36-CT/TW, ngày 16/8/2019", "36-CT/TW", "36-CT/TW", "2019-08-16",
     "Bộ Chính trị", "implements"),
    # state normative symbol with year; body mention -> mentions
    ("002_a7c8cf7df88d9035", "Nghị định số 45/2025/NĐ-CP", "45/2025/NĐ-CP", "45/2025/NĐ-CP", "2025-02-28",
     "Chính phủ", "mentions"),
    # National Assembly committee symbol, no date, no issuer written
    ("000_d33c2c6bea5c954f", "Pháp lệnh số 01/2022/UBTVQH15", "01/2022/UBTVQH15", "01/2022/UBTVQH15", None,
     None, "mentions"),
    # a letter without a type code; issuer from "đề nghị của X tại …"; "căn cứ" -> based_on
    ("002_a7c8cf7df88d9035", "Công văn số 3524/BCA-C04", "3524/BCA-C04", "3524/BCA-C04", "2025-08-06",
     "Bộ Công an", "based_on"),
    # Prime Minister's decision; list item "… và Quyết định số …" keeps the opening relation
    ("004_bb57e8686af1b73f", "Quyết định số 291/QĐ-TTg", "291/QĐ-TTg", "291/QĐ-TTg", "2020-02-21",
     "Thủ tướng Chính phủ", "implements"),
    # joint circular
    ("d20", "Thông tư liên tịch số 41/2014/TTLT-BYT-BTC", "41/2014/TTLT-BYT-BTC", "41/2014/TTLT-BYT-BTC",
     "2014-11-24", "Bộ trưởng Bộ Y tế và Bộ trưởng Bộ Tài chính", "based_on"),
    # stray space inside the symbol
    ("001_61faefb4cd1ca458", "Chỉ thị số 36- CT/TW", "36-CT/TW", "36-CT/TW", "2019-08-16", "Bộ Chính trị",
     "mentions"),
    # type word without "số"
    ("d02", "Quyết định 41/2017/QĐ-UBND", "41/2017/QĐ-UBND", "41/2017/QĐ-UBND", "2017-12-06",
     "UBND Thành phố", "mentions"),
    # OCR lost the Đ: canonicalised through the code table
    ("d06", "1283/QD-TCT", "1283/QĐ-TCT", "1283/QĐ-TCT", "2020-09-22", "Tổng cục trưởng Tổng cục Thuế",
     "mentions"),
    # date in words
    ("d04", "Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018", "146/2018/NĐ-CP", "146/2018/NĐ-CP",
     "2018-10-17", "Chính phủ", "mentions"),
    # body sentence about this document: "Kế hoạch này thay thế …"
    ("002_a7c8cf7df88d9035", "Kế hoạch số 189/KH-UBND", "189/KH-UBND", "189/KH-UBND", "2025-09-16",
     "Ủy ban nhân dân tỉnh Đồng Tháp", "replaces"),
    # the Government's older "number-year" form, kept as printed
    ("d07", "Nghị quyết số 19-2017/NQ-CP", "19-2017/NQ-CP", "19-2017/NQ-CP", None, "Chính phủ", "mentions"),
    # an unusual sign after "văn bản số", kept as printed; "Trên cơ sở" -> based_on
    ("d02", "01/KH1N-01/17h00/DBQG-DBKH", "01/KH1N-01/17h00/DBQG-DBKH", "01/KH1N-01/17h00/DBQG-DBKH",
     "2026-01-15", "Trung tâm dự báo khí tượng thủy văn Quốc gia", "based_on"),
    # "Xét Tờ trình …" -> based_on, date across a line break
    ("d10", "Tờ trình số 02/TTr-HĐND", "02/TTr-HĐND", "02/TTr-HĐND", "2017-06-30",
     "Thường trực Hội đồng nhân dân tỉnh", "based_on"),
    # joint regulation: issuer after "giữa"
    ("d02", "Quy chế phối hợp số 924/QC-SNNMT-SXD", "924/QC-SNNMT-SXD", "924/QC-SNNMT-SXD", "2026-04-14",
     "Sở Nông nghiệp và Môi trường - Sở Xây dựng", "mentions"),
]


@pytest.mark.parametrize("name,printed,symbol,key,date,issuer,relation", FORMS)
def test_citation_forms(name, printed, symbol, key, date, issuer, relation):
    ref = _mention(name, printed)
    assert (ref.symbol, ref.key, ref.date, ref.issuer, ref.relation) == (symbol, key, date, issuer, relation)


def test_list_sharing_one_type_word():
    text = ("Thực hiện Công văn số 2067/UBND-NC ngày 11/5/2020, số 575/UBND-NC ngày 17/02/2023 "
            "của Chủ tịch Ủy ban nhân dân tỉnh về đẩy mạnh thực hiện Chỉ thị số 36-CT/TW.")
    refs, _ = find_references(text)
    got = [(r.key, r.doc_type, r.date, r.relation) for r in refs]
    assert got == [
        ("2067/UBND-NC", "Công văn", "2020-05-11", "implements"),
        ("575/UBND-NC", "Công văn", "2023-02-17", "implements"),
        ("36-CT/TW", "Chỉ thị", None, "mentions"),
    ]
    assert [(c.key, c.relation) for c in refs[1].cites] == [("36-CT/TW", "implements")]


def test_stray_space_before_slash():
    refs, _ = find_references("Căn cứ Công văn số 4454 /TCT-TTKT ngày 29/11/2022 của Tổng cục Thuế;")
    assert [(r.text, r.key, r.issuer) for r in refs] == [
        ("Công văn số 4454 /TCT-TTKT ngày 29/11/2022 của Tổng cục Thuế", "4454/TCT-TTKT", "Tổng cục Thuế")
    ]


def test_cites_from_a_cited_title():
    _, refs, _ = _document("000_d33c2c6bea5c954f")
    plan = next(r for r in refs if r.key == "227-KH/TU" and r.cites)
    assert [(c.key, c.relation) for c in plan.cites] == [("36-CT/TW", "implements")]


def test_nested_title_belongs_to_the_inner_citation():
    _, refs, _ = _document("d01")
    plan = [r for r in refs if r.key == "128/KH-UBND"]
    assert {(c.key, c.relation) for r in plan for c in r.cites} == {("08-CTr/TU", "implements")}
    programme = {(c.key, c.relation) for r in refs if r.key == "08-CTr/TU" for c in r.cites}
    assert programme == {("80-NQ/TW", "implements")}


def test_garbled_symbol_resolves_to_the_document_meant():
    _, refs, warnings = _document("002_a7c8cf7df88d9035")
    garbled = _mention("002_a7c8cf7df88d9035", "Kết luận số 132- L/TKW")
    assert garbled.key == "132-KL/TW"
    assert "garbled_symbol" in warnings


@pytest.mark.parametrize("name,own", [
    ("002_a7c8cf7df88d9035", "235/KH-UBND"),  # "Số: 235/KH-UBND" and the title line
    ("d12", "08/NQ-HĐND"),  # "(Ban hành kèm theo Nghị quyết số 08/NQ-HĐND …)"
    ("001_61faefb4cd1ca458", "532-TB/TU"),  # "ký ban hành Thông báo Số 532-TB/TU"
    ("d04", "113/NQ-CP"),  # "Số: 113/NQ-CP"
])
def test_own_symbol_is_not_a_reference(name, own):
    _, refs, _ = _document(name)
    assert own not in {r.key for r in refs}


def test_own_symbol_argument():
    refs, _ = find_references("Kế hoạch số 12/KH-UBND ngày 01/02/2024 về việc …", own_symbol="12/KH-UBND")
    assert refs == []


def test_alias_mention():
    ref = _mention("000_d33c2c6bea5c954f", "viết tắt là Chỉ thị số 36-CT/TW")
    assert (ref.key, ref.alias) == ("36-CT/TW", "Chỉ thị số 36-CT/TW")


def test_short_alias_resolves_later_mentions():
    text = ("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị (sau đây gọi tắt là Chỉ thị 36), "
            "Ban Thường vụ ban hành Kế hoạch.\nCác cấp ủy quán triệt Chỉ thị 36 đến đảng viên.")
    refs, _ = find_references(text)
    later = refs[-1]
    assert (later.text, later.key, later.alias) == ("Chỉ thị 36", "36-CT/TW", "Chỉ thị 36")


@pytest.mark.parametrize("name,printed,key,title,year", [
    ("000_d33c2c6bea5c954f", "Luật Phòng, chống ma túy năm 2021", "Luật|phòng, chống ma túy|2021",
     "Phòng, chống ma túy", 2021),
    ("d04", "Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008", "Luật|bảo hiểm y tế|2008", "Bảo hiểm y tế", 2008),
    ("002_a7c8cf7df88d9035", "Chiến lược Quốc gia phòng, chống và kiểm soát ma túy",
     "Chiến lược|quốc gia phòng, chống và kiểm soát ma túy đến năm 2020 và định hướng đến năm 2030|",
     "Quốc gia phòng, chống và kiểm soát ma túy đến năm 2020 và định hướng đến năm 2030", None),
    ("d04", "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 27",
     "Luật|sửa đổi, bổ sung một số điều của luật bảo hiểm y tế|2024",
     "sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế", 2024),
    ("d07", "Chương trình MTQG xây dựng nông thôn mới", "Chương trình|mtqg xây dựng nông thôn mới|",
     "MTQG xây dựng nông thôn mới", None),
])
def test_documents_cited_by_name(name, printed, key, title, year):
    ref = _mention(name, printed)
    assert (ref.symbol, ref.key, ref.title, ref.year) == (None, key, title, year)


def test_amending_law_title():
    ref = _mention("d19", "Luật sửa đổi bổ sung một số điều của")
    assert (ref.key, ref.doc_type, ref.relation) == ("46/2014/QH13", "Luật", "based_on")


@pytest.mark.parametrize("text", [
    "Ngày 16/8/2019 và giai đoạn 2021-2025, điện thoại 0912-345-678.",
    "Văn phòng Ủy ban QGPCMT (Cục C04-BCA), tỷ lệ 23m2/người, trạm bơm 90m3/s, máy 5 - 30KVA.",
    "CÔNG BÁO/Số 271/Ngày 12-05-2026",
    "3 - Chủ trì, phối hợp với các cơ quan",
])
def test_look_alikes_are_not_references(text):
    assert find_references(text)[0] == []


_NOISE = st.lists(st.sampled_from(["số ", "36-CT/TW", " ngày 16/8/2019", " của Bộ Chính trị", "Chỉ thị ",
                                   "/", "-", " ", "\n", "1", "2025", "Căn cứ ", "(viết tắt là ", ")", "; ",
                                   "về ", "QĐ-TTg", "Luật Đất đai năm 2013", "**", "# "]), max_size=60)


@settings(max_examples=150, deadline=None)
@given(_NOISE)
def test_offsets_slice_back(parts):
    text = "".join(parts)
    refs, _ = find_references(text)
    for ref in refs:
        assert text[ref.start:ref.end] == ref.text
        assert ref.start < ref.end
    assert [r.id for r in refs] == [f"r{i}" for i in range(1, len(refs) + 1)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["  ", "\n", " ", "**"]))
def test_stable_under_whitespace_noise(noise):
    text = "Căn cứ Quyết định số 291/QĐ-TTg ngày 21/02/2020 của Thủ tướng Chính phủ;" + noise
    refs, _ = find_references(noise + text)
    assert [(r.key, r.date, r.issuer, r.relation) for r in refs] == [
        ("291/QĐ-TTg", "2020-02-21", "Thủ tướng Chính phủ", "based_on")
    ]
