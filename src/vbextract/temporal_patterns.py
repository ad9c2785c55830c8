"""Date expressions of Vietnamese administrative text, as regular patterns.

Each pattern finds one *atom*: a calendar expression ("16/8/2019", "ngày 11 tháng 9
năm 2025", "tháng 10/2024", "Quý III/2026", "6 tháng đầu năm 2025", "năm 2025",
"giai đoạn 2021-2025"), a recurrence ("ngày 26/6 hằng năm", "định kỳ 6 tháng") or a
duration ("trong thời hạn 15 ngày").  Patterns use bounded quantifiers only and no
nested repetition, so every scan is linear in the text.  What an atom *means* in its
sentence (deadline, period …) is decided in :mod:`vbextract.temporal`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Iterable, Iterator, Optional

from dateutil.relativedelta import relativedelta

from .lexicon import read_table
from .scanning import initial_anchor, near, positions

YEAR = r"(?:19|20)\d{2}"
_SP = r"\s{1,3}"
_NGAY = r"(?<!\w)ngày" + _SP  # "ngày 16/8/2019": the word is part of the expression


@dataclass(frozen=True)
class CalendarSpec:
    """A calendar expression whose year may still be missing ("ngày 30/6")."""

    granularity: str  # day | month | quarter | half_year | year
    year: Optional[int]
    part: int = 0  # month, quarter or half (1, 2) as the granularity says
    day: int = 0

    def span(self, year: Optional[int] = None) -> Optional[tuple[date, date]]:
        """First and last day of the expression; None if its year is unknown or invalid."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            if self.granularity == "day":
                d = date(y, self.part, self.day)
                return d, d
            if self.granularity == "month":
                first_month, months = self.part, 1
            elif self.granularity == "quarter":
                first_month, months = 3 * self.part - 2, 3
            elif self.granularity == "half_year":
                first_month, months = 6 * self.part - 5, 6
            else:
                first_month, months = 1, 12
            last_month = first_month + months - 1
            last_day = calendar.monthrange(y, last_month)[1]
            return date(y, first_month, 1), date(y, last_month, last_day)
        except ValueError:
            return None

    def is_valid(self) -> bool:
        """True when the expression names a real calendar span (any leap year if yearless)."""
        return self.span(self.year if self.year is not None else 2024) is not None


@dataclass(frozen=True)
class Atom:
    """One matched expression: ``text[start:end]``; ``spec`` for calendar atoms."""

    start: int
    end: int
    spec: Optional[CalendarSpec] = None
    until: Optional[CalendarSpec] = None  # second half of a year range "2021-2025"
    needs_cue: bool = False  # a bare "30/6" is a date only after a cue word ("trước 30/6")
    rrule: Optional[str] = None
    recurrence: bool = False
    duration: Optional[tuple[int, str]] = None  # (amount, relativedelta keyword)
    working_days: bool = False


# --- data tables ---------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A unit of time: its RFC 5545 frequency and interval, and its relativedelta keyword."""

    freq: str
    interval: int
    delta_key: str


@cache
def units() -> dict[str, Unit]:
    """Time units of recurrences and durations (data/temporal_units.tsv)."""
    return {r[0]: Unit(r[1], int(r[2]), r[3]) for r in read_table("temporal_units.tsv")}


@cache
def words(role: str) -> dict[str, int]:
    """Words of one role in data/temporal_words.tsv (every, periodic, number, roman)."""
    return {r[1]: int(r[2]) for r in read_table("temporal_words.tsv") if r[0] == role}


