"""Read .docx with python-docx: body paragraphs and tables in document order,
with Word's automatic list labels ("1.", "1.1.", "a)", "I.", "-") rebuilt from
numbering.xml, since the file stores only counters and formats.
Tables are read by :mod:`.tables` (layout tables cell by cell, data tables
one ``cell | cell`` line per row).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from ..errors import CorruptFileError
from ..schema import WarningItem
from .labels import format_counter
from .tables import table_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", _MC_FALLBACK,
         W + "footnoteReference", W + "endnoteReference", W + "commentReference"}
_CHARS = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-",
          W + "softHyphen": ""}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}
_PLACEHOLDER = re.compile(r"%([1-9])")


def _val(element: etree._Element | None, tag: str) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val") if child is not None else None


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # 1-based level whose use restarts this one; 0 never
    suffix: str = " "
    legal: bool = False  # isLgl: show every level as decimal

    @classmethod
    def parse(cls, lvl: etree._Element) -> "_Level":
        suffix = {"nothing": "", "space": " "}.get(_val(lvl, "suff") or "tab", " ")
        return cls(
            fmt=_val(lvl, "numFmt") or "decimal",
            text=_val(lvl, "lvlText") or "",
            start=_int(_val(lvl, "start"), 1) or 0,
            restart=_int(_val(lvl, "lvlRestart"), None),
            suffix=suffix,
            legal=lvl.find(W + "isLgl") is not None,
        )


def _bullet(text: str) -> str:
    """Symbol/Wingdings bullets live in the private use area: show them as '•'."""
    return "".join("•" if "\ue000" <= c <= "\uf8ff" else c for c in text) or "•"


@dataclass
class Numbering:
    """numbering.xml + styles.xml: turns a paragraph's list membership into its label."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, _Level | int]] = field(default_factory=dict)
    style_num: dict[str, tuple[str | None, str | None, str | None]] = field(default_factory=dict)
    style_level: dict[tuple[str, str], int] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, numbering: etree._Element | None, styles: etree._Element | None) -> "Numbering":
        self = cls()
        for abstract in numbering.iterfind(W + "abstractNum") if numbering is not None else ():
            abstract_id = abstract.get(W + "abstractNumId", "")
            self.levels[abstract_id] = {}
            for lvl in abstract.iterfind(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0) or 0
                self.levels[abstract_id][ilvl] = _Level.parse(lvl)
                style = _val(lvl, "pStyle")
                if style:
                    self.style_level[(abstract_id, style)] = ilvl
        for num in numbering.iterfind(W + "num") if numbering is not None else ():
            num_id = num.get(W + "numId", "")
            self.nums[num_id] = _val(num, "abstractNumId") or ""
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0) or 0
                lvl = override.find(W + "lvl")
                start = _int(_val(override, "startOverride"), None)
                if lvl is not None:
                    self.overrides.setdefault(num_id, {})[ilvl] = _Level.parse(lvl)
                elif start is not None:
                    self.overrides.setdefault(num_id, {})[ilvl] = start
        for style in styles.iterfind(W + "style") if styles is not None else ():
            num_pr = style.find(f"{W}pPr/{W}numPr")
            self.style_num[style.get(W + "styleId", "")] = (
                _val(num_pr, "numId"),
                _val(num_pr, "ilvl"),
                _val(style, "basedOn"),
            )
        return self

    def _style_numbering(self, style: str | None) -> tuple[str | None, str | None]:
        seen: set[str] = set()
        while style and style not in seen:
            seen.add(style)
            num_id, ilvl, based_on = self.style_num.get(style, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style = based_on
        return None, None

    def _level(self, num_id: str, abstract_id: str, ilvl: int) -> _Level:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if isinstance(override, _Level):
            return override
        return self.levels.get(abstract_id, {}).get(ilvl) or _Level()

    def label(self, paragraph: etree._Element) -> str:
        """The label Word draws before ``paragraph`` (advancing the counters), or ''."""
        ppr = paragraph.find(W + "pPr")
        style = _val(ppr, "pStyle")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl_text = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style)
            ilvl_text = ilvl_text or style_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id = self.nums[num_id]
        if ilvl_text is None and style:
            ilvl = self.style_level.get((abstract_id, style), 0)
        else:
            ilvl = _int(ilvl_text, 0) or 0
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, override in self.overrides.get(num_id, {}).items():
                start = override if isinstance(override, int) else override.start
                counters[level] = start - 1
        level = self._level(num_id, abstract_id, ilvl)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = self._level(num_id, abstract_id, deeper).restart
            if restart is None or ilvl < restart:
                del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text) + level.suffix
        if not level.text:
            return ""

        def counter(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            source = self._level(num_id, abstract_id, index)
            value = counters.get(index, source.start)
            return format_counter(value, "decimal" if level.legal else source.fmt)

        return _PLACEHOLDER.sub(counter, level.text) + level.suffix


def _run_text(element: etree._Element) -> Iterator[str]:
    """Visible text under ``element`` in order, skipping deleted text and field codes."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            yield child.text or ""
        elif tag in _CHARS:
            yield _CHARS[tag]
        elif tag == W + "p":  # a paragraph inside a text box
            yield "\n"
            yield from _run_text(child)
        else:
            yield from _run_text(child)


class _Body:
    """Walks the document body and collects its lines."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering

    def paragraph(self, p: etree._Element) -> str:
        text = "".join(_run_text(p))
        label = self.numbering.label(p)
        return label + text if text.strip() else ""

    def blocks(self, parent: etree._Element) -> Iterator[str]:
        for child in parent:
            if child.tag == W + "p":
                yield self.paragraph(child)
            elif child.tag == W + "tbl":
                yield from self.table(child)
            elif child.tag in _CONTAINERS:
                yield from self.blocks(child)

    def table(self, tbl: etree._Element) -> Iterator[str]:
        rows = []
        for tr in tbl.iterfind(W + "tr"):
            cells = []
            for tc in tr.iterfind(W + "tc"):
                lines = [] if _val(tc.find(W + "tcPr"), "vMerge") == "continue" else [
                    line.strip() for block in self.blocks(tc) for line in block.split("\n")
                ]
                cells.append([line for line in lines if line])
            rows.append(cells)
        yield from table_lines(rows)


def _open(data: bytes) -> tuple[etree._Element, etree._Element | None, etree._Element | None]:
    """The body, numbering and styles elements of a .docx (python-docx parses it)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError):
            numbering = None
        styles = document.styles.element
    except (PackageNotFoundError, zipfile.BadZipFile, etree.XMLSyntaxError, KeyError,
            OSError, EOFError, ValueError) as exc:
        raise CorruptFileError(f"damaged .docx file ({type(exc).__name__}: {exc})") from None
    return document.element.body, numbering, styles


def read_docx(data: bytes) -> tuple[str, None, list[WarningItem]]:
    """Reader entry point for .docx: (text, pages, warnings)."""
    body, numbering, styles = _open(data)
    lines = _Body(Numbering.parse(numbering, styles)).blocks(body)
    return "\n".join(line for line in lines if line.strip()), None, []
