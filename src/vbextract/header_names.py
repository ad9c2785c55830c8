"""Names in a header: accent folding, canonical casing of bodies and titles, personal names.

Header lines are printed in capitals ("ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP") and OCR
may damage accents ("TỎNG CỤC THUÊ", "UY BAN NHAN DAN TINH") or fuse words
("CHÍNHPHỦ", "ỦYBAN NHÂN DÂN"): organ heads, the level word after them and a
province name are recognised on accent-folded, space-free forms (:func:`repair_caps`).  A body's canonical spelling is taken from
the document itself when it writes the same name in ordinary case; otherwise it
is rebuilt from the organ table (``data/header_organs.tsv``) and the rule that
a place name after a level word (tỉnh, thành phố …) is capitalised.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .lexicon import read_table

_NAME_SYLLABLE = re.compile(r"[^\W\d_][^\W\d_]{0,7}")


@dataclass(frozen=True)
class Organ:
    """A head of issuing bodies: its canonical name, system (state/party) and what follows it."""

    name: str
    system: str
    next: str


class _FoldTable(dict[int, str]):
    """Code point -> its folded character, filled on first use (a ``str.translate`` table)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "d" if char in "đĐ" else unicodedata.normalize("NFD", char)[0].lower()
        self[code] = folded
        return folded


_FOLD = _FoldTable()


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """Lower case without accents, one character for one ("Tổng cục Thuế" -> "tong cuc thue")."""
    return text.translate(_FOLD)


@lru_cache(maxsize=8192)
def is_caps(line: str, share: float = 0.8) -> bool:
    """Mostly capital letters (a header line)."""
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) >= share * len(letters)


@cache
def organs() -> tuple[Organ, ...]:
    """Heads of issuing bodies, longest first."""
    rows = [Organ(*row[:3]) for row in read_table("header_organs.tsv")]
    return tuple(sorted(rows, key=lambda o: len(o.name), reverse=True))


@cache
def _places() -> tuple[str, ...]:
    return tuple(sorted((row[0] for row in read_table("header_places.tsv")), key=len, reverse=True))


@cache
def positions() -> tuple[str, ...]:
    """Signers' titles, longest first."""
    return tuple(sorted((row[0] for row in read_table("header_positions.tsv")), key=len, reverse=True))


@cache
def _headed_organs() -> dict[str, str]:
    return {row[0]: row[1] for row in read_table("header_positions.tsv") if len(row) > 1 and row[1]}


def headed_organ(position: str | None) -> Organ | None:
    """The organ a signer's title heads ("Phó Trưởng ban" -> Ban, "Giám đốc" -> Sở), if one kind only."""
    if not position:
        return None
    name = _headed_organs().get(position.removeprefix("Phó ").strip())
    return next((o for o in organs() if o.name == name), None)


@cache
def level_words() -> tuple[str, ...]:
    """Administrative level words (tỉnh, thành phố, huyện …), longest first."""
    return _places()


@cache
def _surnames() -> frozenset[str]:
    return frozenset(row[0] for row in read_table("header_surnames.tsv"))


@cache
def _provinces() -> dict[str, str]:
    """Space-free folded province name -> its spelling (data/header_provinces.tsv)."""
    return {squash(row[0]): row[0] for row in read_table("header_provinces.tsv")}


def squash(text: str) -> str:
    """Accent-folded lower case without spaces ("ỦYBAN NHÂN DÂN" -> "uybannhandan")."""
    return fold(text).replace(" ", "")


def _prefix_end(text: str, name: str) -> int | None:
    """Where ``name`` ends in ``text`` when ``text`` starts with it compared accent-folded and
    space-free; a name of one word must end at a word boundary, a longer one may be fused to
    what follows ("CHÍNHPHỦ", "VĂN PHÒNGCHÍNH PHỦ")."""
    target = squash(name)
    folded = fold(text)
    matched = index = 0
    while matched < len(target):
        if index >= len(folded):
            return None
        if folded[index] != " ":
            if folded[index] != target[matched]:
                return None
            matched += 1
        index += 1
    if index < len(text) and text[index] != " " and (" " not in name or not text[index].isalpha()):
        return None
    return index


def organ_of(name: str) -> Organ | None:
    """The organ a body's name starts with ("Ban Thường vụ Tỉnh ủy" -> Ban Thường vụ), also
    when OCR fused its words or damaged its accents."""
    for organ in organs():
        if _prefix_end(name, organ.name) is not None:
            return organ
    return None


def restore_level(name: str) -> str:
    """A body's name in ordinary case with the level word after its organ head spelled as in
    the table when OCR dropped its accents ("Ủy ban nhân dân Tinh" -> "Ủy ban nhân dân tỉnh")."""
    organ = organ_of(name)
    end = _prefix_end(name, organ.name) if organ and organ.next == "level" else None
    if end is None:
        return name
    rest = name[end:].lstrip()
    for level in _places():
        size = len(level)
        if rest[:size].isascii() and fold(rest[:size]) == fold(level) and (
            len(rest) == size or rest[size] == " "
        ):
            return f"{name[:end].rstrip()} {level}{rest[size:]}"
    return name


