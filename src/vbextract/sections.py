"""Heading grammar -> section tree.

Each line of the text is tested against the label table in
``data/sections_labels.tsv`` (Phần/Chương/Mục/Điều, roman, arabic, letters,
parenthesised numbers, bullets); runs of ALL-CAPS lines are unlabelled
headings.  Levels are not fixed per label kind: like a markdown outline, a
stack of label styles is kept, a style not on the stack goes one level deeper
and a style already on it closes everything down to that level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import read_table
from .schema import Section

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_UP = f"[{_UPPER}]"
_AL = r"[^\W\d_]"
_TITLE_CAP = 160
_HEADING_MAX = 120
_CAPS_MAX = 200
_TABLE_CELL = " | "
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_TRAILING_PUNCT = " .;:,"
# Words after which a heading line cannot stop: the title goes on on the next line
# ("Điều 1. Tán thành Báo cáo số 40/BC-HĐND ngày 03/7/2017 của" / "Thường trực …").
_CONNECTIVES = frozenset(
    "của và với về tại số theo cho các những trong đối từ đến thuộc giữa là hoặc để như".split()
)
_SENTENCE_PUNCT = ".;:!?"
_FAMILY_RANK = {"caps": 0, "top": 1, "ordinary": 2, "bullet": 3}
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
# ALL-CAPS blocks of the document's header (national motto, party name): front matter, not headings.
_HEADER_BLOCK = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM|ĐỘC LẬP - TỰ DO", re.I)


@dataclass(frozen=True)
class _Rule:
    style: str
    family: str
    pattern: re.Pattern[str]


@dataclass
class _Heading:
    start: int
    label: str | None
    style: str
    family: str
    title: str | None
    kind: str
    level: int = 0
    parent: int | None = None


@cache
def _rules() -> tuple[_Rule, ...]:
    """The label table, compiled."""
    return tuple(
        _Rule(style, family, re.compile(pattern.replace("{UP}", _UP).replace("{AL}", _AL)))
        for style, family, pattern in read_table("sections_labels.tsv")
    )


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without surrounding spaces) for every line; blank lines give ''."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append((pos + lead, stripped))
        pos += len(raw) + 1
    return out


def _is_caps(line: str, min_words: int = 2) -> bool:
    """An ALL-CAPS heading line ("TỔ CHỨC THỰC HIỆN"), not a symbol or a table row.

    A line that goes on an ALL-CAPS block may be a single word (``min_words=1``)."""
    if not line or len(line) > _CAPS_MAX or _TABLE_CELL in line:
        return False
    letters = "".join(filter(str.isalpha, line))
    if len(letters) < 2 * min_words or sum(map(str.isupper, letters)) < 0.9 * len(letters):
        return False
    return sum(1 for w in line.split() if any(map(str.isalpha, w))) >= min_words


def _match_label(line: str, previous: str) -> tuple[_Rule, re.Match[str]] | None:
    """The label rule matching the start of ``line``, if any."""
    if _TABLE_CELL in line:
        return None
    for rule in _rules():
        match = rule.pattern.match(line)
        if not match:
            continue
        if rule.style == "roman" and not _ROMAN.fullmatch(match.group("label")):
            continue
        if match.group("label") in "–—" and previous and previous[-1].isalnum():
            return None  # a line broken before an en dash ("Thăng Long\n– Hà Nội"), not a bullet
        return rule, match
    return None


def _style_of(rule: _Rule, label: str) -> str:
    if rule.style == "arabic":
        return f"arabic{label.count('.') + 1}"
    return rule.style


def _continues(current: str, nxt: str) -> bool:
    """Whether the line after a heading line carries on its title."""
    if not current or not nxt:
        return False
    last_word = current.split()[-1].lower() if current.split() else ""
    if last_word in _CONNECTIVES or current[-1] in ",-–":
        return True
    if current[-1] in _SENTENCE_PUNCT:
        return False
    return nxt[0].islower() or nxt[0].isdigit() or (len(nxt) <= 80 and nxt.endswith(":"))


def _first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    sentence = text[: match.start()] if match else text
    if len(sentence) > _TITLE_CAP:
        cut = sentence.rfind(" ", 0, _TITLE_CAP)
        sentence = sentence[: cut if cut > 0 else _TITLE_CAP]
    return sentence.strip(_TRAILING_PUNCT) or None


def _is_heading_text(body: str, family: str) -> bool:
    """A short one-phrase title ("Tổ chức thực hiện"), not a sentence of an item."""
    if family == "bullet" or len(body) > _HEADING_MAX or _SENTENCE_END.search(body):
        return False
    return not body.endswith((".", ";"))


def _find_headings(text: str) -> list[_Heading]:
    """Every labelled line and every ALL-CAPS block, in order, with its title and kind."""
    lines = _lines(text)
    headings: list[_Heading] = []
    i = 0
    previous = ""
    while i < len(lines):
        start, line = lines[i]
        found = _match_label(line, previous) if line else None
        if found is None and not _is_caps(line):
            previous, i = line, i + 1
            continue
        parts: list[str]
        if found:
            rule, match = found
            family, label = rule.family, match.group("label") or None
            style = _style_of(rule, match.group("label"))
            parts = [line[match.end() :].strip()]
        else:
            family, label, style, parts = "caps", None, "caps", [line]
        caps_title = family == "caps" or (parts[0] and _is_caps(parts[0]))
        j = i + 1
        while j < len(lines) and lines[j][1] and _match_label(lines[j][1], lines[j - 1][1]) is None:
            nxt = lines[j][1]
            if caps_title and _is_caps(nxt, min_words=1):
                parts.append(nxt)
            elif not parts[-1] and family != "caps" and len(parts) == 1:
                parts.append(nxt)  # "Điều 2." alone, the text on the next line
                caps_title = _is_caps(nxt)
                if not caps_title:
                    j += 1
                    break
            elif not caps_title and _continues(parts[-1], nxt):
                parts.append(nxt)
            else:
                break
            j += 1
        body = " ".join(p for p in parts if p)
        if family == "caps" or caps_title:
            kind, title = "heading", body.strip(_TRAILING_PUNCT)[:_CAPS_MAX] or None
        elif _is_heading_text(body, family) and parts[0]:
            kind, title = "heading", body.strip(_TRAILING_PUNCT) or None
        else:
            kind, title = ("bullet" if family == "bullet" else "item"), _first_sentence(body)
        if not (family == "caps" and _HEADER_BLOCK.search(body)):
            headings.append(_Heading(start, label, style, family, title, kind))
        previous = lines[j - 1][1]
        i = j
    return headings


def _ordinal(label: str | None) -> tuple[int, ...] | None:
    """Numeric value of a label ("1.2" -> (1, 2), "III" -> (3,), "b" -> (2,)), if it has one."""
    if not label:
        return None
    core = label.split()[-1].strip("()")
    if core.replace(".", "").isdigit():
        return tuple(int(part) for part in core.split("."))
    if _ROMAN.fullmatch(core):
        values = [_ROMAN_VALUES[c] for c in core]
        return (sum(-v if v < w else v for v, w in zip(values, values[1:] + [0])),)
    if len(core) == 1 and core in _LETTERS:
        return (_LETTERS.index(core) + 1,)
    return None


def _follows(previous: _Heading, heading: _Heading) -> bool:
    """``heading`` is the next number after ``previous`` in the same list (2. after 1.)."""
    before, after = _ordinal(previous.label), _ordinal(heading.label)
    if before is None or after is None or len(before) != len(after):
        return False
    return before[:-1] == after[:-1] and after[-1] == before[-1] + 1


def _interrupts(headings: list[_Heading], index: int, open_headings: list[_Heading]) -> bool:
    """An ALL-CAPS block inside a numbered list (a page header, a stamp): the list goes on after it."""
    following = next((h for h in headings[index + 1 :] if h.family != "caps"), None)
    if following is None:
        return False
    return any(h.style == following.style and _follows(h, following) for h in open_headings)


def _assign_levels(headings: list[_Heading]) -> list[_Heading]:
    """Levels and parents from the stack of label styles; drops interrupting ALL-CAPS blocks."""
    kept: list[_Heading] = []
    stack: list[int] = []
    for index, heading in enumerate(headings):
        if heading.family == "caps":
            if _interrupts(headings, index, [kept[k] for k in stack]):
                continue
            stack = []
        else:
            rank = _FAMILY_RANK[heading.family]
            while stack and not _may_contain(kept[stack[-1]], rank):
                stack.pop()
            styles = [kept[k].style for k in stack]
            if heading.style in styles:
                del stack[styles.index(heading.style) :]
        heading.level = len(stack) + 1
        heading.parent = stack[-1] if stack else None
        stack.append(len(kept))
        kept.append(heading)
    return kept


def _may_contain(parent: _Heading, child_rank: int) -> bool:
    """Bullets hold only bullets; top-level labels (Điều, I.) sit only under top-level labels."""
    if parent.family == "bullet":
        return child_rank == _FAMILY_RANK["bullet"]
    return child_rank != _FAMILY_RANK["top"] or parent.family == "top"


def _content_end(text: str, start: int, limit: int) -> int:
    end = limit
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def parse_sections(text: str) -> list[Section]:
    """Section tree of ``text``: headings, numbered items and bullets with offsets.

    A section runs from its label to just before the next section of the same
    or a higher level (or the end of the text); children nest inside parents.
    """
    headings = _assign_levels(_find_headings(text))
    ends = [len(text)] * len(headings)
    open_stack: list[int] = []
    for index, heading in enumerate(headings):
        while open_stack and headings[open_stack[-1]].level >= heading.level:
            ends[open_stack.pop()] = heading.start
        open_stack.append(index)
    sections = [
        Section(
            id=f"s{index + 1}",
            label=h.label,
            title=h.title,
            level=h.level,
            start=h.start,
            end=_content_end(text, h.start, ends[index]),
            parent=None if h.parent is None else f"s{h.parent + 1}",
            kind=h.kind,
        )
        for index, h in enumerate(headings)
    ]
    for section in sections:
        if section.parent:
            sections[int(section.parent[1:]) - 1].children.append(section.id)
    return sections
