"""Cited documents: every mention of another document, its identity and relation.

One :class:`~vbextract.schema.Reference` per mention (with offsets into the
normalised text); mentions of one document share ``key``: the canonical symbol
(:mod:`vbextract.symbols`), or for a document cited by name only
"type|normalised title|year" ("Luật|phòng, chống ma túy|2021").

A mention is read around its symbol: on the left the type word and "số" (or the
type word of the list it continues, "Công văn số …, số …"), on the right the date
("ngày 16/8/2019", "ngày 16 tháng 8 năm 2019"), the issuer ("của …", stopping at
"về", "ban hành", "," …; or "đề nghị của X tại <mention>" on the left) and the
title ("về …").  Date, issuer, title and type written at one mention are shared by
all mentions of the same key.

Relations (:mod:`vbextract.relations`): ``relation`` is how THIS document relates
to the cited one, set on mentions in the title and opening paragraph (or in a body
sentence about this document, "Kế hoạch này thay thế …"), else ``mentions``.
Mentions that state a relation all carry the strongest one stated for that key;
the other mentions of the key stay ``mentions``.
``cites`` holds relations stated inside a citation's own title ("Kế hoạch số
227-KH/TU … về triển khai thực hiện Chỉ thị số 36-CT/TW": 227-KH/TU cites
36-CT/TW ``implements``); a citation nested in that cited title ("… Chương trình
08-CTr/TU … thực hiện Nghị quyết 80-NQ/TW") belongs to the inner one only.
An evaluator therefore builds SELF edges from references whose relation is not
``mentions`` and cited edges from ``cites``.  Only documents with a symbol appear
in ``cites``.  The document's own symbol (``own_symbol``, its "Số:" line, a title
line starting with its type and symbol, or "(Ban hành kèm theo …)") is not a
reference.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Optional

from .lexicon import doc_type_names, doc_types, issuer_codes, read_table
from .relations import (
    after_cue,
    body_cue,
    opening_cue,
    opening_zones,
    sentence_starts,
    strongest_cue,
    title_blocks,
)
from .schema import CitedRelation, Reference, WarningItem
from .symbols import Symbol, parse_symbol, read_symbol, scan_symbols

RELATION_RANK = ("replaces", "repeals", "amends", "guides", "reports_on", "implements", "based_on")
_WINDOW = 160


@dataclass
class _Mention:
    start: int
    end: int
    key: str
    symbol: Optional[Symbol] = None
    symbol_start: int = -1
    doc_type: Optional[str] = None
    date: Optional[str] = None
    year: Optional[int] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    region: tuple[int, int] = (0, 0)  # the cited document's own title, for nested citations
    aside: bool = False  # inside a parenthesis after another citation, or an alias
    alias: Optional[str] = None
    relation: str = "mentions"
    cites: list[CitedRelation] = field(default_factory=list)


# --- phrase tables ----------------------------------------------------------------


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for row in read_table("reference_phrases.tsv"):
        table.setdefault(row[0], []).append(row[1])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def _alternation(kind: str) -> str:
    return "|".join(re.escape(p) for p in _phrases()[kind])


@cache
def _type_names() -> tuple[str, ...]:
    names = set(doc_type_names()) | set(_phrases()["type_extra"])
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _type_word() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in _type_names())
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)", re.I)


@cache
def _capitalised_types() -> frozenset[str]:
    """Type words that are citations only when capitalised ("Luật", not "pháp luật")."""
    return frozenset(n.lower() for n in _phrases()["named_type"])


@cache
def _codes_of_type() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for doc_type in doc_types():
        table.setdefault(doc_type.name.lower(), set()).add(doc_type.code.upper())
    return {k: frozenset(v) for k, v in table.items()}


def _canonical_type_name(word: str) -> str:
    lowered = word.lower()
    for name in _type_names():
        if name.lower() == lowered:
            return name[0].upper() + name[1:]
    return word


_SO = re.compile(r"(?<!\w)(?:số|SỐ|Số)[ ]{0,2}:?[ ]{0,2}\n?$")
_SO_BEFORE_NUMBER = re.compile(r"(?<!\w)(?:số|SỐ|Số)[ ]{0,2}:?[ ]{0,2}(?=\d)")
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
    return re.compile(rf"[ ]{{0,2}}(?:{_alternation('issuer_cue')})[ ]{{0,2}}\n?[ ]{{0,2}}", re.I)


@cache
def _issuer_stop() -> re.Pattern[str]:
    types = "|".join(re.escape(n) for n in _type_names())
    return re.compile(
        rf"[ ]?[,;.:()\[\]“”\"]|[ ](?:{_alternation('issuer_stop')})(?!\w)"
        rf"|[ ]và[ ](?=(?-i:[a-zà-ỹđ])|(?:{types})(?!\w))|\n",
        re.I,
    )


@cache
def _issuer_head() -> re.Pattern[str]:
    return re.compile(rf",[ ](?:{_alternation('issuer_head')})(?!\w)")


@cache
def _known_bodies() -> re.Pattern[str]:
    names = sorted({name for name, _ in issuer_codes().values()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


_LIST_LABEL = re.compile(r"[ ]{0,3}(?:[IVXLC]{1,6}[.\-]|\d{1,2}[.)]|[-+•*]|Điều[ ])")


def _fold(value: str) -> str:
    """Lower-case, diacritics removed, one character per character (OCR-tolerant compare)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in value.lower().replace("đ", "d"))


