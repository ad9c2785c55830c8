"""Screenshot an HTML file in headless Chromium (Debian package ``chromium``).

    python scripts/screenshot.py page.html shot.png [--width 1280 --height 2000]

Used to look at the report and the graph view as a person would; the tests call
:func:`screenshot` and :func:`dump_dom` when Chromium is installed."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def chromium() -> str | None:
    """Path of the Chromium binary, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run(args: list[str], timeout: float = 90) -> subprocess.CompletedProcess:
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)


def screenshot(page: Path, out: Path, width: int = 1280, height: int = 2000) -> Path:
    """Render ``page`` and write a PNG to ``out``."""
    _run([f"--screenshot={out.resolve()}", f"--window-size={width},{height}", page.resolve().as_uri()])
    if not out.exists():
        raise RuntimeError(f"chromium wrote no screenshot of {page}")
    return out


def dump_dom(page: Path) -> str:
    """The DOM as Chromium built it (after parsing and scripts)."""
    return _run(["--dump-dom", "--virtual-time-budget=2000", page.resolve().as_uri()]).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    args = parser.parse_args()
    print(screenshot(args.page, args.out, args.width, args.height))


if __name__ == "__main__":
    main()
