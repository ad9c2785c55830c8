"""OCR hook: scanned PDFs read by tesseract when asked (``ocr=True``), never otherwise.

The values below were checked against the rendered pages of p04 (Công văn
3722/VPCP-CN, Văn phòng Chính phủ, 28/4/2026) and p07 (Quyết định …/QĐ-TTg,
whose number and day are handwritten, so OCR cannot read them).
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PDF
from vbextract.batch import run_batch
from vbextract.cli import main
from vbextract.pipeline import extract
from vbextract.readers import RawText, ocr, read

P04 = PDF / "p04_cv_3722_metro.pdf"
P07 = PDF / "p07_qd_729_ttg.pdf"
P10 = PDF / "p10_hanoi_nq_11_2025_hdnd.pdf"

needs_tesseract = pytest.mark.skipif(
    ocr.unavailable("vie") is not None,
    reason=f"OCR tests need tesseract with Vietnamese data ({ocr.INSTALL_HINT})",
)


@lru_cache(maxsize=None)
def ocr_read(name: str) -> RawText:
    return read(PDF / name, ocr=True)


def codes(warnings: list) -> list[str]:
    return [w.code for w in warnings]


# --- without tesseract, or without asking: the scanned PDF stays empty, flagged ----------
def test_without_ocr_a_scan_still_says_no_text_layer() -> None:
    document = extract(P04)
    assert document.text == "" and codes(document.warnings)[0] == "no_text_layer"
    assert "ocr_used" not in codes(document.warnings)


def test_missing_tesseract_gives_ocr_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    raw = read(P04, ocr=True)
    assert raw.text == "" and codes(raw.warnings) == ["no_text_layer", "ocr_unavailable"]
    assert ocr.INSTALL_HINT in raw.warnings[1].message
    document = extract(P04, ocr=True)  # a Document with both warnings, not an exception
    assert codes(document.warnings)[:2] == ["no_text_layer", "ocr_unavailable"]


def test_empty_path_gives_ocr_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    text, pages, warnings = ocr.ocr_pdf(P04.read_bytes())
    assert (text, pages, codes(warnings)) == ("", None, ["ocr_unavailable"])


def test_a_text_layer_pdf_is_not_ocrd(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR ran on a PDF with a text layer")

    monkeypatch.setattr(ocr, "ocr_pdf", refuse)
    assert read(P10, ocr=True).text == read(P10).text


# --- with tesseract ---------------------------------------------------------------------
@needs_tesseract
def test_p04_text_is_read_with_its_header_columns_apart() -> None:
    raw = ocr_read(P04.name)
    assert codes(raw.warnings) == ["ocr_used"] and raw.pages == 1
    lines = raw.text.split("\n")
    for line in ("VĂN PHÒNG CHÍNH PHỦ", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Hà Nội, ngày 28 tháng 4 năm 2026", "- Ủy ban nhân dân tỉnh Đồng Nai."):
        assert line in lines
    assert "Số: 3722/VPCP-CN" in raw.text
    assert "Văn phòng Chính phủ thông báo để các Bộ, cơ quan biết, thực hiện./." in lines


@needs_tesseract
def test_p04_goes_through_the_pipeline() -> None:
    document = extract(P04, ocr=True)
    meta = document.metadata
    assert (meta.doc_type, meta.symbol, meta.number, meta.place, meta.issued_date) == (
        "Công văn", "3722/VPCP-CN", "3722", "Hà Nội", "2026-04-28")
    assert meta.issuer is not None and meta.issuer.startswith("Văn phòng Chính phủ")
    assert codes(document.warnings)[0] == "ocr_used"
    assert [r.symbol for r in document.references] == ["92/TTr-UBND", "92/TTr-UBND"]
    assert "Ủy ban nhân dân tỉnh Đồng Nai" in {a.name for a in document.agencies}
    assert len(document.tasks) == 1 and document.tasks[0].text.startswith("Giao các Bộ: Công an")


@needs_tesseract
def test_p07_type_and_issuer_without_its_handwritten_number() -> None:
    document = extract(P07, ocr=True)
    meta = document.metadata
    assert (meta.doc_type, meta.place) == ("Quyết định", "Hà Nội")
    assert meta.issuer is not None and meta.issuer.startswith("Thủ tướng Chính phủ")
    assert "300/2025/NĐ-CP" in {r.symbol for r in document.references}
    assert "QUYẾT ĐỊNH" in document.text.split("\n")


@needs_tesseract
def test_a_page_over_its_time_limit_is_a_warning() -> None:
    text, pages, warnings = ocr.ocr_pdf(P04.read_bytes(), timeout=0.001)
    assert (text, pages, codes(warnings)) == ("", 1, ["ocr_page_failed"])
    assert "page 1" in warnings[0].message


@needs_tesseract
def test_a_missing_language_gives_ocr_unavailable() -> None:
    text, _, warnings = ocr.ocr_pdf(P04.read_bytes(), lang="zzz")
    assert text == "" and codes(warnings) == ["ocr_unavailable"] and "'zzz'" in warnings[0].message


@needs_tesseract
def test_cli_and_batch_pass_the_option(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--ocr", "--compact", str(P04)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["metadata"]["symbol"] == "3722/VPCP-CN"
    out = tmp_path / "out.jsonl"
    summary = run_batch([P04], out, workers=1, progress=False, ocr=True)
    assert (summary.done, summary.failed) == (1, 0)
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["metadata"]["symbol"] == "3722/VPCP-CN" and record["warnings"][0]["code"] == "ocr_used"


# --- layout of word boxes ----------------------------------------------------------------
_TSV_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
_WORD = st.tuples(st.integers(0, 3), st.integers(0, 30), st.integers(0, 2500), st.integers(0, 3500),
                  st.integers(1, 400), st.integers(1, 80), st.floats(-1, 100),
                  st.text(alphabet="aăâđêôơưAĐỦ1/-:.", min_size=0, max_size=12))


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORD, max_size=40))
def test_layout_of_any_word_boxes_does_not_crash(words: list) -> None:
    rows = "".join(f"5\t1\t{b}\t1\t{l}\t1\t{x}\t{y}\t{w}\t{h}\t{c}\t{t}\n"
                   for b, l, x, y, w, h, c, t in words)
    lines = ocr._layout(_TSV_HEAD + rows, 600.0, 0.24)
    read_words = {t for *_, t in words if t}
    assert {word for line in lines for word in line.text.split(" ")} <= read_words

