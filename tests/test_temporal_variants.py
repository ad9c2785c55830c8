"""Date variants: every date form and cue of the corpus with other days, months, years, bodies and
numbers.  These guard generalisation: nothing here is taken from a corpus document."""

from __future__ import annotations

from datetime import date

import pytest

from vbextract.temporal import find_dates

D = date.fromisoformat

# sentence, document date, [(text, kind, value, granularity, start_date, end_date, rrule)]
CASES = [
    # deadlines: each cue, each written form of a day
    ("Các phòng gửi báo cáo về Văn phòng UBND huyện trước ngày 10/11/2023.", D("2023-10-02"),
     [("trước ngày 10/11/2023", "deadline", "2023-11-10", "day", None, None, None)]),
    ("UBND các xã hoàn thành trước ngày 15 tháng 3 năm 2027.", D("2027-01-05"),
     [("hoàn thành trước ngày 15 tháng 3 năm 2027", "deadline", "2027-03-15", "day", None, None, None)]),
    ("Nộp hồ sơ chậm nhất ngày 28/02/2025.", D("2025-01-10"),
     [("chậm nhất ngày 28/02/2025", "deadline", "2025-02-28", "day", None, None, None)]),
    ("Sở Tài chính tổng hợp, báo cáo không muộn hơn ngày 05-6-2024.", D("2024-05-01"),
     [("không muộn hơn ngày 05-6-2024", "deadline", "2024-06-05", "day", None, None, None)]),
    ("Báo cáo kết quả trước 15/12.", D("2024-01-01"),
     [("trước 15/12", "deadline", "2024-12-15", "day", None, None, None)]),
    # deadlines on coarser spans: due on the last day, or the day before for "trước"
    ("Triển khai xong trong Quý IV/2025.", D("2025-03-01"),
     [("xong trong Quý IV/2025", "deadline", "2025-12-31", "quarter", "2025-10-01", "2025-12-31", None)]),
    ("Hoàn thành trước Quý II năm 2028.", D("2027-11-11"),
     [("Hoàn thành trước Quý II năm 2028", "deadline", "2028-03-31", "quarter", "2028-04-01", "2028-06-30",
       None)]),
    ("Các đơn vị tổ chức tập huấn trong tháng 4 năm 2025.", D("2025-02-01"),
     [("trong tháng 4 năm 2025", "deadline", "2025-04-30", "month", "2025-04-01", "2025-04-30", None)]),
    ("Hoàn thành trong 6 tháng cuối năm 2026.", D("2026-01-15"),
     [("Hoàn thành trong 6 tháng cuối năm 2026", "deadline", "2026-12-31", "half_year", "2026-07-01",
       "2026-12-31", None)]),
    ("Đến hết năm 2025, đạt 80% số xã.", D("2024-07-20"),
     [("Đến hết năm 2025", "deadline", "2025-12-31", "year", "2025-01-01", "2025-12-31", None)]),
    # a schedule label over a span: due on its last day
    ("Thời gian thực hiện: từ ngày 01/7/2025 đến ngày 31/12/2025.", D("2025-06-20"),
     [("Thời gian thực hiện: từ ngày 01/7/2025 đến ngày 31/12/2025", "deadline", "2025-12-31", "day",
       "2025-07-01", "2025-12-31", None)]),
    ("Thời gian thực hiện: từ tháng 3/2024 đến tháng 6/2024.", D("2024-02-01"),
     [("Thời gian thực hiện: từ tháng 3/2024 đến tháng 6/2024", "deadline", "2024-06-30", "month",
       "2024-03-01", "2024-06-30", None)]),
    # periods
    ("Chương trình thực hiện giai đoạn 2026 - 2030, tầm nhìn đến năm 2045.", D("2025-10-01"),
     [("giai đoạn 2026 - 2030", "period", None, "year", "2026-01-01", "2030-12-31", None),
      ("đến năm 2045", "period", "2045-12-31", "year", None, "2045-12-31", None)]),
    # a cited document's date is a date, never a deadline
    ("Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2023 của UBND tỉnh.", D("2024-07-20"),
     [("ngày 05/01/2023", "date", "2023-01-05", "day", None, None, None)]),
    # recurrences
    ("Tổ chức Ngày pháp luật ngày 09/11 hằng năm.", D("2024-03-01"),
     [("ngày 09/11 hằng năm", "recurrence", "2024-11-09", "day", None, None,
       "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=9")]),
    ("Báo cáo định kỳ hằng quý về Sở Nội vụ.", D("2024-03-01"),
     [("định kỳ hằng quý", "recurrence", None, None, None, None, "FREQ=MONTHLY;INTERVAL=3")]),
    ("Báo cáo định kỳ 6 tháng, hằng năm.", D("2024-03-01"),
     [("định kỳ 6 tháng", "recurrence", None, None, None, None, "FREQ=MONTHLY;INTERVAL=6"),
      ("hằng năm", "recurrence", None, None, None, None, "FREQ=YEARLY")]),
    # tone marks lost or swapped in recurrence words
    ("Giao ban hàng tháng, báo cáo định ky 3 tháng.", D("2024-03-01"),
     [("hàng tháng", "recurrence", None, None, None, None, "FREQ=MONTHLY"),
      ("định ky 3 tháng", "recurrence", None, None, None, None, "FREQ=MONTHLY;INTERVAL=3")]),
    ("Kiểm tra hãng năm.", D("2024-03-01"),
     [("hãng năm", "recurrence", None, None, None, None, "FREQ=YEARLY")]),
    # durations and their anchors
    ("Trong thời hạn 30 ngày kể từ ngày 01/8/2024, các sở phải báo cáo.", D("2024-07-20"),
     [("Trong thời hạn 30 ngày kể từ ngày 01/8/2024", "duration", "2024-08-31", "day", "2024-08-01",
       "2024-08-31", None)]),
    ("Quyết định có hiệu lực sau 15 ngày kể từ ngày ký.", D("2024-07-20"),
     [("sau 15 ngày kể từ ngày ký", "duration", "2024-08-04", "day", "2024-07-20", "2024-08-04", None)]),
    ("Trong thời hạn 10 ngày làm việc kể từ ngày nhận được hồ sơ.", D("2024-07-20"),
     [("Trong thời hạn 10 ngày làm việc", "duration", None, None, None, None, None)]),
    # not dates
    ("Doanh thu tăng 5-10% so với cùng kỳ.", D("2024-01-01"), []),
]


@pytest.mark.parametrize("sentence, doc_date, expected", CASES)
def test_date_variants(sentence, doc_date, expected):
    mentions, _ = find_dates(sentence, doc_date=doc_date)
    got = [(m.text, m.kind, m.value, m.granularity, m.start_date, m.end_date, m.rrule) for m in mentions]
    assert got == expected


def test_impossible_date_warns_and_gives_nothing():
    mentions, warnings = find_dates("Báo cáo trước ngày 31/02/2024.", doc_date=D("2024-01-01"))
    assert mentions == [] and [w.code for w in warnings] == ["invalid_date"]