@cache
def _folded_bodies() -> tuple[tuple[str, str], ...]:
    names = sorted({name for name, _ in issuer_codes().values()}, key=len, reverse=True)
    return tuple((_fold(name), name) for name in names)


def _repair_issuer(value: str) -> str:
    """Spell a known body as the table does when OCR damaged its diacritics
    ("Thủ tướng Chỉnh phủ" -> "Thủ tướng Chính phủ")."""
    folded = _fold(value)
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
            cursor = end + 2
            continue
        cursor = end
        break
    value = " ".join(text[pos:cursor].split())
    if not value or len(value.split()) > 16 or not value[0].isupper():
        return None, pos
    return _repair_issuer(value), cursor


@cache
def _title_start() -> re.Pattern[str]:
    return re.compile(rf"[ ]{{0,2}}(?:{_alternation('title_start')})(?!\w)", re.I)


@cache
def _title_stop() -> re.Pattern[str]:
    types = "|".join(re.escape(n) for n in _type_names())
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
        if word.lower() in _capitalised_types() and not word[0].isupper():
            continue
        between = before[match.end():]
        if not so:
            middle = between.strip()
            named = word.lower() in _capitalised_types()
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
    names = "|".join(re.escape(n) for n in _phrases()["named_type"])
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


def _read(text: str, sym_start: int, sym_end: int, symbol: Symbol) -> _Mention:
    start, word, between, _ = _left(text, sym_start)
    mention = _Mention(start, sym_end, symbol.canonical, symbol, symbol_start=sym_start)
    mention.doc_type = _canonical_type_name(word) if word else None
    if between and mention.doc_type in {"Luật", "Bộ luật", "Pháp lệnh"}:
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
    if mention.issuer is None:
        mention.issuer = _left_issuer(text, start)
    region_from = pos
    aside = re.match(r"[ ]{0,2}\(", text[pos:pos + 3])
    if aside:
        close = text.find(")", pos, pos + 300)
        region_from = close + 1 if close > 0 else pos
    mention.region = _region(text, region_from)
    if mention.region[1] > mention.region[0] and mention.title is None:
        mention.title = " ".join(text[mention.region[0]:mention.region[1]].split()) or None
    return mention


def _find_symbol_mentions(text: str) -> list[_Mention]:
    found: dict[int, tuple[int, Symbol]] = {s: (e, sym) for s, e, sym in scan_symbols(text)}
    for so in _SO_BEFORE_NUMBER.finditer(text):
        if so.end() in found:
            continue
        read = read_symbol(text, so.end(), lenient=True)
        if read and _left(text, so.end())[1]:
            found[so.end()] = read
    return [_read(text, s, e, sym) for s, (e, sym) in sorted(found.items())]


# --- own symbol, garbled symbols, aliases -------------------------------------------


