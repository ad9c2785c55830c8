"""How a document relates to what it cites: cue words and their scope.

Scope follows the layout of Vietnamese administrative writing (NĐ 30/2020/NĐ-CP,
Hướng dẫn 36-HD/VPTW): the title and the opening paragraph ("Thực hiện …; căn
cứ …; xét …") state the document's basis; the body states a relation only in a
sentence whose subject is the document itself ("Kế hoạch này thay thế …",
"Điều 2. Bãi bỏ …").  The cue table is ``data/reference_cues.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from .lexicon import doc_type_names, read_table


@dataclass(frozen=True)
class Cue:
    """A relation cue phrase: the relation it states, its strength (lower wins) and scope."""

    phrase: str
    relation: str
    rank: int
    scope: str  # "opening" | "any" (also a body sentence about this document) | "after"

    @property
    def anywhere(self) -> bool:
        """True when the cue also holds in a body sentence about this document."""
        return self.scope == "any"


@cache
def cues() -> tuple[Cue, ...]:
    """The relation cue table, longest phrase first."""
    rows = read_table("reference_cues.tsv")
    table = [Cue(r[0], r[1], int(r[2]), r[3]) for r in rows]
    return tuple(sorted(table, key=lambda c: len(c.phrase), reverse=True))


@cache
def _cue_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(c.phrase) for c in cues())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


@cache
def _cue_by_phrase() -> dict[str, Cue]:
    return {c.phrase.lower(): c for c in cues()}


def strongest_cue(text: str, scope: str = "opening") -> Optional[Cue]:
    """The strongest cue of a scope in a stretch of text (lowest rank; the last on ties).
    Scope "opening" admits the "opening" and "any" cues."""
    best: Optional[Cue] = None
    for match in _cue_pattern().finditer(text):
        cue = _cue_by_phrase()[match.group(0).lower()]
        if (cue.scope == "after") != (scope == "after"):
            continue
        if best is None or cue.rank <= best.rank:
            best = cue
    return best


# --- layout: opening zones and sentence boundaries ------------------------------

_LABEL = r"(?:[IVXLC]{1,6}[.\-–)]|\d[\d.]{0,10}[.)]|[a-zđ]\)|[-+•*–]|Điều[ ]\d{1,3}[.:])"
_HEADING = re.compile(
    r"^(?:[IVXLC]{1,6}[.\-–][ ]?\S|\d{1,2}[.)][ ]\S|Điều[ ]\d{1,3}[.:]|(?:PHẦN|Phần|CHƯƠNG|Chương)[ ]\S)"
)


@cache
def _opening_cue_line() -> re.Pattern[str]:
    """A line of the opening that begins, capitalised, with a basis or implementation cue
    ("Căn cứ …", "Thực hiện …", "Xét …", "Theo đề nghị …")."""
    phrases = sorted(
        {c.phrase for c in cues() if c.relation in {"based_on", "implements"} and c.scope != "after"},
        key=len, reverse=True,
    )
    alternatives = "|".join(re.escape(p[0].upper() + p[1:]) for p in phrases)
    return re.compile(rf"[-+•* ]{{0,3}}(?:{alternatives})(?!\w)")


@cache
def _sentence_end() -> re.Pattern[str]:
    return re.compile(
        rf"\.(?=\s)|\n(?=[ ]{{0,3}}{_LABEL}[ ])|\n\n|:[ ]{{0,20}}\n|\n(?={_opening_cue_line().pattern})"
    )


@cache
def type_title_line() -> re.Pattern[str]:
    """A line holding only a document type in capitals ("KẾ HOẠCH", "CHỈ THỊ")."""
    names = "|".join(re.escape(n.upper()) for n in doc_type_names())
    return re.compile(rf"^[ ]{{0,3}}(?:{names})[ ]{{0,20}}$", re.M)


def title_blocks(text: str, zones: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The title part of each zone: its lines before the first opening-cue line or the first
    line holding a finished sentence ("… ma túy." / "Kính gửi:")."""
    blocks = []
    for start, end in zones:
        pos = start
        while pos < end:
            line_end = text.find("\n", pos, end)
            line_end = end if line_end < 0 else line_end
            line = text[pos:line_end].rstrip()
            if _opening_cue_line().match(line) or line.endswith((".", ":")) or ". " in line:
                break
            pos = line_end + 1
        blocks.append((start, min(pos, end)))
    return blocks


def opening_zones(text: str) -> list[tuple[int, int]]:
    """Spans holding a title and opening paragraph: from the start of the text, and
    from each type line of an attached document ("KẾ HOẠCH"), to the next heading."""
    starts = [0] + [m.start() for m in type_title_line().finditer(text) if m.start() > 0]
    zones: list[tuple[int, int]] = []
    for index, start in enumerate(starts):
        if zones and start < zones[-1][1]:
            continue
        limit = starts[index + 1] if index + 1 < len(starts) else len(text)
        end = _zone_end(text, start, limit)
        zones.append((start, end))
    return zones


