"""Dates, deadlines, periods, durations and recurrences: exact values on real sentences.

Sentences are taken from corpora/raw (file named in the comment); a few forms the
issue lists but the corpus lacks are written in the same register and marked "form".
"""

from __future__ import annotations

from datetime import date

import pytest

from vbextract.schema import DateMention, Reference
from vbextract.temporal import deadline_in_span, find_dates, task_deadline

D = date.fromisoformat

# sentence, doc_date, mention text, kind, value, granularity, start_date, end_date, rrule
CASES = [
    # absolute dates in every written form
    ("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị", None,  # 000
     "ngày 16/8/2019", "date", "2019-08-16", "day", None, None, None),
    ("Nghị định số 75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 của Chính phủ", None,  # d04
     "ngày 19 tháng 10 năm 2023", "date", "2023-10-19", "day", None, None, None),
    ("CÔNG BÁO/Số 271/Ngày 12-05-2026", None,  # d04
     "Ngày 12-05-2026", "date", "2026-05-12", "day", None, None, None),
    ("Thời gian ky: 30.11.2022 14:39", None,  # d05
     "30.11.2022", "date", "2022-11-30", "day", None, None, None),
    ("Ngày ký: 2026-05-08 16:42:06 +07:00", None,  # d04
     "2026-05-08", "date", "2026-05-08", "day", None, None, None),
    ("Công văn số 997/TCT-TTKT ngày 4/4/2022 về việc tăng cường", None,  # d05
     "ngày 4/4/2022", "date", "2022-04-04", "day", None, None, None),
    ("Nghị quyết này có hiệu lực thi hành kể từ ngày 14 tháng 7 năm 2017.", None,  # d10
     "ngày 14 tháng 7 năm 2017", "date", "2017-07-14", "day", None, None, None),
    # deadlines
    ("trình Thường trực Tỉnh ủy (đồng gửi Ban Nội chính Tỉnh ủy) trước ngày 21/6/2024.", None,  # 000
     "trước ngày 21/6/2024", "deadline", "2024-06-21", "day", None, None, None),
    ("báo cáo kết quả thực hiện về Tổng cục Thuế trước ngày 05/12/2022.", D("2022-11-29"),  # d05
     "trước ngày 05/12/2022", "deadline", "2022-12-05", "day", None, None, None),
    ("tổ chức thực hiện theo Điều 1 Nghị quyết này xong trước ngày 01 tháng 5 năm 2026, báo cáo",
     D("2026-04-25"),  # d04
     "xong trước ngày 01 tháng 5 năm 2026", "deadline", "2026-05-01", "day", None, None, None),
    ("các hạng mục chính hoàn thành, hoạt động ngay trước thời điểm 30/4/2026 phục vụ thoát nước",
     None,  # d02
     "trước thời điểm 30/4/2026", "deadline", "2026-04-30", "day", None, None, None),
    ("Tổ chức kiểm tra việc thực hiện (có kế hoạch cụ thể, dự kiến trong Quý 3/2021).", None,  # 004
     "dự kiến trong Quý 3/2021", "deadline", "2021-09-30", "quarter", "2021-07-01", "2021-09-30",
     None),
    ("(ii) Hoàn thành trong năm 2026 Dự án Đầu tư xây dựng chống úng ngập cục bộ", None,  # d02
     "Hoàn thành trong năm 2026", "deadline", "2026-12-31", "year", "2026-01-01", "2026-12-31",
     None),
    ("đảm bảo đến cuối năm 2017 phải có các sản phẩm liên kết cụ thể.", D("2017-07-13"),  # d07
     "đến cuối năm 2017", "deadline", "2017-12-31", "year", "2017-01-01", "2017-12-31", None),
    ("Cụ thể trong 6 tháng cuối năm 2017 cần phải thực hiện tốt các nhiệm vụ", D("2017-07-13"),  # d07
     "trong 6 tháng cuối năm 2017", "deadline", "2017-12-31", "half_year", "2017-07-01",
     "2017-12-31", None),
    ("- Thời gian dự kiến: ngày 11/9/2026 (thứ Sáu).", None,  # d01
     "Thời gian dự kiến: ngày 11/9/2026", "deadline", "2026-09-11", "day", None, None, None),
    ("- Thời gian dự kiến: từ ngày 11/9/2026 đến ngày 20/9/2026.", None,  # d01
     "Thời gian dự kiến: từ ngày 11/9/2026 đến ngày 20/9/2026", "deadline", "2026-09-20", "day",
     "2026-09-11", "2026-09-20", None),
    ("- Thời gian dự kiến: từ ngày 11/9 đến hết năm 2026.", None,  # d01
     "Thời gian dự kiến: từ ngày 11/9 đến hết năm 2026", "deadline", "2026-12-31", "year",
     "2026-09-11", "2026-12-31", None),
    ("Các sở gửi báo cáo về Sở Nội vụ trước 30/6.", D("2024-03-15"),  # form
     "trước 30/6", "deadline", "2024-06-30", "day", None, None, None),
    ("Các sở hoàn thành việc rà soát trong tháng 10/2024.", D("2024-08-01"),  # form
     "trong tháng 10/2024", "deadline", "2024-10-31", "month", "2024-10-01", "2024-10-31", None),
    ("Ban hành quy chế hoàn thành trong Quý III/2026.", None,  # form
     "hoàn thành trong Quý III/2026", "deadline", "2026-09-30", "quarter", "2026-07-01",
     "2026-09-30", None),
    ("Tổ chức sơ kết, hoàn thành trong 6 tháng đầu năm 2025.", D("2024-12-20"),  # form
     "hoàn thành trong 6 tháng đầu năm 2025", "deadline", "2025-06-30", "half_year", "2025-01-01",
     "2025-06-30", None),
    ("Báo cáo gửi Sở Tư pháp chậm nhất là ngày 15/01/2025.", None,  # form
     "chậm nhất là ngày 15/01/2025", "deadline", "2025-01-15", "day", None, None, None),
    # not deadlines
    ("- Mốc thời gian tổng hợp, thống kê số liệu báo cáo sơ kết: Tính từ ngày 15/12/2019 đến ngày "
     "15/6/2024.", None,  # 000
     "Tính từ ngày 15/12/2019 đến ngày 15/6/2024", "period", None, "day", "2019-12-15",
     "2024-06-15", None),
    ("triển khai thực hiện Chương trình phòng, chống ma túy giai đoạn 2021-2025;", None,  # 001
     "giai đoạn 2021-2025", "period", None, "year", "2021-01-01", "2025-12-31", None),
    ("từ nay đến năm 2030, đảm bảo mục tiêu ít nhất 20% đơn vị hành chính cấp xã", None,  # 002
     "đến năm 2030", "period", "2030-12-31", "year", None, "2030-12-31", None),
    ("không ma túy trong năm 2025, đến năm 2030 đạt ít nhất 50%", None,  # 002
     "năm 2025", "period", None, "year", "2025-01-01", "2025-12-31", None),
    ("- Thời gian thực hiện: từ quý II/2026.", None,  # d01
     "từ quý II/2026", "period", "2026-04-01", "quarter", "2026-04-01", None, None),
    ("Công tác sửa chữa được triển khai trước mùa mưa năm 2026.", None,  # d02
     "năm 2026", "period", None, "year", "2026-01-01", "2026-12-31", None),
    ("tình hình kinh tế - xã hội của tỉnh trong 6 tháng đầu năm 2017 tiếp tục chuyển biến",
     D("2017-07-13"),  # d07: a past half-year is not a deadline
     "6 tháng đầu năm 2017", "period", None, "half_year", "2017-01-01", "2017-06-30", None),
    ("Phấn đấu 22 xã đã đăng ký sẽ đạt chuẩn nông thôn mới trong năm 2017.", D("2017-07-13"),  # d07
     "năm 2017", "period", None, "year", "2017-01-01", "2017-12-31", None),
    # durations
    ("Trong thời hạn 15 ngày kể từ ngày 01/7/2024, các sở gửi báo cáo.", None,  # form
     "Trong thời hạn 15 ngày kể từ ngày 01/7/2024", "duration", "2024-07-16", "day", "2024-07-01",
     "2024-07-16", None),
    ("Trong thời hạn 30 ngày kể từ ngày ký ban hành, các sở gửi báo cáo.", D("2026-04-25"),  # form
     "Trong thời hạn 30 ngày kể từ ngày ký ban hành", "duration", "2026-05-25", "day", "2026-04-25",
     "2026-05-25", None),
    ("trong thời hạn 15 ngày làm việc", None,  # form: working days are not resolved
     "trong thời hạn 15 ngày làm việc", "duration", None, None, None, None, None),
    # recurrences
    ("Hằng năm, xây dựng kế hoạch, triển khai đồng bộ", None,  # 003
     "Hằng năm", "recurrence", None, None, None, None, "FREQ=YEARLY"),
    ("xây dựng lộ trình thực hiện hàng năm đảm bảo", None,  # 002
     "hàng năm", "recurrence", None, None, None, None, "FREQ=YEARLY"),
    ("Định kỳ 6 tháng, 1 năm có báo cáo kết quả thực hiện theo quy định.", None,  # 004
     "Định kỳ 6 tháng", "recurrence", None, None, None, None, "FREQ=MONTHLY;INTERVAL=6"),
    ("Định kỳ hằng tháng nghe báo cáo, kịp thời phát hiện", None,  # 003
     "Định kỳ hằng tháng", "recurrence", None, None, None, None, "FREQ=MONTHLY"),
    ("Cục Thuế định kỳ theo quý báo cáo kết quả", None,  # d05
     "định kỳ theo quý", "recurrence", None, None, None, None, "FREQ=MONTHLY;INTERVAL=3"),
    ("Các đơn vị báo cáo hằng quý về Sở Tài chính.", None,  # form
     "hằng quý", "recurrence", None, None, None, None, "FREQ=MONTHLY;INTERVAL=3"),
    ("Định kỳ ngày 20 hàng tháng báo cáo Sở Xây dựng", D("2026-04-29"),  # d02
     "Định kỳ ngày 20 hàng tháng", "recurrence", "2026-05-20", "day", None, None,
     "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("hưởng ứng “Tháng hành động phòng, chống ma túy” (tháng 6 hàng năm)", D("2022-12-05"),  # 001
     "tháng 6 hàng năm", "recurrence", "2023-06-30", "month", "2023-06-01", "2023-06-30",
     "FREQ=YEARLY;BYMONTH=6"),
    ("“Ngày toàn dân phòng, chống ma túy” (ngày 26/6 hàng năm).", D("2022-12-05"),  # 001
     "ngày 26/6 hàng năm", "recurrence", "2023-06-26", "day", None, None,
     "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26"),
]


