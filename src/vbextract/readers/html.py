"""Read HTML: visible text with block elements as lines, tables through
:mod:`.tables`, ``<ol>`` labels drawn as text; scripts, styles, navigation and
``<sup>`` footnote marks dropped."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from ..schema import WarningItem
from .labels import HTML_TYPES, format_counter
from .tables import table_lines
from .text import decode_text

_DROP = {"script", "style", "nav", "noscript", "template", "head", "svg", "iframe",
         "button", "select", "form", "object"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2",
          "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
          "address", "figure", "figcaption", "hr", "center", "body", "caption", "tr", "table"}
_FOOTNOTE = re.compile(r"\s{0,3}(?:\d{1,3}|\*{1,3}|[ivx]{1,4})\s{0,3}")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]{1,}")
_BULLET_TEXT = re.compile(r"^\s{0,4}[-+•*–]")


class _Writer:
    """Accumulates text; block boundaries become line breaks."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def text(self, value: str) -> None:
        self.parts.append(value)

    def newline(self) -> None:
        self.parts.append("\n")

    def result(self) -> str:
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def _cell_lines(cell: Tag) -> list[str]:
    writer = _Writer()
    _walk(cell, writer)
    return [line for line in writer.result().split("\n") if line]


def _table(table: Tag, writer: _Writer) -> None:
    rows = [
        [_cell_lines(c) for c in row.find_all(["td", "th"], recursive=False)]
        for row in table.find_all("tr")
        if row.find_parent("table") is table  # rows of a nested table belong to its cell
    ]
    for line in table_lines(rows):
        writer.newline()
        writer.text(line)
        writer.newline()


def _list_item_label(item: Tag, index: int) -> str:
    parent = item.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return "" if _BULLET_TEXT.match(item.get_text()) else "- "
    try:
        start = int(parent.get("start", 1))
    except (TypeError, ValueError):
        start = 1
    fmt = HTML_TYPES.get(str(parent.get("type", "1")), "decimal")
    return f"{format_counter(start + index, fmt)}. "


def _walk(node: Tag, writer: _Writer) -> None:
    item_index = 0
    for child in node.children:
        if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            writer.text(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _DROP:
            continue
        name = child.name
        if name == "br":
            writer.newline()
        elif name == "sup" and _FOOTNOTE.fullmatch(child.get_text()):
            continue
        elif name == "table":
            _table(child, writer)
        elif name in _BLOCK:
            writer.newline()
            if name == "li":
                writer.text(_list_item_label(child, item_index))
                item_index += 1
            _walk(child, writer)
            writer.newline()
        else:
            _walk(child, writer)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, one block per line."""
    soup = BeautifulSoup(markup, "lxml")
    writer = _Writer()
    _walk(soup, writer)
    return writer.result()


def read_html(data: bytes) -> tuple[str, None, list[WarningItem]]:
    """Reader entry point for .html: (text, pages, warnings)."""
    markup, warnings = decode_text(data)
    return html_to_text(markup), None, warnings
