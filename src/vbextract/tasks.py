"""Task segmentation and attribution (lead, support, deadline, report_to).

The body is read as a tree of list items (:mod:`task_segments`).  An item is a task
when an agency is responsible for it:

- its first line names only agencies ("5. Sở Văn hóa - Thể thao và Du lịch",
  "Đề nghị …", "X:"): the whole item, heading and sub-items, is one task;
- its first sentence has an agency subject ("X chủ trì …", "X có trách nhiệm …") or a
  request ("Giao X …", "Đề nghị X …", "Yêu cầu X …"): the item is a task, split where a
  later sentence (or, for requests, a ";" clause) names a different set of agencies;
- it carries role fields ("Đơn vị chủ trì: X", "Đơn vị phối hợp: Y", "Thời gian …");
- it sits under an umbrella request to a named body ("… yêu cầu Ủy ban nhân dân tỉnh …
  sau:") and has no subject of its own: it inherits the umbrella's agency.

An umbrella ending in ":" whose items name no subject is one task with its items when
its agencies are collective ("các cấp ủy, tổ chức đảng …") or it is the subject's own
duty ("Sở Xây dựng chủ trì …:"); when its items name their own subjects they are tasks
each, and a named (non-collective) subject's umbrella is kept as a task too.
Items that name no agency are not tasks: the issuer is never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from . import task_roles as roles
from .schema import Agency, DateMention, Reference, Section, Task, TaskDeadline
from .task_names import UPPER
from .task_segments import Node, build_tree, classify, preamble_end
from .task_tables import table_tasks

_SENTENCE = re.compile(r"(?<=[.;])[ \n]{1,3}(?=\S)")
_FULL_STOP = re.compile(r"\.[ \n]{1,3}(?=%s)" % UPPER)
_NARROWING = re.compile(r"(?:rieng|trong do|dong thoi|ngoai ra)\b")
_SECTION_NO_TASK = roles.CUES.get("no_task_section", ())
# Longest clause read for its agencies and duty: real sentences stay well under it
# (the corpus peaks near 3,200 characters); a run-on text without full stops is read
# in windows of this size, which keeps the stage linear.
_MAX_SENTENCE = 5000


@dataclass
class Draft:
    """A task before numbering: span, agencies and the role fields found."""

    start: int
    end: int
    lead: list[str]
    support: list[str] = field(default_factory=list)
    time: Optional[tuple[int, int]] = None


def find_tasks(
    text: str,
    *,
    sections: Sequence[Section],
    agencies: Sequence[Agency],
    dates: Sequence[DateMention],
    references: Sequence[Reference] = (),
) -> list[Task]:
    """Tasks of the document, in text order, each with its lead, support, deadline,
    report_to, deliverable and the id of the innermost section holding it."""
    reader = _Reader(roles.Roles(text, agencies))
    reader.preamble_end = preamble_end(text)
    tree = build_tree(text, reader.starts_unit, reader.stays_open)
    reader.visit(tree, None)
    drafts = reader.drafts + table_tasks(reader.roles)
    drafts = _dedupe(sorted(drafts, key=lambda d: (d.start, -d.end)))
    context = _Context(reader.roles, sorted(sections, key=lambda s: s.start), sorted(dates, key=lambda m: m.start))
    return [_task(context, i, d) for i, d in enumerate(drafts, 1)]


@dataclass
class _Context:
    """What every task is finished with: the role grammar, sections and dates by start."""

    roles: roles.Roles
    sections: list[Section]
    dates: list[DateMention]

    def __post_init__(self) -> None:
        self.section_starts = [s.start for s in self.sections]
        self.date_starts = [m.start for m in self.dates]

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        lo = bisect_left(self.date_starts, start)
        hi = bisect_left(self.date_starts, end)
        return [m for m in self.dates[lo:hi] if m.end <= end and m.value]


class _Reader:
    """Walks the item tree and collects drafts."""

    def __init__(self, role_reader: roles.Roles) -> None:
        self.roles = role_reader
        self.text = role_reader.text
        self.drafts: list[Draft] = []
        self.preamble_end = 0

    def attribution(self, start: int, end: int) -> Optional[roles.Attribution]:
        """The agencies of the clause at ``start``; in the preamble (before the first
        part, article or roman section) only a request counts, since a subject there
        is the issuer presenting the document ("… ban hành Kế hoạch … như sau:")."""
        att = self.roles.clause(start, _first_sentence_end(self.text, start, end))
        if att and start < self.preamble_end and att.form != "request":
            return None
        return att

    # ---------------------------------------------------------------- tree hooks
    def starts_unit(self, start: int, end: int, open_item: Node) -> bool:
        """A paragraph with its own agencies, unless they are those of the open
        numbered item it goes on (a follow-on paragraph of the same subject)."""
        att = self.attribution(start, end)
        if att is None or _NARROWING.match(self.roles.folded, start):
            return False
        if open_item.kind in {"number", "article"} and not open_item.children:
            mine = self.attribution(open_item.body, open_item.own_end)
            return not (mine and roles.unique(mine.lead) == roles.unique(att.lead))
        return True

    def stays_open(self, node: Node) -> bool:
        if node.kind != "number":
            return False
        own = self.text[node.body:node.own_end].rstrip()
        return not own.endswith((".", ";", ":")) and self.roles.heading(node.body, node.head_end) is None

    # ---------------------------------------------------------------- walking
    def visit(self, node: Node, inherited: Optional[roles.Attribution]) -> None:
        if node.kind == "root" or node.is_section:
            if node.is_section and self._no_task_section(node):
                return
            if node.is_section and self._own_text(node):
                return
            if self._fields(node):
                return
            for child in node.children:
                self.visit(child, None)
            return
        self._item(node, inherited)

    def _own_text(self, node: Node) -> bool:
        """A section line that is itself a sentence ("Điều 2. Giao …"); True when it was
        an umbrella that took its items."""
        text = self.text
        att = self.attribution(node.body, node.own_end)
        if att is None:
            self._inner_subject(node.body, node.own_end)
            return False
        if text[node.body:node.own_end].rstrip().endswith(":") and node.children:
            self._umbrella(node, att)
            return True
        self._clauses(node.start, node.own_end, att, node.own_end)
        return False

    def _item(self, node: Node, inherited: Optional[roles.Attribution]) -> None:
        """A list item: agency heading, own subject/request, role fields, an inherited
        umbrella agency, or (none of these) a later sentence naming an agency."""
        text = self.text
        heading = self.roles.heading(node.body, node.head_end)
        invited = self._invited(node) if self.roles.folded.startswith("moi ", node.body) else []
        if heading or invited:
            self.drafts.append(Draft(node.start, node.end, invited or heading.lead))
            return
        own_end = node.own_end
        att = self.attribution(node.body, own_end)
        if att:
            if text[node.body:own_end].rstrip().endswith(":") and node.children and node.kind not in {"dash", "plus"}:
                self._umbrella(node, att)
            else:
                self._clauses(node.start, node.end, att, own_end)
            return
        if self._fields(node):
            return
        if inherited:
            if node.children and node.kind not in {"dash", "plus"} and _items(node):
                for child in node.children:
                    self.visit(child, inherited)
            else:
                self.drafts.append(Draft(node.start, node.end, inherited.lead))
            return
        self._inner_subject(node.body, own_end)
        for child in node.children:
            self.visit(child, None)

    def _umbrella(self, node: Node, att: roles.Attribution) -> None:
        """An item ending in ":" with agencies: see the module docstring."""
        if att.form == "request" and not att.collective:
            for child in node.children:
                self.visit(child, att)
            return
        own = att.form != "request" and any(self._has_own(c) for c in node.children)
        if not (own and att.collective):
            self.drafts.append(Draft(node.start, node.end, att.lead))
        if own:
            for child in node.children:
                self.visit(child, None)

    def _has_own(self, node: Node) -> bool:
        if self.roles.heading(node.body, node.head_end):
            return True
        return self.attribution(node.body, node.own_end) is not None

    def _clauses(self, start: int, end: int, att: roles.Attribution, own_end: int) -> None:
        """One task from ``start``; a new one where a later sentence names other agencies."""
        text = self.text
        folded = self.roles.folded
        cur = Draft(start, end, att.lead)
        self.drafts.append(cur)
        for m in _SENTENCE.finditer(text, max(start, att.end), own_end):
            s = m.end()
            if _NARROWING.match(folded, s):
                continue
            other = self.attribution(s, own_end)
            if other is None or roles.unique(other.lead) == roles.unique(cur.lead):
                continue
            if text[m.start() - 1] == ";" and other.form != "request":
                continue
            cur.end = _trim_end(text, m.start())
            cur = Draft(s, end, other.lead)
            self.drafts.append(cur)

    def _inner_subject(self, start: int, end: int) -> bool:
        """A subject-less paragraph whose later sentence names the agency: the task runs
        from that sentence."""
        text = self.text
        for m in _SENTENCE.finditer(text, start, end):
            s = m.end()
            att = self.attribution(s, end)
            if att:
                self._clauses(s, end, att, end)
                return True
        return False

    def _fields(self, node: Node) -> bool:
        """Items carrying "Đơn vị chủ trì: X" / "Đơn vị phối hợp: Y" / "Thời gian: …"."""
        lead_kid = support = time = None
        for kid in node.children:
            if lead_kid is None and (value := self.roles.field_value(kid.body, kid.own_end, "lead_field")):
                lead_kid, lead_value = kid, value
            elif support is None and self.roles.field_value(kid.body, kid.own_end, "support_field"):
                support = kid
            elif time is None and (tv := self.roles.field_value(kid.body, kid.own_end, "time_field")):
                time = tv
        if lead_kid is None:
            return False
        names = self.roles.agency_list(lead_value[0], lead_value[1], loose=True)
        if not names:
            return False
        sup: list[str] = []
        if support is not None:
            sv = self.roles.field_value(support.body, support.own_end, "support_field")
            sup = self.roles.list_all(*sv) if sv else []
        if node.kind == "root" or node.is_section:
            last = support if support is not None and support.start > lead_kid.start else lead_kid
            self.drafts.append(Draft(lead_kid.start, last.end, names.names, sup, time))
        else:
            self.drafts.append(Draft(node.start, node.end, names.names, sup, time))
        return True

    def _invited(self, node: Node) -> list[str]:
        """"Mời X" headings: the bodies the first item requests ("Đề nghị UBND …")."""
        for child in node.children:
            att = self.roles.clause(child.body, child.own_end)
            if att and att.form == "request":
                return att.lead
        return []

    def _no_task_section(self, node: Node) -> bool:
        """A heading (not a sentence) of purposes, results or assessment."""
        if node.head_end - node.body > 120:
            return False
        title = self.roles.folded[node.body:node.head_end]
        return any(re.search(r"(?<![\w])%s(?![\w])" % re.escape(w), title) for w in _SECTION_NO_TASK)


def _items(node: Node) -> bool:
    return any(c.kind not in {"para"} for c in node.children)


def _first_sentence_end(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \n":
        start += 1
    end = min(end, start + _MAX_SENTENCE)
    stops, capitals = _full_stops(text)
    k = bisect_left(stops, start + 1)
    return stops[k] if k < len(stops) and capitals[k] < end else end


@lru_cache(maxsize=2)
def _full_stops(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence ends (just after its full stop) and where the capital opening
    the next one is, found once per text."""
    found = [(m.start() + 1, m.end()) for m in _FULL_STOP.finditer(text)]
    return [f[0] for f in found], [f[1] for f in found]


