"""The grammar of document symbols ("số và ký hiệu văn bản").

State documents (NĐ 30/2020/NĐ-CP, Phụ lục I): ``number[/year]/TYPE-ISSUER[-UNIT]``
("235/KH-UBND", "45/2025/NĐ-CP", "924/QC-SNNMT-SXD"), normative acts of the
National Assembly ``number/year/QH15``, and letters (công văn) without a type
code ``number/ISSUER-UNIT`` ("3524/BCA-C04").  Party documents (Hướng dẫn
36-HD/VPTW): ``number-TYPE/ISSUER`` ("36-CT/TW", "483-BC/ĐKT").

:func:`scan_symbols` finds candidates in running text with a small hand-written
parser (one bounded regex per segment, no backtracking over the whole symbol),
:func:`parse_symbol` validates one and canonicalises OCR / ASCII-folded codes
through the code tables (42/QD-TCT -> 42/QĐ-TCT, QĐ-TTG -> QĐ-TTg).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator, Optional

from .lexicon import DocType, doc_type_by_code, issuer_codes, read_table

# A segment of a symbol: letters/digits, no separator inside.
_SEGMENT = re.compile(r"[0-9A-Za-zĐđƯưÔô]{1,14}")
# Separator between segments: "/" or "-" with at most one stray space (or a line
# break after a dash: "5969/QĐ-\nUBND") around it.
_SEPARATOR = re.compile(r"[ ]?([/\-–])(?:[ ]|\n)?")
# Where a symbol may start: a number not glued to a word, a decimal or a date part.
# The number of a symbol; its first digit is matched before the look-behind so that the
# engine scans for digits.
_ANCHOR = re.compile(r"\d(?<![\w./,\-–]\d)\d{0,5}(?=[ ]?[/\-–])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMBER = re.compile(r"\d{1,6}")
# A code: capital letter first ("KH", "NĐ", "TTg", "CTr", "QH15", "C04", "KH1N").
_CODE = re.compile(r"[A-ZĐƯÔ][A-Za-zĐđƯÔ0-9]{0,13}")
_TERM_SUFFIX = re.compile(r"(?<=[A-ZĐ])\d{1,2}$")
_MAX_SEGMENTS = 7


@dataclass(frozen=True)
class Symbol:
    """A parsed document symbol."""

    printed: str  # as in the text (may hold stray spaces)
    canonical: str  # whitespace removed, codes canonicalised
    number: str
    year: Optional[int]
    type_code: Optional[str]  # canonical type code (KH, NĐ, CT ...) or None for a letter
    issuer_code: Optional[str]  # first issuer code (UBND, TW, CP, BCA ...)
    system: str  # "state" | "party"

    @property
    def doc_type(self) -> Optional[str]:
        """Full type name implied by the type code ("Kế hoạch" for KH)."""
        found = doc_type_by_code().get(self.type_code.upper()) if self.type_code else None
        return found.name if found else None


def _fold(code: str) -> str:
    return code.upper().replace("Đ", "D").replace("Ư", "U").replace("Ô", "O")


@cache
def _issuer_table() -> dict[str, str]:
    """Upper-cased and ASCII-folded issuer codes -> canonical code (exact forms win)."""
    codes = [row[0] for row in read_table("issuer_codes.tsv")]
    table = {code.upper(): code for code in codes}
    folded: dict[str, set[str]] = {}
    for code in codes:
        folded.setdefault(_fold(code), set()).add(code)
    for form, found in folded.items():
        if len(found) == 1:
            table.setdefault(form, next(iter(found)))
    return table


def canonical_type(code: str) -> Optional[DocType]:
    """The DocType of a type code, tolerant of case and ASCII folding (QD -> QĐ)."""
    table = doc_type_by_code()
    return table.get(code.upper()) or table.get(_fold(code))


def canonical_issuer(code: str) -> Optional[str]:
    """The canonical issuer code (TTG -> TTg, HDND -> HĐND, UBTVQH15 -> UBTVQH15)."""
    term = _TERM_SUFFIX.search(code)
    base = code[: term.start()] if term else code
    table = _issuer_table()
    found = table.get(base.upper()) or table.get(_fold(base))
    if not found:
        return None
    return found + (term.group(0) if term else "")


def implied_issuer(symbol: Symbol) -> Optional[str]:
    """The issuer a symbol's issuer code names (TTg -> Thủ tướng Chính phủ), if known."""
    if not symbol.issuer_code:
        return None
    code = canonical_issuer(symbol.issuer_code)
    if not code:
        return None
    base = _TERM_SUFFIX.sub("", code)
    return issuer_codes()[base.upper()][0]