@pytest.mark.parametrize(
    "sentence, doc_date, mention, kind, value, granularity, start_date, end_date, rrule", CASES
)
def test_expression(sentence, doc_date, mention, kind, value, granularity, start_date, end_date, rrule):
    dates, _ = find_dates(sentence, doc_date=doc_date)
    found = [d for d in dates if d.text == mention]
    assert len(found) == 1, [d.text for d in dates]
    d = found[0]
    assert sentence[d.start : d.end] == mention
    assert (d.kind, d.value, d.granularity, d.start_date, d.end_date, d.rrule) == (
        kind, value, granularity, start_date, end_date, rrule
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhiệm vụ thực hiện thường xuyên, liên tục.",  # 003: not a recurrence
        "“Ngày Quốc tế và ngày Toàn dân phòng, chống ma túy - 26/6”.",  # 004: a commemoration
        "bố trí nhân lực vận hành 24/24h, đo kiểm (08/08 huyện, thành phố)",  # d02, d03
        "giảm từ 5-10% ở cả 3 tiêu chí",  # d07
        "Trung tâm Quản lý HTKT thành phố Hà Nội: 0243.6269.37.23",  # d02: a phone number
    ],
)
def test_no_date(sentence):
    assert find_dates(sentence)[0] == []


def test_reference_date_is_never_a_deadline():
    text = "Giao Sở Tư pháp xong trước Quyết định số 12/QĐ-UBND ngày 16/8/2025 của tỉnh."
    ref_start = text.index("Quyết định")
    ref = Reference(id="r1", text=text[ref_start:-1], start=ref_start, end=len(text) - 1, key="12/QĐ-UBND")
    dates, _ = find_dates(text, references=[ref])
    assert [(d.kind, d.value) for d in dates] == [("date", "2025-08-16")]


