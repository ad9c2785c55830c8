"""Header / metadata: every scored gold field, synthetic header variants, robustness."""

from __future__ import annotations

import json
import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract.evaluate import find_document
from vbextract.header import parse_header
from vbextract.readers import read
from vbextract.normalize import normalize
from vbextract.schema import Metadata
from vbextract.scoring import metadata_equal

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
GOLD = sorted(CORPORA.glob("gold/*.json"))
FIELDS = ("doc_type", "symbol", "issuer", "issued_date", "place", "signer_name", "signer_position")


@cache
def _metadata(stem: str) -> Metadata:
    gold_dir = CORPORA / "gold"
    name = json.loads(next(gold_dir.glob(f"{stem}*.json")).read_text(encoding="utf-8"))["file"]
    path = find_document(gold_dir, name)  # a .txt in raw/ or a PDF in pdf/
    assert path is not None, name
    return parse_header(normalize(read(path).text).text)[0]


def _value(metadata: Metadata, field: str) -> str | None:
    if field.startswith("signer_"):
        return getattr(metadata.signer, field.removeprefix("signer_"))
    return getattr(metadata, field)


GOLD_CASES = [
    (path.stem, field, json.loads(path.read_text(encoding="utf-8"))["metadata"][field])
    for path in GOLD
    for field in FIELDS
]


@pytest.mark.parametrize("stem, field, expected", GOLD_CASES)
def test_gold_metadata(stem, field, expected):
    if expected == "?":
        pytest.skip("unscored in gold")
    got = _value(_metadata(stem), field)
    assert metadata_equal(field, expected, got), (expected, got)


def test_seed_issuers_exact():
    assert _metadata("002").issuer == "Ủy ban nhân dân tỉnh Đồng Tháp"
    assert _metadata("003").issuer == "Ban Thường vụ Tỉnh ủy"
    assert _metadata("d05").issuer == "Tổng cục Thuế"
    assert _metadata("d05").issuer_parent == "Bộ Tài chính"
    assert _metadata("d07").issuer == "Hội đồng nhân dân tỉnh Gia Lai"


STATE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234 /QĐ-UBND
Bình Định, ngày 05 tháng 3 năm 2024

QUYẾT ĐỊNH
Về việc ban hành Quy chế phối hợp

ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT, NC.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lê Văn Hải
"""

PARTY = """TỈNH ỦY QUẢNG NGÃI
*
Số 227-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ngãi, ngày 29 tháng 10 năm 2019

KẾ HOẠCH
triển khai thực hiện Chỉ thị số 36-CT/TW

I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc Chỉ thị.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Nguyễn Văn Minh
"""

LETTER = """BỘ TÀI CHÍNH
TỔNG CỤC THUẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 512/TCT-PC
Hà Nội, ngày 7 tháng 2 năm 2024
V/v hướng dẫn chính sách thuế

Kính gửi: Cục Thuế các tỉnh, thành phố.

Tổng cục Thuế hướng dẫn như sau.

Nơi nhận:
- Như trên;
- Lưu: VT.
TL. TỔNG CỤC TRƯỞNG
VỤ TRƯỞNG VỤ PHÁP CHẾ

Trần Thị Lan
"""

BLANK = """ỦY BAN NHÂN DÂN
HUYỆN CỦ CHI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số:      /KH-UBND
Củ Chi, ngày    tháng    năm 2025

KẾ HOẠCH
Tổ chức Tháng hành động phòng, chống ma túy
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        (STATE, dict(doc_type="Quyết định", doc_type_code="QĐ", number="1234", symbol="1234/QĐ-UBND",
                     issuer="Ủy ban nhân dân tỉnh Bình Định", system="state", place="Bình Định",
                     issued_date="2024-03-05", title="Về việc ban hành Quy chế phối hợp")),
        (PARTY, dict(doc_type="Kế hoạch", symbol="227-KH/TU", issuer="Ban Thường vụ Tỉnh ủy Quảng Ngãi",
                     issuer_parent="Tỉnh ủy Quảng Ngãi", system="party", place="Quảng Ngãi",
                     issued_date="2019-10-29", title="triển khai thực hiện Chỉ thị số 36-CT/TW")),
        (LETTER, dict(doc_type="Công văn", doc_type_code="CV", symbol="512/TCT-PC", issuer="Tổng cục Thuế",
                      issuer_parent="Bộ Tài chính", system="state", place="Hà Nội", issued_date="2024-02-07",
                      title="hướng dẫn chính sách thuế")),
        (BLANK, dict(doc_type="Kế hoạch", symbol=None, number=None, issuer="Ủy ban nhân dân huyện Củ Chi",
                     place="Củ Chi", issued_date=None)),
    ],
)
def test_synthetic_headers(text, expected):
    metadata, _ = parse_header(normalize(text).text)
    assert {key: getattr(metadata, key) for key in expected} == expected


