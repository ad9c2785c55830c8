"""OCR hook for scanned PDFs: pages rendered by pypdfium2, read by the ``tesseract`` program.

The ``tesseract`` command line is called directly (a page image on stdin, the
words and their boxes on stdout) rather than through pytesseract: pytesseract is only a wrapper
that writes temporary files and runs the same program, so it would add a
dependency and disk traffic while giving less control over the per-page time
limit and the error cases handled here.  Install the program and its
Vietnamese data with ``apt-get install -y tesseract-ocr tesseract-ocr-vie``.

Nothing here raises: a missing program or language gives ``ocr_unavailable``,
a page that fails or runs out of time gives ``ocr_page_failed`` and is skipped.
Words come back with their boxes (tesseract's ``tsv`` output) and are laid
out by the PDF reader's own rules, so a scanned page reads like a text-layer
one: the side-by-side header blocks left then right, wrapped lines joined.
The text is put in NFC (tesseract's output is not reliably composed).
"""

from __future__ import annotations

import csv
import io
import math
import os
import shutil
import subprocess
import unicodedata

from ..schema import WarningItem
from .pdf import _Line, _page_lines, _paragraphs, _Row, _strip_running_lines, _without_page_number, _Word

INSTALL_HINT = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
DEFAULT_PAGE_TIMEOUT = 60.0  # seconds of OCR per page
_MAX_PIXELS = 40_000_000  # an oversized page is rendered at a lower resolution
_MIN_LINE_CONFIDENCE = 50.0  # a line read with less mean confidence is noise (stamp, handwriting)
_LANG_TIMEOUT = 10.0  # seconds for ``tesseract --list-langs``


def _env() -> dict[str, str]:
    """One thread per page: tesseract's OpenMP threads slow it down, and batch workers run in parallel."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def unavailable(lang: str) -> str | None:
    """Why OCR in ``lang`` cannot run here (with the install command), or None when it can."""
    program = shutil.which("tesseract")
    if program is None:
        return f"the tesseract program is not installed; install it with: {INSTALL_HINT}"
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True,
                                timeout=_LANG_TIMEOUT, env=_env(), check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"the tesseract program does not run ({exc}); reinstall it with: {INSTALL_HINT}"
    output = (listed.stdout + listed.stderr).decode("utf-8", "replace").split()
    missing = [part for part in lang.split("+") if part not in output]
    if missing:
        return (f"tesseract has no data for language {'+'.join(missing)!r}; "
                f"install it with: {INSTALL_HINT}")
    return None


def _page_image(page, dpi: int) -> tuple[bytes, float, float]:  # noqa: ANN001 - pypdfium2.PdfPage
    """The page as a grey-scale PGM (uncompressed: quick to write, read by tesseract),
    its width in points and the points per pixel."""
    width, height = page.get_size()
    scale = dpi / 72
    if width * height * scale * scale > _MAX_PIXELS:
        scale = math.sqrt(_MAX_PIXELS / max(width * height, 1.0))
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue(), float(width), 1 / scale


def _recognise(program: str, image: bytes, lang: str, timeout: float) -> str:
    """Tesseract's TSV (one row per word) for one page image.

    Raises ``RuntimeError`` or ``subprocess.TimeoutExpired``.  No ``--dpi``:
    on these scans tesseract's own estimate segments the page better.
    """
    done = subprocess.run(
        [program, "stdin", "stdout", "-l", lang, "tsv"],
        input=image, capture_output=True, timeout=timeout, env=_env(), check=False,
    )
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(detail[-1] if detail else f"exit status {done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def _layout(tsv: str, width: float, unit: float) -> list[_Line]:
    """Lines of a page from tesseract's TSV: its lines as rows of words (in points), in
    the PDF reader's order (column bands left then right; page number dropped).
    Lines read with a low mean confidence (stamps, handwritten notes) are left out."""
    lines: dict[tuple[str, ...], list[tuple[_Word, float]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = unicodedata.normalize("NFC", (row.get("text") or "").strip())
        if row.get("level") != "5" or not word:
            continue
        left, top, wide, high = (float(row[key]) for key in ("left", "top", "width", "height"))
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        box = _Word(word, left * unit, (left + wide) * unit, top * unit, (top + high) * unit)
        lines.setdefault(key, []).append((box, float(row["conf"])))
    rows = sorted((_Row([w for w, _ in words]) for words in lines.values()
                   if sum(c for _, c in words) / len(words) >= _MIN_LINE_CONFIDENCE), key=lambda r: r.top)
    return _page_lines(_without_page_number(rows), 0.0, width, [])


def _page_failed(index: int, reason: str) -> WarningItem:
    return WarningItem(code="ocr_page_failed", message=f"OCR of page {index + 1} failed ({reason}); "
                       "the page is left out")


def ocr_pdf(
    data: bytes, *, lang: str = "vie", dpi: int = 300, timeout: float = DEFAULT_PAGE_TIMEOUT
) -> tuple[str, int | None, list[WarningItem]]:
    """OCR every page of a PDF: (text, pages, warnings); never raises.

    ``timeout`` is the limit in seconds for one page; running headers and page
    numbers go as in the PDF reader.  Without tesseract (or its ``lang`` data)
    the text is empty and the warning ``ocr_unavailable`` names the install
    command.
    """
    reason = unavailable(lang)
    if reason is not None:
        return "", None, [WarningItem(code="ocr_unavailable", message=reason)]
    program = shutil.which("tesseract") or "tesseract"
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 - pdfium's errors are not ours to pass on
        return "", None, [WarningItem(code="ocr_page_failed", message=f"cannot render the PDF ({exc})")]
    pages: list[list[_Line]] = []
    warnings: list[WarningItem] = []
    try:
        count = len(document)
        for index in range(count):
            try:
                image, width, unit = _page_image(document[index], dpi)
                pages.append(_layout(_recognise(program, image, lang, timeout), width, unit))
            except subprocess.TimeoutExpired:
                warnings.append(_page_failed(index, f"it took more than {timeout:g}s"))
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the others
                warnings.append(_page_failed(index, f"{type(exc).__name__}: {exc}"))
    finally:
        document.close()
    lines = [line for page_lines in _strip_running_lines(pages) for line in page_lines]
    return "\n".join(_paragraphs(lines)), count, warnings