def test_missing_year_warns_without_doc_date():
    dates, warnings = find_dates("Các sở báo cáo trước ngày 30/6.")
    assert [(d.kind, d.value, d.text) for d in dates] == [("deadline", None, "trước ngày 30/6")]
    assert [w.code for w in warnings] == ["year_unresolved"]


def test_yearless_deadline_after_doc_date_rolls_to_next_year():
    dates, _ = find_dates("Các sở báo cáo trước ngày 15/01.", doc_date=D("2024-12-10"))
    assert [d.value for d in dates] == ["2025-01-15"]


def test_invalid_date_warns():
    dates, warnings = find_dates("Hà Nội, ngày 29 tháng 44 năm 2022")  # d05 (OCR)
    assert [w.code for w in warnings] == ["invalid_date"]
    assert all(d.granularity != "day" for d in dates)


def test_past_deadline_is_an_event():
    dates, _ = find_dates("báo cáo trước ngày 17/6/2024.", doc_date=D("2024-07-01"))
    assert [(d.kind, d.value) for d in dates] == [("date", "2024-06-17")]


def test_schedule_table_cell_is_a_deadline():
    text = (  # d03, the appendix table
        "TT | Nhiệm vụ thựchiện | Đơn vịchủ trì | Thờigian thựchiện | Ghichú\n"
        "1 | Tập trung mở rộng vùng phủ sóng | Các doanh nghiệp viễn thông | 2024-2025 | x\n"
        "2 | Xây dựng Quy hoạch hạ tầng viễn thông thụ động | Sở | 2025 | y\n"
    )
    dates, _ = find_dates(text)
    assert [(d.text, d.kind, d.value) for d in dates] == [
        ("2024-2025", "deadline", "2025-12-31"),
        ("2025", "deadline", "2025-12-31"),
    ]


