"""Reading one citation around its symbol: type word, number, date, issuer and title.

On the left of a symbol stand the type word and "số" (or the type word of the list
it continues, "Công văn số …, số …"); on the right the date ("ngày 16/8/2019",
"ngày 16 tháng 8 năm 2019"), the issuer ("của …", stopping at "về", "ban hành",
"," …; or "đề nghị của X tại <mention>" on the left) and the title ("về …").
The phrases of this grammar are in ``data/reference_phrases.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Optional

from .header_names import fold, restore_level
from .lexicon import doc_type_names, doc_types, issuer_codes, read_table
from .relations import cues
from .schema import CitedRelation
from .symbols import Symbol, read_symbol, scan_symbols

_WINDOW = 160
# Vietnamese lower-case letters (a range such as "à-ỹ" would hold capitals too: Đ, Ủ, Ạ …).
_LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# Two words OCR fused at a case change ("Bộ trưởngBộ Giáo dục và Đào tạo").
_FUSED = re.compile(rf"(?<=[{_LOWER}]{{2}})(?=[A-ZĐ][{_LOWER}])")
# Acts cited by their name, whose name may stand between the type word and the number
# ("Luật Bảo hiểm y tế số 46/2014/QH13").
NAMED_ACTS = ("Luật", "Bộ luật", "Pháp lệnh")

@dataclass
class Mention:
    """One citation as read, before it becomes a :class:`~vbextract.schema.Reference`."""

    start: int
    end: int
    key: str
    symbol: Optional[Symbol] = None
    symbol_start: int = -1
    doc_type: Optional[str] = None
    date: Optional[str] = None
    year: Optional[int] = None
    issuer: Optional[str] = None
    issuer_side: str = ""  # "right" ("… của X") or "left" ("của X tại …") when read here
    title: Optional[str] = None
    region: tuple[int, int] = (0, 0)  # the cited document's own title, for nested citations
    aside: bool = False  # inside a parenthesis after another citation, or an alias
    alias: Optional[str] = None
    relation: str = "mentions"
    cites: list[CitedRelation] = field(default_factory=list)


# --- phrase tables ----------------------------------------------------------------


@cache
def phrases() -> dict[str, tuple[str, ...]]:
    """Phrases of the citation grammar by role (data/reference_phrases.tsv), longest first."""
    table: dict[str, list[str]] = {}
    for row in read_table("reference_phrases.tsv"):
        table.setdefault(row[0], []).append(row[1])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def alternation(kind: str) -> str:
    """A regex alternation of the phrases of one role."""
    return "|".join(re.escape(p) for p in phrases()[kind])


@cache
def type_names() -> tuple[str, ...]:
    """Type words a citation may carry (the type table and the extra ones), longest first."""
    names = set(doc_type_names()) | set(phrases()["type_extra"])
    return tuple(sorted(names, key=len, reverse=True))


@cache
def types_alt() -> str:
    """A regex alternation of every type word, longest first."""
    return "|".join(re.escape(n) for n in type_names())


@cache
def _type_word() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{types_alt()})(?!\w)", re.I)


@cache
def capitalised_types() -> frozenset[str]:
    """Type words that are citations only when capitalised ("Luật", not "pháp luật")."""
    return frozenset(n.lower() for n in phrases()["named_type"])


@cache
def codes_of_type() -> dict[str, frozenset[str]]:
    """Lower-cased type name -> the symbol codes of that type."""
    table: dict[str, set[str]] = {}
    for doc_type in doc_types():
        table.setdefault(doc_type.name.lower(), set()).add(doc_type.code.upper())
    return {k: frozenset(v) for k, v in table.items()}


def _canonical_type_name(word: str) -> str:
    lowered = word.lower()
    for name in type_names():
        if name.lower() == lowered:
            return name[0].upper() + name[1:]
    return word


# "số" before a number, also as OCR reads it without its tone marks ("Chỉ thị so 05/CT-TTg").
_SO_WORD = r"(?:số|SỐ|Số|sô|so)"
_SO = re.compile(rf"(?<!\w){_SO_WORD}[ ]{{0,2}}:?[ ]{{0,2}}\n?$")
# "Số" checked to stand alone after it is read (every form has two letters), so that the
# engine scans for its first letter.
_SO_BEFORE_NUMBER = re.compile(rf"{_SO_WORD}(?<!\w..)[ ]{{0,2}}:?[ ]{{0,2}}(?=\d)")
_BETWEEN_OK = re.compile(r"[^;:()\[\]“”\"\n]{0,80}")
_DATE_NUMERIC = re.compile(
    r"(?:[Nn]gày|NGÀY)?[ ]{0,2}\n?(\d{1,2})[ ]?([/.\-])[ ]?(\d{1,2})[ ]?\2[ ]?((?:19|20)\d\d)(?!\d)"
)
_DATE_WORDS = re.compile(
    r"(?:[Nn]gày|NGÀY)\s{1,3}(\d{1,2})\s{1,3}(?:tháng|THÁNG)\s{1,3}(\d{1,2})\s{1,3}(?:năm|NĂM)\s{1,3}((?:19|20)\d\d)(?!\d)"
)
_TAIL_GAP = re.compile(r"[ ]{0,2},?[ ]{0,2}\n?[ ]{0,2}")


def _date_at(text: str, pos: int) -> Optional[tuple[int, str]]:
    """An issue date right at ``pos`` ("ngày 16/8/2019", "ngày 17 tháng 10 năm 2018")."""
    words = _DATE_WORDS.match(text, pos)
    if words:
        day, month, year = words.group(1), words.group(2), words.group(3)
        end = words.end()
    else:
        numeric = _DATE_NUMERIC.match(text, pos)
        if not numeric:
            return None
        day, month, year = numeric.group(1), numeric.group(3), numeric.group(4)
        end = numeric.end()
    try:
        return end, date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# --- issuer and title ---------------------------------------------------------------


@cache
def _issuer_cue() -> re.Pattern[str]:
    return re.compile(rf"[ ]{{0,2}}(?:{alternation('issuer_cue')})[ ]{{0,2}}\n?[ ]{{0,2}}", re.I)


@cache
def _issuer_stop() -> re.Pattern[str]:
    types = types_alt()
    predicates = "|".join(re.escape(c.phrase) for c in cues())
    return re.compile(
        rf"[ ]?[,;.:()\[\]“”\"]|[ ](?:{alternation('issuer_stop')}|{predicates})(?!\w)"
        rf"|[ ]và[ ](?=(?-i:[{_LOWER}])|(?:{types})(?!\w))|\n",
        re.I,
    )


@cache
def _subject_verb() -> re.Pattern[str]:
    return re.compile(rf"[ ](?:{alternation('subject_verb')})(?!\w)", re.I)


@cache
def _issuer_head() -> re.Pattern[str]:
    return re.compile(rf",[ ](?:{alternation('issuer_head')})(?!\w)")


@cache
def _known_bodies() -> re.Pattern[str]:
    names = sorted({name for name, _ in issuer_codes().values()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


_LIST_LABEL = re.compile(r"[ ]{0,3}(?:[IVXLC]{1,6}[.\-]|\d{1,2}[.)]|[-+•*]|Điều[ ])")


@cache
def _folded_bodies() -> tuple[tuple[str, str], ...]:
    names = sorted({name for name, _ in issuer_codes().values()}, key=len, reverse=True)
    return tuple((fold(name), name) for name in names)


def _repair_issuer(value: str) -> str:
    """Spell a known body as the table does when OCR damaged its diacritics
    ("Thủ tướng Chỉnh phủ" -> "Thủ tướng Chính phủ")."""
    folded = fold(value)
    for index in range(len(folded)):
        if index and folded[index - 1] != " ":
            continue
        for form, name in _folded_bodies():
            end = index + len(form)
            if folded.startswith(form, index) and (end == len(folded) or folded[end] == " "):
                return value[:index] + name + value[end:]
    return value


def _issuer_at(text: str, pos: int) -> tuple[Optional[str], int]:
    """The issuer phrase starting at ``pos`` and where it ends."""
    limit = min(len(text), pos + 160)
    known = _known_bodies().match(text, pos)
    cursor = known.end() if known else pos
    joined_at: Optional[int] = None  # the first comma joining a second body ("Bộ Y tế, Bộ Tài chính")
    while cursor < limit:
        stop = _issuer_stop().search(text, cursor, limit)
        end = stop.start() if stop else limit
        if stop and stop.group(0) == "\n":
            words = len(text[pos:end].split())
            nxt = text[end + 1:end + 2]
            if words <= 3 and nxt.isupper() and not _LIST_LABEL.match(text, end + 1):
                cursor = end + 1
                continue
        if stop and stop.group(0) == "," and _issuer_head().match(text, end):
            joined_at = end if joined_at is None else joined_at
            cursor = end + 2
            continue
        cursor = end
        if joined_at is not None and stop and _subject_verb().match(text, end):
            cursor = joined_at  # "… của Bộ Y tế, Sở Y tế đề nghị …": the body after the comma is a subject
        break
    value = _FUSED.sub(" ", " ".join(text[pos:cursor].split()))
    if not value or len(value.split()) > 16 or not value[0].isupper():
        return None, pos
    return restore_level(_repair_issuer(value)), cursor


@cache
def _title_start() -> re.Pattern[str]:
    return re.compile(rf"[ ]{{0,2}}(?:{alternation('title_start')})(?!\w)", re.I)


@cache
def _title_stop() -> re.Pattern[str]:
    types = types_alt()
    return re.compile(
        rf"[;(]|(?<=[^\d\s])\.(?=\s|$)|:\s|\n(?=[ ]{{0,3}}(?:[IVXLC]{{1,6}}[.\-]|\d{{1,2}}[.)]|[-+•*]|Điều[ ]))|\n\n"
        rf"|(?:,|[ ]và)[ ](?=(?:{types})[^\n,;.()]{{0,40}}?[ ](?:số[ ]{{0,2}}\d|\d))"
        rf"|,[ ](?=[A-ZĐ][^,;.()\n]{{0,80}}?[ ](?:ban hành|xây dựng)[ ])",
        re.I,
    )


def _region(text: str, pos: int) -> tuple[int, int]:
    """The cited document's own title starting at ``pos`` ("về …", "ban hành …")."""
    start = _title_start().match(text, pos)
    if not start:
        return pos, pos
    begin = start.start() + len(start.group(0)) - len(start.group(0).lstrip())
    stop = _title_stop().search(text, begin, min(len(text), begin + 400))
    return begin, stop.start() if stop else min(len(text), begin + 400)


