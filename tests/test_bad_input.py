"""Bad input: every case ends in a typed error or a warning, fast, never in
another exception or a hang."""

from __future__ import annotations

import time

import pytest

from conftest import FIXTURES
from vbextract import extract
from vbextract.errors import (
    BinaryInputError,
    CorruptFileError,
    EmptyInputError,
    InputTooLargeError,
    UnsupportedFormatError,
    VbextractError,
)
from vbextract.readers import read

BAD = FIXTURES / "bad"
_SAMPLE_START = "- Tiếp tục thực hiện Chỉ thị 36-CT/TW ngày 16/8/2019 của Bộ Chính trị"


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty.txt", EmptyInputError),
        ("junk.bin", BinaryInputError),
        ("junk.txt", BinaryInputError),
        ("truncated.pdf", CorruptFileError),
    ],
)
def test_bad_file_gives_its_typed_error(name: str, error: type[VbextractError]) -> None:
    started = time.perf_counter()
    with pytest.raises(error) as caught:
        read(BAD / name)
    assert time.perf_counter() - started < 5
    assert caught.value.path == str(BAD / name) and caught.value.code == error.code


@pytest.mark.parametrize(
    ("name", "warnings"),
    [
        ("utf8_bom.txt", []),
        ("utf16_bom.txt", []),
        ("utf16le_nobom.txt", ["encoding_guess"]),
        ("cp1258.txt", []),
        ("mojibake.txt", ["mojibake_repaired"]),
    ],
)
def test_encodings_decode_to_the_same_text(name: str, warnings: list[str]) -> None:
    raw = read(BAD / name)
    assert [w.code for w in raw.warnings] == warnings
    reference = read(BAD / "utf8_bom.txt").text
    from vbextract.normalize import normalize_text

    assert normalize_text(raw.text) == normalize_text(reference)
    assert normalize_text(raw.text).startswith(_SAMPLE_START)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("pdf_named.docx", "pdf"), ("docx_named.txt", "docx"), ("html_named.txt", "html")],
)
def test_wrong_extension_reads_the_real_format(name: str, fmt: str) -> None:
    raw = read(BAD / name)
    assert raw.format == fmt and raw.warnings[0].code == "format_mismatch"
    assert "Chỉ thị" in raw.text or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in raw.text


def test_declared_format_wins_over_nothing_but_not_over_content() -> None:
    raw = read((BAD / "pdf_named.docx").read_bytes(), format="txt")
    assert raw.format == "pdf" and raw.warnings[0].code == "format_mismatch"
    with pytest.raises(UnsupportedFormatError):
        read(b"abc", format="xlsx")


def test_non_vietnamese_text_is_read_with_a_warning() -> None:
    document = extract(BAD / "english.txt")
    assert "not_vietnamese" in {w.code for w in document.warnings}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), UnsupportedFormatError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), UnsupportedFormatError),
        (b"PK\x03\x04garbage", CorruptFileError),
        (b"%PDF-1.7\n%%EOF", CorruptFileError),
        (b"\x7fELF\x02\x01\x01" + bytes(64), BinaryInputError),
        (bytes(range(256)) * 8, BinaryInputError),
    ],
    ids=["png", "ole-doc", "broken-zip", "empty-pdf", "elf", "all-bytes"],
)
def test_bytes_that_are_not_a_document(data: bytes, error: type[VbextractError]) -> None:
    with pytest.raises(error):
        read(data)


def test_truncated_docx_is_corrupt() -> None:
    data = (FIXTURES / "seeds" / "001_61faefb4cd1ca458.docx").read_bytes()
    with pytest.raises(CorruptFileError):
        read(data[: len(data) // 2])


def test_fifty_megabyte_text_is_refused_before_reading(tmp_path) -> None:  # noqa: ANN001
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        line = "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau.\n".encode()
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    started = time.perf_counter()
    with pytest.raises(InputTooLargeError):
        read(big)
    with pytest.raises(InputTooLargeError):
        extract(big)
    assert time.perf_counter() - started < 1.0
    assert read(big, max_bytes=60 * 1024 * 1024).text.startswith("Ủy ban")


def test_missing_file_is_a_typed_error(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(VbextractError):
        read(tmp_path / "nowhere.pdf")


def test_scanned_pdf_through_extract_is_a_document_with_a_warning() -> None:
    document = extract(FIXTURES / "layout" / "mostly_image.pdf")
    assert "mostly_image" in {w.code for w in document.warnings}
