"""OCR hook for scanned PDFs: pages rendered by pypdfium2, read by the ``tesseract`` program.

The ``tesseract`` command line is called directly (a page image on stdin, the
text on stdout) rather than through pytesseract: pytesseract is only a wrapper
that writes temporary files and runs the same program, so it would add a
dependency and disk traffic while giving less control over the per-page time
limit and the error cases handled here.  Install the program and its
Vietnamese data with ``apt-get install -y tesseract-ocr tesseract-ocr-vie``.

Nothing here raises: a missing program or language gives ``ocr_unavailable``,
a page that fails or runs out of time gives ``ocr_page_failed`` and is skipped.
The text is put in NFC (tesseract's output is not reliably composed).
"""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import unicodedata

from ..schema import WarningItem

INSTALL_HINT = "apt-get install -y tesseract-ocr tesseract-ocr-vie"
DEFAULT_PAGE_TIMEOUT = 60.0  # seconds of OCR per page
_MAX_PIXELS = 40_000_000  # an oversized page is rendered at a lower resolution
_LANG_TIMEOUT = 10.0  # seconds for ``tesseract --list-langs``
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread per page: batch workers run in parallel


def unavailable(lang: str) -> str | None:
    """Why OCR in ``lang`` cannot run here (with the install command), or None when it can."""
    program = shutil.which("tesseract")
    if program is None:
        return f"the tesseract program is not installed; install it with: {INSTALL_HINT}"
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True,
                                timeout=_LANG_TIMEOUT, env=_ENV, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"the tesseract program does not run ({exc}); reinstall it with: {INSTALL_HINT}"
    output = (listed.stdout + listed.stderr).decode("utf-8", "replace").split()
    missing = [part for part in lang.split("+") if part not in output]
    if missing:
        return (f"tesseract has no data for language {'+'.join(missing)!r}; "
                f"install it with: {INSTALL_HINT}")
    return None


def _page_image(page, dpi: int) -> bytes:  # noqa: ANN001 - pypdfium2.PdfPage
    """The page as a grey-scale PGM (uncompressed: quick to write, read by tesseract)."""
    width, height = page.get_size()
    scale = dpi / 72
    if width * height * scale * scale > _MAX_PIXELS:
        scale = math.sqrt(_MAX_PIXELS / max(width * height, 1.0))
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


def _recognise(program: str, image: bytes, lang: str, dpi: int, timeout: float) -> str:
    """Text of one page image; raises ``RuntimeError`` or ``subprocess.TimeoutExpired``."""
    done = subprocess.run(
        [program, "stdin", "stdout", "-l", lang],
        input=image, capture_output=True, timeout=timeout, env=_ENV, check=False,
    )
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(detail[-1] if detail else f"exit status {done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def _clean(page_text: str) -> str:
    """NFC, no form feed, no trailing spaces, at most one blank line in a row."""
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", page_text).replace("\f", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


def ocr_pdf(
    data: bytes, *, lang: str = "vie", dpi: int = 300, timeout: float = DEFAULT_PAGE_TIMEOUT
) -> tuple[str, int | None, list[WarningItem]]:
    """OCR every page of a PDF: (text, pages, warnings); never raises.

    ``timeout`` is the limit in seconds for one page; pages are separated by a
    blank line.  Without tesseract (or its ``lang`` data) the text is empty and
    the warning ``ocr_unavailable`` names the install command.
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
    texts: list[str] = []
    warnings: list[WarningItem] = []
    try:
        count = len(document)
        for index in range(count):
            try:
                page_text = _recognise(program, _page_image(document[index], dpi), lang, dpi, timeout)
            except subprocess.TimeoutExpired:
                warnings.append(WarningItem(
                    code="ocr_page_failed",
                    message=f"OCR of page {index + 1} took more than {timeout:g}s; the page is left out",
                ))
                continue
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the others
                warnings.append(WarningItem(
                    code="ocr_page_failed",
                    message=f"OCR of page {index + 1} failed ({type(exc).__name__}: {exc}); "
                    "the page is left out",
                ))
                continue
            texts.append(_clean(page_text))
    finally:
        document.close()
    return "\n\n".join(t for t in texts if t), count, warnings