# --- reading one mention ------------------------------------------------------------


def _left(text: str, sym_start: int) -> tuple[int, Optional[str], Optional[str], bool]:
    """(mention start, type word, words between type and "số", has "số") left of a symbol."""
    window_start = max(0, sym_start - _WINDOW)
    window = text[window_start:sym_start]
    so = _SO.search(window)
    before = window[: so.start()] if so else window
    matches = list(_type_word().finditer(before))
    for match in reversed(matches):
        word = match.group(0)
        if word.lower() in capitalised_types() and not word[0].isupper():
            continue
        between = before[match.end():]
        if not so:
            middle = between.strip()
            named = word.lower() in capitalised_types()
            if between.count("\n") > 1 or (middle and not named):
                break
            if middle and not (_BETWEEN_OK.fullmatch(between.rstrip()) and len(middle.split()) <= 12):
                break
            return window_start + match.start(), word, middle or None, False
        middle = between.strip()
        if word.lower() == "văn bản" and middle:
            continue
        if _BETWEEN_OK.fullmatch(between) and len(middle.split()) <= 12:
            amending = _amending_law().search(before, 0, match.start())
            if amending and amending.end() == match.start():
                # "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 46/2014/QH13"
                title = " ".join(before[amending.start(1):].split())
                return window_start + amending.start(), amending.group(0).split()[0], title, True
            return window_start + match.start(), word, middle or None, True
        break
    if so:
        return window_start + so.start(), None, None, True
    return sym_start, None, None, False


