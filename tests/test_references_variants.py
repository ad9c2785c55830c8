"""Citation variants: the citation grammar of the corpus with other provinces, bodies, numbers and
dates.  These guard generalisation: nothing here is taken from a corpus document."""

from __future__ import annotations

import pytest

from vbextract.references import find_references

# A body context: a title, a heading and an item, so that a sentence below is not the opening.
BODY = "KẾ HOẠCH\nPhòng chống dịch năm 2024\n\nI. MỤC ĐÍCH\n1. Nội dung.\n\nIII. TỔ CHỨC THỰC HIỆN\n"

# (sentence, symbol, doc_type, date, issuer, relation)
OPENING = [
    # state normative symbol, numeric date, "của" issuer, "Căn cứ" -> based_on
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
     "30/2020/NĐ-CP", "Nghị định", "2020-03-05", "Chính phủ", "based_on"),
    # party symbol, "Thực hiện" -> implements, main clause after it
    ("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập, "
     "Ban Thường vụ Thành ủy ban hành Kế hoạch thực hiện như sau:",
     "05-CT/TW", "Chỉ thị", "2016-05-15", "Bộ Chính trị", "implements"),
    # date in words, issuer with a level and a place, "Xét" -> based_on
    ("Xét Tờ trình số 1234/TTr-UBND ngày 12 tháng 11 năm 2023 của Ủy ban nhân dân tỉnh Nam Định về mức thu;",
     "1234/TTr-UBND", "Tờ trình", "2023-11-12", "Ủy ban nhân dân tỉnh Nam Định", "based_on"),
    # issuer on the left: "đề nghị của X tại <citation>"
    ("Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 88/TTr-STC ngày 02/3/2024.",
     "88/TTr-STC", "Tờ trình", "2024-03-02", "Giám đốc Sở Tài chính", "based_on"),
    # a letter: the body after the comma is the next clause's subject, not a second issuer
    ("Thực hiện Công văn số 2145/BYT-KCB ngày 20/4/2023 của Bộ Y tế, Sở Y tế đề nghị các đơn vị triển khai.",
     "2145/BYT-KCB", "Công văn", "2023-04-20", "Bộ Y tế", "implements"),
    # a purpose clause without a cue word -> implements
    ("Để bảo đảm mục tiêu Chương trình chuyển đổi số theo Quyết định số 749/QĐ-TTg ngày 03/6/2020 của "
     "Thủ tướng Chính phủ, Sở Thông tin và Truyền thông ban hành Kế hoạch.",
     "749/QĐ-TTg", "Quyết định", "2020-06-03", "Thủ tướng Chính phủ", "implements"),
    # a purpose clause holding a cue: the cue decides
    ("Để kịp thời phòng ngừa dịch bệnh, căn cứ Quyết định số 963/QĐ-BYT ngày 18/3/2022 của Bộ Y tế, "
     "UBND huyện ban hành Kế hoạch.",
     "963/QĐ-BYT", "Quyết định", "2022-03-18", "Bộ Y tế", "based_on"),
    # a report on a conclusion -> reports_on
    ("Báo cáo sơ kết 5 năm thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị",
     "01-KL/TW", "Kết luận", "2021-05-18", "Bộ Chính trị", "reports_on"),
    # OCR-damaged issuer spelt as the table does
    ("Căn cứ Quyết định số 1006/QĐ-TTg ngày 15/8/2022 của Thủ tướng Chỉnh phủ;",
     "1006/QĐ-TTg", "Quyết định", "2022-08-15", "Thủ tướng Chính phủ", "based_on"),
    # a party guidance document of a central board
    ("Thực hiện Hướng dẫn số 12-HD/BTGTW ngày 10/02/2023 của Ban Tuyên giáo Trung ương,",
     "12-HD/BTGTW", "Hướng dẫn", "2023-02-10", "Ban Tuyên giáo Trung ương", "implements"),
]