def test_deadline_in_span_takes_the_final_deadline():
    text = (  # d04, Điều 2.3
        "yêu cầu Bộ Tài chính, Bảo hiểm xã hội Việt Nam khẩn trương thực hiện theo Nghị định số "
        "75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 xong trước ngày 01 tháng 5 năm 2026 đối với chi phí "
        "năm 2023, xong trước ngày 01 tháng 8 năm 2026 đối với chi phí năm 2024."
    )
    dates, _ = find_dates(text, doc_date=D("2026-04-25"))
    best = deadline_in_span(dates, 0, len(text))
    assert best is not None and (best.value, best.text) == ("2026-08-01", "xong trước ngày 01 tháng 8 năm 2026")
    assert deadline_in_span(dates, 0, text.index("xong")) is None
    assert task_deadline(dates, 0, len(text)).date == "2026-08-01"


def test_deadline_in_span_falls_back_to_a_recurrence():
    rec = DateMention(id="d1", text="hằng năm", start=5, end=13, kind="recurrence", rrule="FREQ=YEARLY")
    assert deadline_in_span([rec], 0, 20) == rec


def test_ids_and_offsets_follow_the_text():
    text = "Thực hiện Kế hoạch số 230-KH/ĐUCA ngày 26/4/2024; báo cáo trước ngày 17/6/2024."  # 000
    dates, _ = find_dates(text)
    assert [d.id for d in dates] == ["d1", "d2"]
    assert [(d.kind, d.value) for d in dates] == [("date", "2024-04-26"), ("deadline", "2024-06-17")]


@pytest.mark.parametrize("sentence, doc_date", [(c[0], c[1]) for c in CASES])
def test_stable_under_doubled_spaces_and_line_breaks(sentence, doc_date):
    def key(text):
        return [(d.kind, d.value, d.granularity, d.start_date, d.end_date, d.rrule) for d in find_dates(text, doc_date=doc_date)[0]]

    assert key(sentence.replace(" ", "  ")) == key(sentence)
    assert key(sentence.replace(" ", "\n", 1)) == key(sentence)