@cache
def _amending_law() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in phrases()["named_type"])
    return re.compile(rf"(?:{names})[ ](sửa đổi,?[ ]bổ sung[ ]một số điều[ ]của)[ ]{{0,2}}\n?[ ]{{0,2}}$")


_LEFT_ISSUER = re.compile(r"(?:của|giữa)[ ]{1,3}([^,;()\n]{2,100}?)[ ]?:?[ ]{1,3}tại[ ]{1,3}$", re.I)
_LEFT_SUBJECT = re.compile(r"(?:^|[.;]\s|\n)([A-ZĐ][^,;.()\n]{1,60}?)[ ](?:đã[ ])?ban hành[ ]$")
_LEFT_AGENT = re.compile(
    r"được[ ]([A-ZĐ][^,;.()\n]{1,40}?)[ ](?:phê duyệt|ban hành|thông qua|quyết định)[^,;.()\n]{0,60}?[ ]tại[ ]$"
)


def _left_issuer(text: str, start: int) -> Optional[str]:
    """"đề nghị của X tại <mention>", or "X (đã) ban hành <mention>" (X the subject)."""
    window = text[max(0, start - 140):start]
    found = (_LEFT_ISSUER.search(window.replace("\n", " ")) or _LEFT_SUBJECT.search(window)
             or _LEFT_AGENT.search(window))
    if not found:
        return None
    value = " ".join(found.group(1).split())
    return value if value[:1].isupper() and len(value.split()) <= 14 else None