# body sentences about this document, or about the cited one
BODY_SENTENCES = [
    ("Kế hoạch này thay thế Kế hoạch số 56/KH-UBND ngày 10/4/2022 của Ủy ban nhân dân huyện Đông Anh.",
     "56/KH-UBND", "Kế hoạch", "2022-04-10", "Ủy ban nhân dân huyện Đông Anh", "replaces"),
    ("Quyết định này sửa đổi, bổ sung một số điều của Quyết định số 45/2019/QĐ-UBND ngày 01/10/2019 "
     "của UBND tỉnh Long An.",
     "45/2019/QĐ-UBND", "Quyết định", "2019-10-01", "UBND tỉnh Long An", "amends"),
    ("Điều 3. Bãi bỏ Quyết định số 17/2015/QĐ-UBND ngày 20/5/2015 của UBND tỉnh Bắc Ninh.",
     "17/2015/QĐ-UBND", "Quyết định", "2015-05-20", "UBND tỉnh Bắc Ninh", "repeals"),
    ("Điều 2. Nghị quyết số 15/2019/NQ-HĐND ngày 10/7/2019 của HĐND tỉnh Quảng Trị hết hiệu lực kể từ "
     "ngày Nghị quyết này có hiệu lực.",
     "15/2019/NQ-HĐND", "Nghị quyết", "2019-07-10", "HĐND tỉnh Quảng Trị", "replaces"),
    # a body mention states nothing about this document
    ("- Các xã tiếp tục thực hiện Kế hoạch số 301/KH-UBND ngày 03/8/2023 của UBND huyện Mê Linh.",
     "301/KH-UBND", "Kế hoạch", "2023-08-03", "UBND huyện Mê Linh", "mentions"),
]


def _only(text: str):
    refs, _ = find_references(text)
    assert len(refs) == 1, [r.text for r in refs]
    return refs[0]


@pytest.mark.parametrize(
    "context, sentence, symbol, doc_type, date, issuer, relation",
    [("", *case) for case in OPENING] + [(BODY, *case) for case in BODY_SENTENCES],
)
def test_citation_variants(context, sentence, symbol, doc_type, date, issuer, relation):
    ref = _only(context + sentence)
    assert (ref.symbol, ref.doc_type, ref.date, ref.issuer, ref.relation) == (
        symbol, doc_type, date, issuer, relation)


@pytest.mark.parametrize(
    "sentence, key, title, year",
    [
        ("Căn cứ Luật Ngân sách nhà nước năm 2015;", "Luật|ngân sách nhà nước|2015", "Ngân sách nhà nước", 2015),
        ("Căn cứ Luật Phòng, chống tham nhũng năm 2018;", "Luật|phòng, chống tham nhũng|2018",
         "Phòng, chống tham nhũng", 2018),
        ("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", "Bộ luật|lao động|2019", "Lao động", 2019),
    ],
)
def test_named_citation_variants(sentence, key, title, year):
    ref = _only(sentence)
    assert (ref.key, ref.title, ref.year, ref.symbol) == (key, title, year, None)


def test_list_and_alias_variant():
    text = ("Triển khai Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương "
            "(sau đây viết tắt là Nghị quyết 29), Thông tư số 01/2011/TT-BNV và số 02/2019/TT-BNV của Bộ Nội vụ. "
            "Kết quả thực hiện Nghị quyết 29 được đánh giá cao.")
    refs, _ = find_references(text)
    assert [(r.key, r.alias) for r in refs] == [
        ("29-NQ/TW", None), ("01/2011/TT-BNV", None), ("02/2019/TT-BNV", None), ("29-NQ/TW", "Nghị quyết 29"),
    ]
    assert [r.doc_type for r in refs[1:3]] == ["Thông tư", "Thông tư"]
    assert refs[3].date == "2013-11-04" and refs[3].relation == "mentions"


def test_cites_variant():
    text = ("Căn cứ Quyết định số 2210/QĐ-UBND ngày 01/9/2021 của UBND tỉnh Tây Ninh về việc "
            "triển khai thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị;")
    refs, _ = find_references(text)
    outer = next(r for r in refs if r.key == "2210/QĐ-UBND")
    assert outer.relation == "based_on"
    assert [(c.key, c.relation) for c in outer.cites] == [("52-NQ/TW", "implements")]
