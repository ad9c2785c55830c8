"""Compose the stages: read -> normalise -> header, sections, references, dates,
agencies -> tasks -> Document.  Each stage is a pure function of the normalised
text (plus earlier results); nothing downstream re-reads the file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Union

from . import agencies as agencies_stage
from . import header as header_stage
from . import references as references_stage
from . import sections as sections_stage
from . import tasks as tasks_stage
from . import temporal as temporal_stage
from .errors import EmptyInputError, InputTooLargeError, VbextractError
from .language import language_warnings
from .normalize import normalize
from .readers import DEFAULT_MAX_BYTES, RawText, read
from .schema import Document, Source, WarningItem
from .timelimit import time_limit

PathOrData = Union[str, Path, bytes]


def _issued(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def build_document(raw: RawText) -> Document:
    """Run every extraction stage on a reader's output."""
    normalized = normalize(raw.text)
    text = normalized.text
    warnings: list[WarningItem] = list(raw.warnings) + normalized.warnings
    if not text.strip():
        if not any(w.code in {"no_text_layer", "mostly_image"} for w in warnings):
            raise EmptyInputError("the input holds no text", path=raw.path)
    warnings += language_warnings(text)

    metadata, header_warnings = header_stage.parse_header(text)
    warnings += header_warnings
    doc_date = _issued(metadata.issued_date)
    sections = sections_stage.parse_sections(text)
    references, reference_warnings = references_stage.find_references(
        text, own_symbol=metadata.symbol, doc_date=doc_date
    )
    warnings += reference_warnings
    dates, date_warnings = temporal_stage.find_dates(text, doc_date=doc_date, references=references)
    warnings += date_warnings
    agencies = agencies_stage.find_agencies(text)
    tasks = tasks_stage.find_tasks(
        text, sections=sections, agencies=agencies, dates=dates, references=references
    )
    return Document(
        source=Source(path=raw.path, sha256=raw.sha256, format=raw.format, pages=raw.pages),
        text=text,
        metadata=metadata,
        sections=sections,
        references=references,
        dates=dates,
        agencies=agencies,
        tasks=tasks,
        warnings=warnings,
    )


def extract(
    source: PathOrData,
    *,
    format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: bool = False,
    timeout: float | None = None,
) -> Document:
    """Extract a document from a file path, raw bytes, or (for convenience) a text.

    A ``str`` naming an existing file is read as that file; any other ``str``
    containing a line break is taken as the document text itself.  Inputs over
    ``max_bytes`` are refused before they are read.  ``ocr=True`` reads a
    scanned PDF with tesseract (warning ``ocr_used``).  ``timeout`` (seconds)
    raises :class:`~vbextract.errors.ExtractionTimeout` when reached.
    Raises a :class:`~vbextract.errors.VbextractError` subclass on bad input.
    """
    if isinstance(source, str) and "\n" in source and not Path(source[:4096]).exists():
        return extract_text(source, max_chars=max_bytes, timeout=timeout)
    with time_limit(timeout):
        return build_document(read(source, format=format, max_bytes=max_bytes, ocr=ocr))


def extract_text(text: str, *, max_chars: int = DEFAULT_MAX_BYTES, timeout: float | None = None) -> Document:
    """Extract a document from its text (already decoded); limits as in :func:`extract`."""
    if not isinstance(text, str):
        raise VbextractError("extract_text() takes a str; use extract() for paths and bytes")
    if len(text) > max_chars:
        raise InputTooLargeError(f"text of {len(text):,} characters exceeds the limit of {max_chars:,}")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    with time_limit(timeout):
        return build_document(RawText(text=text, format="txt", sha256=sha))
