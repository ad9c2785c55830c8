"""Read PDF with pdfplumber: words -> rows -> column bands -> paragraphs.

- Text comes back NFD from many PDFs: every word is put in NFC.
- Side-by-side blocks (the official header "ỦY BAN NHÂN DÂN … | CỘNG HÒA …",
  "Số: …" | "Hà Nội, ngày …", the signature block beside "Nơi nhận") are
  found as runs of rows sharing an empty vertical gutter; such a band is read
  left block first, then right block, never interleaved.
- Lines wrapped by the layout are joined back into paragraphs (the next word
  would not have fitted; no indent; normal line pitch); a symbol broken after
  its dash ("36-" / "CT/TW") is joined without a space.
- Lines repeated at the top or bottom of most pages, and page numbers, go.
- No text layer -> empty text with ``no_text_layer``; pages that are mostly a
  picture with a few selectable lines -> ``mostly_image``.
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..errors import CorruptFileError, UnsupportedFormatError
from ..schema import WarningItem

_GUTTER_START = 24.0  # a row gap this wide (pt) may open a two-column band
_GUTTER_KEEP = 12.0  # the shared gutter of a band stays at least this wide
_MAX_ROW_GAP = 3.0  # rows further apart than this many line heights end a band
_INDENT = 6.0  # pt beyond the left margin that counts as an indent
_PITCH_FACTOR = 1.45  # a paragraph's line pitch is at most this times the usual one
_IMAGE_COVER = 0.5  # share of a page's area under pictures that makes it a picture page
_FEW_CHARS = 400  # a picture page with fewer characters has no real text layer
_REPEAT_SHARE = 0.6  # a top/bottom line on this share of pages is a running header
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s?)?(?:Trang\s|Page\s)?\d{1,4}(?:\s?/\s?\d{1,4})?(?:\s?[-–—])?$", re.I)
_DIGITS = re.compile(r"\d+")
_LIST_START = re.compile(r"^(?:[-+•–*]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)])\s")
_GLUED_DASH = re.compile(r"\S-$")  # "36-" / "CT/TW", "Lao động-" / "Thương binh"


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Row:
    words: list[_Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.bottom - w.top for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))

    def gaps(self, left: float, right: float) -> list[tuple[float, float]]:
        """Empty x-intervals of this row within [left, right]."""
        spans = sorted((w.x0, w.x1) for w in self.words)
        free, cursor = [], left
        for x0, x1 in spans:
            if x0 > cursor:
                free.append((cursor, x0))
            cursor = max(cursor, x1)
        if cursor < right:
            free.append((cursor, right))
        return free


@dataclass
class _Line:
    """An output line with the geometry needed to rebuild paragraphs."""

    text: str
    x0: float
    x1: float
    top: float
    height: float
    first_word: float  # width of the first word
    reflow: bool = True  # False inside column bands


def _rows(words: list[_Word]) -> list[_Row]:
    rows: list[_Row] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        tolerance = 0.5 * min(word.bottom - word.top, rows[-1].height if rows else 99.0)
        if rows and abs(word.top - rows[-1].top) <= tolerance:
            rows[-1].words.append(word)
        else:
            rows.append(_Row([word]))
    return rows


def _intersect(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= _GUTTER_KEEP:
                out.append((lo, hi))
    return out


def _side_by_side(rows: list[_Row], middle: float) -> bool:
    """Whether the blocks left and right of ``middle`` overlap vertically."""
    left = [w for r in rows for w in r.words if w.x1 <= middle]
    right = [w for r in rows for w in r.words if w.x0 >= middle]
    if not left or not right:
        return False
    return (min(w.top for w in left) < max(w.bottom for w in right)
            and min(w.top for w in right) < max(w.bottom for w in left))


def _band_end(rows: list[_Row], start: int, left: float, right: float) -> tuple[int, float] | None:
    """Rows [start, end) that share an empty gutter with text on both sides of it.

    Returns ``(end, middle of the gutter)``, or None when no band starts here.
    The first rows may lie on one side only (a header whose left block starts
    lower than its right one); the band ends when the shared gutter closes.
    """
    free = [g for g in rows[start].gaps(left, right) if g[1] - g[0] >= _GUTTER_START]
    lo, hi = rows[start].x0, rows[start].x1
    best: tuple[int, float] | None = None
    end = start + 1
    while free and end <= len(rows):
        interior = [g for g in free if lo < g[0] and g[1] < hi]
        if interior:
            gutter = max(interior, key=lambda g: g[1] - g[0])
            middle = (gutter[0] + gutter[1]) / 2
            if _side_by_side(rows[start:end], middle):
                best = (end, middle)
        elif best is not None or end - start > 2:
            break
        if end == len(rows):
            break
        row, previous = rows[end], rows[end - 1]
        if row.top - previous.top > _MAX_ROW_GAP * max(previous.height, 1.0):
            break
        free = _intersect(free, row.gaps(left, right))
        lo, hi = min(lo, row.x0), max(hi, row.x1)
        end += 1
    if best is None or best[0] - start < 2:
        return None
    return best


def _without_page_number(rows: list[_Row]) -> list[_Row]:
    """Rows minus a page number standing alone as the first or last row."""
    return [r for i, r in enumerate(rows)
            if not ((i == 0 or i == len(rows) - 1) and _PAGE_NUMBER.match(r.text))]


def _line(words: list[_Word], reflow: bool) -> _Line:
    row = _Row(words)
    ordered = sorted(words, key=lambda w: w.x0)
    return _Line(row.text, row.x0, row.x1, row.top, row.height,
                 ordered[0].x1 - ordered[0].x0, reflow)


def _page_lines(rows: list[_Row], left: float, right: float,
                tables: list[tuple[float, list[str]]]) -> list[_Line]:
    """Rows and ruled tables in reading order; a column band gives its left block, then its right."""
    lines: list[_Line] = []
    pending = sorted(tables, key=lambda t: t[0])
    i = 0
    while i < len(rows) or pending:
        if pending and (i == len(rows) or pending[0][0] <= rows[i].top):
            top, table_rows = pending.pop(0)
            lines += [_Line(text, left, right, top, 0.0, 0.0, False) for text in table_rows]
            continue
        band = _band_end(rows, i, left, right)
        if band is None:
            lines.append(_line(rows[i].words, True))
            i += 1
            continue
        end, middle = band
        for side in (lambda w: w.x1 <= middle, lambda w: w.x1 > middle):
            for row in rows[i:end]:
                words = [w for w in row.words if side(w)]
                if words:
                    lines.append(_line(words, False))
        i = end
    return lines


def _joins(line: _Line, following: _Line, margin: float, right: float, pitch: float) -> bool:
    """Whether ``following`` continues the paragraph that ``line`` wraps."""
    if not (line.reflow and following.reflow):
        return False
    if following.x0 > margin + _INDENT or _LIST_START.match(following.text):
        return False
    if following.top - line.top > _PITCH_FACTOR * pitch:
        return False
    space = 0.3 * line.height
    return line.x1 + space + following.first_word > right


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    margin = Counter(round(l.x0) for l in lines if l.reflow).most_common(1)
    margin_x = margin[0][0] if margin else min(l.x0 for l in lines)
    right = max(l.x1 for l in lines)
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    pitch = statistics.median(pitches) if pitches else 0.0
    out: list[str] = []
    for previous, line in zip([None] + lines[:-1], lines):
        if previous is not None and out and _joins(previous, line, margin_x, right, pitch):
            glue = "" if _GLUED_DASH.search(out[-1]) else " "
            out[-1] += glue + line.text
        else:
            out.append(line.text)
    return out


def _strip_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers and lines repeated at the top/bottom of most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update({_DIGITS.sub("#", l.text) for l in lines[:2] + lines[-2:]})
    need = max(3, _REPEAT_SHARE * len(pages))
    running = {key for key, count in edges.items() if count >= need}
    out = []
    for lines in pages:
        kept = []
        for index, line in enumerate(lines):
            at_edge = index < 2 or index >= len(lines) - 2
            if at_edge and (_PAGE_NUMBER.match(line.text) or _DIGITS.sub("#", line.text) in running):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _image_cover(page) -> float:  # noqa: ANN001 - pdfplumber.Page
    area = float(page.width * page.height) or 1.0
    covered = 0.0
    for image in page.images:
        x0, x1 = max(image["x0"], 0), min(image["x1"], page.width)
        top, bottom = max(image["top"], 0), min(image["bottom"], page.height)
        covered += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return min(covered / area, 1.0)


def _cell(value: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def _content(page) -> tuple[list[_Word], list[tuple[float, list[str]]]]:  # noqa: ANN001
    """Words outside ruled tables, and each table as (top, ``cell | cell`` rows)."""
    tables = page.find_tables() if page.rects or page.lines else []
    boxes = [t.bbox for t in tables]
    words = []
    for w in page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False):
        x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if w["text"].strip() and not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes):
            text = unicodedata.normalize("NFC", w["text"])
            words.append(_Word(text, w["x0"], w["x1"], w["top"], w["bottom"]))
    blocks = []
    for table in tables:
        rows = [" | ".join(_cell(c) for c in row) for row in table.extract()]
        blocks.append((table.bbox[1], [r for r in rows if r.replace("|", "").strip()]))
    return words, blocks


def _open(data: bytes):  # noqa: ANN202 - pdfplumber.PDF
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 - forces the page tree to be parsed
    except PDFPasswordIncorrect:
        raise UnsupportedFormatError("the PDF is encrypted with a password") from None
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise CorruptFileError(f"damaged PDF ({type(exc).__name__}: {exc})") from None
    return pdf


def read_pdf(data: bytes) -> tuple[str, int, list[WarningItem]]:
    """Reader entry point for .pdf: (text, pages, warnings)."""
    pdf = _open(data)
    warnings: list[WarningItem] = []
    pages: list[list[_Line]] = []
    picture_pages = chars = 0
    try:
        for page in pdf.pages:
            words, tables = _content(page)
            page_chars = sum(len(w.text) for w in words) + sum(len(r) for _, t in tables for r in t)
            chars += page_chars
            if _image_cover(page) >= _IMAGE_COVER and page_chars < _FEW_CHARS:
                picture_pages += 1
            left, right = 0.0, float(page.width)
            pages.append(_page_lines(_without_page_number(_rows(words)), left, right, tables))
            page.flush_cache()
        count = len(pdf.pages)
    except Exception as exc:
        raise CorruptFileError(f"damaged PDF ({type(exc).__name__}: {exc})") from None
    finally:
        pdf.close()
    if chars == 0:
        warnings.append(WarningItem(
            code="no_text_layer",
            message=f"the PDF has no text layer ({count} pages, probably scanned); it needs OCR",
        ))
        return "", count, warnings
    if picture_pages * 2 >= count:
        warnings.append(WarningItem(
            code="mostly_image",
            message=f"{picture_pages} of {count} pages are pictures with only {chars} selectable "
            "characters in all; the text is incomplete and needs OCR",
        ))
    lines = [line for page_lines in _strip_running_lines(pages) for line in page_lines]
    return "\n".join(_paragraphs(lines)), count, warnings
