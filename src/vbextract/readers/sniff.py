"""Tell a file's real format from its first bytes, whatever its name says."""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import BinaryInputError, CorruptFileError, UnsupportedFormatError

# Magic numbers of formats we refuse, with the reason given to the user.
_FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office (.doc/.xls) file; save it as .docx"),
    (b"{\\rtf", "an RTF file; save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image (needs OCR)"),
    (b"\xff\xd8\xff", "a JPEG image (needs OCR)"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image (needs OCR)"),
    (b"MM\x00*", "a TIFF image (needs OCR)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)
_HTML_START = re.compile(
    rb"^(?:\s|<!--.{0,2000}?-->|<\?xml[^>]{0,200}>)*<(?:!doctype\s+html|html|head|body|meta|title|div|table|p)\b",
    re.I | re.S,
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _head_as_ascii(head: bytes) -> bytes:
    """The first bytes with any BOM removed and UTF-16 NULs dropped (for HTML sniffing)."""
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom):]
            break
    if head[:200].count(b"\x00") > 40:
        head = head.replace(b"\x00", b"")
    return head


def _zip_format(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFileError(f"damaged ZIP/Office file ({exc})") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise UnsupportedFormatError("an OpenDocument file; save it as .docx")
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormatError("a spreadsheet (.xlsx) is not a directive document")
    raise UnsupportedFormatError("a ZIP archive; unpack it and pass the documents")


def sniff(data: bytes) -> str:
    """Return ``pdf``, ``docx``, ``html`` or ``txt`` from the content itself.

    Raises :class:`UnsupportedFormatError` for known formats we do not read and
    :class:`BinaryInputError` is left to the text decoder, which sees the whole text.
    """
    head = data[:4096]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    for magic, what in _FOREIGN_MAGIC:
        if head.startswith(magic):
            if what.startswith("an executable") or "archive" in what:
                raise BinaryInputError(f"the input is {what}")
            raise UnsupportedFormatError(f"the input is {what}")
    if _HTML_START.match(_head_as_ascii(head)):
        return "html"
    return "txt"
