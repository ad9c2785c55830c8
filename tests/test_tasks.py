"""Tasks stage: one table per form, real text from corpora/raw, exact leads,
supports, deadlines and report_to; plus property tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract.agencies import find_agencies
from vbextract.normalize import normalize
from vbextract.schema import DateMention
from vbextract.tasks import find_tasks

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"


def tasks_of(text: str, dates: list[DateMention] | None = None):
    text = normalize(text).text
    return text, find_tasks(text, sections=[], agencies=find_agencies(text), dates=dates or [])


def only(text: str, dates: list[DateMention] | None = None):
    _, tasks = tasks_of(text, dates)
    assert len(tasks) == 1, [t.text for t in tasks]
    return tasks[0]


def deadline(text: str, phrase: str, value: str) -> DateMention:
    """A deadline mention as the temporal stage gives it, located in the normalised text."""
    norm = normalize(text).text
    start = norm.index(phrase)
    return DateMention(id="d1", text=phrase, start=start, end=start + len(phrase),
                       kind="deadline", granularity="day", value=value)


SEED_000_ITEM_2 = (
    "III. TỔ CHỨC THỰC HIỆN\n\n"
    "2. Giao Đảng ủy Công an tỉnh theo dõi, hướng dẫn, đôn đốc việc thực hiện Kế hoạch này; tham mưu "
    "dự thảo báo cáo của Ban Thường vụ Tỉnh ủy về sơ kết 05 năm thực hiện Chỉ thị số 36-CT/TW, trình "
    "Thường trực Tỉnh ủy (đồng gửi Ban Nội chính Tỉnh ủy) trước ngày 21/6/2024.\n"
)


# --- "Giao X (chủ trì,) …" -------------------------------------------------------
GIAO = [
    (SEED_000_ITEM_2, ["Đảng ủy Công an tỉnh"], [], "Thường trực Tỉnh ủy"),
    ("III. TỔ CHỨC THỰC HIỆN\n3. Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành liên quan tham mưu "
     "cho Ủy ban nhân dân tỉnh, Ban Chỉ đạo 138 tỉnh, hướng dẫn, kiểm tra, đôn đốc, giám sát việc thực hiện "
     "Kế hoạch này.\n", ["Công an tỉnh"], ["các sở, ngành liên quan"], None),
    ("III. TỔ CHỨC THỰC HIỆN\nGiao Đảng ủy Công an tỉnh tiếp tục phối hợp với Ban Nội chính Tỉnh ủy theo dõi "
     "việc thực hiện và báo cáo kết quả về Ban Thường vụ Tỉnh ủy.\n",
     ["Đảng ủy Công an tỉnh"], ["Ban Nội chính Tỉnh ủy"], "Ban Thường vụ Tỉnh ủy"),
]


@pytest.mark.parametrize("text,lead,support,report", GIAO)
def test_giao(text, lead, support, report):
    task = only(text)
    assert task.lead == lead
    assert task.support == support
    if report:
        assert report in task.report_to


def test_giao_deadline_from_dates():
    dates = [deadline(SEED_000_ITEM_2, "trước ngày 21/6/2024", "2024-06-21")]
    task = only(SEED_000_ITEM_2, dates)
    assert task.deadline is not None and task.deadline.date == "2024-06-21"
    assert task.deliverable == "báo cáo"
    assert task.action.startswith("theo dõi, hướng dẫn, đôn đốc")


# --- "X chủ trì / có trách nhiệm / <verb> …" (subject form) ---------------------------
SUBJECT = [
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành, Ủy ban nhân dân các xã, phường tổ chức quán triệt, tuyên "
     "truyền sâu rộng Kết luận số 132-KL/TW. Riêng Công an Tỉnh và Ủy ban nhân dân xã, phường xây dựng kế "
     "hoạch riêng.\n", ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"]),
    ("II- NHIỆM VỤ VÀ GIẢI PHÁP\n\nHội đồng nhân dân, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các "
     "cấp cần tăng cường thực hiện chức năng giám sát trong công tác phòng, chống và kiểm soát ma túy.\n",
     ["Hội đồng nhân dân", "Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội các cấp"]),
    ("Điều 2. Tổ chức thực hiện\n4. Cơ sở khám bệnh, chữa bệnh chịu trách nhiệm về tính chính xác của các "
     "chi phí khám bệnh, chữa bệnh đã đề nghị thanh toán.\n", ["Cơ sở khám bệnh, chữa bệnh"]),
    ("II. NỘI DUNG\n- Đảng đoàn: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Hội Nông dân "
     "tỉnh; Ban Thường vụ Tỉnh đoàn đánh giá kết quả thực hiện các kế hoạch liên tịch.\n",
     ["Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Đảng đoàn Liên đoàn Lao động tỉnh",
      "Đảng đoàn Hội Nông dân tỉnh", "Ban Thường vụ Tỉnh đoàn"]),
]


@pytest.mark.parametrize("text,lead", SUBJECT)
def test_subject(text, lead):
    assert only(text).lead == lead


def test_riêng_stays_inside_its_item():
    task = only(SUBJECT[0][0])
    assert "Riêng Công an Tỉnh" in task.text


def test_new_subject_sentence_splits():
    text = ("Điều 2. Tổ chức thực hiện\n5. Bộ Y tế chịu trách nhiệm về việc tổng hợp số liệu. Bộ Tài chính, "
            "Bảo hiểm xã hội Việt Nam, cơ quan bảo hiểm xã hội chịu trách nhiệm về số liệu đã rà soát.\n")
    _, tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [
        ["Bộ Y tế"], ["Bộ Tài chính", "Bảo hiểm xã hội Việt Nam", "cơ quan bảo hiểm xã hội"]]


# --- "Đề nghị X …" / "Yêu cầu X …" -------------------------------------------------------
REQUEST = [
    ("V. TỔ CHỨC THỰC HIỆN\n4. Đề nghị Ban Tuyên giáo và Dân vận Thành ủy\n- Chỉ đạo và định hướng các cơ "
     "quan báo chí của Thành phố tuyên truyền, đưa tin về Chương trình.\n", ["Ban Tuyên giáo và Dân vận Thành ủy"]),
    ("Điều 2. Tổ chức thực hiện\nĐối với chi phí khám bệnh, chữa bệnh bảo hiểm y tế vượt dự toán năm 2023, "
     "2024, yêu cầu Bộ Tài chính, Bảo hiểm xã hội Việt Nam khẩn trương thực hiện theo đúng thẩm quyền.\n",
     ["Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"]),
    ("Tổng cục Thuế dé nghị các Cục Thuế, Chi cục Thuế nghiêm túc triển khai thực hién./.\n",
     ["các Cục Thuế", "Chi cục Thuế"]),
]


@pytest.mark.parametrize("text,lead", REQUEST)
def test_request(text, lead):
    assert only(text).lead == lead


# --- umbrella "… yêu cầu X … sau:" + items ---------------------------------------------------
def test_umbrella_to_named_body_gives_its_items():
    text = ("Điều 2. Hội đồng nhân dân tỉnh yêu cầu Ủy ban nhân dân tỉnh tập trung thực hiện một số nhiệm vụ, "
            "giải pháp chủ yếu sau:\n1. Chỉ đạo các ngành rà soát, đánh giá lại các quy hoạch.\n"
            "2. Thực hiện công khai danh mục các dự án thu hồi.\n")
    _, tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Ủy ban nhân dân tỉnh"]] * 2
    assert tasks[0].text.startswith("1. Chỉ đạo")


def test_umbrella_to_collective_subject_is_one_task():
    text = ("II. Về một số nhiệm vụ, giải pháp\n\nĐể tiếp tục phát huy kết quả, Ban Thường vụ Tỉnh ủy yêu cầu "
            "cấp ủy, tổ chức đảng trực thuộc Tỉnh ủy tập trung thực hiện tốt một số nhiệm vụ sau:\n\n"
            "1. Tiếp tục tuyên truyền, quán triệt.\n\n2. Thường xuyên rà soát danh sách người nghiện.\n")
    task = only(text)
    assert task.lead == ["cấp ủy, tổ chức đảng trực thuộc Tỉnh ủy"]
    assert task.text.endswith("người nghiện.")


def test_items_naming_no_agency_are_not_tasks():
    text = ("II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Tổ chức phổ biến, quán triệt sâu sắc Chỉ thị số 36-CT/TW.\n"
            "- Phối hợp với Sở Tài chính tăng cường đầu tư.\n")
    assert tasks_of(text)[1] == []


# --- agency heading whose items are its tasks; "X: …" -------------------------------------
HEADING = [
    ("IV. TỔ CHỨC THỰC HIỆN\n5. Sở Văn hóa - Thể thao và Du lịch\nChủ trì, phối hợp với các sở, ngành, địa "
     "phương có liên quan chỉ đạo các cơ quan báo chí.\n",
     ["Sở Văn hóa - Thể thao và Du lịch"], ["các sở, ngành, địa phương có liên quan"]),
    ("V. TỔ CHỨC THỰC HIỆN\n17. UBND các phường: Ba Đình, Hoàn Kiếm và UBND xã Bát Tràng.\n- Phối hợp với "
     "Sở Văn hóa và Thể thao chuẩn bị đầy đủ các điều kiện.\n",
     ["UBND phường Ba Đình", "UBND phường Hoàn Kiếm", "UBND xã Bát Tràng"], ["Sở Văn hóa và Thể thao"]),
    ("III. TỔ CHỨC THỰC HIỆN\n2.1. Công an Thành phố: phối hợp bố trí lực lượng ứng trực, triển khai phương "
     "án phân luồng.\n", ["Công an Thành phố"], []),
]


@pytest.mark.parametrize("text,lead,support", HEADING)
def test_agency_heading(text, lead, support):
    task = only(text)
    assert task.lead == lead
    assert task.support == support
    assert task.text.split("\n")[0].endswith(task.text.split("\n")[0].split(". ", 1)[-1])


# --- role fields and tables ---------------------------------------------------------------
def test_role_fields_of_an_activity():
    text = ("III. CÁC HOẠT ĐỘNG\n2.2. Chương trình nghệ thuật nhạc trẻ\n- Thời gian dự kiến: ngày 12/9/2026 "
            "(thứ Bảy).\n- Đơn vị chủ trì: Sở Văn hóa và Thể thao.\n- Đơn vị phối hợp: Các doanh nghiệp, tổ "
            "chức, cá nhân có liên quan.\n")
    norm = normalize(text).text
    start = norm.index("ngày 12/9/2026")
    date = DateMention(id="d1", text="ngày 12/9/2026", start=start, end=start + 14, kind="date",
                       granularity="day", value="2026-09-12")
    task = only(text, [date])
    assert task.lead == ["Sở Văn hóa và Thể thao"]
    assert task.support == ["Các doanh nghiệp, tổ chức, cá nhân có liên quan"]
    assert task.deadline is not None and task.deadline.date == "2026-09-12"


def test_table_rows_become_tasks():
    text = ("PHỤ LỤC\n\nTT | Nhiệm vụ thựchiện | Đơn vịchủ trì | Đơn vịphốihợp | Thờigian thựchiện\n\n"
            "1 | Tập trung mở rộng vùng phủ sóng | Các doanh nghiệp viễn thông | Sở TT&TT;\n"
            "UBND các huyện, thành phố | 2024-2025\n"
            "2 | Xây dựng Quy hoạch hạ tầng viễn thông thụ động | Sở Thông tin và\nTruyền thông | "
            "UBND các huyện, thành phố | 2025\n")
    _, tasks = tasks_of(text)
    assert [t.lead for t in tasks] == [["Các doanh nghiệp viễn thông"], ["Sở Thông tin và Truyền thông"]]
    assert tasks[0].support == ["Sở TT&TT", "UBND các huyện, thành phố"]


# --- whole documents: offsets and properties ---------------------------------------------------
DOCS = sorted(p.name for p in RAW.glob("*.txt"))


@pytest.mark.parametrize("name", DOCS)
def test_offsets_slice_back_and_ids(name):
    text, tasks = tasks_of((RAW / name).read_text(encoding="utf-8"))
    for i, task in enumerate(tasks, 1):
        assert task.id == f"t{i}"
        assert text[task.start:task.end] == task.text
        assert task.text.strip() == task.text


def _overlap_ok(tasks) -> bool:
    """Tasks either do not overlap or one holds the other (nested by design)."""
    spans = [(t.start, t.end) for t in tasks]
    for a in spans:
        for b in spans:
            if a < b and a[1] > b[0] and not (a[0] <= b[0] and b[1] <= a[1]):
                return False
    return True


@pytest.mark.parametrize("name", DOCS)
def test_tasks_do_not_cross(name):
    assert _overlap_ok(tasks_of((RAW / name).read_text(encoding="utf-8"))[1])


NOISE = st.sampled_from(["", " ", "  ", "**", "\n"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(NOISE, NOISE), min_size=6, max_size=6))
def test_stable_under_whitespace_and_markdown_noise(noise):
    lines = SEED_000_ITEM_2.strip().split("\n") + [
        "3. Giao Ban Nội chính Tỉnh ủy thẩm định dự thảo báo cáo sơ kết; hoàn chỉnh và trình Thường trực Tỉnh ủy."]
    noisy = "\n".join(f"{a}{line}{' ' if b == '**' else b}" for line, (a, b) in zip(lines, noise))
    base = [t.lead for t in tasks_of(SEED_000_ITEM_2 + lines[-1] + "\n")[1]]
    assert [t.lead for t in tasks_of(noisy)[1]] == base


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/ -.:;,\nsốSở Giao Đề nghị các và")), max_size=400))
def test_no_crash_and_fast_on_junk(junk):
    text, tasks = tasks_of("III. TỔ CHỨC THỰC HIỆN\n" + junk)
    for task in tasks:
        assert text[task.start:task.end] == task.text
