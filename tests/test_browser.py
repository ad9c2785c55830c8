"""The report and the graph view, opened in a real browser (headless Chromium)."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from screenshot import chromium, dump_dom, screenshot  # noqa: E402

import vbextract  # noqa: E402
from vbextract.graph import Corpus  # noqa: E402
from vbextract.graph_export import write_graph  # noqa: E402

pytestmark = pytest.mark.skipif(chromium() is None, reason="chromium is not installed")
RAW = ROOT / "corpora" / "raw"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_report_renders_with_highlights(tmp_path: Path) -> None:
    doc = vbextract.extract(RAW / "000_d33c2c6bea5c954f.txt")
    page = tmp_path / "report.html"
    page.write_text(doc.to_html(), encoding="utf-8")
    dom = dump_dom(page)
    assert dom.count('class="hl-') >= len(doc.references) > 0
    for ref in doc.references[:5]:
        assert ref.id in dom
    shot = screenshot(page, tmp_path / "report.png")
    assert _png_size(shot) == (1280, 2000)
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kB


def test_graph_view_draws_nodes(tmp_path: Path) -> None:
    corpus = Corpus(vbextract.extract(p) for p in sorted(RAW.glob("00*.txt")))
    page = tmp_path / "graph.html"
    write_graph(corpus.graph, page)
    dom = dump_dom(page)
    assert dom.count('class="node"') == corpus.graph.number_of_nodes() > 0
    shot = screenshot(page, tmp_path / "graph.png", height=900)
    assert shot.stat().st_size > 10_000
