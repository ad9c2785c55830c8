"""Tasks on unseen writing: one table per error class of issue #3 (agency names in
leads, umbrella requests, the issuer's narrative, hard-wrapped lines, follow-on lines
inside an agency item, the closing responsibility clause, page-break noise).

Sentences are written in the style of directives of other provinces, ministries and
bodies, plus real lines from corpora/raw; every expectation is an exact value."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbextract.agencies import find_agencies
from vbextract.normalize import normalize
from vbextract.schema import DateMention
from vbextract.tasks import find_tasks

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"


def tasks_of(text: str, dates: list[DateMention] | None = None):
    text = normalize(text).text
    return find_tasks(text, sections=[], agencies=find_agencies(text), dates=dates or [])


def leads(text: str) -> list[list[str]]:
    return [t.lead for t in tasks_of(text)]


def deadline_at(text: str, phrase: str, value: str) -> DateMention:
    norm = normalize(text).text
    start = norm.index(phrase)
    return DateMention(id="d1", text=phrase, start=start, end=start + len(phrase),
                       kind="deadline", granularity="day", value=value)


# --- 1. agency names in leads end where the agencies stage ends them ----------------
NAMES = [
    ("III. TỔ CHỨC THỰC HIỆN\n2. Giao các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy chủ trì "
     "theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n",
     [["các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy"]]),
    ("II. NHIỆM VỤ\n3. Bộ Văn hóa, Thể thao và Du lịch đây mạnh công tác tuyên truyền về phòng, chống "
     "bạo lực gia đình.\n", [["Bộ Văn hóa, Thể thao và Du lịch"]]),
    ("II. TỔ CHỨC THỰC HIỆN\n1. Đề nghị các Cục Thuế phản ánh kịp thời vướng mắc về Tổng cục Thuế.\n",
     [["các Cục Thuế"]]),
    ("IV. TỔ CHỨC THỰC HIỆN\n4. Phòng Tài chính - Kế\nhoạch huyện chủ trì, phối hợp với Phòng Nội vụ huyện "
     "tham mưu bố trí kinh phí.\n", [["Phòng Tài chính - Kế hoạch huyện"]]),
    ("V. TỔ CHỨC THỰC HIỆN\n6. Bộ Chỉ huy Quân sự tỉnh\n- Chủ trì xây dựng phương án bảo đảm an ninh.\n",
     [["Bộ Chỉ huy Quân sự tỉnh"]]),
    # real: d01 — a heading line after "Đề nghị" names only its addressee
    ("V. TỔ CHỨC THỰC HIỆN\n15. Đề nghị Cơ quan Báo và Phát thanh, Truyền hình Hà Nội\n- Phối hợp Đài Truyền "
     "hình Việt Nam thực hiện tiếp sóng Lễ khai mạc.\n", [["Cơ quan Báo và Phát thanh, Truyền hình Hà Nội"]]),
    ("III. TỔ CHỨC THỰC HIỆN\nỦy ban nhân dân tỉnh đề nghị Đài Truyền hình Việt Nam, Thành phố Hồ Chí Minh, "
     "tỉnh Đắk Lắk phối hợp chỉ đạo triển khai.\n",
     [["Đài Truyền hình Việt Nam", "Thành phố Hồ Chí Minh", "tỉnh Đắk Lắk"]]),
    ("III. TỔ CHỨC THỰC HIỆN\nĐề nghị Đài Phát thanh - Truyền hình tỉnh, Báo Nghệ An, Cổng Thông tin điện tử "
     "tỉnh phối hợp tuyên truyền.\n",
     [["Đài Phát thanh - Truyền hình tỉnh", "Báo Nghệ An", "Cổng Thông tin điện tử tỉnh"]]),
    # real: d01 — prefix shared over a colon list, names as written
    ("V. TỔ CHỨC THỰC HIỆN\n17. UBND các phường: Ba Đình, Hoàn Kiếm và UBND xã Bát Tràng.\n"
     "- Phối hợp với Sở Văn hóa và Thể thao chuẩn bị đầy đủ các điều kiện.\n",
     [["UBND phường Ba Đình", "UBND phường Hoàn Kiếm", "UBND xã Bát Tràng"]]),
    # real: 003 — an apposition between the subject and its verb
    ("II. NHIỆM VỤ\n1. Các cấp ủy đảng, trước hết là người đứng đầu cần xác định phòng, chống ma túy là "
     "nhiệm vụ trọng tâm.\n", [["Các cấp ủy đảng"]]),
]


@pytest.mark.parametrize("text,expected", NAMES)
def test_lead_names(text, expected):
    assert leads(text) == expected


def test_bản_chất_is_not_an_agency():
    text = ("II. NHIỆM VỤ\n1. Bản chất của vấn đề này là công tác quản lý chưa chặt chẽ.\n"
            "2. Sở Y tế chủ trì rà soát quy trình cấp phép.\n")
    assert leads(text) == [["Sở Y tế"]]


# --- 2. umbrella requests: subject-less items take the umbrella's addressees -------------
UMBRELLA_TTG = (
    "Để bảo đảm cung ứng điện mùa khô năm 2025, Thủ tướng Chính phủ yêu cầu các Bộ trưởng, Thủ trưởng "
    "cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố "
    "trực thuộc trung ương (sau đây gọi tắt là các bộ, ngành, địa phương):\n"
    "1. Quán triệt, chỉ đạo các đơn vị thuộc phạm vi quản lý sử dụng điện tiết kiệm.\n"
    "2. Rà soát, bố trí nguồn lực thực hiện các dự án nguồn điện trước ngày 30/6/2025.\n"
)
UMBRELLA_TCT = (
    "Tổng cục Thuế đề nghị các Cục Thuế tổ chức thực hiện một số công việc sau:\n"
    "a) Rà soát danh sách người nộp thuế có rủi ro cao.\n"
    "b) Báo cáo kết quả về Tổng cục Thuế trước ngày 15/12/2023.\n"
)
UMBRELLA = [
    (UMBRELLA_TTG, 2, ["các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
                       "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    (UMBRELLA_TCT, 2, ["các Cục Thuế"]),
    # real: d07 — a council's request to the provincial committee, items without subjects
    ("II. NHIỆM VỤ, GIẢI PHÁP\nHội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh cần phải thực hiện tốt "
     "các nhiệm vụ, giải pháp trọng tâm sau:\n1. Tập trung cải thiện môi trường đầu tư kinh doanh.\n"
     "2. Đẩy mạnh cải cách hành chính.\n", 2, ["Ủy ban nhân dân tỉnh"]),
]


@pytest.mark.parametrize("text,count,lead", UMBRELLA)
def test_umbrella_items(text, count, lead):
    tasks = tasks_of(text)
    assert len(tasks) == count
    assert all(t.lead == lead for t in tasks)
    assert all(t.text[:1].isdigit() or t.text[:2] in {"a)", "b)"} for t in tasks)


def test_umbrella_item_deadline():
    dates = [deadline_at(UMBRELLA_TCT, "trước ngày 15/12/2023", "2023-12-15")]
    tasks = tasks_of(UMBRELLA_TCT, dates)
    assert [t.deadline.date if t.deadline else None for t in tasks] == [None, "2023-12-15"]


def test_collective_umbrella_is_one_block():
    # real: 001 — a request to collective party bodies and its items are one task
    text = ("II. Nhiệm vụ\nBan Thường vụ Tỉnh ủy yêu cầu cấp ủy, tổ chức đảng trực thuộc Tỉnh ủy tập trung "
            "thực hiện tốt một số nhiệm vụ trọng tâm sau:\n1. Tiếp tục tuyên truyền, quán triệt Chỉ thị số "
            "36-CT/TW.\n2. Nâng cao chất lượng công tác cai nghiện.\n")
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["cấp ủy, tổ chức đảng trực thuộc Tỉnh ủy"]]
    assert tasks[0].text.endswith("cai nghiện.")


# --- 3. the issuer's narrative is not a task --------------------------------------------
NARRATIVE = [
    "Ngày 10/5/2024, Thủ tướng Chính phủ đã chủ trì cuộc họp với các bộ, ngành. Thủ tướng Chính phủ có ý "
    "kiến chỉ đạo như sau:\n",
    "Thời gian qua, Bộ Công Thương đã chỉ đạo các doanh nghiệp bảo đảm cung ứng xăng dầu.\n",
    "Ủy ban nhân dân tỉnh Bình Định xây dựng Kế hoạch thực hiện như sau:\n",
    "ngày 15/3/2024 của Bộ Tài chính hướng dẫn về quản lý kinh phí, Sở Tài chính đã tổng hợp.\n",
    "Bộ Y tế đã ban hành nhiều văn bản hướng dẫn các địa phương.\n",
    "Thực hiện Công văn số 1234/BTC-NSNN, Bộ Tài chính tổng hợp ý kiến và thông báo kết quả như sau:\n",
    "Ban Thường vụ Tỉnh ủy kết luận như sau:\n",
    "Bản chất của vấn đề này là công tác phối hợp giữa các cơ quan còn lỏng lẻo.\n",
    "Quy định số 15/2020/QĐ-UBND ngày 03/02/2020 của\nỦy ban nhân dân tỉnh quy định chi tiết về quản lý vật liệu nổ.\n",
]


@pytest.mark.parametrize("text", NARRATIVE)
def test_narrative_is_not_a_task(text):
    assert tasks_of("II. NỘI DUNG\n" + text) == []


# --- 4. hard-wrapped lines continue their item ----------------------------------------------
WRAPPED = [
    ("II. NHIỆM VỤ\n1. Sở Tài chính chủ trì hướng dẫn thực hiện Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của\n"
     "Chính phủ quy định chi tiết về xử phạt vi phạm hành chính.\n2. Sở Nội vụ chủ trì rà soát biên chế.\n",
     [["Sở Tài chính"], ["Sở Nội vụ"]]),
    ("II. NHIỆM VỤ\n- Trung tâm Kiểm soát bệnh tật tỉnh tập trung triển khai tiêm chủng theo chỉ đạo của\n"
     "UBND tỉnh (hoàn thành trong tháng 6/2024) để bảo đảm tỷ lệ bao phủ.\n",
     [["Trung tâm Kiểm soát bệnh tật tỉnh"]]),
    ("II. NHIỆM VỤ\n1. Sở Xây dựng chủ trì, phối hợp với các sở, ngành liên quan kiểm tra các công trình\n"
     "xây dựng trên địa bàn tỉnh.\n", [["Sở Xây dựng"]]),
]


@pytest.mark.parametrize("text,expected", WRAPPED)
def test_wrapped_lines(text, expected):
    assert leads(text) == expected


# --- 5. a follow-on line inside an agency item stays in it ---------------------------------
def test_follow_on_line_in_agency_item():
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh\n- Chủ trì bảo đảm an ninh, trật tự.\n"
            "Trong đó giao Giám đốc Công an tỉnh chỉ đạo thực hiện:\n- Tăng cường tuần tra, kiểm soát.\n"
            "2. Văn phòng UBND tỉnh: Phối hợp với Sở Tư pháp theo dõi việc thực hiện.\n")
    tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Công an tỉnh"], ["Văn phòng UBND tỉnh"]]
    assert "Tăng cường tuần tra" in tasks[0].text
    assert tasks[1].support == ["Sở Tư pháp"]


# --- 6. the closing responsibility clause of a decision ------------------------------------
CLOSING = (
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân "
    "các huyện, thị xã, thành phố và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định "
    "này./.\n"
)


def test_closing_clause_after_article():
    assert leads(CLOSING) == [["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc các sở, ban, ngành tỉnh",
                               "Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố",
                               "các cơ quan, đơn vị có liên quan"]]


def test_closing_clause_real_d02():
    text = (RAW / "d02.txt").read_text(encoding="utf-8")
    closing = [t for t in tasks_of(text) if "chịu trách nhiệm thi hành" in t.text]
    assert len(closing) == 1
    assert closing[0].lead[0] == "Chánh Văn phòng Ủy ban nhân dân Thành phố"


# --- 7. page-break noise inside a task -------------------------------------------------------
PAGE_NOISE = [
    "II. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra các cơ sở khám bệnh, chữa bệnh\n\n--- PAGE BREAK ---\n\n"
    "trên địa bàn, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/9/2024.\n2. Sở Tài chính bố trí kinh phí.\n",
    "II. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra các cơ sở khám bệnh, chữa bệnh\n\n7\n\n"
    "trên địa bàn, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/9/2024.\n2. Sở Tài chính bố trí kinh phí.\n",
]


@pytest.mark.parametrize("text", PAGE_NOISE)
def test_page_break_inside_task(text):
    dates = [deadline_at(text, "trước ngày 30/9/2024", "2024-09-30")]
    tasks = tasks_of(text, dates)
    assert [t.lead for t in tasks] == [["Sở Y tế"], ["Sở Tài chính"]]
    assert tasks[0].deadline is not None and tasks[0].deadline.date == "2024-09-30"
    assert tasks[0].report_to == ["Ủy ban nhân dân tỉnh"]


# --- 8. office holders as leads: a title plus the body or class it heads -------------------
_IMPL = "III. TỔ CHỨC THỰC HIỆN\n"
OFFICE_HOLDERS = [
    (_IMPL + "1. Bộ trưởng Bộ Y tế chủ trì, phối hợp với các bộ, ngành liên quan hướng dẫn thực hiện.\n",
     [["Bộ trưởng Bộ Y tế"]]),
    (_IMPL + "1. Giám đốc Sở Tài chính có trách nhiệm bố trí kinh phí thực hiện Kế hoạch.\n",
     [["Giám đốc Sở Tài chính"]]),
    (_IMPL + "2. Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo triển khai trên địa bàn.\n",
     [["Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố"]]),
    (_IMPL + "3. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban "
     "nhân dân các tỉnh, thành phố trực thuộc Trung ương khẩn trương rà soát các dự án.\n",
     [["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ",
       "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]]),
    (_IMPL + "7. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ tổ chức thực hiện Chỉ thị này.\n",
     [["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"]]),
    ("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch Ủy "
     "ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.\n",
     [["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc các sở", "Thủ trưởng các ban, ngành",
       "Chủ tịch Ủy ban nhân dân các huyện"]]),
    (_IMPL + "4. Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách lĩnh vực đôn đốc thực hiện.\n",
     [["Phó Chủ tịch Ủy ban nhân dân tỉnh"]]),
    (_IMPL + "5. Cục trưởng Cục Quản lý thị trường tỉnh chỉ đạo kiểm tra, xử lý vi phạm.\n",
     [["Cục trưởng Cục Quản lý thị trường tỉnh"]]),
    (_IMPL + "5. Tổng cục trưởng Tổng cục Thuế chỉ đạo các Cục Thuế đẩy mạnh thu ngân sách.\n",
     [["Tổng cục trưởng Tổng cục Thuế"]]),
    (_IMPL + "6. Vụ trưởng Vụ Pháp chế thẩm định dự thảo Thông tư.\n", [["Vụ trưởng Vụ Pháp chế"]]),
    (_IMPL + "6. Trưởng ban Ban Tuyên giáo Tỉnh ủy quán triệt nội dung Chỉ thị.\n",
     [["Trưởng ban Ban Tuyên giáo Tỉnh ủy"]]),
    (_IMPL + "7. Bí thư các huyện ủy, thị ủy, thành ủy tập trung lãnh đạo thực hiện.\n",
     [["Bí thư các huyện ủy, thị ủy, thành ủy"]]),
    (_IMPL + "8. Thủ trưởng các sở, ban, ngành tỉnh tổng hợp, báo cáo kết quả về Sở Nội vụ.\n",
     [["Thủ trưởng các sở, ban, ngành tỉnh"]]),
    (_IMPL + "9. Thứ trưởng Bộ Tài chính phê duyệt phương án.\n", [["Thứ trưởng Bộ Tài chính"]]),
    (_IMPL + "9. Phó Giám đốc Sở Y tế theo dõi, tổng hợp tình hình.\n", [["Phó Giám đốc Sở Y tế"]]),
    (_IMPL + "10. Giao Giám đốc Công an tỉnh chủ trì bảo đảm an ninh.\n", [["Giám đốc Công an tỉnh"]]),
    (_IMPL + "11. Chủ tịch Ủy ban nhân dân cấp xã thực hiện kiểm tra.\n", [["Chủ tịch Ủy ban nhân dân cấp xã"]]),
]


@pytest.mark.parametrize("text,expected", OFFICE_HOLDERS)
def test_office_holder_leads(text, expected):
    assert leads(text) == expected


def test_office_holder_support():
    text = (_IMPL + "8. Giám đốc Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Giám đốc Sở Tài chính cân đối vốn.\n")
    tasks = tasks_of(text)
    assert [(t.lead, t.support) for t in tasks] == [(["Giám đốc Sở Kế hoạch và Đầu tư"], ["Giám đốc Sở Tài chính"])]
