"""Readers: turn a file (or bytes) into raw text.  One module per format.

:func:`read` trusts the content, not the name: the real format is sniffed from
the first bytes, and a file whose extension says otherwise is read as what it
is, with a ``format_mismatch`` warning.  Every failure is one of the typed
errors of :mod:`vbextract.errors`; no library exception escapes.
With ``ocr=True`` a scanned PDF (no text layer, or mostly pictures) is read
by OCR (:mod:`.ocr`) and flagged ``ocr_used``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Union

from ..errors import (
    CorruptFileError,
    EmptyInputError,
    InputTooLargeError,
    UnsupportedFormatError,
    VbextractError,
)
from ..schema import WarningItem
from . import docx, html, ocr, pdf, text
from .sniff import sniff

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_NEEDS_OCR = {"no_text_layer", "mostly_image"}  # reader warnings that OCR answers

# format name -> (reader, file extensions that announce it)
Reader = Callable[[bytes], tuple[str, Union[int, None], list[WarningItem]]]
READERS: dict[str, Reader] = {
    "txt": text.read_text,
    "html": html.read_html,
    "docx": docx.read_docx,
    "pdf": pdf.read_pdf,
}
_ALIASES = {"md": "txt", "markdown": "txt", "text": "txt", "htm": "html", "xhtml": "html"}


@dataclass
class RawText:
    """What a reader returns: the raw text plus what it knows about the source."""

    text: str
    format: str
    path: str | None = None
    sha256: str | None = None
    pages: int | None = None
    warnings: list[WarningItem] = field(default_factory=list)


def _load(source: Union[str, Path, bytes], max_bytes: int) -> tuple[bytes, str | None]:
    """The bytes of ``source``; the size limit is checked before reading a file."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input of {len(data)} bytes exceeds the limit of {max_bytes}")
        return data, None
    if not isinstance(source, (str, os.PathLike)):
        raise VbextractError(f"cannot read an object of type {type(source).__name__}: give a path, bytes or a text")
    path = os.fspath(source)
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"file of {size} bytes exceeds the limit of {max_bytes}", path=path
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except VbextractError:
        raise
    except OSError as exc:
        raise VbextractError(f"cannot read file: {exc.strerror or exc}", path=path) from None
    if len(data) > max_bytes:  # grew while we looked, or a device without a size
        raise InputTooLargeError(f"file exceeds the limit of {max_bytes} bytes", path=path)
    return data, path


def _requested(format: str | None, path: str | None) -> str:
    """The format the caller or the file name announces ('' when neither does)."""
    return (format or (Path(path).suffix.lstrip(".") if path else "")).lower()


def _with_ocr(data: bytes, body: str, warnings: list[WarningItem]) -> tuple[str, list[WarningItem]]:
    """The OCR text in place of a scanned PDF's (empty or partial) text layer.

    The layer's warning gives way to ``ocr_used``; when OCR is unavailable or
    reads nothing, the layer's text and warning stay and OCR's reason is added.
    """
    text, pages, ocr_warnings = ocr.ocr_pdf(data)
    if not text.strip():
        return body, warnings + ocr_warnings
    kept = [w for w in warnings if w.code not in _NEEDS_OCR]
    used = WarningItem(
        code="ocr_used",
        message=f"the scanned PDF ({pages} pages) was read by OCR (tesseract); "
        "machine-read text is less accurate: check names, numbers and dates",
    )
    return text, [used, *kept, *ocr_warnings]


def read(
    source: Union[str, Path, bytes],
    *,
    format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: bool = False,
) -> RawText:
    """Read a path or bytes into :class:`RawText`.

    ``format`` (``txt``/``md``/``html``/``docx``/``pdf``) states what the caller
    expects; the content decides.  Raises ``EmptyInputError``,
    ``InputTooLargeError`` (before reading more than ``max_bytes``),
    ``BinaryInputError``, ``CorruptFileError`` or ``UnsupportedFormatError``.
    ``ocr=True`` reads a scanned PDF with tesseract (see :func:`_with_ocr`).
    """
    data, path = _load(source, max_bytes)
    if not data:
        raise EmptyInputError("the file is empty", path=path)
    requested = _requested(format, path)
    declared = _ALIASES.get(requested, requested)
    if format and declared not in READERS:
        raise UnsupportedFormatError(f"format {format!r} is not supported", path=path)
    actual = "input"
    try:
        actual = sniff(data)
        body, pages, warnings = READERS[actual](data)
        if ocr and actual == "pdf" and any(w.code in _NEEDS_OCR for w in warnings):
            body, warnings = _with_ocr(data, body, warnings)
    except VbextractError as exc:
        exc.path = exc.path or path
        raise
    except RecursionError:
        raise CorruptFileError("the file is nested too deeply to read", path=path) from None
    except Exception as exc:  # a library failed in a way its reader did not foresee
        raise CorruptFileError(
            f"cannot read the {actual} file ({type(exc).__name__}: {exc})", path=path
        ) from None
    if declared in READERS and declared != actual:
        warnings.insert(
            0,
            WarningItem(
                code="format_mismatch",
                message=f"named as {declared} but the content is {actual}; read as {actual}",
            ),
        )
    fmt = "md" if actual == "txt" and requested in {"md", "markdown"} else actual
    return RawText(body, fmt, path, hashlib.sha256(data).hexdigest(), pages, warnings)
