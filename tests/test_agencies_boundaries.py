"""Where agency names end: duty verbs (also OCR-damaged), lexicalised names, line wraps,
collectives under a shared head, and common words that begin like a head.

Sentences are written in the style of directives, or taken from corpora/raw (marked).
"""

from __future__ import annotations

import pytest

from vbextract.agencies import canonical_name, find_agencies

# a name stops before the duty verb or adverb, even with its marks damaged by OCR
VERB_AFTER_NAME = [
    ("Bộ Văn hóa, Thể thao và Du lịch đây mạnh công tác tuyên truyền", ["Bộ Văn hóa, Thể thao và Du lịch"]),
    (
        "Bộ Văn hoá, Thể thao và Du lich chủ tri, phối hợp với Bộ Thông tin và Truyền thông",
        ["Bộ Văn hoá, Thể thao và Du lich", "Bộ Thông tin và Truyền thông"],
    ),
    ("Đề nghị các Cục Thuế phản ánh kịp thời vướng mắc về Tổng cục Thuế", ["các Cục Thuế", "Tổng cục Thuế"]),
    ("Tổng cục Thuế thông báo để các Cục Thuế biết, thực hiện", ["Tổng cục Thuế", "các Cục Thuế"]),
    (
        "Các tập đoàn kinh tế, tổng công ty nhà nước thường xuyên rà soát danh mục dự án",
        ["Các tập đoàn kinh tế, tổng công ty nhà nước"],
    ),
    ("Các tập đoàn, tổng công ty nhà nước thưởng xuyên rà soát", ["Các tập đoàn, tổng công ty nhà nước"]),
    ("Sở Tài chinh chủ tri, phối hợp với Sở Y tế", ["Sở Tài chinh", "Sở Y tế"]),
    ("Công ty cổ phần Điện lực Quảng Ninh thưởng xuyên kiểm tra lưới điện", ["Công ty cổ phần Điện lực Quảng Ninh"]),
    ("Công ty Điện lực Quảng Ninh lựa chọn nhà thầu có đủ năng lực", ["Công ty Điện lực Quảng Ninh"]),
    ("Trung tâm Y tế huyện thực hiên tiêm chủng đầy đủ", ["Trung tâm Y tế huyện"]),
    ("Trung tâm dịch vụ việc làm tỉnh tiếp nhận hồ sơ", ["Trung tâm dịch vụ việc làm tỉnh"]),
    # corpora/raw d01 (an item of a colon list: "Cộng hòa Liên bang Nga" under "Đại sứ quán các nước")
    ("Đại sứ quán các nước: Ấn Độ, Cộng hòa Liên bang Nga lựa chọn", ["Ấn Độ", "Cộng hòa Liên bang Nga"]),
]

