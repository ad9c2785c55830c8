"""Header variants: the same grammar as the corpus headers with other provinces, bodies, levels,
dates and numbers.  These guard generalisation: nothing here is taken from a corpus document."""

from __future__ import annotations

import pytest

from vbextract.header import parse_header
from vbextract.normalize import normalize

HEADERS = {
'state_district': """ỦY BAN NHÂN DÂN
HUYỆN ĐỨC TRỌNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 87/KH-UBND
Đức Trọng, ngày 14 tháng 02 năm 2023

KẾ HOẠCH
Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2023

Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2023 của UBND tỉnh Lâm Đồng;

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Phạm Quang Huy
""",
'ministry': """BỘ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2051/QĐ-BYT
Hà Nội, ngày 30 tháng 6 năm 2021

QUYẾT ĐỊNH
Về việc ban hành Hướng dẫn chẩn đoán và điều trị

BỘ TRƯỞNG BỘ Y TẾ

Căn cứ Nghị định số 75/2017/NĐ-CP ngày 20 tháng 6 năm 2017;

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Trường Sơn
""",
'party_city': """THÀNH ỦY CẦN THƠ
*
Số 45-CT/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Cần Thơ, ngày 3 tháng 8 năm 2022

CHỈ THỊ
về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận

T/M BAN THƯỜNG VỤ
BÍ THƯ

Đỗ Thanh Bình
""",
'party_district': """HUYỆN ỦY CHÂU THÀNH
*
Số 112-TB/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Châu Thành, ngày 20 tháng 11 năm 2020

THÔNG BÁO
kết luận của Ban Thường vụ Huyện ủy

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Văn Tám
""",
'letter_so': """UBND TỈNH NGHỆ AN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1520/SGDĐT-GDTrH
Nghệ An, ngày 9 tháng 9 năm 2024
V/v triển khai nhiệm vụ năm học 2024-2025

Kính gửi: Các trường trung học phổ thông.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lê Thị Hoa
""",
'hdnd': """HỘI ĐỒNG NHÂN DÂN
TỈNH KHÁNH HÒA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/2022/NQ-HĐND
Khánh Hòa, ngày 20 tháng 10 năm 2022

NGHỊ QUYẾT
Quy định mức chi hỗ trợ

HỘI ĐỒNG NHÂN DÂN TỈNH KHÁNH HÒA
KHÓA VII, KỲ HỌP THỨ 6

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

CHỦ TỊCH

Nguyễn Khắc Toàn
""",
'ban_signed': """- Kiện toàn Ban Chỉ đạo 389 cấp huyện, xã.
3. Giao Sở Công Thương tham mưu cho Ban Chỉ đạo 389 tỉnh, báo cáo kết quả./.

Nơi nhận:
- Như trên;
- Lưu: VT.

TRƯỞNG BAN

PHÓ CHỦ TỊCH UBND TỈNH
Hoàng Văn Nam
""",
'ward': """ỦY BAN NHÂN DÂN
PHƯỜNG BẾN NGHÉ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 09/TB-UBND
Bến Nghé, ngày 2 tháng 1 năm 2024

THÔNG BÁO
Lịch tiếp công dân tháng 01 năm 2024

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Võ Thị Mai
""",
}