@pytest.mark.parametrize(
    "text, name, position, authority",
    [
        (STATE, "Lê Văn Hải", "Phó Chủ tịch", "KT."),
        (PARTY, "Nguyễn Văn Minh", "Phó Bí thư", "T/M"),
        (LETTER, "Trần Thị Lan", "Vụ trưởng", "TL."),
        (BLANK, None, None, None),
    ],
)
def test_signer_block(text, name, position, authority):
    signer = parse_header(normalize(text).text)[0].signer
    assert (signer.name, signer.position, signer.authority) == (name, position, authority)


def test_recipients():
    assert parse_header(normalize(STATE).text)[0].recipients == ["Như Điều 2", "Lưu: VT, NC"]


@pytest.mark.parametrize(
    "text, symbol, issued",
    [
        ("Ngày 5/12/2022, đồng chí Nguyễn Đức Thanh, Bí thư Tỉnh ủy, thay mặt Ban Thường vụ Tỉnh ủy, "
         "ký ban hành Thông báo Số 532-TB/TU kết luận.", "532-TB/TU", "2022-12-05"),
        ("Số hiệu | 235/KH-UBND\nNgày ban hành | 11/09/2025\nLoại văn bản | Kế hoạch\n", "235/KH-UBND",
         "2025-09-11"),
        ("NGHỊ QUYẾT\n\nĐiều 1. Nội dung.\n\nNghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày\n"
         "13 tháng 7 năm 2017.\n\nPHỤ LỤC\n(Ban hành kèm theo Nghị quyết số 54NQ-HĐND ngày 13 tháng 7 năm "
         "2017 của Hội đồng nhân dân tỉnh)", "54/NQ-HĐND", "2017-07-13"),
        ("Số: 4454 /TCT-TTKT Hà Nội, ngày 29 tháng 44 năm 2022\nThời gian ký: 30.11.2022 14:39\n",
         "4454/TCT-TTKT", "2022-11-29"),
    ],
)
def test_other_forms_of_identity(text, symbol, issued):
    metadata = parse_header(normalize(text).text)[0]
    assert (metadata.symbol, metadata.issued_date) == (symbol, issued)


def test_no_header_gives_nulls_and_a_warning():
    metadata, warnings = parse_header("Một đoạn văn không có tiêu đề.\n")
    assert metadata.model_dump(exclude={"signer", "recipients", "system"}) == dict.fromkeys(
        ["doc_type", "doc_type_code", "number", "symbol", "issuer", "issuer_parent", "place",
         "issued_date", "title"]
    )
    assert metadata.system == "unknown" and [w.code for w in warnings] == ["header_incomplete"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_no_crash_on_random_text(text):
    metadata, _ = parse_header(text)
    assert metadata.issued_date is None or len(metadata.issued_date) == 10


_PIECES = st.sampled_from(
    ["Số:", " ", "/", "-", "235", "KH", "UBND", "ngày", "tháng", "năm", "2025", "\n", "TM.", "CHỦ TỊCH",
     "Nguyễn Văn A", "KẾ HOẠCH", "V/v", "ỦY BAN NHÂN DÂN", "Hà Nội,", "số", "|"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_no_crash_on_header_like_noise(pieces):
    parse_header("".join(pieces))


@pytest.mark.parametrize("text", [STATE, PARTY, LETTER, BLANK])
def test_stable_under_extra_whitespace(text):
    noisy = "\n".join(line + "   " for line in text.replace("\n\n", "\n\n\n").split("\n"))
    assert parse_header(noisy)[0] == parse_header(text)[0]


def test_long_runs_stay_fast():
    text = "Số: " + "1" * 5000 + "/" * 5000 + " số " * 5000 + "\n" + "ngày " * 3000 + "\n"
    started = time.perf_counter()
    parse_header(text)
    assert time.perf_counter() - started < 2.0