# national bodies with fixed names that run on in lower case, and open names that do
LEXICALISED = [
    (
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp chỉ đạo các tập đoàn, tổng công ty",
        ["Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "các tập đoàn, tổng công ty"],
    ),
    ("Ủy ban quản lý vốn nhà nước tại doanh nghiệp hướng dẫn", ["Ủy ban quản lý vốn nhà nước tại doanh nghiệp"]),
    (
        "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh chủ trì",
        ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"],
    ),
    ("Phòng Thương mại và Công nghiệp Việt Nam phối hợp", ["Phòng Thương mại và Công nghiệp Việt Nam"]),
    ("Phòng Thương mại và Công nghiệp Việt Nam (VCCI) tổng hợp", ["Phòng Thương mại và Công nghiệp Việt Nam (VCCI)"]),
    ("Đảng ủy Khối các cơ quan tỉnh lãnh đạo", ["Đảng ủy Khối các cơ quan tỉnh"]),
    ("Đảng ủy Khối Doanh nghiệp tỉnh chỉ đạo", ["Đảng ủy Khối Doanh nghiệp tỉnh"]),
    ("Ban Hành chính công tỉnh", ["Ban Hành chính công tỉnh"]),
]

# a name broken across a line break after its head, or before the body a title serves
LINE_WRAPS = [
    ("Giao Phòng\nThương mại và Công nghiệp Việt Nam chủ trì", ["Phòng\nThương mại và Công nghiệp Việt Nam"]),
    ("đề nghị Bộ\nTài chính hướng dẫn", ["Bộ\nTài chính"]),
    ("thuộc Sở\nTrong thời gian tới", []),
    # corpora/raw d02, d05, d07, d10, d21
    (
        "được thống nhất giữa Sở \nXây dựng và Sở Nông nghiệp & Môi trường.",
        ["Sở \nXây dựng", "Sở Nông nghiệp"],
    ),
    (
        "phối hợp Sở Xây dựng, Phòng Cảnh sát giao thông - Công an Thành phố, Đài \nTiếng nói Việt Nam (VOV) cung cấp",
        ["Sở Xây dựng", "Phòng Cảnh sát giao thông - Công an Thành phố", "Đài \nTiếng nói Việt Nam (VOV)"],
    ),
    ("Mọi ý kiến thắc mắc xin liên hệ Tổng cục\nThuế (Ông A)", ["Tổng cục\nThuế"]),
    ("tăng cường kết nối với Bộ\nNgoại giao và tổ chức quốc tế", ["Bộ\nNgoại giao"]),
    ("1. Thường trực\nHội đồng nhân dân tỉnh:", ["Thường trực\nHội đồng nhân dân tỉnh"]),
    (
        "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách\nHội đồng nhân dân tỉnh; Ý kiến thảo luận",
        ["Ban Kinh tế - Ngân sách\nHội đồng nhân dân tỉnh"],
    ),
    # corpora/raw 004: a signature block, a blank line between two titles
    ("**TRƯỞNG BAN**\n\n**PHÓ CHỦ TỊCH UBND TỈNH**", ["PHÓ CHỦ TỊCH UBND TỈNH"]),
]

# what a head takes: a level after a complete name, a number only after a steering body
HEAD_FORMS = [
    ("6. Bộ Tư lệnh Thủ đô\n- Chủ trì", ["Bộ Tư lệnh Thủ đô"]),  # corpora/raw d01
    ("Hãng phim Tài liệu và khoa học Trung ương thực hiện", ["Hãng phim Tài liệu và khoa học Trung ương"]),
    ("11. Sở Tài chính 9\n- Bố trí kinh phí", ["Sở Tài chính"]),  # corpora/raw d01, a footnote mark
    ("Ban Chỉ đạo 389 tỉnh chỉ đạo lực lượng chức năng", ["Ban Chỉ đạo 389 tỉnh"]),
    ("Các cấp chính quyền đô thị chủ động phối hợp", ["Các cấp chính quyền đô thị"]),
    ("Đài Phát thanh - Truyền hình tỉnh, Báo Quảng Bình mở chuyên trang", ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Bình"]),
    ("Ban Quản lý các khu công nghiệp tỉnh phối hợp", ["Ban Quản lý các khu công nghiệp tỉnh"]),
    ("Ban Quản lý dự án các công trình dân dụng tỉnh chủ trì", ["Ban Quản lý dự án các công trình dân dụng tỉnh"]),
    ("Trung tâm Y tế các huyện thực hiện", ["Trung tâm Y tế các huyện"]),
    (
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh tham mưu",
        ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"],
    ),
    ("Đoàn đại biểu Quốc hội tỉnh giám sát", ["Đoàn đại biểu Quốc hội tỉnh"]),
    (
        "Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Quảng Bình chỉ đạo các tổ chức tín dụng trên địa bàn",
        ["Ngân hàng Nhà nước Việt Nam Chi nhánh tỉnh Quảng Bình", "các tổ chức tín dụng trên địa bàn"],
    ),
    ("Ngân hàng Chính sách xã hội chi nhánh tỉnh giải ngân", ["Ngân hàng Chính sách xã hội chi nhánh tỉnh"]),
]

# a head followed by "các" + collective nouns is one collective body
SHARED_HEAD = [
    ("Thanh tra các Bộ, ngành, địa phương tăng cường thanh tra", ["Thanh tra các Bộ, ngành, địa phương"]),
    ("Văn phòng các Bộ, cơ quan ngang Bộ tổng hợp", ["Văn phòng các Bộ, cơ quan ngang Bộ"]),
    (
        "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ căn cứ chức năng",
        ["Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"],
    ),
    ("Ban Thường vụ các huyện ủy, thị ủy, thành ủy chỉ đạo", ["Ban Thường vụ các huyện ủy, thị ủy, thành ủy"]),
]

# common words that begin like a head name no body; document symbols hold no agency
FALSE_HEADS = [
    ("Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2024", []),
    ("(BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 12/QĐ-UBND)", []),
    ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", []),
    ("Báo cáo kết quả về Sở Nội vụ trước ngày 15/12", ["Sở Nội vụ"]),
    ("Bản chất của vấn đề là công tác cán bộ", []),
    ("Hội nghị trực tuyến toàn quốc về chuyển đổi số", []),
    ("Cơ quan chủ trì: Sở Y tế", ["Sở Y tế"]),
    ("Cơ sở dữ liệu quốc gia về dân cư", []),
    # corpora/raw d01, d02, d21, 002
    ("II. CƠ QUAN CHỈ ĐẠO VÀ TỔ CHỨC THỰC HIỆN", []),
    ("Số:                  /QĐ-UBND Hà Nội, ngày         tháng     năm  2026", []),
    ("NGHỊ QUYẾT SỐ 02/2014/NQ-HĐND NGÀY 08 THÁNG 7 NĂM", []),
    (
        "- Tham mưu Ủy ban nhân dân Tỉnh Kế hoạch xây dựng “xã, phường không ma túy”",
        ["Ủy ban nhân dân Tỉnh"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), VERB_AFTER_NAME + LEXICALISED + LINE_WRAPS + HEAD_FORMS + SHARED_HEAD + FALSE_HEADS
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert [a.text for a in find_agencies(text)] == expected


# OCR damage: multi-word heads and domain words found without their marks, names restored
OCR_NAMES = [
    ("Sở Tài chinh chủ tri, phối hợp", "Sở Tài chinh", "Sở Tài chính"),
    ("TỎNG CỤC THUÊ\nSố: 12/TCT-KK", "TỎNG CỤC THUÊ", "Tổng cục Thuế"),
    ("Tong cuc Thue thong bao", "Tong cuc Thue", "Tổng cục Thuế"),
    ("Bộ Văn hoá, Thể thao và Du lich đây mạnh", "Bộ Văn hoá, Thể thao và Du lich", "Bộ Văn hoá, Thể thao và Du lịch"),
    # corpora/raw d05, d06 (two-column header run together; an OCR'd "Chi cục")
    ("TỎNG CỤC THUÊ Độc lập — Tự do — Hạnh phúc", "TỎNG CỤC THUÊ", "Tổng cục Thuế"),
    ("gửi Chỉ cục Thuế quản lý", "Chỉ cục Thuế", "Chi cục Thuế"),
]


@pytest.mark.parametrize(("text", "surface", "name"), OCR_NAMES)
def test_ocr_damaged_names(text: str, surface: str, name: str) -> None:
    [agency] = find_agencies(text)
    assert (agency.text, agency.name) == (surface, name)


@pytest.mark.parametrize("text", ["TỔNG CỤC TRƯỞNG", "TONG CUC TRUONG\nNguyễn Văn A", "Bản chất vấn đề"])
def test_titles_and_look_alikes_alone_name_nothing(text: str) -> None:
    assert find_agencies(text) == []


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Phòng\nThương mại và Công nghiệp Việt Nam", "Phòng Thương mại và Công nghiệp Việt Nam"),
        ("Thanh tra các Bộ, ngành, địa phương", "Thanh tra các Bộ, ngành, địa phương"),
        ("Sở Y tế", "Sở Y tế"),
        ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ],
)
def test_wrapped_and_collective_names(surface: str, name: str) -> None:
    assert canonical_name(surface) == name


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thanh tra các Bộ, ngành, địa phương", "collective"),
        ("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "state"),
        ("Các tập đoàn kinh tế, tổng công ty nhà nước", "collective"),
    ],
)
def test_kind_of_new_forms(text: str, kind: str) -> None:
    [agency] = find_agencies(text)
    assert (agency.text, agency.kind) == (text, kind)
