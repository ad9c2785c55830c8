"""Agency mentions, boundaries, canonical names and lists, on sentences from corpora/raw."""

from __future__ import annotations

import pytest

from vbextract.agencies import canonical_name, find_agencies, match_agency, split_agency_list

# (sentence from corpora/raw, exact agency mentions in order)
MENTIONS = [
    (
        "Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh chỉ đạo đánh giá việc xây dựng",
        ["Ban cán sự đảng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
    ),
    ("Đảng ủy Công an tỉnh theo dõi, hướng dẫn, đôn đốc việc thực hiện Kế hoạch này", ["Đảng ủy Công an tỉnh"]),
    (
        "Đảng ủy Quân sự tỉnh, Đảng ủy Bộ đội Biên phòng tỉnh, Cục Hải quan tỉnh đánh giá hiệu quả",
        ["Đảng ủy Quân sự tỉnh", "Đảng ủy Bộ đội Biên phòng tỉnh", "Cục Hải quan tỉnh"],
    ),
    (
        "Các sở, ngành, Ủy ban nhân dân các xã, phường tổ chức quán triệt, tuyên truyền sâu rộng",
        ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"],
    ),
    ("5. Sở Văn hóa - Thể thao và Du lịch\nChủ trì, phối hợp", ["Sở Văn hóa - Thể thao và Du lịch"]),
    ("Đơn vị chủ trì thực hiện: Sở Văn hoá và Thể thao. ", ["Sở Văn hoá và Thể thao"]),
    (
        "Hội đồng nhân dân, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp cần tăng cường thực hiện",
        ["Hội đồng nhân dân", "Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội các cấp"],
    ),
    (
        "Ban Chỉ đạo 138 các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ được giao",
        ["Ban Chỉ đạo 138 các huyện, thị xã, thành phố"],
    ),
    (
        "cấp ủy, tổ chức đảng trực thuộc Tỉnh ủy và cấp ủy đảng tại các sở, ban, ngành tỉnh tập trung thực hiện",
        ["cấp ủy, tổ chức đảng trực thuộc Tỉnh ủy", "cấp ủy đảng tại các sở, ban, ngành tỉnh"],
    ),
    (
        "các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy; các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy;",
        [
            "các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
            "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
        ],
    ),
    ("Các doanh nghiệp viễn thông\n- Chủ trì", ["Các doanh nghiệp viễn thông"]),
    ("Cơ sở khám bệnh, chữa bệnh chịu trách nhiệm về tính chính xác của", ["Cơ sở khám bệnh, chữa bệnh"]),
    ("Ngành y tế thực hiện tốt các hoạt động", ["Ngành y tế"]),
    (
        "Sở Xây dựng phối hợp với Phòng Cảnh sát giao thông (Công an Thành phố), Đài tiếng nói Việt Nam (VOV) cung cấp",
        ["Sở Xây dựng", "Phòng Cảnh sát giao thông (Công an Thành phố)", "Đài tiếng nói Việt Nam (VOV)"],
    ),
    ("Sở Nội vụ (Ban Thi đua Khen thưởng Thành phố)\n- Chủ trì", ["Sở Nội vụ (Ban Thi đua Khen thưởng Thành phố)"]),
    (
        "Trung tâm quản lý hạ tầng kỹ thuật Thành phố chịu trách nhiệm kiểm tra",
        ["Trung tâm quản lý hạ tầng kỹ thuật Thành phố"],
    ),
    (
        "giao Bảo hiểm xã\nhội Việt Nam tổ chức thực hiện thanh toán cho cơ sở khám bệnh",
        ["Bảo hiểm xã\nhội Việt Nam"],
    ),
    (
        "Cộng hòa Liên bang Nga,\nBan Tuyên giáo và Dân vận Thành ủy phối hợp chỉ đạo triển khai",
        ["Ban Tuyên giáo và Dân vận Thành ủy"],
    ),
    ("Phối hợp với UBND các huyện, thành phố Gia Nghĩa, các cơ quan, đơn vị liên quan tháo gỡ", [
        "UBND các huyện, thành phố Gia Nghĩa", "các cơ quan, đơn vị liên quan"]),
    ("Site gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương.", ["Cục Thuế các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Tổng cục Thuế đề nghị các Cục Thuế thực hiện", ["Tổng cục Thuế", "các Cục Thuế"]),
    ("- Chủ tịch UBND tỉnh (để báo cáo);", ["Chủ tịch UBND tỉnh"]),
    (
        "3. Ban Quản lý dự án đầu tư xây dựng thuộc Thành phố và các Chủ đầu tư:",
        ["Ban Quản lý dự án đầu tư xây dựng thuộc Thành phố", "các Chủ đầu tư"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_mentions_and_boundaries(text: str, expected: list[str]) -> None:
    assert [a.text for a in find_agencies(text)] == expected


# (surface, canonical name)
CANONICAL = [
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ("HĐND Thành phố", "Hội đồng nhân dân Thành phố"),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("BCĐ 138 tỉnh", "Ban Chỉ đạo 138 tỉnh"),
    ("BTV Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở NN&MT", "Sở Nông nghiệp và Môi trường"),
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Các DNVT", "Các doanh nghiệp viễn thông"),
    ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("Ban cán sự đảng  Ủy ban nhân dân tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
    ("Các sở, ngành", "Các sở, ngành"),
    ("Sở Văn hoá và Thể thao", "Sở Văn hoá và Thể thao"),
]


@pytest.mark.parametrize(("surface", "name"), CANONICAL)
def test_canonical_name(surface: str, name: str) -> None:
    assert canonical_name(surface) == name


def test_mention_name_expands_abbreviation() -> None:
    [agency] = find_agencies("Phối hợp với Sở NN&MT tổ chức kiểm tra")
    assert (agency.text, agency.name, agency.kind) == ("Sở NN&MT", "Sở Nông nghiệp và Môi trường", "state")


# (text, start of the list, names listed)
LISTS = [
    (
        "Đảng đoàn: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, "
        "Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh; Ban Thường vụ Tỉnh đoàn lãnh đạo",
        0,
        [
            "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Đảng đoàn Liên đoàn Lao động tỉnh",
            "Đảng đoàn Hội Liên hiệp Phụ nữ tỉnh",
            "Đảng đoàn Hội Nông dân tỉnh",
            "Đảng đoàn Hội Cựu chiến binh tỉnh",
            "Ban Thường vụ Tỉnh đoàn",
        ],
    ),
    (
        "Đề nghị các Sở: Giao thông Vận tải, Xây dựng, Công thương; Công ty Điện lực Đắk Nông",
        len("Đề nghị "),
        ["Sở Giao thông Vận tải", "Sở Xây dựng", "Sở Công thương", "Công ty Điện lực Đắk Nông"],
    ),
    (
        "UBND các phường: Ba Đình, Hoàn Kiếm, Cửa Nam, Văn Miếu – Quốc Tử Giám, Từ Liêm và UBND xã Bát Tràng",
        0,
        [
            "Ủy ban nhân dân phường Ba Đình",
            "Ủy ban nhân dân phường Hoàn Kiếm",
            "Ủy ban nhân dân phường Cửa Nam",
            "Ủy ban nhân dân phường Văn Miếu – Quốc Tử Giám",
            "Ủy ban nhân dân phường Từ Liêm",
            "Ủy ban nhân dân xã Bát Tràng",
        ],
    ),
    (
        "Đại sứ quán các nước: Trung Quốc, Ấn Độ, Cộng hoà Liên bang Nga",
        0,
        ["Đại sứ quán Trung Quốc", "Đại sứ quán Ấn Độ", "Đại sứ quán Cộng hoà Liên bang Nga"],
    ),
    (
        "Hội đồng nhân dân, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp cần tăng cường",
        0,
        ["Hội đồng nhân dân", "Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội các cấp"],
    ),
    (
        "Đảng ủy Quân sự tỉnh, Đảng ủy Bộ đội Biên phòng tỉnh, Cục Hải quan tỉnh đánh giá hiệu quả hoạt động",
        0,
        ["Đảng ủy Quân sự tỉnh", "Đảng ủy Bộ đội Biên phòng tỉnh", "Cục Hải quan tỉnh"],
    ),
]


@pytest.mark.parametrize(("text", "start", "names"), LISTS)
def test_split_agency_list(text: str, start: int, names: list[str]) -> None:
    agencies = split_agency_list(text, start, len(text))
    assert [a.name for a in agencies] == names
    assert all(text[a.start : a.end] == a.text for a in agencies)


def test_list_items_keep_their_own_offsets() -> None:
    text = "UBND các phường: Ba Đình, Cửa Nam"
    assert [a.text for a in split_agency_list(text, 0, len(text))] == ["Ba Đình", "Cửa Nam"]


def test_find_agencies_distributes_colon_lists() -> None:
    text = "Đảng đoàn: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Liên đoàn Lao động tỉnh; Ban Thường vụ Tỉnh đoàn"
    assert [a.name for a in find_agencies(text)] == [
        "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Đảng đoàn Liên đoàn Lao động tỉnh",
        "Ban Thường vụ Tỉnh đoàn",
    ]


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("Giao Đảng ủy Công an tỉnh theo dõi", 5, "Đảng ủy Công an tỉnh"),
        ("đề nghị cho Sở Y tế thực hiện", 8, "Sở Y tế"),
        ("yêu cầu các sở, ngành liên quan triển khai", 8, "các sở, ngành liên quan"),
        ("Giao Đảng ủy Công an tỉnh theo dõi", 0, None),
        ("Giao Đảng ủy Công an tỉnh theo dõi", 6, None),
    ],
)
def test_match_agency(text: str, pos: int, expected: str | None) -> None:
    agency = match_agency(text, pos)
    assert (agency.text if agency else None) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bộ Chính trị", "party"),
        ("Ban Thường vụ Tỉnh ủy", "party"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "mass"),
        ("Báo Quảng Ngãi", "press"),
        ("Đài Phát thanh và Truyền hình tỉnh", "press"),
        ("Ban Chỉ đạo 138 tỉnh", "steering"),
        ("Sở Y tế", "state"),
        ("các sở, ban, ngành", "collective"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    [agency] = find_agencies(text)
    assert (agency.text, agency.kind) == (text, kind)


def test_underthesea_is_not_needed_by_default() -> None:
    import subprocess
    import sys

    code = "import sys, vbextract.agencies as a; a.find_agencies('Sở Y tế chủ trì'); print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
