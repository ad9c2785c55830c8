"""Readers: the seeds as DOCX/PDF read back as the TXT; real PDFs in reading
order with their two-column header split; DOCX numbering; HTML structure."""

from __future__ import annotations

import difflib
import io
import re
from functools import lru_cache

import pytest

from conftest import FIXTURES, PDF, RAW, SEEDS
from vbextract.normalize import normalize_text
from vbextract.pipeline import build_document
from vbextract.readers import read
from vbextract.readers.docx import read_docx
from vbextract.readers.html import html_to_text

_SYMBOL = re.compile(r"\d{1,5}- ?[A-ZĐ]{1,10}")
_WORD = re.compile(r"[^\W_]+(?:[-/.][^\W_]+)*")


@lru_cache(maxsize=None)
def normalised(path: str) -> str:
    return normalize_text(read(path).text)


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


# --- seeds converted by LibreOffice (scripts/make_fixtures.py) -----------------------
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_reads_back_as_the_txt(seed: str, fmt: str) -> None:
    expected = normalised(str(RAW / f"{seed}.txt"))
    got = normalised(str(FIXTURES / "seeds" / f"{seed}.{fmt}"))
    ratio = difflib.SequenceMatcher(
        None, _WORD.findall(expected), _WORD.findall(got), autojunk=False
    ).ratio()
    assert ratio >= 0.999
    symbol_lines = {line for line in lines(expected) if _SYMBOL.search(line)}
    assert symbol_lines and symbol_lines <= set(lines(got))


def test_seed_001_keeps_the_spaced_symbol_in_every_format() -> None:
    for path in (RAW / f"{SEEDS[1]}.txt", *(FIXTURES / "seeds" / f"{SEEDS[1]}.{f}" for f in ("docx", "pdf"))):
        assert "thực hiện Chỉ thị số 36- CT/TW gắn với" in normalised(str(path))


def test_pdf_joins_a_symbol_broken_after_its_dash() -> None:
    text = normalised(str(FIXTURES / "seeds" / f"{SEEDS[2]}.pdf"))
    assert "về tổng kết Nghị quyết số 18-NQ/TW ngày 25/10/2017" in text  # crosses a page break


def test_numbered_docx_rebuilds_word_numbering() -> None:
    expected = lines(normalised(str(RAW / f"{SEEDS[0]}.txt")))
    got = lines(normalised(str(FIXTURES / "seeds" / "000_numbered.docx")))
    assert got == expected
    assert "II. NỘI DUNG VÀ PHƯƠNG PHÁP TIẾN HÀNH" in got  # roman level through its style
    assert "1.1. Công tác lãnh đạo, chỉ đạo thực hiện" in got  # "%2.%3."


