"""Cited documents: every mention of another document, its identity and relation.

One :class:`~vbextract.schema.Reference` per mention (with offsets into the
normalised text); mentions of one document share ``key``: the canonical symbol
(:mod:`vbextract.symbols`), or for a document cited by name only
"type|normalised title|year" ("Luật|phòng, chống ma túy|2021").

A mention is read around its symbol (:mod:`vbextract.reference_reader`): type word,
date, issuer and title.  Date, issuer, title and type written at one mention are
shared by all mentions of the same key.

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
from bisect import bisect_left, bisect_right
from datetime import date
from functools import cache
from typing import Optional

from .lexicon import read_table
from .reference_reader import (
    NAMED_ACTS,
    Mention,
    alternation,
    codes_of_type,
    phrases,
    symbol_mentions,
    types_alt,
)
from .relations import (
    after_cue,
    body_cue,
    opening_cue,
    opening_zones,
    sentence_starts,
    strongest_cue,
    title_blocks,
    type_title_line,
)
from .scanning import initial_anchor, near, positions
from .schema import CitedRelation, Reference, WarningItem
from .symbols import Symbol, canonical_issuer, parse_symbol

_HEADER_LINES = 40
_LETTER_LINE = re.compile(r"^[ ]{0,3}(?:V/v\b|Kính gửi)", re.M)

RELATION_RANK = ("replaces", "repeals", "amends", "guides", "reports_on", "implements", "based_on")


# --- own symbol, garbled symbols, aliases -------------------------------------------


@cache
def _own_patterns() -> tuple[re.Pattern[str], ...]:
    types = types_alt()
    return (
        re.compile(rf"(?:^|\n|[ ])(?:{alternation('own_label')})[ ]{{0,2}}[:|][ ]{{0,2}}$", re.I),
        re.compile(r"ký[ ]ban[ ]hành[ ](?:[^\s]{1,12}[ ]){1,3}(?:số[ ]{0,2}:?[ ]{0,2})?$", re.I),
        re.compile(rf"(?:^|\n)\([ ]?(?:{alternation('own_annex')})[ ](?:{types})[ ](?:số[ ])?$", re.I),
    )


def _header_end(text: str) -> int:
    """Where the header block ends: the type line in capitals ("CHỈ THỊ") or the "V/v" or
    "Kính gửi" line of a letter, within the first lines; 0 when there is none."""
    limit = 0
    for _ in range(_HEADER_LINES):
        limit = text.find("\n", limit + 1)
        if limit < 0:
            limit = len(text)
            break
    found = [m.start() for m in (type_title_line().search(text, 0, limit), _LETTER_LINE.search(text, 0, limit)) if m]
    return min(found, default=0)


def _garbled_copy(symbol: Symbol, own: Optional[Symbol]) -> bool:
    """A printed copy of the own symbol damaged by OCR (a portal or e-office stamp): the same
    type code, an issuer code that is no known code, and number and issuer code each at most
    one character off ("41/CT-TTs" for 11/CT-TTg)."""
    if own is None or not (symbol.type_code and symbol.issuer_code and own.issuer_code):
        return False
    if symbol.type_code != own.type_code or canonical_issuer(symbol.issuer_code) is not None:
        return False
    return _one_off(symbol.number, own.number) and _one_off(symbol.issuer_code.upper(), own.issuer_code.upper())


def _one_off(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) <= 1


def _own_keys(text: str, mentions: list[Mention], own_symbol: Optional[str]) -> set[str]:
    """Keys of the document's own symbol: ``own_symbol``, a symbol after an own label or in an
    annex caption, a bare symbol in the header block (a stamp, or "Số:" lost by OCR), and OCR
    copies of the own symbol."""
    keys: set[str] = set()
    own = parse_symbol(own_symbol) if own_symbol else None
    if own_symbol:
        keys.add((own.canonical if own else "".join(own_symbol.split())).upper())
    first_line_end = text.find("\n")
    header_end = _header_end(text)
    for m in mentions:
        sym_start = m.symbol_start
        window = text[max(0, sym_start - 80):sym_start]
        if any(p.search(window) for p in _own_patterns()):
            keys.add(m.key.upper())
        elif m.symbol and (_garbled_copy(m.symbol, own) or sym_start < header_end and not m.doc_type):
            keys.add(m.key.upper())
        elif m.doc_type and m.start == len(text) - len(text.lstrip()) and sym_start < max(first_line_end, 0):
            keys.add(m.key.upper())  # a title line "Kế hoạch 235/KH-UBND năm 2025 …"
    return keys


def _resolve_garbled(mentions: list[Mention], warnings: list[WarningItem]) -> None:
    """A symbol whose type code contradicts its type word ("Kết luận số 132- L/TKW") is
    the document with the same number and type cited elsewhere in the text."""
    for m in mentions:
        if not (m.symbol and m.doc_type and m.symbol.type_code):
            continue
        codes = codes_of_type().get(m.doc_type.lower())
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
    return re.compile(rf"\([ ]?(?:{alternation('alias')})[ ]{{1,2}}([^()\n]{{2,80}})\)", re.I)


def _aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mark citations inside "(viết tắt là …)" and add later short mentions of an alias."""
    added: list[Mention] = []
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
            added.append(Mention(start, start + len(alias), target.key, target.symbol,
                                  target.doc_type, alias=alias))
    return added


# --- documents cited by name ----------------------------------------------------------


