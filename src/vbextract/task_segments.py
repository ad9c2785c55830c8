"""Lines of the body as a tree of list items, for task segmentation.

Each line is classified by its list marker (roman numeral, "Điều N.", "1.", "1.1.",
"a)", "(1)", "-", "+") or as an unmarked paragraph.  Deeper markers nest under
shallower ones (the administrative numbering order of NĐ 30/2020, Phụ lục I); an
unmarked paragraph continues the open item, except a paragraph ending in ":" (an
umbrella, whose following items become its children) and a paragraph that the caller
says starts its own unit (a new subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional

# (kind, pattern, rank): lower rank = higher in the tree.
_MARKERS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("part", re.compile(r"(?:Phần|PHẦN|Chương|CHƯƠNG)[ ]+[IVXLC\d]{1,6}\b"), 0.0),
    ("roman", re.compile(r"[IVXL]{1,6}[ ]{0,2}[.\-–)][ ]{0,3}(?=\S)"), 1.0),
    ("article", re.compile(r"Điều[ ]+\d{1,3}[ ]{0,2}[.:][ ]{0,3}"), 1.5),
    ("number", re.compile(r"\d{1,2}(?:\.\d{1,2}){0,4}[.)](?![\d/])[ ]{0,3}"), 2.0),
    ("letter", re.compile(r"[a-zđ][.)][ ]{1,3}"), 7.0),
    ("paren", re.compile(r"\(\d{1,2}\)[.]?[ ]{1,3}"), 8.0),
    ("dash", re.compile(r"[-–—•*][ ]{1,3}"), 9.0),
    ("plus", re.compile(r"\+[ ]{1,3}"), 10.0),
)
_CAPS_HEADING = re.compile(r"[^a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]{6,200}")
_SECTION_KINDS = {"part", "roman", "article", "caps"}
_RECIPIENTS = re.compile(r"(?:N[ơoó][iít]|Not)[ ]nh[ậa]n[ ]{0,2}[:;]|K[íi]nh[ ]g[ửu]i[ ]{0,2}:")
_BODY_LINE = 60  # a recipients/signature block ends at the first line this long
_WRAP_WIDTH = 68  # an unpunctuated line this long was wrapped at the page width
# Words that cannot end a sentence: the next line completes their phrase.
_LINKING = frozenset(
    "của và các với tại theo về cho số ngày tháng năm những là được để trong đến từ hoặc hay "
    "cùng thuộc giữa trên dưới sau trước khi mà nhằm do bởi đối vì nếu thì như tới".split()
)


@dataclass
class Node:
    """A list item: its first line (``head_end``), its own continuation text up to
    ``own_end``, and nested items."""

    kind: str
    rank: float
    start: int
    body: int  # after the marker
    head_end: int
    own_end: int
    label: str = ""
    children: list["Node"] = field(default_factory=list)
    parent: Optional["Node"] = None

    @property
    def end(self) -> int:
        return self.children[-1].end if self.children else self.own_end

    @property
    def is_section(self) -> bool:
        return self.kind in _SECTION_KINDS

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()


def preamble_end(text: str) -> int:
    """Start of the first part, article or roman-numbered section (end of the
    document's opening), or 0 when there is none."""
    for s, e in _lines(text, len(text)):
        kind = classify(text[s:e])[0]
        if kind in {"part", "roman", "article"}:
            return s
    return 0


def classify(line: str) -> tuple[str, float, int]:
    """(kind, rank, marker length) of a line."""
    for kind, pattern, rank in _MARKERS:
        m = pattern.match(line)
        if m:
            if kind == "number":
                depth = m.group(0).strip().rstrip(".)").count(".")
                return kind, rank + depth, m.end()
            return kind, rank, m.end()
    if _CAPS_HEADING.fullmatch(line.strip()) and any(c.isalpha() for c in line):
        return "caps", 1.0, 0
    return "para", 99.0, 0


def _after_break(text: str, start: int) -> bool:
    """True when the line at ``start`` can open a paragraph: the previous line ends a
    sentence or is a heading, or a blank line comes before; never a hard-wrapped line
    (see :func:`continues`)."""
    before = text[max(0, start - 400):start].rstrip(" ")
    if not before or before.endswith("\n\n"):
        return True
    prev_start = before.rfind("\n", 0, len(before) - 1) + 1
    prev = before[prev_start:].strip()
    if continues(prev, text[start:start + 40]):
        return False
    return prev.endswith((".", ";", ":", "!", "?")) or classify(prev)[0] != "para"


def continues(prev: str, line: str) -> bool:
    """True when ``line`` goes on the sentence of the line before it (a hard wrap or
    an OCR line break): ``prev`` has no final punctuation and ends on a comma or a word
    that needs a complement ("… năm 2020 của" / "Chính phủ quy định …"), or is a full
    body-width line, or ``line`` opens in lower case."""
    prev = prev.rstrip()
    if not prev or prev.endswith((".", ";", ":", "!", "?")):
        return False
    if line[:1].islower() or prev.endswith((",", "-", "–")):
        return True
    last = prev.rsplit(" ", 1)[-1].lower()
    return last in _LINKING or len(prev) >= _WRAP_WIDTH


def _paragraph_end(text: str, end: int) -> int:
    """End of the paragraph a line opens: hard-wrapped unmarked lines go on it."""
    while end < len(text) and text[end] == "\n" and end + 1 < len(text) and text[end + 1] != "\n":
        nl = text.find("\n", end + 1)
        nxt = len(text) if nl < 0 else nl
        if classify(text[end + 1:nxt])[0] != "para":
            break
        end = nxt
    return end


def _lines(text: str, end: int) -> Iterator[tuple[int, int]]:
    pos = 0
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            yield pos, stop
        pos = stop + 1


def build_tree(
    text: str, starts_unit: Callable[[int, int, Node], bool], stays_open: Callable[[Node], bool]
) -> Node:
    """The item tree of the body.  ``starts_unit(start, end, open_item)`` says whether
    an unmarked paragraph opens a unit of its own (its own subject); such a paragraph
    closes the open items except sections and those ``stays_open`` keeps (topic
    headings)."""
    end = len(text)
    root = Node("root", -1.0, 0, 0, 0, 0)
    stack = [root]
    skipping = False
    run = (0, -1)  # (first line end, paragraph end) of the last paragraph walked

    def paragraph_end(e: int) -> int:
        # A later line of the walked run ends the same paragraph: each run is walked
        # once, so a text of many unmarked lines stays linear.
        nonlocal run
        if not run[0] <= e <= run[1]:
            run = (e, _paragraph_end(text, e))
        return run[1]

    for s, e in _lines(text, end):
        line = text[s:e]
        if _RECIPIENTS.match(line):
            skipping = True
        if skipping:
            skipping = len(line) < _BODY_LINE or line.startswith(("-", "+"))
            if skipping:
                continue
            del stack[1:]
        if " | " in line:
            continue  # table rows are read by task_tables
        kind, rank, mlen = classify(line)
        if kind == "para":
            umbrella = text[s:e].rstrip().endswith(":") and stack[-1].kind not in {"dash", "plus"}
            if _after_break(text, s) and starts_unit(s, paragraph_end(e), stack[-1]):
                while len(stack) > 1 and not (stack[-1].is_section or stays_open(stack[-1])):
                    stack.pop()
            elif not umbrella:
                if stack[-1].head_end == stack[-1].own_end and text[:stack[-1].head_end].rstrip().endswith((",", "–", "-")):
                    stack[-1].head_end = e  # a heading broken inside its list of names
                stack[-1].own_end = e
                continue
            rank = max(stack[-1].rank + 0.5, 1.6) if umbrella else 99.0
            node = Node("umbrella" if umbrella else "para", rank, s, s, e, e)
        else:
            while len(stack) > 1 and stack[-1].rank >= rank:
                stack.pop()
            node = Node(kind, rank, s, s + mlen, e, e, label=text[s:s + mlen].strip())
        node.parent = stack[-1]
        stack[-1].children.append(node)
        stack.append(node)
    root.own_end = end
    return root