# --- real PDFs -----------------------------------------------------------------------------
_PDF_LINES = [
    ("p01_hanoi_kh_173_festival.pdf", 0, "ỦY BAN NHÂN DÂN"),
    ("p01_hanoi_kh_173_festival.pdf", 1, "THÀNH PHỐ HÀ NỘI"),
    ("p01_hanoi_kh_173_festival.pdf", 2, "Số: /KH-UBND"),
    ("p01_hanoi_kh_173_festival.pdf", 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("p01_hanoi_kh_173_festival.pdf", 4, "Độc lập - Tự do - Hạnh phúc"),
    ("p01_hanoi_kh_173_festival.pdf", 5, "Hà Nội, ngày tháng năm 2026"),
    ("p01_hanoi_kh_173_festival.pdf", 6, "KẾ HOẠCH"),
    ("p01_hanoi_kh_173_festival.pdf", 7, "Tổ chức “Festival Thăng Long - Hà Nội lần thứ II, năm 2026”"),
    ("p02_hanoi_qd_2280_water.pdf", 2, "Số: /QĐ-UBND"),
    ("p02_hanoi_qd_2280_water.pdf", 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("p02_hanoi_qd_2280_water.pdf", 5, "Hà Nội, ngày tháng năm 2026"),
    ("p02_hanoi_qd_2280_water.pdf", 6, "QUYẾT ĐỊNH"),
    ("p02_hanoi_qd_2280_water.pdf", 7,
     "Phê duyệt Kế hoạch Bảo đảm thoát nước, chống úng ngập khu vực nội thành Thành phố mùa mưa năm 2026"),
    ("p02_hanoi_qd_2280_water.pdf", 10, "Căn cứ Luật Xây dựng ngày 18/6/2014; Luật sửa đổi, bổ sung "
     "một số điều của Luật Xây dựng ngày 17/6/2020;"),
    ("p10_hanoi_nq_11_2025_hdnd.pdf", 0, "HỘI ĐỒNG NHÂN DÂN"),
    ("p10_hanoi_nq_11_2025_hdnd.pdf", 2, "Số: 11/2025/NQ-HĐND"),
    ("p10_hanoi_nq_11_2025_hdnd.pdf", 3, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("p10_hanoi_nq_11_2025_hdnd.pdf", 5, "Hà Nội, ngày 27 tháng 6 năm 2025"),
    ("p10_hanoi_nq_11_2025_hdnd.pdf", 6, "NGHỊ QUYẾT"),
]


@pytest.mark.parametrize(("name", "index", "line"), _PDF_LINES)
def test_real_pdf_lines(name: str, index: int, line: str) -> None:
    assert lines(normalised(str(PDF / name)))[index] == line


@pytest.mark.parametrize(
    ("name", "receiver", "signer"),
    [
        ("p02_hanoi_qd_2280_water.pdf", "- Đ/c Bí thư Thành ủy;", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                                                                  "PHÓ CHỦ TỊCH", "Trương Việt Dũng"]),
        ("p05_hanoi_tb_453_flag.pdf", "- Đ/c Bí thư Thành ủy;", ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG",
                                                                  "PHÓ CHÁNH VĂN PHÒNG", "Võ Tuấn Anh"]),
    ],
)
def test_signature_block_is_not_interleaved_with_recipients(name: str, receiver: str, signer: list[str]) -> None:
    text = lines(normalised(str(PDF / name)))
    start = text.index("Nơi nhận:")
    assert text[start + 1] == receiver
    at = text.index(signer[0], start)
    assert text[at : at + len(signer)] == signer
    assert not set(signer) & set(text[start:at])  # no signer line among the recipients
    assert "- Lưu: VT, ĐT" in text[start:at] or "- Lưu: VT, KGVX" in text[start:at]


@pytest.mark.parametrize("name", ["p01_hanoi_kh_173_festival.pdf", "p02_hanoi_qd_2280_water.pdf",
                                  "p10_hanoi_nq_11_2025_hdnd.pdf"])
def test_real_pdf_has_pages_and_no_page_numbers(name: str) -> None:
    raw = read(PDF / name)
    assert raw.pages and raw.pages > 1 and raw.warnings == []
    assert not any(re.fullmatch(r"\d{1,3}", line) for line in lines(raw.text))


@pytest.mark.parametrize("name", ["p03_qd_707_ttg.pdf", "p04_cv_3722_metro.pdf", "p06_nq_115_ba_vi.pdf",
                                  "p07_qd_729_ttg.pdf", "p08_tt_21_bct_fuel.pdf", "p09_tt_37_bca_vehicle.pdf"])
def test_scanned_pdf_gives_no_text_layer(name: str) -> None:
    raw = read(PDF / name)
    assert raw.text == "" and [w.code for w in raw.warnings] == ["no_text_layer"] and raw.pages >= 1
    document = build_document(raw)  # a Document with the warning, not an exception
    assert "no_text_layer" in {w.code for w in document.warnings} and document.text == ""


def test_picture_page_with_a_few_lines_is_mostly_image() -> None:
    raw = read(FIXTURES / "layout" / "mostly_image.pdf")
    assert raw.text == "Số: 12/TB-UBND" and [w.code for w in raw.warnings] == ["mostly_image"]


def test_p05_is_a_born_digital_notice_read_whole() -> None:
    """p05 has a full text layer (its only pictures are signature stamps in
    annotations), so it is read whole rather than flagged as mostly image."""
    raw = read(PDF / "p05_hanoi_tb_453_flag.pdf")
    assert raw.warnings == [] and raw.pages == 1
    assert "Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo" in raw.text


# --- the two-column header in each format --------------------------------------------------
_HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "Số: 235/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Đồng Tháp, ngày 11 tháng 9 năm 2025", "KẾ HOẠCH"]
_SIGNATURE = ["Nơi nhận:", "- Bộ Công an;", "- Thường trực Tỉnh ủy;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
              "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Trí Quang"]


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_two_column_header_and_signature(fmt: str) -> None:
    got = lines(normalised(str(FIXTURES / "layout" / f"header_two_column.{fmt}")))
    assert got[: len(_HEADER)] == _HEADER
    assert got[-len(_SIGNATURE):] == _SIGNATURE