def _trim_end(text: str, i: int) -> int:
    while i > 0 and text[i - 1] in " \n":
        i -= 1
    return i


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    seen = set()
    for d in drafts:
        key = (d.start, d.end)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _task(ctx: _Context, number: int, d: Draft) -> Task:
    rr = ctx.roles
    text = rr.text
    end = _trim_end(text, d.end)
    support = roles.unique(d.support or rr.names_after(d.start, end, "support"), exclude=d.lead)
    report_to = roles.unique(rr.names_after(d.start, end, "report"), exclude=d.lead)
    return Task(
        id=f"t{number}",
        section=_section_of(ctx.sections, ctx.section_starts, d.start),
        text=text[d.start:end],
        start=d.start,
        end=end,
        action=_action(rr, d, end),
        lead=roles.unique(d.lead),
        support=support,
        deadline=_deadline(rr, d, end, ctx.dates_in(d.start, end)),
        report_to=report_to,
        deliverable=rr.deliverable_in(d.start, end),
    )


def _section_of(sections: Sequence[Section], starts: list[int], pos: int) -> Optional[str]:
    """The innermost section holding ``pos``: the latest-starting one that spans it
    (``starts`` are the sections' starts, in order)."""
    for k in range(bisect_right(starts, pos) - 1, -1, -1):
        if sections[k].start <= pos < sections[k].end:
            return sections[k].id
    return None