def _is_upper_line(line: str) -> bool:
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= 4 and all(map(str.isupper, letters))


def _zone_end(text: str, start: int, limit: int) -> int:
    """The first heading after the zone's first line; an all-capitals line ends the zone
    too once the opening paragraph has begun ("MỤC TIÊU", "QUYẾT NGHỊ:")."""
    pos = text.find("\n", start, limit)
    opened = False
    while 0 <= pos < limit:
        line_start = pos + 1
        line_end = text.find("\n", line_start, limit)
        line_end = limit if line_end < 0 else line_end
        line = text[line_start:line_end]
        if _HEADING.match(line) or (opened or line.rstrip().endswith(":")) and _is_upper_line(line):
            return line_start
        opened = opened or bool(_opening_cue_line().match(line))
        pos = line_end if line_end < limit else -1
    return limit


def sentence_starts(text: str) -> list[int]:
    """Offsets where a sentence or list item begins (sorted): after a full stop, before a
    label or an opening cue line, after a blank line, and after a heading line in capitals."""
    starts = {0, *(m.end() for m in _sentence_end().finditer(text))}
    pos = 0
    for line in text.split("\n"):
        pos += len(line) + 1
        if pos < len(text) and _is_upper_line(line):
            starts.add(pos)
    return sorted(starts)


@cache
def _this_document() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in doc_type_names())
    return re.compile(rf"(?:{names}|văn bản)[ ]này[ ]", re.I)


_BODY_HEAD = re.compile(rf"^\s{{0,4}}(?:{_LABEL}[ ])?[ ]?(?:{_LABEL}[ ])?")


def _phrases(kind: str) -> list[str]:
    return [r[1] for r in read_table("reference_phrases.tsv") if r[0] == kind]


def _clause_start(words: list[str]) -> re.Pattern[str]:
    """A clause beginning (after list marks and a label) with one of ``words``."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^[\s\-+•*–“\"]{{0,6}}(?:{_LABEL}[ ])?(?:{alternatives})(?!\w)", re.I)


@cache
def _clause_head() -> re.Pattern[str]:
    return _clause_start([c.phrase for c in cues() if c.relation != "mentions"] + _phrases("purpose"))


@cache
def _purpose_head() -> re.Pattern[str]:
    return _clause_start(_phrases("purpose"))


@cache
def _purpose_cue() -> Cue:
    """What a purpose clause without a cue word states: the document serves the cited one's aims."""
    rank = min(c.rank for c in cues() if c.relation == "implements")
    return Cue("để", "implements", rank, "opening")


@cache
def _main_clause() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in _phrases("main_clause"))
    names = "|".join(re.escape(n) for n in doc_type_names())
    return re.compile(rf"(?<!\w)(?:{verbs})[ ](?:{names})(?!\w)", re.I)


def opening_cue(gap: str, in_title: bool) -> Optional[Cue]:
    """The relation stated by the opening text ``gap`` before a citation (from the start
    of its clause).  In the title any cue counts; in the opening paragraph the clause must
    begin with a cue ("Thực hiện …", "Căn cứ …") or be a purpose clause ("Để …", "Nhằm …":
    without a cue word it states what the document implements), or the cue must follow the
    main clause "<issuer> ban hành <type> …"."""
    clause = gap[gap.rfind(";") + 1:]
    main = None
    for main in _main_clause().finditer(clause):
        pass
    if main is not None:
        return strongest_cue(clause[main.end():])
    for part in (clause, clause[clause.rfind(": ") + 1:]):
        if in_title or _clause_head().match(part):
            cue = strongest_cue(part)
            if cue is None and _purpose_head().match(part):
                return _purpose_cue()
            return cue
    return None


def after_cue(tail: str) -> Optional[Cue]:
    """A relation stated after a citation that is the subject of its sentence."""
    return strongest_cue(tail, scope="after")


def body_cue(gap: str) -> Optional[Cue]:
    """A relation stated by a body sentence about this document, when ``gap`` (from the
    sentence start to the citation) is "[label] [<type> này] <cue> [cho]"."""
    head = _BODY_HEAD.match(gap)
    rest = gap[head.end():] if head else gap
    this = _this_document().match(rest)
    if this:
        rest = rest[this.end():]
    rest = re.sub(r"(?:[ ]cho|[ ]một số điều của)?[ ]{0,10}$", "", rest, flags=re.I)
    cue = _cue_by_phrase().get(rest.strip().lower())
    return cue if cue and cue.anywhere else None