@cache
def _own_patterns() -> tuple[re.Pattern[str], ...]:
    types = "|".join(re.escape(n) for n in _type_names())
    return (
        re.compile(rf"(?:^|\n|[ ])(?:{_alternation('own_label')})[ ]{{0,2}}[:|][ ]{{0,2}}$", re.I),
        re.compile(r"ký[ ]ban[ ]hành[ ](?:[^\s]{1,12}[ ]){1,3}(?:số[ ]{0,2}:?[ ]{0,2})?$", re.I),
        re.compile(rf"(?:^|\n)\([ ]?(?:{_alternation('own_annex')})[ ](?:{types})[ ](?:số[ ])?$", re.I),
    )


def _own_keys(text: str, mentions: list[_Mention], own_symbol: Optional[str]) -> set[str]:
    keys: set[str] = set()
    if own_symbol:
        parsed = parse_symbol(own_symbol)
        keys.add((parsed.canonical if parsed else "".join(own_symbol.split())).upper())
    first_line_end = text.find("\n")
    for m in mentions:
        sym_start = m.symbol_start
        window = text[max(0, sym_start - 80):sym_start]
        if any(p.search(window) for p in _own_patterns()):
            keys.add(m.key.upper())
        elif m.doc_type and m.start == len(text) - len(text.lstrip()) and sym_start < max(first_line_end, 0):
            keys.add(m.key.upper())  # a title line "Kế hoạch 235/KH-UBND năm 2025 …"
    return keys


def _resolve_garbled(mentions: list[_Mention], warnings: list[WarningItem]) -> None:
    """A symbol whose type code contradicts its type word ("Kết luận số 132- L/TKW") is
    the document with the same number and type cited elsewhere in the text."""
    for m in mentions:
        if not (m.symbol and m.doc_type and m.symbol.type_code):
            continue
        codes = _codes_of_type().get(m.doc_type.lower())
        if not codes or m.symbol.type_code.upper() in codes:
            continue
        same = {
            o.key for o in mentions
            if o is not m and o.symbol and o.symbol.number == m.symbol.number
            and o.symbol.type_code and o.symbol.type_code.upper() in codes
        }
        if len(same) == 1:
            meant = same.pop()
            warnings.append(WarningItem(
                code="garbled_symbol",
                message=f"symbol {m.symbol.printed!r} read as {meant} (same number and type word)",
                start=m.start, end=m.end,
            ))
            m.key = meant
            m.symbol = parse_symbol(meant) or m.symbol


@cache
def _alias_pattern() -> re.Pattern[str]:
    return re.compile(rf"\([ ]?(?:{_alternation('alias')})[ ]{{1,2}}([^()\n]{{2,80}})\)", re.I)