def alternation(phrases: Iterable[str], any_tone: bool = False) -> str:
    """A regex alternation of phrases, longest first, inner spaces matching 1-3 blanks;
    with ``any_tone`` a vowel matches any of its marked forms (OCR and hurried typing
    lose or swap them: "định ky", "hãng năm")."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    escape = _any_tone if any_tone else re.escape
    return "|".join(_SP.join(escape(w) for w in p.split()) for p in ordered)


@cache
def _vowel_classes() -> dict[str, str]:
    """Base vowel -> a class of every lower-case letter written on it ("a" -> "[aàáảãạăằ…]")."""
    forms: dict[str, list[str]] = {}
    for code in (*range(0x61, 0x7B), *range(0xC0, 0x1B0), *range(0x1EA0, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if char.islower() and base in "aeiouy":
            forms.setdefault(base, []).append(char)
    return {base: f"[{''.join(chars)}]" for base, chars in forms.items()}


def _any_tone(word: str) -> str:
    classes = _vowel_classes()
    return "".join(classes.get(unicodedata.normalize("NFD", c.lower())[0], re.escape(c)) for c in word)


def _number(token: str) -> Optional[int]:
    token = " ".join(token.lower().split())
    return int(token) if token.isdigit() else words("number").get(token)


# --- calendar atoms ----------------------------------------------------------------------

_NUM_DMY = re.compile(
    rf"(?:{_NGAY})?(?<![\d/.,\-])(\d{{1,2}})[ ]?([/.\-])[ ]?(\d{{1,2}})[ ]?\2[ ]?({YEAR})(?![\d]|[/.\-]\d)",
    re.I,
)
_ISO = re.compile(rf"(?<![\d/.\-])({YEAR})-(\d{{2}})-(\d{{2}})(?![\d]|[/.\-]\d)")
# "ngày 30/6", "ngày 26-6"; a bare "30/6" (slash only: "5-10%" is a range) needs a cue word
_NUM_DM = re.compile(
    rf"(?:{_NGAY}(?<![\d/.,\-])(\d{{1,2}})[ ]?[/\-][ ]?|(?<![\d/.,\-])(\d{{1,2}})/)(\d{{1,2}})(?![\d%]|[ ]?[/.\-][ ]?\d)",
    re.I,
)
_WORD_DMY = re.compile(
    rf"{_NGAY}(\d{{1,2}}){_SP}tháng{_SP}(\d{{1,2}})(?:\s{{0,3}},?\s{{0,3}}năm{_SP}({YEAR}))?(?!\d)", re.I
)
_MONTH = re.compile(rf"(?<!\w)tháng{_SP}(\d{{1,2}})\s{{0,2}}(?:[/\-.]\s{{0,2}}|năm{_SP})({YEAR})(?!\d)", re.I)
_HALF = re.compile(
    rf"(?<!\w)(?:(?:0?6|sáu){_SP}tháng|nửa){_SP}(đầu|cuối){_SP}năm(?:{_SP}({YEAR}))?(?!\d)", re.I
)
_YEAR_RANGE = re.compile(
    rf"(?:(?<!\w)(?:giai{_SP}đoạn|thời{_SP}kỳ|năm)(?:{_SP}năm)?{_SP})?(?<![\d/.\-])({YEAR})\s{{0,2}}[-–]\s{{0,2}}({YEAR})(?![\d/]|-\d)",
    re.I,
)
_YEAR = re.compile(rf"(?<!\w)năm{_SP}({YEAR})(?![\d/])|(?<=đến )({YEAR})(?![\d/\-])|(?<=\| )({YEAR})(?= \|)", re.I)


@cache
def _quarter_re() -> re.Pattern[str]:
    roman = alternation(words("roman"))
    return re.compile(
        rf"(?<!\w)quý{_SP}({roman}|[1-4])(?![\w])(?:\s{{0,2}}(?:[/\-]|,?\s{{0,2}}năm)\s{{0,2}}({YEAR}))?(?!\d)",
        re.I,
    )


def _int(value: Optional[str]) -> Optional[int]:
    return int(value) if value else None


# --- anchored scanning -----------------------------------------------------------------
# The patterns above open with look-behinds and optional words, so the regex engine tries
# them at every position of a text.  Each match, though, holds a short *anchor* a plain
# character scan finds (a year, a day number before a separator, "quý", a unit of time):
# :func:`vbextract.scanning.near` tries a pattern only just before each anchor.

# Digits, in one scan: a year (?:19|20)\d{2} (checked loosely), the day of "30/6" or
# "ngày 26-6" before its separator, the day of "ngày 11 tháng 9"; what follows a digit
# tells the three apart.
_DIGIT_AT = re.compile(
    r"\d(?:(?<=[12])(?=[09]\d\d)(?P<year>)|(?=[ ]?[/\-])(?P<separator>)|(?=\s{1,3}[tT](?i:háng))(?P<month_word>))"
)
_QUARTER_AT = re.compile(r"[qQ](?=(?i:uý))")
_HALF_AT = re.compile(r"[đĐcC](?=(?i:ầu|uối))")  # "(6 tháng) đầu / cuối (năm)"


def _digit_anchors(text: str) -> dict[str, list[int]]:
    """Positions of the digits :data:`_DIGIT_AT` finds, by kind."""
    digits: dict[str, list[int]] = {"year": [], "separator": [], "month_word": []}
    for m in _DIGIT_AT.finditer(text):
        digits[m.lastgroup or ""].append(m.start())
    return digits


def calendar_atoms(text: str) -> Iterator[Atom]:
    """Every calendar expression (valid or not; check ``spec.is_valid()``)."""
    digits = _digit_anchors(text)
    years = digits["year"]
    for m in near(_NUM_DMY, text, years):
        yield Atom(m.start(), m.end(), CalendarSpec("day", int(m[4]), int(m[3]), int(m[1])))
    for m in near(_ISO, text, years):
        yield Atom(m.start(), m.end(), CalendarSpec("day", int(m[1]), int(m[2]), int(m[3])))
    for m in near(_NUM_DM, text, digits["separator"]):
        day = int(m[1] or m[2])
        yield Atom(m.start(), m.end(), CalendarSpec("day", None, int(m[3]), day), needs_cue=m[1] is None)
    for m in near(_WORD_DMY, text, digits["month_word"]):
        yield Atom(m.start(), m.end(), CalendarSpec("day", _int(m[3]), int(m[2]), int(m[1])))
    for m in near(_MONTH, text, years):
        yield Atom(m.start(), m.end(), CalendarSpec("month", int(m[2]), int(m[1])))
    roman = words("roman")
    for m in near(_quarter_re(), text, positions(_QUARTER_AT, text)):
        q = roman.get(m[1].upper()) or int(m[1])
        yield Atom(m.start(), m.end(), CalendarSpec("quarter", _int(m[2]), q))
    for m in near(_HALF, text, positions(_HALF_AT, text)):
        half = 1 if m[1].lower() == "đầu" else 2
        yield Atom(m.start(), m.end(), CalendarSpec("half_year", _int(m[2]), half))
    for m in near(_YEAR_RANGE, text, years):
        first, last = int(m[1]), int(m[2])
        if first < last <= first + 50:
            yield Atom(m.start(), m.end(), CalendarSpec("year", first), until=CalendarSpec("year", last))
    for m in near(_YEAR, text, years):
        yield Atom(m.start(), m.end(), CalendarSpec("year", int(m[1] or m[2] or m[3])))


# --- recurrences and durations ---------------------------------------------------------------


@cache
def _recurrence_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    every = alternation(words("every"), any_tone=True)
    periodic = alternation(words("periodic"), any_tone=True)
    unit = alternation(units())
    number = alternation(words("number"))
    anchored = re.compile(
        rf"(?<!\w)(?:(?:{periodic}){_SP})?"
        rf"(?:(?:ngày{_SP}(?P<d>\d{{1,2}})(?:\s{{0,2}}[/\-]\s{{0,2}}(?P<m>\d{{1,2}})|{_SP}tháng{_SP}(?P<m2>\d{{1,2}}))?"
        rf"|tháng{_SP}(?P<mo>\d{{1,2}})){_SP})?"
        rf"(?<!\w)(?P<every>{every}){_SP}(?P<unit>{unit})(?!\w)",
        re.I,
    )
    periodic_re = re.compile(
        rf"(?<!\w)(?:{periodic})(?:{_SP}(?:(?P<n>\d{{1,2}}|{number}){_SP}(?P<unit>{unit})|theo{_SP}(?P<unit2>{unit})))?(?!\w)",
        re.I,
    )
    return anchored, periodic_re


# Letters the IGNORECASE flag matches across scripts ("ſ" for "s", the Kelvin sign for "k").
_CASE_EXTRAS = "İıſKÅẞ"


def _initials(phrases: Iterable[str], any_tone: bool) -> str:
    """Every character a case-insensitive :func:`alternation` of ``phrases`` may start with."""
    chars: set[str] = set()
    for phrase in phrases:
        first = phrase[0]
        vowel = _vowel_classes().get(unicodedata.normalize("NFD", first.lower())[0]) if any_tone else None
        for char in vowel[1:-1] if vowel else first:
            forms = {char, char.lower(), char.upper(), *_CASE_EXTRAS}
            chars.update(f for f in forms if re.fullmatch(re.escape(char), f, re.I))
    return "".join(sorted(chars))


def _phrase_anchor(phrases: Iterable[str], any_tone: bool) -> re.Pattern[str]:
    """Where a phrase of ``phrases`` may start: its first letter, which a character scan
    finds, then the rest of any of the phrases."""
    phrases = list(phrases)
    rests = [phrase[1:] for phrase in phrases if phrase[1:].strip()]
    rest = f"(?i:{alternation(rests, any_tone)})" if len(rests) == len(phrases) else ""
    return initial_anchor(_initials(phrases, any_tone), rest)


@cache
def _unit_at() -> re.Pattern[str]:
    """A unit of time ("hằng năm", "15 ngày")."""
    return _phrase_anchor(units(), any_tone=False)


def _rrule(unit_word: str, count: int = 1, month: int = 0, day: int = 0) -> Optional[str]:
    unit = units().get(" ".join(unit_word.lower().split()))
    if unit is None:
        return None
    parts = [f"FREQ={unit.freq}"]
    if unit.interval * count > 1:
        parts.append(f"INTERVAL={unit.interval * count}")
    if month:
        parts.append(f"BYMONTH={month}")
    if day:
        parts.append(f"BYMONTHDAY={day}")
    return ";".join(parts)


def recurrence_atoms(text: str) -> Iterator[Atom]:
    """Periodic duties: "hằng năm", "tháng 6 hằng năm", "ngày 26/6 hằng năm", "định kỳ 6 tháng"."""
    anchored, periodic_re = _recurrence_res()
    for m in near(anchored, text, positions(_unit_at(), text)):
        day, month = _int(m["d"]) or 0, _int(m["m"] or m["m2"] or m["mo"]) or 0
        unit = m["unit"].lower()
        if (day or month) and not CalendarSpec("day", None, month or 1, day or 1).is_valid():
            yield Atom(m.start("every"), m.end(), recurrence=True, rrule=_rrule(unit))  # no anchor
            continue
        if unit != "năm" and month:  # "ngày 20/6 hằng tháng" is not a rule we can write
            month = 0
        yield Atom(m.start(), m.end(), recurrence=True, rrule=_rrule(unit, 1, month, day))
    for m in near(periodic_re, text, positions(_phrase_anchor(words("periodic"), any_tone=True), text)):
        unit = m["unit"] or m["unit2"]
        count = _number(m["n"]) if m["n"] else 1
        rule = _rrule(unit, count or 1) if unit else None
        yield Atom(m.start(), m.end(), recurrence=True, rrule=rule)


_ANCHOR_LEAD = re.compile(rf"\s{{0,2}},?\s{{0,2}}(?:kể{_SP}từ|tính{_SP}từ|sau{_SP}khi|sau)(?!\w)\s{{1,3}}", re.I)


@cache
def _duration_res() -> tuple[re.Pattern[str], ...]:
    unit = alternation(units())
    number = alternation(words("number"))
    amount = rf"(?P<n>\d{{1,3}}|{number}){_SP}(?P<unit>{unit})(?P<work>{_SP}làm{_SP}việc)?(?!\w)"
    return (
        re.compile(rf"(?<!\w)trong{_SP}(?:thời{_SP}hạn|vòng){_SP}{amount}", re.I),
        re.compile(rf"(?<!\w)(?:trong|sau|chậm{_SP}nhất){_SP}{amount}(?={_ANCHOR_LEAD.pattern})", re.I),
    )


def duration_atoms(text: str) -> Iterator[Atom]:
    """Durations: "trong thời hạn 15 ngày", "trong vòng 30 ngày", "trong 10 ngày kể từ …"."""
    units_at = positions(_unit_at(), text)
    for pattern in _duration_res():
        for m in near(pattern, text, units_at):
            amount = _number(m["n"])
            unit = units().get(" ".join(m["unit"].lower().split()))
            if amount and unit:
                amount *= unit.interval if unit.delta_key == "months" else 1
                yield Atom(m.start(), m.end(), duration=(amount, unit.delta_key), working_days=bool(m["work"]))


_ANCHOR_SIGNED = re.compile(rf"ngày{_SP}(?:ký|ban{_SP}hành)(?!\w)(?:{_SP}ban{_SP}hành)?", re.I)


def anchor_lead(text: str, pos: int) -> int:
    """End of a "kể từ / tính từ / sau" lead right after ``pos`` (``pos`` if none)."""
    m = _ANCHOR_LEAD.match(text, pos)
    return m.end() if m else pos


def signed_anchor(text: str, pos: int) -> int:
    """End of "ngày ký (ban hành)" at ``pos`` (0 if absent): the document's own date."""
    m = _ANCHOR_SIGNED.match(text, pos)
    return m.end() if m else 0


def add_duration(anchor: date, amount: int, key: str) -> date:
    """``anchor`` plus a duration in calendar units."""
    return anchor + relativedelta(**{key: amount})


def day_before(value: date) -> date:
    """The day before ``value`` ("trước Quý III" is due on the last day of June)."""
    return value - timedelta(days=1)
