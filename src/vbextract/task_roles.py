"""Who does a task: agency lists at clause starts, request cues ("Giao X", "Đề nghị X"),
"X: …" headings, and the names after "phối hợp (với)", "báo cáo … về", "trình", "gửi".

Agency names come from the agencies stage (:mod:`task_names`); this module reads the
clause grammar around them.  Cue words are matched on a folded copy of the text (lower
case, tone marks and "đ" removed, one character per character) so OCR-damaged cues
("dé nghị", "Để nghị", "đây mạnh") still match.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .schema import Agency
from . import task_names
from .task_names import NameIndex, Names, Span, clean_name, is_collective

__all__ = ["Attribution", "Names", "Roles", "clean_name", "fold", "is_collective", "unique"]

_DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


# Latin letters with Vietnamese diacritics (up to U+1EFF), folded one for one.
_FOLD_TABLE = {i: _fold_char(chr(i)) for i in range(0x41, 0x1F00) if _fold_char(chr(i)) != chr(i)}


def fold(text: str) -> str:
    """Lower case without tone marks, one output character per input character
    (a ``str.translate`` table: linear, about 50 MB/s)."""
    return text.translate(_FOLD_TABLE)


VERBS = task_names.VERBS
CUES: dict[str, tuple[str, ...]] = {}
for _role, _phrase in _rows("task_cues.tsv"):
    CUES[_role] = tuple(sorted(CUES.get(_role, ()) + (_phrase,), key=len, reverse=True))

_VERB_RE = re.compile(r"(?:%s)(?![\w])" % "|".join(re.escape(v) for v in VERBS))
# Verbs of two or more syllables also match folded (OCR: "đây mạnh" for "đẩy mạnh").
_FOLDED_VERB_RE = re.compile(r"(?:%s)(?![\w])" % "|".join(sorted({re.escape(fold(v)) for v in VERBS if " " in v}, key=len, reverse=True)))
# Clause openers that frame the sentence before its subject ("Căn cứ …, X làm …").
_FRAME = re.compile(
    r"(?:can cu|tren co so|de |doi voi|trong |ben canh|do do|dong thoi|rieng|khi |truong hop|"
    r"sau khi|thuc hien|ngoai |nham |qua |vi vay|theo )"
)
_REQUEST = re.compile(r"(?<![\w])(?:giao|de nghi|yeu cau|moi)(?![\w])")
_CLAUSE_GLUE = re.compile(r"(?:^|[,;:(]|\b(?:cung|se|dong thoi|do|va|nay|thi))[ ]*$")
_PAST = re.compile(r"(?:đã|được|đang)\b")
_LABEL_FIELD = re.compile(r"[ ]{0,3}:")


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \n":
        i += 1
    return i


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


class Roles:
    """The role grammar over one document: its text, folded text and agency index."""

    def __init__(self, text: str, agencies: Sequence[Agency]) -> None:
        self.text = text
        self.folded = fold(text)
        self.index = NameIndex(text, agencies)
        # request cues found once: each clause looks its own up by bisection
        self._cues = [(m.start(), m.end(), m.group(0)) for m in _REQUEST.finditer(self.folded)]
        self._cue_starts = [c[0] for c in self._cues]

    # ------------------------------------------------------------------ words
    def verb_at(self, i: int) -> bool:
        """True when a duty verb opens at ``i``."""
        return bool(_VERB_RE.match(self.text, i) or _FOLDED_VERB_RE.match(self.folded, i))

    def agency_list(self, pos: int, limit: int, *, loose: bool = False) -> Names:
        """Agency names listed from ``pos``, stopping at the duty."""
        return self.index.list_at(pos, limit, loose=loose)

    def _cue_at(self, i: int, role: str) -> Optional[str]:
        folded = self.folded
        for phrase in CUES.get(role, ()):
            if folded.startswith(phrase, i) and (i + len(phrase) >= len(folded) or not folded[i + len(phrase)].isalnum()):
                return phrase
        return None

    # ------------------------------------------------------------------ forms
    def heading(self, start: int, end: int) -> Optional[Attribution]:
        """A line that only names agencies ("5. Sở Văn hóa - Thể thao và Du lịch",
        "Đề nghị Ủy ban nhân dân các huyện, thành phố") or "X: duty" / "X:"."""
        text, folded = self.text, self.folded
        i = _skip_space(text, start)
        cue = self._cue_at(i, "request")
        loose = False
        if cue:
            i = _skip_space(text, i + len(cue))
            loose = True
        if folded.startswith("doi voi ", i):
            i = _skip_space(text, i + 8)
            loose = True
        names = self.agency_list(i, end, loose=loose)
        if not names and cue:
            names = self.index.line_name(i, end)
        if not names:
            return None
        names = self.index.tail(names, end)
        rest = text[names.end:end].strip() if names.end < end else ""
        if not rest or re.fullmatch(r"[.:;]?[ ]{0,3}\d{0,3}", rest):
            return Attribution("heading", names.names, names.spans, names.end)
        if rest.startswith(":") and re.search(r"[^\W\d]{2,}", rest):
            return Attribution("colon", names.names, names.spans, names.end)
        return None

    def clause(self, start: int, end: int) -> Optional[Attribution]:
        """The responsible agencies of one sentence or clause, or None."""
        text = self.text
        i = _skip_space(text, start)
        found = self._requests(i, end) or self._subject(i, end)
        if found:
            return found
        if _FRAME.match(self.folded, i):
            for comma in re.finditer(r", ", text[i:end]):
                found = self._subject(i + comma.end(), end)
                if found:
                    return found
        return None

    def _subject(self, i: int, end: int) -> Optional[Attribution]:
        text = self.text
        names = self.agency_list(i, end)
        if not names:
            return None
        j = _skip_space(text, names.end)
        if text.startswith(",", j):
            j = _skip_space(text, j + 1)
        j = self._after_apposition(j, end)
        if j < end and self.verb_at(j) and not _PAST.match(text, j) and not self._presents(j, end):
            return Attribution("subject", names.names, names.spans, names.end)
        return None

    def _presents(self, j: int, end: int) -> bool:
        """True for the issuer presenting its text ("… xây dựng Kế hoạch thực hiện như
        sau:", "… có ý kiến chỉ đạo như sau:"): a clause ending in "sau:" right after
        the document or statement that follows."""
        tail = self.folded[j:end].rstrip()
        if not tail.endswith("sau:"):
            return False
        tail = tail[-40:]
        return any(re.search(r"(?<![\w])%s(?![\w])" % re.escape(p), tail) for p in CUES.get("presents", ()))

    def _after_apposition(self, j: int, end: int) -> int:
        """After "trước hết là người đứng đầu" (an apposition between a subject and its
        verb), the position of the verb; else ``j``."""
        if self._cue_at(j, "apposition") is None:
            return j
        for k in range(j, min(end, j + 80)):
            if self.text[k] == " " and self.verb_at(k + 1):
                return k + 1
        return j

    def _requests(self, i: int, end: int) -> Optional[Attribution]:
        """"Giao X …", "Đề nghị X …", "A yêu cầu X …": the cue opens the clause (after a
        frame, a comma or the issuer's name) and an agency list follows."""
        text = self.text
        lead: list[str] = []
        spans: list[Span] = []
        last = 0
        for at, cue_end, cue in self._cues[bisect_left(self._cue_starts, i):]:
            if cue_end > end:
                break
            if lead and ";" in text[last:at]:
                break  # a later "; yêu cầu Y …" is a clause of its own
            if cue in {"giao", "moi"} and text[at:cue_end].lower() not in {"giao", "mời"}:
                continue
            if not self._opens_clause(i, at):
                continue
            names = self.agency_list(_skip_space(text, cue_end), end, loose=True)
            if names:
                lead += names.names
                spans += names.spans
                last = names.end
        if lead:
            return Attribution("request", lead, spans, last)
        return None

    def _opens_clause(self, start: int, at: int) -> bool:
        """True when a cue at ``at`` starts a clause: nothing, a comma or a linking word
        before it, or only the issuer's name (an agency list) since the clause start."""
        before = self.folded[max(start, at - 14):at].rstrip()
        if _CLAUSE_GLUE.search(before[-12:] if at - start > 0 else ""):
            return True
        if at == start:
            return True
        marks = [start] + [start + m.end() for m in re.finditer(r"[,;][ ]", self.folded[start:at])]
        for mark in marks[-1:] + marks[:1]:
            names = self.agency_list(mark, at)
            if names and not self.text[names.end:at].strip():
                return True
        return False

    def field_value(self, start: int, end: int, role: str) -> Optional[tuple[int, int]]:
        """The value span of a "Label: value" line whose label is a cue of ``role``
        ("Đơn vị chủ trì: Sở …", "Thời gian dự kiến: …")."""
        text = self.text
        i = _skip_space(text, start)
        i = i + 2 if text.startswith(("- ", "+ ", "* "), i) else i
        cue = self._cue_at(i, role)
        if not cue:
            return None
        colon = _LABEL_FIELD.match(text, i + len(cue))
        if not colon:
            return None
        return _skip_space(text, colon.end()), end

    def list_all(self, start: int, end: int) -> list[str]:
        """Every agency in a span, list after list ("A, B; C và các đơn vị …")."""
        out: list[str] = []
        for pos in sorted(p for p in self.index.at if start <= p < end):
            agency = self.index.at[pos]
            if agency.end <= end:
                out.append(self.index.name(agency))
        return unique(out)

    def names_after(self, start: int, end: int, role: str) -> list[str]:
        """Agencies named after each cue of ``role`` inside the span (support, report_to)."""
        out: list[str] = []
        for m in _cue_re(role).finditer(self.folded, start, end):
            at = _skip_space(self.text, m.end())
            for name in self.agency_list(at, end, loose=True).names:
                if name not in out:
                    out.append(name)
        return out

    def deliverable_in(self, start: int, end: int) -> Optional[str]:
        """The first document-type word the duty produces (báo cáo, kế hoạch …),
        not the document being carried out ("thực hiện Kế hoạch này")."""
        m = _DELIVERABLE.search(self.folded, start, end)
        return self.text[m.start():m.end()].lower() if m else None


@lru_cache(maxsize=None)
def _cue_re(role: str) -> re.Pattern[str]:
    """The cue phrases of ``role`` as one pattern (longest first) on folded text."""
    return re.compile(r"(?<![\w])(?:%s)(?![\w])" % "|".join(re.escape(p) for p in CUES.get(role, ())))


_DELIVERABLE = re.compile(r"(?<!thuc hien )" + _cue_re("deliverable").pattern + r"(?! nay)")


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