# --- DOCX numbering definitions ----------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbered_docx(levels: str, paragraphs: list[tuple[str, int | None, int]], overrides: str = "") -> bytes:
    """A .docx whose numbering.xml holds ``levels``; paragraphs are (text, numId, ilvl)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    document.part.numbering_part._element = parse_xml(
        f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>{overrides}</w:numbering>'
    )
    for text, num_id, ilvl in paragraphs:
        paragraph = document.add_paragraph(text)
        if num_id is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().set(qn("w:val"), str(ilvl))
            num_pr.get_or_add_numId().set(qn("w:val"), str(num_id))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


@pytest.mark.parametrize(
    ("levels", "paragraphs", "overrides", "expected"),
    [
        (_lvl(0, "lowerLetter", "%1)", start=3), [("x", 1, 0), ("y", 1, 0)], "", ["c) x", "d) y"]),
        (_lvl(0, "upperRoman", "%1.") + _lvl(1, "decimal", "%2."),
         [("A", 1, 0), ("a", 1, 1), ("b", 1, 1), ("B", 1, 0), ("c", 1, 1)], "",
         ["I. A", "1. a", "2. b", "II. B", "1. c"]),
        (_lvl(0, "decimal", "%1.") + _lvl(1, "decimal", "%1.%2.", extra='<w:lvlRestart w:val="0"/>'),
         [("A", 1, 0), ("a", 1, 1), ("B", 1, 0), ("b", 1, 1)], "", ["1. A", "1.1. a", "2. B", "2.2. b"]),
        (_lvl(0, "decimal", "%1.") + _lvl(1, "lowerRoman", "%1.%2.", extra="<w:isLgl/>"),
         [("A", 1, 0), ("a", 1, 1), ("b", 1, 1)], "", ["1. A", "1.1. a", "1.2. b"]),
        (_lvl(0, "bullet", "\uf0b7") + _lvl(1, "bullet", "-"), [("x", 1, 0), ("y", 1, 1), ("z", None, 0)], "",
         ["• x", "- y", "z"]),
        (_lvl(0, "decimal", "Điều %1."), [("x", 1, 0), ("y", 2, 0)],
         '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
         '<w:startOverride w:val="5"/></w:lvlOverride></w:num>', ["Điều 1. x", "Điều 5. y"]),
    ],
    ids=["start-letter", "roman-restart", "no-restart", "legal", "bullets", "start-override"],
)
def test_docx_numbering(levels: str, paragraphs: list, overrides: str, expected: list[str]) -> None:
    text, pages, warnings = read_docx(_numbered_docx(levels, paragraphs, overrides))
    assert text.split("\n") == expected and pages is None and warnings == []


def test_docx_tables_in_document_order() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Trước bảng")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Y tế"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Sau bảng")
    buffer = io.BytesIO()
    document.save(buffer)
    text, _, _ = read_docx(buffer.getvalue())
    assert text.split("\n") == ["Trước bảng", "TT | Nội dung | Chủ trì", "1 | Rà soát | Sở Y tế", "Sau bảng"]


# --- HTML ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Kế hoạch<sup>1</sup> này</p><script>var x=1;</script><style>p{}</style>", ["Kế hoạch này"]),
        ("<nav>Trang chủ</nav><h1>KẾ HOẠCH</h1><div>Thực hiện<br>Chỉ thị số 36-CT/TW</div>",
         ["KẾ HOẠCH", "Thực hiện", "Chỉ thị số 36-CT/TW"]),
        ("<table><tr><td>Số hiệu</td><td>235/KH-UBND</td></tr><tr><td>Ngày</td><td>11/09/2025</td></tr></table>",
         ["Số hiệu | 235/KH-UBND", "Ngày | 11/09/2025"]),
        ('<ol type="a"><li>Công an tỉnh</li><li>Sở Y tế</li></ol><ol start="3"><li>Ba</li></ol>',
         ["a. Công an tỉnh", "b. Sở Y tế", "3. Ba"]),
        ("<ul><li>Một</li><li>- Hai</li></ul><p>A&nbsp;&amp;&nbsp;B</p>", ["- Một", "- Hai", "A & B"]),
    ],
)
def test_html_to_text(markup: str, expected: list[str]) -> None:
    assert html_to_text(markup).split("\n") == expected


def test_html_seed_like_page_is_sniffed_and_read() -> None:
    raw = read(b"<!DOCTYPE html><html><body><p>Ho\xc3\xa0 B\xc3\xacnh</p></body></html>")
    assert raw.format == "html" and raw.text == "Hoà Bình"
