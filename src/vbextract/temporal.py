"""Dates, deadlines, periods, quarters, durations and recurrences.

:func:`find_dates` finds every date expression (patterns in
:mod:`vbextract.temporal_patterns`) and gives it a role from the cue word that governs
it (table in ``data/temporal_cues.tsv``, matching in :mod:`vbextract.temporal_cues`):

- ``deadline``: "trước ngày 17/6/2024", "chậm nhất …", "hoàn thành trong Quý 3/2021",
  "trong tháng 10/2024", "Thời gian dự kiến: ngày 11/9/2026", a date alone in the time
  column of a schedule table.  ``value`` is the day it falls due (the last day of a
  month, quarter, half-year, year or span), the span in ``start_date``/``end_date``.
- ``date``: a day with no deadline cue, and any date inside a citation.
- ``period``: "giai đoạn 2021-2025", "từ ngày … đến ngày …", "đến năm 2030", "năm
  2025"; ``value`` only when the expression names one day ("đến năm 2030": its end).
- ``recurrence``: an RFC 5545 ``rrule``; ``value`` is the next occurrence after the
  document's date when the rule pins a month or a day.
- ``duration``: "trong thời hạn 15 ngày kể từ ngày …"; ``value`` when the anchor is known.

A deadline earlier than the document's own date is a past event, not a deadline.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from datetime import date, datetime
from typing import Iterable, Optional, Sequence

from dateutil.rrule import rrulestr

from .schema import DateMention, Reference, TaskDeadline, WarningItem
from .temporal_cues import Cue, cue_before
from .temporal_patterns import (
    Atom,
    CalendarSpec,
    add_duration,
    anchor_lead,
    calendar_atoms,
    day_before,
    duration_atoms,
    recurrence_atoms,
    signed_anchor,
)

_CONNECTOR = re.compile(r"\s{0,3}(?:(?:[-–]|đến|tới)(?:\s{1,3}(?:hết|cuối))?|hết)\s{0,3}", re.I)
_TIME_HEADER = re.compile(r"^[^\n]{0,300}\|[^\n]{0,300}(?:th[ờo]i\s?gian|ti[ếe]n\s?đ[ộo]|th[ờo]i\s?h[ạa]n)", re.I | re.M)
_TABLE_REACH = 20000  # a schedule table's header governs cells this far below it
# "Kế hoạch số 227-KH/TU ngày 29/10/2019": a date right after a document symbol is that document's.
_SYMBOL_BEFORE = re.compile(r"(?<!\S)\d[\w.\-]{0,20}/[\w/.\-]{1,40}[\s,]{1,3}$")
_BARE_CUES = {"before", "by", "schedule", "expected", "horizon", "start"}


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    granularity: Optional[str] = None
    value: Optional[date] = None
    start_date: Optional[date] = None
    end_date: Optional[date] = None
    rrule: Optional[str] = None


def find_dates(
    text: str, *, doc_date: date | None = None, references: Sequence[Reference] = ()
) -> tuple[list[DateMention], list[WarningItem]]:
    """Every date expression of ``text`` with its role (see the module docstring)."""
    warnings: list[WarningItem] = []
    candidates = _candidates(text, warnings)
    atoms = _select(candidates)
    context = _Context(text, doc_date, references, candidates)
    found: list[_Found] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if atom.recurrence:
            found.append(context.recurrence(atom))
        elif atom.duration:
            item, consumed = context.duration(atom, nxt)
            found.append(item)
            i += consumed
        elif nxt is not None and nxt.spec and _joins(text, atom, nxt):
            found.append(context.span(atom, atom.spec, nxt.end, nxt.spec, warnings))
            i += 1
        elif atom.until is not None:
            found.append(context.span(atom, atom.spec, atom.end, atom.until, warnings))
        else:
            item = context.single(atom, warnings)
            if item is not None:
                found.append(item)
        i += 1
    mentions = [
        DateMention(
            id=f"d{n}",
            text=text[f.start : f.end],
            start=f.start,
            end=f.end,
            kind=f.kind,  # type: ignore[arg-type]
            granularity=f.granularity,  # type: ignore[arg-type]
            value=_iso(f.value),
            start_date=_iso(f.start_date),
            end_date=_iso(f.end_date),
            rrule=f.rrule,
        )
        for n, f in enumerate(sorted(found, key=lambda f: f.start), 1)
    ]
    return mentions, warnings


def _iso(value: Optional[date]) -> Optional[str]:
    return value.isoformat() if value else None


def _candidates(text: str, warnings: list[WarningItem]) -> list[Atom]:
    atoms: list[Atom] = []
    invalid: list[Atom] = []
    for atom in calendar_atoms(text):
        if atom.spec and atom.spec.is_valid():
            atoms.append(atom)
        elif not atom.needs_cue:
            invalid.append(atom)
    for atom in _select(invalid):
        warnings.append(
            WarningItem(
                code="invalid_date",
                message=f"not a calendar date: {text[atom.start:atom.end]!r}",
                start=atom.start,
                end=atom.end,
            )
        )
    atoms.extend(recurrence_atoms(text))
    atoms.extend(duration_atoms(text))
    return atoms


def _select(atoms: Iterable[Atom]) -> list[Atom]:
    """Non-overlapping atoms, the earliest-starting and then longest first."""
    chosen: list[Atom] = []
    end = -1
    for atom in sorted(atoms, key=lambda a: (a.start, -a.end)):
        if atom.start >= end:
            chosen.append(atom)
            end = atom.end
    return chosen


def _joins(text: str, first: Atom, second: Atom) -> bool:
    """True when ``first`` and ``second`` are the ends of one span ("từ A đến B", "A - B")."""
    if first.spec is None or first.until is not None or second.until is not None:
        return False
    m = _CONNECTOR.fullmatch(text, first.end, second.start)
    if m is None:
        return False
    same_precision = (first.spec.granularity == "day") == (second.spec.granularity == "day")
    return same_precision or m[0].strip() not in {"-", "–"}


class _Context:
    """What classifying one expression needs to know about the whole text."""

    def __init__(
        self, text: str, doc_date: Optional[date], references: Sequence[Reference], atoms: Sequence[Atom]
    ):
        self.text = text
        self.doc_date = doc_date
        spans = sorted((r.start, r.end) for r in references)
        self.citation_starts = [s for s, _ in spans]
        self.citation_ends = list(accumulate((e for _, e in spans), max))
        self.headers = [m.start() for m in _TIME_HEADER.finditer(text)]
        self.floor = doc_date or self._latest_citation_date(atoms)

    def _latest_citation_date(self, atoms: Sequence[Atom]) -> Optional[date]:
        """Without the document's date, the latest date of a document it cites: nothing
        the document asks for can be due before that."""
        days = [
            span[0]
            for atom in atoms
            if atom.spec and atom.spec.granularity == "day" and atom.spec.year and self._cited(atom.start)
            for span in [atom.spec.span()]
            if span
        ]
        return max(days, default=None)

    # --- roles ---------------------------------------------------------------------------

    def _cited(self, pos: int) -> bool:
        if _SYMBOL_BEFORE.search(self.text, max(0, pos - 64), pos):
            return True
        i = bisect_right(self.citation_starts, pos)
        return i > 0 and self.citation_ends[i - 1] > pos

    def _in_schedule_cell(self, start: int, end: int) -> bool:
        if self.text[max(0, start - 2) : start] != "| " or self.text[end : end + 2] != " |":
            return False
        i = bisect_left(self.headers, start)
        return i > 0 and self.headers[i - 1] >= start - _TABLE_REACH

    def _governing(self, start: int, end: int) -> tuple[int, Optional[Cue]]:
        """Where the mention begins (its cue included) and the cue that governs it."""
        if self._cited(start):
            return start, None
        if self._in_schedule_cell(start, end):
            return start, Cue("schedule", frozenset(), start, False)
        cue = cue_before(self.text, start)
        if cue is None:
            return start, None
        return cue.start, cue

    def _resolve(self, spec: CalendarSpec, year: Optional[int], deadline: bool):
        """First and last day of ``spec``; a yearless one takes ``year`` or the document's."""
        if spec.year is not None:
            return spec.span()
        if year is None and self.doc_date is not None:
            span = spec.span(self.doc_date.year)
            if deadline and span and span[1] < self.doc_date:
                span = spec.span(self.doc_date.year + 1)
            return span
        return spec.span(year)

    def _not_past(self, value: Optional[date]) -> bool:
        return value is None or self.floor is None or value >= self.floor

    def _unresolved(self, start: int, end: int, warnings: list[WarningItem]) -> None:
        warnings.append(
            WarningItem(
                code="year_unresolved",
                message=f"no year for {self.text[start:end]!r} and no document date",
                start=start,
                end=end,
            )
        )

    # --- one calendar expression -------------------------------------------------------------

    def single(self, atom: Atom, warnings: list[WarningItem]) -> Optional[_Found]:
        """One calendar expression: a deadline, a date or a period (None for a bare "30/6"
        without a cue)."""
        spec = atom.spec
        assert spec is not None
        begin, cue = self._governing(atom.start, atom.end)
        if atom.needs_cue and (cue is None or cue.role not in _BARE_CUES):
            return None
        gran, role = spec.granularity, (cue.role if cue else None)
        deadline = cue is not None and cue.licenses(gran)
        span = self._resolve(spec, None, deadline)
        if span is None:
            self._unresolved(atom.start, atom.end, warnings)
            kind = "deadline" if deadline else ("date" if gran == "day" else "period")
            return _Found(begin if deadline else atom.start, atom.end, kind, gran)
        first, last = span
        if deadline:
            value = day_before(first) if role == "before" and gran != "day" else last
            if self._not_past(value):
                found = _Found(begin, atom.end, "deadline", gran, value)
                if gran != "day":
                    found.start_date, found.end_date = first, last
                return found
        if gran == "day":
            return _Found(atom.start, atom.end, "date", gran, first)
        if role == "start":
            return _Found(begin, atom.end, "period", gran, first, start_date=first)
        if role == "horizon":
            return _Found(begin, atom.end, "period", gran, last, end_date=last)
        return _Found(atom.start, atom.end, "period", gran, start_date=first, end_date=last)

    # --- a span "từ A đến B", "giai đoạn 2021-2025" ------------------------------------------

    def span(
        self, atom: Atom, first: Optional[CalendarSpec], end: int, last: CalendarSpec,
        warnings: list[WarningItem],
    ) -> _Found:
        """A span; a deadline (due on its last day) when a deadline cue governs it."""
        assert first is not None
        begin, cue = self._governing(atom.start, end)
        own_start = atom.start
        if cue is not None and cue.role == "start":  # "từ A đến B": the cue sits before "từ"
            own_start = cue.start
            begin, cue = self._governing(cue.start, end)
        deadline = cue is not None and cue.licenses(last.granularity)
        begin = begin if deadline else own_start
        last_span = self._resolve(last, None, deadline)
        first_span = self._resolve(first, last_span[1].year if last_span else None, False)
        if first_span and last_span and first.year is None and first_span[0] > last_span[1]:
            first_span = first.span(last_span[1].year - 1)  # "từ 15/12 đến 15/01/2025"
        found = _Found(begin, end, "period", last.granularity)
        if first_span is None or last_span is None:
            self._unresolved(atom.start, end, warnings)
            return found
        found.start_date, found.end_date = first_span[0], last_span[1]
        if deadline and self._not_past(last_span[1]):
            found.kind, found.value = "deadline", last_span[1]
        return found

    # --- recurrences and durations ---------------------------------------------------------------

    def recurrence(self, atom: Atom) -> _Found:
        """A recurrence; its next occurrence after the document's date when it pins a month."""
        found = _Found(atom.start, atom.end, "recurrence", rrule=atom.rrule)
        rule = atom.rrule or ""
        if self.doc_date is None or "BYMONTH" not in rule:
            return found
        start = datetime.combine(self.doc_date, datetime.min.time())
        if "BYMONTHDAY" in rule:
            nxt = rrulestr(rule, dtstart=start).after(start, inc=False)
            found.granularity, found.value = "day", nxt.date() if nxt else None
            return found
        month = int(re.search(r"BYMONTH=(\d{1,2})", rule)[1])  # type: ignore[index]
        spec = CalendarSpec("month", None, month)
        span = spec.span(self.doc_date.year)
        if span and span[1] < self.doc_date:
            span = spec.span(self.doc_date.year + 1)
        if span:
            found.granularity = "month"
            found.start_date, found.end_date, found.value = span[0], span[1], span[1]
        return found

    def duration(self, atom: Atom, nxt: Optional[Atom]) -> tuple[_Found, int]:
        """A duration and its anchor ("kể từ ngày 01/7/2024", "kể từ ngày ký"); atoms consumed."""
        found = _Found(atom.start, atom.end, "duration")
        lead = anchor_lead(self.text, atom.end)
        anchor: Optional[date] = None
        consumed = 0
        if lead > atom.end and nxt is not None and nxt.start == lead and nxt.spec and nxt.spec.granularity == "day":
            span = self._resolve(nxt.spec, None, False)
            anchor, found.end, consumed = (span[0] if span else None), nxt.end, 1
        elif lead > atom.end and signed_anchor(self.text, lead):
            anchor, found.end = self.doc_date, signed_anchor(self.text, lead)
        if anchor is not None and atom.duration and not atom.working_days:
            amount, key = atom.duration
            found.granularity, found.start_date = "day", anchor
            found.value = found.end_date = add_duration(anchor, amount, key)
        return found, consumed


# --- for the tasks stage -------------------------------------------------------------------------


def deadline_in_span(dates: Sequence[DateMention], start: int, end: int) -> Optional[DateMention]:
    """The deadline of a task spanning ``text[start:end]``.

    Explicit deadlines first (the latest one when several: "xong trước ngày 01/5/2026 …,
    xong trước ngày 01/8/2026" is due 01/8/2026), then resolved durations, then a
    recurrence; None when the span holds none of them.
    """
    inside = [d for d in dates if start <= d.start and d.end <= end]
    for kind in ("deadline", "duration"):
        dated = [d for d in inside if d.kind == kind and d.value]
        if dated:
            return max(dated, key=lambda d: (d.value or "", d.start))
    recurring = [d for d in inside if d.kind == "recurrence" and d.rrule]
    return recurring[0] if recurring else None


def task_deadline(dates: Sequence[DateMention], start: int, end: int) -> Optional[TaskDeadline]:
    """:func:`deadline_in_span` as the contract's ``Task.deadline`` object."""
    found = deadline_in_span(dates, start, end)
    if found is None:
        return None
    return TaskDeadline(
        date=found.value, text=found.text, kind=found.kind,
        granularity=found.granularity, rrule=found.rrule,
    )
