"""Agency lists inside task clauses, read from the agencies stage's spans.

The agencies stage (:func:`vbextract.agencies.find_agencies`) decides where a name
begins and ends; this module only reads how names are chained into a list:

    list := name (sep name)* [parenthetical]
    sep  := "," | ";" | ", và" | "và" | "cùng"

A name is kept as written (``Agency.text``, whitespace folded), except a name the
stage built from a shared prefix ("Đảng đoàn: A, B" gives "Đảng đoàn A"), which is
kept as the stage built it.  An explanatory parenthetical after a name ("(sau đây
gọi tắt là …)", "(chủ trì)") belongs to the list and never cuts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from .agencies import canonical_name
from .lexicon import read_table
from .schema import Agency

Span = tuple[int, int]

# An upper-case letter (Latin with Vietnamese diacritics); "À-Ỹ" would take lower case too.
UPPER = "[%s]" % "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper())
_SEPARATOR = re.compile(r"[ ]{0,2}[,;][ \n]{0,3}(?:(?:và|cùng)[ \n]{1,3})?|[ \n]{1,3}(?:và|cùng)[ \n]{1,3}")
_PARENTHETICAL = re.compile(r"[ \n]{0,2}\([^()\n]{1,160}\)")
_DETERMINER = re.compile(r"(?:[Cc]ác|[Mm]ọi|[Tt]ừng|[Nn]hững)[ ]+")
_SKIPPED = re.compile(r"(?:cho|đối với|với)[ ]+")
_GENERIC_PLURAL = re.compile(r"[ ]?(?:các|những)[ ]+nước\b|(?<=\w)[ ](?:các|những)(?=[ ])")
_PREFIX_COLON = re.compile(r"[^:\n]{2,60}?:[ ]{1,2}")
# Lower-case words that may open a name: plurals and administrative levels.
_NAME_OPENERS = r"(?:các|những|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|khu)[ \n]"
_ITEM_BODY = re.compile(r"(?:%s)?%s[\w]{0,12}(?:[ \n](?!và[ ])[\w]{1,12}){0,7}" % (_NAME_OPENERS, UPPER))
# An unread list item: a capitalised name of up to eight words, maybe after "các" or a
# level word ("tỉnh Đắk Lắk"), ending at a separator.
_ITEM = re.compile(_ITEM_BODY.pattern + r"(?=[ ]?[,;]|[ ]và[ ])")
# A heading name goes on with a capitalised word, a plural or a level word.
_NAME_GOES_ON = re.compile(UPPER + "|" + _NAME_OPENERS)
_ITEM_TAIL = re.compile(r"(?:[ ](?!và[ ])[\w]{1,12}){1,3}(?=[ ]?[,;])")
#: Words that open the duty after an agency subject (data/task_duty_verbs.tsv), longest first.
VERBS: tuple[str, ...] = tuple(sorted((row[0] for row in read_table("task_duty_verbs.tsv")), key=len, reverse=True))
# Words of a clause that are not duty verbs: copulas, modals, aspect, purpose, request cues.
_CLAUSE_WORDS = ("là", "cần", "phải", "đã", "được", "sẽ", "đang", "để", "nhằm", "khi", "trong", "đề nghị",
                 "yêu cầu", "giao")
# Words of a duty (the duty-verb table) or a clause (lower case as written): never inside an agency name.
_DUTY = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted({*VERBS, *_CLAUSE_WORDS}, key=len, reverse=True))
    + r")(?![\w])"
)


def _duty_in(words: str) -> bool:
    return _DUTY.search(words) is not None


def _unread(text: str, start: int, end: int) -> Agency:
    """A list item the stage did not read, as a mention of its own."""
    return Agency(id="", text=text[start:end], name=clean_name(text[start:end]), start=start, end=end)


def clean_name(text: str) -> str:
    """A name as written, on one line, without edge punctuation."""
    return " ".join(text.split()).strip(" ,;:.-–")


def is_collective(name: str) -> bool:
    """A generic class of bodies rather than named ones: a lower-case head ("cấp ủy,
    tổ chức đảng", "các sở, ngành", "cơ quan Thuế các cấp") or bare heads after a
    determiner ("các Vụ, Cục, đơn vị").  "các Cục Thuế" (a head with its domain) and
    "các Bộ trưởng" (a leader's title) name bodies of one kind: not collective."""
    det = _DETERMINER.match(name)
    rest = name[det.end():] if det else name
    if not rest or rest[0].islower():
        return True
    if not det:
        return False
    words = rest.split()
    return len(words) == 1 or words[0].endswith(",")


@dataclass
class Names:
    """Agency names found in a list: spans into the text and the names as written."""

    spans: list[Span] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    end: int = 0

    def __bool__(self) -> bool:
        return bool(self.names)


class NameIndex:
    """The agencies stage's mentions, looked up by start offset."""

    def __init__(self, text: str, agencies: Sequence[Agency]) -> None:
        self.text = text
        self.at: dict[int, Agency] = {}
        for agency in agencies:
            self.at.setdefault(agency.start, agency)
        self._names: dict[int, str] = {}

    def name(self, agency: Agency) -> str:
        """The name to report: as written, or the stage's name when it shared a prefix."""
        cached = self._names.get(agency.start)
        if cached is None:
            written = clean_name(agency.text)
            shared = agency.name != written and agency.name != canonical_name(agency.text)
            cached = clean_name(agency.name) if shared else written
            self._names[agency.start] = cached
        return cached

    def written_prefix(self, pos: int, limit: int) -> str:
        """The shared prefix of a colon list at ``pos`` as written, without its plural
        words ("UBND các phường:" -> "UBND phường", "các Sở:" -> "Sở"), or ""."""
        colon = _PREFIX_COLON.match(self.text, pos, limit)
        if colon is None:
            return ""
        base = _GENERIC_PLURAL.sub("", clean_name(_DETERMINER.sub("", self.text[pos:colon.end()], count=1)))
        return base[:1].upper() + base[1:]

    def first_at(self, pos: int, limit: int) -> Agency | None:
        """The mention opening at ``pos`` (after "cho"/"đối với"), or the first item of
        a list distributed over a shared prefix ("các Sở: Xây dựng, …")."""
        agency = self.at.get(pos)
        if agency is None:
            skip = _SKIPPED.match(self.text, pos, limit)
            if skip:
                agency = self.at.get(skip.end())
        if agency is None:
            colon = _PREFIX_COLON.match(self.text, pos, limit)
            if colon and _ITEM_BODY.fullmatch(self.text, pos, self.text.rfind(":", pos, colon.end())):
                agency = self.at.get(colon.end())
                if agency is not None and self.name(agency) == clean_name(agency.text):
                    agency = None
        return agency

    def list_at(self, pos: int, limit: int, *, loose: bool = False) -> Names:
        """Agency names listed from ``pos`` ("A, B và C …") before ``limit``.  A first
        name starting in lower case (a generic noun: "cơ quan …") counts only when
        ``loose`` (after a request cue, in a field or a table cell)."""
        text = self.text
        out = Names(end=pos)
        agency = self.first_at(pos, limit)
        if agency is None or not (loose or not text[agency.start].islower() or _DETERMINER.match(text, agency.start)):
            return out
        prefix = self.written_prefix(pos, limit) if agency.start > pos else ""
        while agency is not None and agency.start < limit:
            agency = self._extended(agency, limit)
            out.spans.append((agency.start, agency.end))
            name = self.name(agency)
            if prefix and name != clean_name(agency.text):
                name = agency.text if agency.text.split()[0] == prefix.split()[0] else f"{prefix} {clean_name(agency.text)}"
            out.names.append(name)
            out.end = agency.end
            paren = _PARENTHETICAL.match(text, out.end, limit)
            after = paren.end() if paren else out.end
            sep = _SEPARATOR.match(text, after, limit)
            if sep is None:
                out.end = after
                break
            agency = self.first_at(sep.end(), limit) or self._bridge(sep.end(), limit)
        return out

    def _extended(self, agency: Agency, limit: int) -> Agency:
        """A name the stage ended inside a list item ("các Bộ| trưởng, Thủ trưởng …"):
        up to three more words reach the separator, and the list goes on after it."""
        m = _ITEM_TAIL.match(self.text, agency.end, limit)
        if m is None or _duty_in(m.group(0)) or not self._goes_on(m.end(), limit):
            return agency
        text = self.text[agency.start:m.end()]
        return Agency(id=agency.id, text=text, name=text, start=agency.start, end=m.end())

    def _goes_on(self, pos: int, limit: int) -> bool:
        """True when a separator at ``pos`` leads to another list item."""
        sep = _SEPARATOR.match(self.text, pos, limit)
        if sep is None:
            return False
        nxt = sep.end()
        return bool(self.first_at(nxt, limit) or _ITEM.match(self.text, nxt, limit) or self._last_item(nxt, limit))

    def _bridge(self, pos: int, limit: int) -> Agency | None:
        """A list item the stage did not read (OCR damage: "Chỉ cục Thuế", a place
        addressed as a body: "Thành phố Hồ Chí Minh"), between two separators when the
        list goes on after it, or as the last item before the duty."""
        m = _ITEM.match(self.text, pos, limit)
        if m is not None and not _duty_in(m.group(0)) and self._goes_on(m.end(), limit):
            return _unread(self.text, pos, m.end())
        return self._last_item(pos, limit)

    def _last_item(self, pos: int, limit: int) -> Agency | None:
        """The last item of a list, unread by the stage: a capitalised name up to the
        first words of the duty ("…, Cổng Thông tin điện tử tỉnh| phối hợp …")."""
        duty = _DUTY.search(self.text, pos, min(limit, pos + 90))
        if duty is None or duty.start() <= pos:
            return None
        end = duty.start() - 1
        if _ITEM_BODY.fullmatch(self.text, pos, end) is None:
            return None
        return _unread(self.text, pos, end)

    def line_name(self, pos: int, end: int) -> Names:
        """A heading line after a request cue names its addressee even when the stage
        read no name there ("15. Đề nghị Cơ quan Báo và Phát thanh, Truyền hình Hà Nội"):
        the capitalised rest of the line, with no word of a duty in it."""
        stop = self.text.find(":", pos, end)
        stop = end if stop < 0 else stop
        name = clean_name(self.text[pos:stop])
        if not name[:1].isupper() or not 1 < len(name.split()) <= 14 or _duty_in(name):
            return Names(end=pos)
        stop = pos + len(self.text[pos:stop].rstrip(" :.;"))
        return Names([(pos, stop)], [name], stop)

    def tail(self, names: Names, end: int) -> Names:
        """A heading line names only agencies: words between the last name read and
        the colon or line end ("Bộ Tư lệnh| Thủ đô", "Chủ đầu tư| các khu đô thị") go
        on that name."""
        text = self.text
        stop = text.find(":", names.end, end)
        stop = end if stop < 0 else stop
        rest = text[names.end:stop]
        if not rest.strip() or not rest.startswith(" ") or len(rest.split()) > 6:
            return names
        if not _NAME_GOES_ON.match(rest, 1):
            return names
        if re.search(r"[.;,()]", rest) or _duty_in(rest):
            return names
        start = names.spans[-1][0]
        while stop > start and text[stop - 1] in " \n":
            stop -= 1
        names.spans[-1] = (start, stop)
        names.names[-1] = clean_name(text[start:stop])
        names.end = stop
        return names
