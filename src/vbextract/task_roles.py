"""Who does a task: agency lists at clause starts, request cues ("Giao X", "Đề nghị X"),
"X: …" headings, and the names after "phối hợp (với)", "báo cáo … về", "trình", "gửi".

Names are kept as written (whitespace collapsed); spans point into the text.  Matching of
cue words runs on a folded copy of the text (lower case, tone marks and "đ" removed, one
character per character) so OCR-damaged cues ("dé nghị", "Để nghị") still match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

_DATA = Path(__file__).parent / "data"

Span = tuple[int, int]


def _rows(name: str) -> list[list[str]]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


@lru_cache(maxsize=16)
def fold(text: str) -> str:
    """Lower case without tone marks, one output character per input character
    (cached: stages fold the same document text many times)."""
    return "".join(_fold_char(ch) for ch in text)


HEADS: tuple[str, ...] = tuple(sorted((r[0] for r in _rows("task_agency_heads.tsv")), key=len, reverse=True))
# Words that look like a head but open a verb or a common noun ("Ban hành", "Báo cáo").
FALSE_HEADS: tuple[str, ...] = tuple(r[0] for r in _rows("task_false_heads.tsv"))
# Words that end an agency name: the duty's prepositions, aspect words and request cues.
_NAME_STOPS = (
    "theo ", "trong ", "về ", "khi ", "đã ", "được ", "đang ", "đề nghị ", "yêu cầu ", "giao ", "để ",
    "năm ", "ban hành ", "xem xét ", "tán thành ", "thống nhất ", "quyết định ", "thông qua ",
)
VERBS: tuple[str, ...] = tuple(sorted((r[0] for r in _rows("task_duty_verbs.tsv")), key=len, reverse=True))
CUES: dict[str, tuple[str, ...]] = {}
for _role, _phrase in _rows("task_cues.tsv"):
    CUES[_role] = tuple(sorted(CUES.get(_role, ()) + (_phrase,), key=len, reverse=True))

_VERB_RE = re.compile(r"(?:%s)(?![\w])" % "|".join(re.escape(v) for v in VERBS))
_DETERMINER = re.compile(r"(?:[Cc]ác|[Mm]ọi|[Tt]ừng|[Nn]hững)[ ]+")
_SEPARATOR = re.compile(r"[ ]{0,2}[,;][ \n]{0,3}|[ \n]{1,3}(?:và|cùng)[ \n]{1,3}")
_NEW_ITEM = re.compile(r"\n(?:[-+*•–]|\d{1,2}\.|[a-zđ]\)|\()")
_WORD_END = re.compile(r"\w")
# Clause openers that frame the sentence before its subject ("Căn cứ …, X làm …").
_FRAME = re.compile(
    r"(?:can cu|tren co so|de |doi voi|trong |ben canh|do do|dong thoi|rieng|khi |truong hop|"
    r"sau khi|thuc hien|ngoai |nham |qua |vi vay|theo )"
)
_GENERIC_PLURAL = re.compile(r"[ ]?(?:các|những)[ ]+nước\b|(?<=\w)[ ](?:các|những)(?=[ ])")


def clean_name(text: str) -> str:
    """A name as written, on one line, without edge punctuation."""
    return " ".join(text.split()).strip(" ,;:.-–")


def _boundary(text: str, i: int) -> bool:
    return i >= len(text) or not _WORD_END.match(text[i])


def head_at(text: str, i: int, loose: bool = False) -> Optional[int]:
    """End of the head noun when an agency name opens at ``i`` (after an optional
    determiner), else None.  Lower-case heads need a determiner unless ``loose``."""
    j = i
    det = _DETERMINER.match(text, i)
    if det:
        j = det.end()
    if any(text.startswith(false, j) for false in FALSE_HEADS):
        return None
    for head in HEADS:
        if text.startswith(head, j) and _boundary(text, j + len(head)):
            if head[0].islower() and not (det or loose):
                continue
            return j + len(head)
    return None


def verb_at(text: str, i: int) -> bool:
    """True when a duty verb opens at ``i``."""
    return bool(_VERB_RE.match(text, i))


@dataclass
class Names:
    """Agency names found in a list: spans into the text and the names as written."""

    spans: list[Span] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    end: int = 0

    def __bool__(self) -> bool:
        return bool(self.names)


def _name_end(text: str, start: int, limit: int, collective: bool = False) -> tuple[int, int]:
    """(end of the name whose head ends at ``start``, start of the next name or -1).
    Inside a collective name ("các sở, ngành") a lower-case head after a comma goes on
    the same name; after a proper name it opens the next one."""
    j = start
    while j < limit:
        ch = text[j]
        if ch == "(":
            close = text.find(")", j, min(limit, j + 150))
            if close > 0 and "\n" not in text[j:close] and text[j + 1:j + 2].isupper():
                j = close + 1
                continue
            return j, -1
        if ch in ":.!?|" and not (ch == "." and j + 1 < limit and text[j + 1].isdigit()):
            return j, -1
        if ch == "\n" and _NEW_ITEM.match(text, j):
            return j, -1
        sep = _SEPARATOR.match(text, j)
        if sep:
            nxt = sep.end()
            word = sep.group(0).strip()
            if head_at(text, nxt, loose=word in {"và", ";", "cùng"} or not collective):
                return j, nxt
            verb = verb_at(text, nxt) and head_at(text, nxt, loose=True) is None
            if word == ";" or verb or text.startswith(_NAME_STOPS, nxt):
                return j, -1
            j = nxt
            continue
        if ch in " \n" and (verb_at(text, j + 1) or text.startswith(_NAME_STOPS, j + 1)):
            return j, -1
        j += 1
    return limit, -1


def agency_list(text: str, pos: int, limit: int, *, loose: bool = False) -> Names:
    """Agency names listed from ``pos`` ("A, B và C …"), stopping at the duty verb."""
    out = Names(end=pos)
    i = pos
    first = True
    while i < limit:
        head_end = head_at(text, i, loose=loose or not first)
        if head_end is None:
            break
        end, nxt = _name_end(text, head_end, limit, collective=is_collective(text[i:head_end]))
        if end <= i:
            break
        distributed = _distribute(text, i, end, limit)
        if distributed:
            spans, end, nxt = distributed
            for s, e, name in spans:
                out.spans.append((s, e))
                out.names.append(name)
        else:
            out.spans.append((i, end))
            out.names.append(clean_name(text[i:end]))
        out.end = end
        first = False
        if nxt < 0:
            break
        i = nxt
    return out


def _distribute(text: str, start: int, end: int, limit: int) -> Optional[tuple[list, int, int]]:
    """"Đảng đoàn: A, B; C" / "các Sở: A, B" / "UBND các phường: A và UBND xã B":
    the prefix before ":" applies to each bare item up to ";"."""
    if end >= limit or text[end] != ":" or "\n" in text[end:end + 2]:
        return None
    prefix = text[start:end]
    if len(prefix.split()) > 7:
        return None
    line_end = text.find("\n", end)
    stop = min(limit, line_end if line_end > 0 else limit)
    semi = text.find(";", end, stop)
    group_end = semi if semi > 0 else stop
    base = _GENERIC_PLURAL.sub("", re.sub(r"^(?:[Cc]ác|[Nn]hững)[ ]+", "", clean_name(prefix)))
    base = base[:1].upper() + base[1:]
    items: list[tuple[int, int, str]] = []
    i = end + 1
    parts: list[Span] = []
    for piece in re.finditer(r"[^,;]+", text[i:group_end]):
        s = i + piece.start()
        for joint in re.finditer(r"[ \n]+và[ \n]+", piece.group(0)):
            parts.append((s, i + piece.start() + joint.start()))
            s = i + piece.start() + joint.end()
        parts.append((s, i + piece.end()))
    for s, e in parts:
        raw = clean_name(text[s:e])
        if not raw:
            continue
        # a long last item runs into the duty: it ends before two lower-case words
        cut = _lower_pair(raw) if len(raw.split()) > 6 else 0
        if cut:
            raw = raw[:cut].strip()
            e = s + len(raw)
            group_end, semi = e, -1
        if verb_at(raw, 0) or len(raw.split()) > 12:
            return None
        name = raw if raw.split()[0] == base.split()[0] else f"{base} {raw}"
        items.append((s, e, name))
        if cut:
            break
    if len(items) < 2:
        return None
    nxt = group_end + 1 if semi > 0 and head_at(text, _skip_space(text, group_end + 1), loose=True) else -1
    return items, group_end, (_skip_space(text, group_end + 1) if nxt > 0 else -1)


def _lower_pair(name: str) -> int:
    """Offset of the first two consecutive lower-case words after the first word, or 0."""
    words = list(re.finditer(r"\S+", name))
    for a, b in zip(words[1:], words[2:]):
        if a.group(0)[0].islower() and b.group(0)[0].islower():
            return a.start()
    return 0


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \n":
        i += 1
    return i


def is_collective(name: str) -> bool:
    """A plural or generic subject ("các sở, ngành", "cấp ủy, tổ chức đảng …")."""
    return bool(_DETERMINER.match(name)) or name[:1].islower()


@dataclass
class Attribution:
    """The responsible agencies of a clause and how the text names them."""

    form: str  # heading | colon | request | subject | field
    lead: list[str]
    spans: list[Span]
    end: int  # where the agency words end

    @property
    def collective(self) -> bool:
        return all(is_collective(n) for n in self.lead)


_LABEL_FIELD = re.compile(r"[ ]{0,3}:")


def _cue_at(folded: str, i: int, role: str) -> Optional[str]:
    for phrase in CUES.get(role, ()):
        if folded.startswith(phrase, i) and (i + len(phrase) >= len(folded) or not folded[i + len(phrase)].isalnum()):
            return phrase
    return None


def heading_attribution(text: str, start: int, end: int) -> Optional[Attribution]:
    """A line that only names agencies ("5. Sở Văn hóa - Thể thao và Du lịch",
    "Đề nghị Ủy ban nhân dân các huyện, thành phố") or "X: duty" / "X:"."""
    folded = fold(text)
    i = _skip_space(text, start)
    cue = _cue_at(folded, i, "request")
    loose = False
    if cue:
        i = _skip_space(text, i + len(cue))
        loose = True
    if folded.startswith("doi voi ", i):
        i = _skip_space(text, i + 8)
        loose = True
    names = agency_list(text, i, end, loose=loose)
    if not names:
        return None
    rest = text[names.end:end].strip()
    rest = re.sub(r"^\(.{0,150}?\)", "", rest).strip()
    if not rest or re.fullmatch(r"[.:;]?[ ]{0,3}\d{0,3}", rest):
        return Attribution("heading", names.names, names.spans, names.end)
    if rest.startswith(":") and re.search(r"[^\W\d]{2,}", rest):
        return Attribution("colon", names.names, names.spans, names.end)
    return None


def clause_attribution(text: str, start: int, end: int) -> Optional[Attribution]:
    """The responsible agencies of one sentence or clause, or None."""
    folded = fold(text)
    i = _skip_space(text, start)
    requests = _requests(text, folded, i, end)
    if requests:
        return requests
    subject = _subject(text, i, end)
    if subject:
        return subject
    if _FRAME.match(folded, i):
        for comma in re.finditer(r", ", text[i:end]):
            j = i + comma.end()
            subject = _subject(text, j, end)
            if subject:
                return subject
    return None


def _subject(text: str, i: int, end: int) -> Optional[Attribution]:
    names = agency_list(text, i, end)
    if not names:
        return None
    j = _skip_space(text, names.end)
    if text.startswith(",", j):
        j = _skip_space(text, j + 1)
    if j < end and verb_at(text, j) and not _past(text, j):
        return Attribution("subject", names.names, names.spans, names.end)
    return None


def _past(text: str, j: int) -> bool:
    return bool(re.match(r"(?:đã|được|đang)\b", text[j:j + 6]))


def _requests(text: str, folded: str, i: int, end: int) -> Optional[Attribution]:
    """"Giao X …", "Đề nghị X …", "A yêu cầu X …": the cue opens the clause (after a
    frame, a comma or the issuer's name) and an agency list follows."""
    lead: list[str] = []
    spans: list[Span] = []
    last = 0
    for m in re.finditer(r"(?<![\w])(?:giao|de nghi|yeu cau|moi)(?![\w])", folded[i:end]):
        at = i + m.start()
        if m.group(0) in {"giao", "moi"} and text[at:m.end() + i].lower() not in {"giao", "mời"}:
            continue
        if not _opens_clause(text, folded, i, at):
            continue
        names = agency_list(text, _skip_space(text, i + m.end()), end, loose=True)
        if names:
            lead += names.names
            spans += names.spans
            last = names.end
    if lead:
        return Attribution("request", lead, spans, last)
    return None


_CLAUSE_GLUE = re.compile(r"(?:^|[,;:(]|\b(?:cung|se|dong thoi|do|va|nay|thi))[ ]*$")


def _opens_clause(text: str, folded: str, start: int, at: int) -> bool:
    """True when a cue at ``at`` starts a clause: nothing, a comma or a linking word
    before it, or only the issuer's name (an agency list) since the clause start."""
    before = folded[start:at].rstrip()
    if _CLAUSE_GLUE.search(before[-12:] if before else ""):
        return True
    marks = [start] + [start + m.end() for m in re.finditer(r"[,;][ ]", folded[start:at])]
    for mark in marks[-1:] + marks[:1]:
        names = agency_list(text, mark, at)
        if names and not text[names.end:at].strip():
            return True
    return False


def field_value(text: str, start: int, end: int, role: str) -> Optional[tuple[int, int]]:
    """The value span of a "Label: value" line whose label is a cue of ``role``
    ("Đơn vị chủ trì: Sở …", "Thời gian dự kiến: …")."""
    folded = fold(text)
    i = _skip_space(text, start)
    i = i + 2 if text.startswith(("- ", "+ ", "* "), i) else i
    cue = _cue_at(folded, i, role)
    if not cue:
        return None
    colon = _LABEL_FIELD.match(text, i + len(cue))
    if not colon:
        return None
    return _skip_space(text, colon.end()), end


def names_after(text: str, start: int, end: int, role: str) -> list[str]:
    """Agencies named after each cue of ``role`` inside the span (support, report_to)."""
    folded = fold(text)
    out: list[str] = []
    for phrase in CUES.get(role, ()):
        for m in re.finditer(r"(?<![\w])%s(?![\w])" % re.escape(phrase), folded[start:end]):
            at = _skip_space(text, start + m.end())
            names = agency_list(text, at, end)
            for name in names.names:
                if name not in out:
                    out.append(name)
    return out


def deliverable_in(text: str, start: int, end: int) -> Optional[str]:
    """The first document-type word the duty produces (báo cáo, kế hoạch …)."""
    folded = fold(text[start:end])
    best: Optional[tuple[int, str]] = None
    for phrase in CUES.get("deliverable", ()):
        # not the document being carried out ("thực hiện Kế hoạch này")
        pattern = r"(?<!thuc hien )(?<![\w])%s(?![\w])(?! nay)" % re.escape(phrase)
        m = re.search(pattern, folded)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), text[start + m.start():start + m.end()].lower())
    return best[1] if best else None


def unique(names: Iterable[str], exclude: Sequence[str] = ()) -> list[str]:
    """Names once each, in order, without those in ``exclude``."""
    seen = {fold(n) for n in exclude}
    out = []
    for name in names:
        key = fold(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