def _aliases(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Mark citations inside "(viết tắt là …)" and add later short mentions of an alias."""
    added: list[_Mention] = []
    for found in _alias_pattern().finditer(text):
        alias = " ".join(found.group(1).split())
        inside = [m for m in mentions if found.start() < m.start < found.end()]
        before = [m for m in mentions if m.end <= found.start() and not m.aside]
        for m in inside:
            m.aside, m.alias = True, alias
        if inside or not before or not re.search(r"\d", alias):
            continue
        target = before[-1]
        for again in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text[found.end():]):
            start = found.end() + again.start()
            if any(m.start <= start < m.end for m in mentions):
                continue
            added.append(_Mention(start, start + len(alias), target.key, target.symbol,
                                  target.doc_type, alias=alias))
    return added


# --- documents cited by name ----------------------------------------------------------


@cache
def _named_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({_alternation('named_type')})[ ](?=[A-ZĐa-zà-ỹđ])")


@cache
def _named_leads() -> dict[str, tuple[str, ...]]:
    leads: dict[str, list[str]] = {}
    for row in read_table("reference_phrases.tsv"):
        if row[0] == "named_lead":
            leads.setdefault(row[1], []).append(row[2].lower())
    return {k: tuple(v) for k, v in leads.items()}


_COMMON_STOP = r"[;:()\[\]“”\"\n]|\.(?=\s|$)|[ ](?:số|của|đã|được|theo|tại|trong|để|nhằm|khi|có|là)(?!\w)"
# A law's title ends before its year or date; "phòng, chống" and "sửa đổi, bổ sung" keep their comma.
_LAW_STOP = re.compile(_COMMON_STOP + r"|,(?![ ](?:chống|bổ sung))|[ ](?:năm|ngày|và|quy định|hướng dẫn)(?!\w)", re.I)
# A strategy or programme keeps its horizon ("giai đoạn 2016-2025, định hướng đến năm 2030").
_PLAN_STOP = re.compile(_COMMON_STOP + r"|,(?![ ](?:chống|định hướng))|[ ]và[ ](?=các|(?-i:[A-ZĐ]))", re.I)
_NAMED_YEAR = re.compile(r"[ ](?:năm\s|ngày[^;\n]{1,25}?năm\s|ngày[ ]\d{1,2}/\d{1,2}/)((?:19|20)\d\d)(?!\d)")
_AMENDING = re.compile(r"sửa đổi,?[ ]bổ sung[ ]một số điều[ ]của[ ]\n?(?:Luật|Bộ luật|Pháp lệnh)[ ]", re.I)


def _named_mentions(text: str, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Documents cited by name without a symbol ("Luật Phòng, chống ma túy năm 2021")."""
    out: list[_Mention] = []
    for found in _named_pattern().finditer(text):
        start, doc_type = found.start(), found.group(1)
        if any(a <= start < b for a, b in taken) or (out and start < out[-1].end):
            continue
        title_start = found.end()
        leads = _named_leads().get(doc_type)
        if leads and not text[title_start:title_start + 20].lower().startswith(leads):
            continue
        amending = _AMENDING.match(text, title_start)
        if not leads and not amending and not text[title_start].isupper():
            continue
        stop_pattern = _PLAN_STOP if leads else _LAW_STOP
        scan_from = amending.end() if amending else title_start
        stop = stop_pattern.search(text, scan_from, min(len(text), title_start + 200))
        end = stop.start() if stop else min(len(text), title_start + 200)
        if stop and stop.group(0).strip().lower() == "số":
            continue  # cited with a symbol: read by the symbol grammar
        title = " ".join(text[title_start:end].split()).strip(" ,")
        if not title or len(title.split()) > 25:
            continue
        year_match = None if leads else _NAMED_YEAR.match(text, end)
        year = int(year_match.group(1)) if year_match else None
        mention_end = year_match.end() if year_match else end
        key = f"{doc_type}|{title.lower()}|{year or ''}"
        mention = _Mention(start, mention_end, key, None, doc_type, year=year, title=title)
        mention.region = (mention_end, mention_end)
        out.append(mention)
    return out


# --- relations ------------------------------------------------------------------------


# Nothing but a list mark or label before a citation that opens its sentence ("Điều 2. ", "- ", "(1) ").
_BARE_LABEL = re.compile(r"[\s\-+•*]{0,6}(?:Điều[ ]\d{1,3}|\(?\d{1,3}(?:\.\d{1,3}){0,3}\)?)?[\s.:)]{0,4}")


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _assign_relations(text: str, mentions: list[_Mention], anchors: list[int]) -> None:
    """Set each top-level mention's relation to this document and each cited title's
    ``cites``; ``anchors`` are the ends of mentions of the document's own symbol."""
    zones = opening_zones(text)
    titles = title_blocks(text, zones)
    starts = sentence_starts(text)
    sentence_index = 0
    stack: list[_Mention] = []
    head: Optional[str] = None
    head_sentence = -1
    last_end = 0
    last_top_end = 0
    for m in mentions:
        while sentence_index + 1 < len(starts) and starts[sentence_index + 1] <= m.start:
            sentence_index += 1
        sentence_start = starts[sentence_index]
        if head_sentence != sentence_index:
            head, head_sentence, last_top_end = None, sentence_index, sentence_start
        if m.aside:
            last_end = max(last_end, m.end)
            continue
        stack = [p for p in stack if p.region[0] <= m.start < p.region[1] and p.region[0] >= sentence_start]
        if stack:
            parent = stack[-1]
            cue = strongest_cue(text[max(parent.region[0], last_end):m.start])
            if m.symbol is not None and parent.key != m.key:
                relation = cue.relation if cue else "mentions"
                parent.cites.append(CitedRelation(key=m.key, symbol=m.key, relation=relation))
        else:
            anchor = max((a for a in anchors if sentence_start <= a <= m.start), default=None)
            gap_start = max(last_top_end, sentence_start, anchor or 0)
            gap = text[gap_start:m.start]
            if _in(zones, m.start):
                cue = opening_cue(text[sentence_start:m.start] if anchor is None else gap,
                                  anchor is not None or _in(titles, m.start))
                if cue and gap_start > sentence_start and not strongest_cue(gap) and head:
                    cue = None  # a list item: keeps the relation of the clause
            else:
                cue = body_cue(gap) if last_top_end == sentence_start else None
                if cue is None and last_top_end == sentence_start and _BARE_LABEL.fullmatch(gap):
                    following = starts[sentence_index + 1] if sentence_index + 1 < len(starts) else len(text)
                    cue = after_cue(text[m.end:min(following, m.end + 400)])
                if cue is None and head and gap.strip(" ,;\n") not in ("", "và"):
                    head = None
            if cue:
                head = cue.relation
            m.relation = head or "mentions"
            last_top_end = m.region[1] if m.region[1] > m.region[0] else m.end
        if m.region[1] > m.region[0]:
            stack.append(m)
        last_end = m.end


def _rank(relation: str) -> int:
    return RELATION_RANK.index(relation) if relation in RELATION_RANK else len(RELATION_RANK)


def _share(mentions: list[_Mention]) -> None:
    """Fields written at one mention hold for every mention of the same document."""
    by_key: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)
    for group in by_key.values():
        for name in ("doc_type", "date", "issuer", "title", "year"):
            value = next((getattr(m, name) for m in group if getattr(m, name)), None)
            for m in group:
                if getattr(m, name) is None:
                    setattr(m, name, value)
        best = min((m.relation for m in group), key=_rank)
        for m in group:
            if m.relation != "mentions":
                m.relation = best