def _type_code(code: str) -> Optional[str]:
    """Canonical type code (QD -> QĐ, CTR -> CTr), or None when it is not a type code."""
    found = canonical_type(code)
    return found.code if found else None


def _split(text: str, pos: int) -> tuple[list[tuple[str, str]], int]:
    """Segments after a number at ``pos``: [(separator, segment)], and the end offset."""
    parts: list[tuple[str, str]] = []
    end = pos
    while len(parts) < _MAX_SEGMENTS:
        sep = _SEPARATOR.match(text, end)
        if not sep:
            break
        seg = _SEGMENT.match(text, sep.end())
        if not seg:
            break
        after = seg.end()
        if after < len(text) and (text[after].isalnum()):
            break  # a segment running into a non-ASCII letter: a word, not a code
        parts.append((sep.group(1).replace("–", "-"), seg.group(0)))
        end = after
    return parts, end


def _is_code(segment: str) -> bool:
    return bool(_CODE.fullmatch(segment)) and not segment[1:].islower()


def _build(number: str, parts: list[tuple[str, str]]) -> Optional[tuple[str, Optional[int], Optional[str], Optional[str], str]]:
    """Validate segments; return (canonical, year, type code, issuer code, system)."""
    year: Optional[int] = None
    rest = list(parts)
    canon = [number]
    if rest and rest[0][1].isdigit():
        # number/year/... (state) or number-year/... (the Government's older form)
        if not (_YEAR.fullmatch(rest[0][1]) and len(rest) > 1 and rest[1][0] == "/"):
            return None
        year = int(rest[0][1])
        canon += [rest[0][0], rest[0][1]]
        rest = rest[1:]
    if not rest or not _is_code(rest[0][1]):
        return None
    first_sep, first = rest[0]
    type_code = _type_code(first)
    system = "state"
    issuer_code: Optional[str] = None
    if first_sep == "-":
        # Party form: number-TYPE/ISSUER
        if type_code is None or len(rest) < 2 or rest[1][0] != "/" or not _is_code(rest[1][1]):
            return None
        system = "party"
        issuer_code = canonical_issuer(rest[1][1]) or rest[1][1]
    else:
        if type_code is None:
            # A letter (công văn): number/ISSUER-UNIT, or number/year/QH15
            if canonical_issuer(first) is None:
                return None
            issuer_code = canonical_issuer(first)
        elif len(rest) > 1:
            issuer_code = canonical_issuer(rest[1][1]) or rest[1][1]
        else:
            return None  # "12/KH" alone: a type code needs its issuer
    for index, (sep, segment) in enumerate(rest):
        if index == 0 and type_code is not None:
            canon += [sep, type_code]
            continue
        fixed = canonical_issuer(segment) if _is_code(segment) else None
        canon += [sep, fixed or segment]
    return "".join(canon), year, type_code, issuer_code, system


def parse_symbol(text: str) -> Optional[Symbol]:
    """Parse a whole string as a symbol (None when it is not one)."""
    stripped = text.strip()
    number = _NUMBER.match(stripped)
    if not number:
        return None
    parts, end = _split(stripped, number.end())
    if end != len(stripped):
        return None
    return _make(stripped, number.group(0), parts)


def _make(printed: str, number: str, parts: list[tuple[str, str]], lenient: bool = False) -> Optional[Symbol]:
    built = _build(number, parts)
    if built is None:
        if not (lenient and any(_is_code(segment) for _, segment in parts)):
            return None
        # An unusual sign after "văn bản số …": kept as printed, without spaces.
        canonical = number + "".join(sep + segment for sep, segment in parts)
        return Symbol(printed, canonical, number, None, None, None, "state")
    canonical, year, type_code, issuer_code, system = built
    return Symbol(printed, canonical, number, year, type_code, issuer_code, system)


def read_symbol(text: str, pos: int, lenient: bool = False) -> Optional[tuple[int, Symbol]]:
    """The symbol starting exactly at ``pos`` and its end; ``lenient`` accepts unknown codes."""
    number = _NUMBER.match(text, pos)
    if not number:
        return None
    parts, end = _split(text, number.end())
    symbol = _make(text[pos:end], number.group(0), parts, lenient) if parts else None
    return (end, symbol) if symbol else None


def scan_symbols(text: str) -> Iterator[tuple[int, int, Symbol]]:
    """Every well-formed symbol in ``text`` as (start, end, Symbol), left to right."""
    pos = 0
    while True:
        anchor = _ANCHOR.search(text, pos)
        if not anchor:
            return
        parts, end = _split(text, anchor.end())
        symbol = _make(text[anchor.start():end], anchor.group(0), parts) if parts else None
        if symbol is not None:
            yield anchor.start(), end, symbol
            pos = end
        else:
            pos = anchor.end()