# (header, field, exact value)
EXPECTED = [
    # a district People's Committee plan, TM. + title
    ("state_district", "doc_type", "Kế hoạch"),
    ("state_district", "symbol", "87/KH-UBND"),
    ("state_district", "issuer", "Ủy ban nhân dân huyện Đức Trọng"),
    ("state_district", "place", "Đức Trọng"),
    ("state_district", "issued_date", "2023-02-14"),
    ("state_district", "title", "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2023"),
    ("state_district", "signer", ("Phạm Quang Huy", "Chủ tịch", "TM.")),
    # a ministry's decision signed by a deputy minister (KT. BỘ TRƯỞNG / THỨ TRƯỞNG)
    ("ministry", "doc_type_code", "QĐ"),
    ("ministry", "symbol", "2051/QĐ-BYT"),
    ("ministry", "issuer", "Bộ Y tế"),
    ("ministry", "issued_date", "2021-06-30"),
    ("ministry", "signer", ("Nguyễn Trường Sơn", "Thứ trưởng", "KT.")),
    # a city party committee's directive: party symbol, T/M BAN THƯỜNG VỤ over the committee
    ("party_city", "symbol", "45-CT/TU"),
    ("party_city", "system", "party"),
    ("party_city", "issuer", "Ban Thường vụ Thành ủy Cần Thơ"),
    ("party_city", "issuer_parent", "Thành ủy Cần Thơ"),
    ("party_city", "issued_date", "2022-08-03"),
    ("party_city", "signer", ("Đỗ Thanh Bình", "Bí thư", "T/M")),
    # a district party committee's notice
    ("party_district", "doc_type", "Thông báo"),
    ("party_district", "symbol", "112-TB/HU"),
    ("party_district", "issuer", "Ban Thường vụ Huyện ủy Châu Thành"),
    ("party_district", "place", "Châu Thành"),
    ("party_district", "signer", ("Trần Văn Tám", "Phó Bí thư", "T/M")),
    # a department's letter (công văn): "V/v" subject, abbreviated parent "UBND TỈNH", field after "và"
    ("letter_so", "doc_type", "Công văn"),
    ("letter_so", "symbol", "1520/SGDĐT-GDTrH"),
    ("letter_so", "issuer", "Sở Giáo dục và Đào tạo"),
    ("letter_so", "issuer_parent", "UBND tỉnh Nghệ An"),
    ("letter_so", "title", "triển khai nhiệm vụ năm học 2024-2025"),
    ("letter_so", "signer", ("Lê Thị Hoa", "Phó Giám đốc", "KT.")),
    # a council resolution with a normative symbol (number/year/NQ-HĐND)
    ("hdnd", "symbol", "15/2022/NQ-HĐND"),
    ("hdnd", "number", "15"),
    ("hdnd", "issuer", "Hội đồng nhân dân tỉnh Khánh Hòa"),
    ("hdnd", "issued_date", "2022-10-20"),
    # no header; signed TRƯỞNG BAN: the Ban named at one level, not "… cấp huyện"
    ("ban_signed", "issuer", "Ban Chỉ đạo 389 tỉnh"),
    ("ban_signed", "signer", ("Hoàng Văn Nam", "Trưởng ban", None)),
    # a ward (phường): level word of the smallest unit
    ("ward", "issuer", "Ủy ban nhân dân phường Bến Nghé"),
    ("ward", "place", "Bến Nghé"),
    ("ward", "issued_date", "2024-01-02"),
    ("ward", "signer", ("Võ Thị Mai", "Phó Chủ tịch", "KT.")),
]


@pytest.mark.parametrize("name, field, expected", EXPECTED)
def test_header_variant(name, field, expected):
    metadata, _ = parse_header(normalize(HEADERS[name]).text)
    if field == "signer":
        signer = metadata.signer
        assert (signer.name, signer.position, signer.authority) == expected
    else:
        assert getattr(metadata, field) == expected


@pytest.mark.parametrize(
    "line, place, issued",
    [
        ("Lào Cai, ngày 01 tháng 01 năm 2020", "Lào Cai", "2020-01-01"),
        ("TP. Hồ Chí Minh, ngày 31 tháng 12 năm 2019", "Hồ Chí Minh", "2019-12-31"),
        ("Thừa Thiên Huế, ngày 29 tháng 02 năm 2024", "Thừa Thiên Huế", "2024-02-29"),
        ("Vĩnh Long, ngày 29 tháng 02 năm 2023", "Vĩnh Long", None),  # no such day
        ("Sóc Trăng, ngày    tháng 5 năm 2021", "Sóc Trăng", None),  # day left blank
    ],
)
def test_place_date_variants(line, place, issued):
    metadata, _ = parse_header(normalize(f"ỦY BAN NHÂN DÂN\nTỈNH X\nSố: 1/KH-UBND\n{line}\n").text)
    assert (metadata.place, metadata.issued_date) == (place, issued)


@pytest.mark.parametrize(
    "header, date_line, issued",
    [
        # a garbled month or day repaired from the e-signature stamp a few days later
        ("Số: 77/STC-NS", "Cà Mau, ngày 12 tháng 71 năm 2023\nThời gian ký: 14.07.2023 08:10", "2023-07-12"),
        ("Số: 78/STC-NS", "Cà Mau, ngày 92 tháng 7 năm 2023\nThời gian ký: 03.07.2023 08:10", "2023-07-03"),
        # a stamp months away repairs nothing
        ("Số: 79/STC-NS", "Cà Mau, ngày 12 tháng 71 năm 2023\nThời gian ký: 14.03.2024 08:10", None),
    ],
)
def test_garbled_date_repaired_from_stamp(header, date_line, issued):
    text = f"UBND TỈNH CÀ MAU\nSỞ TÀI CHÍNH\n{header}\n{date_line}\nV/v dự toán\n"
    assert parse_header(normalize(text).text)[0].issued_date == issued