@cache
def _named_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({alternation('named_type')})[ ](?=[A-ZĐa-zà-ỹđ])")


@cache
def _named_anchor() -> re.Pattern[str]:
    names = phrases()["named_type"]
    return initial_anchor("".join({n[0] for n in names}), "|".join(re.escape(n[1:]) for n in names))


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
_AMENDING = re.compile(rf"sửa đổi,?[ ]bổ sung[ ]một số điều[ ]của[ ]\n?(?:{'|'.join(NAMED_ACTS)})[ ]", re.I)


def _named_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Documents cited by name without a symbol ("Luật Phòng, chống ma túy năm 2021")."""
    out: list[Mention] = []
    for found in near(_named_pattern(), text, positions(_named_anchor(), text)):
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
        mention = Mention(start, mention_end, key, None, doc_type, year=year, title=title)
        mention.region = (mention_end, mention_end)
        out.append(mention)
    return out


# --- relations ------------------------------------------------------------------------


# Longest stretch of its sentence read before a citation for an opening cue: real openings
# stay far below it (the corpus peaks near 450 characters); a run-on text without
# sentence breaks is read in windows of this size, which keeps the stage linear.
_MAX_OPENING = 2000

# Nothing but a list mark or label before a citation that opens its sentence ("Điều 2. ", "- ", "(1) ").
_BARE_LABEL = re.compile(r"[\s\-+•*]{0,6}(?:Điều[ ]\d{1,3}|\(?\d{1,3}(?:\.\d{1,3}){0,3}\)?)?[\s.:)]{0,4}")


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _assign_relations(text: str, mentions: list[Mention], anchors: list[int]) -> None:
    """Set each top-level mention's relation to this document and each cited title's
    ``cites``; ``anchors`` are the ends of mentions of the document's own symbol."""
    zones = opening_zones(text)
    titles = title_blocks(text, zones)
    starts = sentence_starts(text)
    sentence_index = 0
    stack: list[Mention] = []
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
                opening = text[max(sentence_start, m.start - _MAX_OPENING):m.start]
                cue = opening_cue(opening if anchor is None else gap,
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


@cache
def _list_gap() -> re.Pattern[str]:
    """Between one member of a list of citations and the next one's symbol: a comma or
    semicolon, "và", a line break, then the type word and "số" (or "số" alone)."""
    return re.compile(
        rf"[ ]{{0,2}}[,;]?[ ]{{0,2}}(?:và[ ]{{1,2}})?\n?[ ]{{0,2}}(?:(?:{types_alt()})[ ]{{1,2}})?"
        rf"(?:(?:số|sô|so)[ ]{{0,2}}:?[ ]{{0,2}})?",
        re.I,
    )


def _same_issuer_code(a: Mention, b: Mention) -> bool:
    codes = [m.symbol.issuer_code.upper() if m.symbol and m.symbol.issuer_code else None for m in (a, b)]
    return codes[0] is not None and codes[0] == codes[1]


def _share_list_issuer(text: str, mentions: list[Mention]) -> None:
    """A list of citations with one issuer phrase gives it to every member whose symbol has
    the same issuer code: "Chỉ thị số 05/CT-TTg …, Chỉ thị số 06/CT-TTg … của Thủ tướng Chính
    phủ" (after the last member), "của Thủ tướng Chính phủ tại Chỉ thị số 05/CT-TTg …, Chỉ thị
    số 06/CT-TTg …" (before the first)."""
    runs: list[list[Mention]] = []
    for m in (m for m in mentions if m.symbol is not None and not m.aside):
        last = runs[-1][-1] if runs else None
        if last and last.end <= m.symbol_start and _list_gap().fullmatch(text, last.end, m.symbol_start):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        right = run[-1] if run[-1].issuer_side == "right" else None
        left = run[0] if run[0].issuer_side == "left" else None
        for source, members in ((right, run[-2::-1]), (left, run[1:])):
            for m in members if source else ():
                if m.issuer is not None or not _same_issuer_code(m, source):
                    break
                m.issuer = source.issuer


def _rank(relation: str) -> int:
    return RELATION_RANK.index(relation) if relation in RELATION_RANK else len(RELATION_RANK)


def _share(mentions: list[Mention]) -> None:
    """Fields written at one mention hold for every mention of the same document."""
    by_key: dict[str, list[Mention]] = {}
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
    mentions = symbol_mentions(text)
    own = _own_keys(text, mentions, own_symbol)
    anchors = [m.end for m in mentions if m.key.upper() in own]
    mentions = [m for m in mentions if m.key.upper() not in own]
    _resolve_garbled(mentions, warnings)
    _share_list_issuer(text, mentions)
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


def _mark_asides(text: str, mentions: list[Mention]) -> None:
    """Citations in a parenthesis right after another citation ("(theo Quyết định …)")."""
    order = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in order]
    for m in mentions:
        opening = re.match(r"[ ]{0,2}\(", text[m.end:m.end + 3])
        if not opening:
            continue
        close = text.find(")", m.end, m.end + 300)
        for other in order[bisect_right(starts, m.end):bisect_left(starts, close)]:
            other.aside = True


def _unique(cites: list[CitedRelation]) -> list[CitedRelation]:
    best: dict[str, CitedRelation] = {}
    for c in cites:
        if c.key not in best or _rank(c.relation) < _rank(best[c.key].relation):
            best[c.key] = c
    return list(best.values())