def _read(text: str, sym_start: int, sym_end: int, symbol: Symbol) -> Mention:
    start, word, between, _ = _left(text, sym_start)
    mention = Mention(start, sym_end, symbol.canonical, symbol, symbol_start=sym_start)
    mention.doc_type = _canonical_type_name(word) if word else None
    if between and mention.doc_type in NAMED_ACTS:
        mention.title = between
    mention.year = symbol.year
    pos = sym_end
    gap = _TAIL_GAP.match(text, pos)
    found = _date_at(text, gap.end()) if gap else None
    if found:
        pos, mention.date = found
        mention.year = mention.year or int(mention.date[:4])
        mention.end = pos
    cue = _issuer_cue().match(text, pos)
    if cue:
        issuer, issuer_end = _issuer_at(text, cue.end())
        if issuer:
            mention.issuer, mention.end, pos = issuer, issuer_end, issuer_end
            mention.issuer_side = "right"
    if mention.issuer is None:
        mention.issuer = _left_issuer(text, start)
        mention.issuer_side = "left" if mention.issuer else ""
    region_from = pos
    aside = re.match(r"[ ]{0,2}\(", text[pos:pos + 3])
    if aside:
        close = text.find(")", pos, pos + 300)
        region_from = close + 1 if close > 0 else pos
    mention.region = _region(text, region_from)
    if mention.region[1] > mention.region[0] and mention.title is None:
        mention.title = " ".join(text[mention.region[0]:mention.region[1]].split()) or None
    return mention


def symbol_mentions(text: str) -> list[Mention]:
    """Every citation read around a symbol (or around "số" and an unusual sign), in text order."""
    found: dict[int, tuple[int, Symbol]] = {s: (e, sym) for s, e, sym in scan_symbols(text)}
    for so in _SO_BEFORE_NUMBER.finditer(text):
        if so.end() in found:
            continue
        read = read_symbol(text, so.end(), lenient=True)
        if read and _left(text, so.end())[1]:
            found[so.end()] = read
    return [_read(text, s, e, sym) for s, (e, sym) in sorted(found.items())]