def _action(rr: roles.Roles, d: Draft, end: int) -> Optional[str]:
    """The duty: the first sentence after the agency words (and after a heading that
    only names the agencies)."""
    text = rr.text
    body = d.start + classify(text[d.start:text.find("\n", d.start) % (len(text) + 1)])[2]
    line_end = text.find("\n", body, end)
    heading = rr.heading(body, line_end if line_end > 0 else end)
    if heading and heading.form == "heading" and line_end > 0:
        body = _skip_list_marker(text, line_end + 1)
        att = None
    else:
        att = rr.clause(body, _first_sentence_end(text, body, end))
    s = att.end if att else (heading.end if heading else body)
    duty = text[s:_first_sentence_end(text, s, end)].lstrip(" :,.;-\n")
    return " ".join(duty.split()) or None


def _skip_list_marker(text: str, i: int) -> int:
    line_end = text.find("\n", i)
    return i + classify(text[i:line_end if line_end > 0 else len(text)])[2]


def _deadline(rr: roles.Roles, d: Draft, end: int, dates: Sequence[DateMention]) -> Optional[TaskDeadline]:
    """The task's own deadline from the ``dates`` inside it (the latest deadline
    mention), else the date of its "Thời gian …:" field (the end of a span; none for
    an open "từ …")."""
    inside = list(dates)
    own = [m for m in inside if m.kind == "deadline"]
    if not own and d.time:
        s, e = d.time
        if not (rr.folded.startswith("tu ", s) and "den" not in rr.folded[s:e]):
            own = [m for m in inside if s <= m.start and m.end <= e]
    if not own:
        return None
    best = max(own, key=lambda m: (m.end_date or m.value or "", m.start))
    return TaskDeadline(
        date=best.end_date if best.kind != "deadline" and best.end_date else best.value,
        text=best.text,
        kind="deadline",
        granularity=best.granularity,
        rrule=best.rrule,
    )