def find_references(
    text: str, *, own_symbol: Optional[str] = None, doc_date: Optional[date] = None
) -> tuple[list[Reference], list[WarningItem]]:
    """Every mention of another document in the normalised ``text``.

    Returns the references in text order (ids r1, r2 …) and warnings
    (``garbled_symbol`` when a damaged symbol was resolved to the document meant).
    ``doc_date`` is accepted for the pipeline's signature; citations carry their
    own dates.
    """
    del doc_date
    warnings: list[WarningItem] = []
    mentions = _find_symbol_mentions(text)
    own = _own_keys(text, mentions, own_symbol)
    anchors = [m.end for m in mentions if m.key.upper() in own]
    mentions = [m for m in mentions if m.key.upper() not in own]
    _resolve_garbled(mentions, warnings)
    _mark_asides(text, mentions)
    mentions += _aliases(text, mentions)
    mentions += _named_mentions(text, [(m.start, m.end) for m in mentions])
    mentions.sort(key=lambda m: m.start)
    _assign_relations(text, mentions, anchors)
    _share(mentions)
    references = [
        Reference(
            id=f"r{index}", text=text[m.start:m.end], start=m.start, end=m.end,
            doc_type=m.doc_type or (m.symbol.doc_type if m.symbol else None),
            number=m.symbol.number if m.symbol else None,
            symbol=m.symbol.canonical if m.symbol else None,
            year=m.year, date=m.date, issuer=m.issuer, title=m.title, key=m.key,
            relation=m.relation, cites=_unique(m.cites), alias=m.alias,
        )
        for index, m in enumerate(mentions, 1)
    ]
    return references, warnings


def _mark_asides(text: str, mentions: list[_Mention]) -> None:
    """Citations in a parenthesis right after another citation ("(theo Quyết định …)")."""
    for m in mentions:
        opening = re.match(r"[ ]{0,2}\(", text[m.end:m.end + 3])
        if not opening:
            continue
        close = text.find(")", m.end, m.end + 300)
        for other in mentions:
            if m.end < other.start < close:
                other.aside = True


def _unique(cites: list[CitedRelation]) -> list[CitedRelation]:
    best: dict[str, CitedRelation] = {}
    for c in cites:
        if c.key not in best or _rank(c.relation) < _rank(best[c.key].relation):
            best[c.key] = c
    return list(best.values())