def repair_caps(line: str) -> str:
    """A body's name in capitals with its organ head, the level word after it and a province
    name spelled as in the tables, when OCR fused words or dropped accents
    ("UY BAN NHAN DAN TINH QUANG TRI" -> "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")."""
    line = " ".join(line.split())
    organ = organ_of(line)
    if organ is None:
        return line
    end = _prefix_end(line, organ.name) or 0
    out, rest = [organ.name.upper()], line[end:].strip()
    if organ.next == "level":
        level = next((p for p in _places() if _prefix_end(rest, p) is not None), None)
        if level:
            out.append(level.upper())
            rest = rest[_prefix_end(rest, level) or 0:].strip()
    if organ.next in {"level", "place"} and (province := _provinces().get(squash(rest))):
        rest = province.upper()
    return " ".join(out + ([rest] if rest else []))


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


@cache
def _head_words() -> int:
    """Most words in an organ head or a level word: how far ahead a name is matched."""
    return max(len(name.split()) for name in [o.name for o in organs()] + list(_places()))


@cache
def _lower_organs() -> tuple[tuple[Organ, str], ...]:
    return tuple((o, o.name.lower()) for o in organs())


def proper_case(caps: str) -> str:
    """Canonical casing of a body's name printed in capitals, by rule (NĐ 30/2020/NĐ-CP Phụ lục
    II): the organ head as in the table, the first word of its field and of each field joined
    by "và" ("Sở Giáo dục và Đào tạo"), every word of a place name after a level word."""
    words = caps.lower().split()
    out: list[str] = []
    i = 0
    place_follows = False
    in_field = False
    while i < len(words):
        rest = " ".join(words[i:i + _head_words() + 1])  # one word past the longest head
        # inside a name only the accented spelling counts ("tiêu cực" is not "Cục")
        organ = organ_of(rest) if i == 0 else next(
            (o for o, name in _lower_organs() if rest == name or rest.startswith(name + " ")), None
        )
        level = next((p for p in _places() if rest == p or rest.startswith(p + " ")), None)
        if organ and not place_follows:
            size = len(organ.name.split())
            out.extend(organ.name.split())
            i += size
            in_field = organ.next == "name"
            if in_field and i < len(words):
                out.append(_capitalise(words[i]))
                i += 1
            place_follows = organ.next == "place"
            continue
        if level:
            out.extend(level.split())
            i += len(level.split())
            place_follows, in_field = True, False
            continue
        field_starts = in_field and out[-1:] == ["và"]
        out.append(_capitalise(words[i]) if place_follows or field_starts else words[i])
        i += 1
    text = " ".join(out)
    return _capitalise(text)


# Longest name looked up in the text: bodies' names stay far below it (the corpus peaks near
# 150 characters); a longer run of capitals is no name, and its spaced pattern would cost
# time and memory in proportion to its length at every position of the text.
_SPELLED_MAX = 300


def spelled_in(text: str, name: str) -> str | None:
    """The document's own ordinary-case spelling of ``name`` (compared without accents, and
    without spaces when OCR fused the capitals: "BỘ TÀICHÍNH" -> "Bộ Tài chính")."""
    needle = fold(name)
    if not 4 <= len(needle) <= _SPELLED_MAX:
        return None
    haystack = fold(text)
    spaced = re.compile("[ ]?".join(re.escape(char) for char in needle.replace(" ", "")))
    for pattern in (re.compile(re.escape(needle)), spaced):
        for found in pattern.finditer(haystack):
            start, end = found.span()
            edge_ok = (start == 0 or not haystack[start - 1].isalnum()) and (
                end == len(text) or not haystack[end].isalnum()
            )
            if edge_ok and not is_caps(text[start:end], 0.6):
                return text[start:end]
    return None


def canonical_body(text: str, caps: str) -> str:
    """A body's name as the document spells it, or rebuilt from capitals."""
    caps = " ".join(caps.split()).strip(" ,.;:*-_|")
    if not is_caps(caps):
        return caps
    caps = repair_caps(caps)
    return spelled_in(text, caps) or proper_case(caps)


def position_title(line: str) -> str | None:
    """A signer's title from the start of a line ("PHÓ CHỦ TỊCH UBND TỈNH" -> "Phó Chủ tịch")."""
    words = line.split()
    vice = bool(words) and fold(words[0]) in {"pho", "q."}
    rest = fold(" ".join(words[1:] if vice else words))
    for title in positions():
        head = fold(title)
        if rest == head or rest.startswith(head + " ") or rest.startswith(head + ","):
            return f"Phó {title}" if vice else title
    return None


def personal_name(line: str) -> str | None:
    """A Vietnamese personal name (2-5 title-case syllables, a known family name first)."""
    words = line.strip(" .,;").split()
    if not 2 <= len(words) <= 5 or words[0] not in _surnames():
        return None
    for word in words:
        if not _NAME_SYLLABLE.fullmatch(word) or not word[0].isupper():
            return None
        if len(word) > 1 and not word[1:].islower():
            return None
    return " ".join(words)
