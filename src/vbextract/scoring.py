"""Compare one document's extraction with its gold annotation.

This module implements ``corpora/ANNOTATION.md`` ("How gold is compared with
output").  Everything here is a pure function of a gold dict and a
:class:`~vbextract.schema.Document`; :mod:`vbextract.evaluate` finds the files,
sums the counts over documents and prints the report.

Definitions (where ANNOTATION.md leaves a choice open):

* Text normalisation everywhere: NFC, case-folded, whitespace collapsed.  Agency
  names additionally lose punctuation, spell the old tone placement the new way
  ("uỷ" = "ủy", "hoà" = "hòa") and expand the standard abbreviations of
  :data:`ABBREVIATIONS` ("UBND" = "Ủy ban nhân dân").
* Two agency names *fuzzy-match* when, so normalised, their word sequences are
  equal or one is a prefix of the other of at least two words ("Sở Thông tin và
  Truyền thông" matches "Sở Thông tin và Truyền thông (Giao Phòng …)").
* Metadata: a field whose gold value is ``"?"`` is not scored; gold ``null``
  is scored (the prediction must be ``null`` too).  ``symbol`` is compared with
  all whitespace removed, ``issuer`` by fuzzy match, the rest exactly.
* References: predicted keys are the distinct ``key`` of references that carry
  a ``symbol``.  A reference's date (issuer) is right when the gold value is
  among the non-null values of its mentions, or both are absent.
* Edges: a key cited with several relations counts once, with the strongest
  (:data:`RELATION_STRENGTH`).  ``mentions`` is no edge.
* Tasks: lead accuracy is counted over all gold tasks (so it is at most the
  recall); ``lead_accuracy_matched`` gives it over matched gold tasks.  A gold
  task's *best* prediction is the matching one with the highest token Dice.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from .normalize import canonical_tones
from .schema import Document

METADATA_FIELDS = (
    "doc_type", "symbol", "issuer", "issued_date", "place", "signer_name", "signer_position",
)
UNSCORED = "?"
SELF = "SELF"

#: Stronger (more specific) relations first: a key cited with several keeps the first.
RELATION_STRENGTH = ("replaces", "repeals", "amends", "guides", "reports_on", "implements", "based_on")

#: Standard abbreviations of administrative writing, expanded before agency names are compared.
ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "tw": "trung ương",
    "tp": "thành phố",
}

TASK_PRED_IN_GOLD = 0.6
TASK_GOLD_HEAD = 25
TASK_GOLD_HEAD_IN_PRED = 0.8
LEAD_WORD_OVERLAP = 0.85
MIN_PREFIX_WORDS = 2


# ---------------------------------------------------------------- normalisation

def norm_text(value: str) -> str:
    """NFC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def norm_key(value: str) -> str:
    """A reference key or symbol as compared: NFC, case-folded, no whitespace."""
    return "".join(unicodedata.normalize("NFC", value).casefold().split())


def tokens(value: str) -> list[str]:
    """Words of a text: NFC with modern tone placement (hoà = hòa), lower-cased, no punctuation."""
    text = canonical_tones(value).casefold()
    cleaned = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    return cleaned.split()


def agency_words(name: str) -> list[str]:
    """An agency name as a word list for fuzzy comparison (see module docstring)."""
    words: list[str] = []
    for word in tokens(name):
        words.extend(ABBREVIATIONS.get(word, word).split())
    return words


def agency_match(a: str, b: str) -> bool:
    """True when two agency names fuzzy-match (equal, or one a prefix of the other)."""
    wa, wb = agency_words(a), agency_words(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if short == long_:
        return True
    return len(short) >= MIN_PREFIX_WORDS and long_[: len(short)] == short


def leads_match(gold: Iterable[str], pred: Iterable[str]) -> bool:
    """True when two leads name the same agencies (ANNOTATION.md, tasks)."""
    gold, pred = [g for g in gold if g.strip()], [p for p in pred if p.strip()]
    if not gold or not pred:
        return not gold and not pred
    if all(any(agency_match(g, p) for p in pred) for g in gold) and all(
        any(agency_match(p, g) for g in gold) for p in pred
    ):
        return True
    gw = Counter(w for g in gold for w in agency_words(g))
    pw = Counter(w for p in pred for w in agency_words(p))
    common = sum((gw & pw).values())
    return common >= LEAD_WORD_OVERLAP * sum(gw.values()) and common >= LEAD_WORD_OVERLAP * sum(pw.values())


# ---------------------------------------------------------------- counts

@dataclass
class Counts:
    """True positives, false positives, false negatives and a matched-pair accuracy."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def figures(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        total = 2 * self.tp + self.fp + self.fn
        f = 2 * self.tp / total if total else None
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": p, "recall": r, "f1": f}


@dataclass
class Ratio:
    """``correct`` out of ``total``."""

    correct: int = 0
    total: int = 0

    def add(self, other: "Ratio") -> None:
        self.correct += other.correct
        self.total += other.total

    def tick(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> Optional[float]:
        return self.correct / self.total if self.total else None


@dataclass
class Error:
    """One miss (gold not found), false hit (prediction not in gold) or wrong value."""

    doc: str
    field: str
    kind: str  # miss | false | wrong
    gold: Any = None
    pred: Any = None
    start: Optional[int] = None
    end: Optional[int] = None
    context: str = ""


@dataclass
class DocScore:
    """Every count for one document; summed over documents by :meth:`add`."""

    metadata: dict[str, Ratio] = field(default_factory=lambda: {f: Ratio() for f in METADATA_FIELDS})
    references: Counts = field(default_factory=Counts)
    reference_date: Ratio = field(default_factory=Ratio)
    reference_issuer: Ratio = field(default_factory=Ratio)
    edges_self: Counts = field(default_factory=Counts)
    edges_self_relation: Ratio = field(default_factory=Ratio)
    edges: Counts = field(default_factory=Counts)
    edges_relation: Ratio = field(default_factory=Ratio)
    deadlines: Counts = field(default_factory=Counts)
    task_recall: Ratio = field(default_factory=Ratio)
    task_lead: Ratio = field(default_factory=Ratio)
    task_lead_matched: Ratio = field(default_factory=Ratio)
    task_attributed: Ratio = field(default_factory=Ratio)
    task_deadline: Ratio = field(default_factory=Ratio)
    predicted_tasks: int = 0
    errors: list[Error] = field(default_factory=list)

    def add(self, other: "DocScore") -> None:
        for name, ratio in other.metadata.items():
            self.metadata[name].add(ratio)
        for name in ("references", "edges_self", "edges", "deadlines"):
            getattr(self, name).add(getattr(other, name))
        for name in ("reference_date", "reference_issuer", "edges_self_relation", "edges_relation",
                     "task_recall", "task_lead", "task_lead_matched", "task_attributed", "task_deadline"):
            getattr(self, name).add(getattr(other, name))
        self.predicted_tasks += other.predicted_tasks
        self.errors.extend(other.errors)

    def figures(self) -> dict[str, Any]:
        """The report figures (fractions in [0, 1]; ``None`` when nothing to count)."""
        meta = {name: r.value for name, r in self.metadata.items()}
        meta_all = Ratio()
        for r in self.metadata.values():
            meta_all.add(r)
        meta["all"] = meta_all.value
        return {
            "metadata": meta,
            "references": {**self.references.figures(), "date_accuracy": self.reference_date.value,
                           "issuer_accuracy": self.reference_issuer.value},
            "edges_self": {**self.edges_self.figures(), "relation_accuracy": self.edges_self_relation.value},
            "edges": {**self.edges.figures(), "relation_accuracy": self.edges_relation.value},
            "deadlines": self.deadlines.figures(),
            "tasks": {
                "gold": self.task_recall.total, "predicted": self.predicted_tasks,
                "matched": self.task_recall.correct,
                "recall": self.task_recall.value, "lead_accuracy": self.task_lead.value,
                "lead_accuracy_matched": self.task_lead_matched.value,
                "attributed_precision": self.task_attributed.value,
                "deadline_accuracy": self.task_deadline.value,
            },
        }


# ---------------------------------------------------------------- context

def snippet(text: str, start: int, end: int, width: int = 80) -> str:
    """About ``width`` characters of ``text`` around ``[start, end)``, on one line."""
    pad = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - pad), min(len(text), max(end, start) + pad)
    piece = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_SYMBOL_SPLIT = re.compile(r"(?<=[/-])|(?=[/-])")


def locate(text: str, needle: str, max_words: int = 8) -> Optional[tuple[int, int]]:
    """Where the first words of ``needle`` occur in ``text`` (whitespace/case-insensitive)."""
    words = needle.split()[:max_words]
    if not words:
        return None
    parts = [r"\s{0,3}".join(re.escape(p) for p in _SYMBOL_SPLIT.split(w) if p) for w in words]
    pattern = r"\s{1,20}".join(parts)
    found = re.search(pattern, text, re.IGNORECASE)
    if found:
        return found.start(), found.end()
    return _locate_words(text, tokens(needle))


def _locate_words(text: str, words: list[str], window: int = 4, head: int = 30) -> Optional[tuple[int, int]]:
    """First run of ``window`` consecutive words of the needle found in ``text`` (markup skipped)."""
    for i in range(max(1, min(head, len(words)) - window + 1)):
        run = words[i: i + window]
        if not run:
            return None
        found = re.search(r"[\W_]{1,12}".join(re.escape(w) for w in run), text, re.IGNORECASE)
        if found:
            return found.start(), found.end()
    return None


def _date_pattern(iso: str) -> Optional[re.Pattern[str]]:
    try:
        year, month, day = (int(x) for x in iso.split("-"))
    except ValueError:
        return None
    d, m = rf"0?{day}", rf"0?{month}"
    pattern = (rf"(?<!\d){d}\s{{0,3}}[/.-]\s{{0,3}}{m}(?:\s{{0,3}}[/.-]\s{{0,3}}{year})?(?!\d)"
               rf"|(?<!\d){d}\s{{1,3}}tháng\s{{1,3}}{m}(?!\d)")
    if day == calendar.monthrange(year, month)[1]:  # a month-level deadline: "trong tháng 10/2024"
        pattern += rf"|tháng\s{{1,3}}{m}\s{{0,3}}(?:[/.-]|năm)\s{{0,3}}{year}"
    return re.compile(pattern, re.IGNORECASE)


def locate_date(text: str, iso: str) -> Optional[tuple[int, int]]:
    """Where an ISO date is written in ``text`` (d/m[/y], "d tháng m", "tháng m/y" or "tháng m năm y")."""
    pattern = _date_pattern(iso)
    found = pattern.search(text) if pattern else None
    return (found.start(), found.end()) if found else None


def _error(doc: str, text: str, fieldname: str, kind: str, gold: Any = None, pred: Any = None,
           span: Optional[tuple[int, int]] = None, needle: Optional[str] = None) -> Error:
    if span is None and needle:
        span = locate_date(text, needle) if _ISO.fullmatch(needle) else locate(text, needle)
    context = snippet(text, *span) if span else ""
    return Error(doc, fieldname, kind, gold, pred, span[0] if span else None, span[1] if span else None, context)


# ---------------------------------------------------------------- fields

def _metadata_value(document: Document, name: str) -> Optional[str]:
    meta = document.metadata
    if name == "signer_name":
        return meta.signer.name
    if name == "signer_position":
        return meta.signer.position
    return getattr(meta, name)


def metadata_equal(name: str, gold: Optional[str], pred: Optional[str]) -> bool:
    """One metadata field compared as ANNOTATION.md says (issuer fuzzy)."""
    if gold is None or pred is None or not str(pred).strip():
        return gold is None and (pred is None or not str(pred).strip())
    if name == "symbol":
        return norm_key(gold) == norm_key(pred)
    if name == "issuer":
        return agency_match(gold, pred)
    return norm_text(gold) == norm_text(pred)


def score_metadata(name: str, gold: dict[str, Any], document: Document, score: DocScore) -> None:
    for fieldname in METADATA_FIELDS:
        expected = gold.get("metadata", {}).get(fieldname)
        if expected == UNSCORED:
            continue
        got = _metadata_value(document, fieldname)
        ok = metadata_equal(fieldname, expected, got)
        score.metadata[fieldname].tick(ok)
        if not ok:
            kind = "miss" if got is None else ("false" if expected is None else "wrong")
            score.errors.append(_error(name, document.text, f"metadata.{fieldname}", kind, expected, got,
                                       needle=got or expected))


def _ignored(gold: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for item in gold.get("references_ignored") or []:
        value = item if isinstance(item, str) else (item.get("key") or item.get("text") or "")
        if value:
            out.add(norm_key(value))
    return out


def _predicted_references(document: Document) -> dict[str, list[Any]]:
    """Normalised key -> the references (mentions) with a symbol under that key."""
    by_key: dict[str, list[Any]] = {}
    for ref in sorted(document.references, key=lambda r: r.start):
        if ref.symbol and ref.key:
            by_key.setdefault(norm_key(ref.key), []).append(ref)
    return by_key


def score_references(name: str, gold: dict[str, Any], document: Document, score: DocScore) -> None:
    text = document.text
    ignored = _ignored(gold)
    predicted = {k: v for k, v in _predicted_references(document).items() if k not in ignored}
    gold_refs = {norm_key(r["key"]): r for r in gold.get("references", [])}
    for key, ref in gold_refs.items():
        mentions = predicted.get(key)
        if not mentions:
            score.references.fn += 1
            score.errors.append(_error(name, text, "references", "miss", ref["key"], needle=ref["key"]))
            continue
        score.references.tp += 1
        span = (mentions[0].start, mentions[0].end)
        dates = {m.date for m in mentions if m.date}
        ok = ref.get("date") in dates if ref.get("date") else not dates
        score.reference_date.tick(ok)
        if not ok:
            score.errors.append(_error(name, text, "references.date", "wrong", {ref["key"]: ref.get("date")},
                                       sorted(dates), span))
        issuers = [m.issuer for m in mentions if m.issuer]
        ok = any(agency_match(ref["issuer"], i) for i in issuers) if ref.get("issuer") else not issuers
        score.reference_issuer.tick(ok)
        if not ok:
            score.errors.append(_error(name, text, "references.issuer", "wrong",
                                       {ref["key"]: ref.get("issuer")}, issuers, span))
    for key, mentions in predicted.items():
        if key not in gold_refs:
            score.references.fp += 1
            score.errors.append(_error(name, text, "references", "false", None, mentions[0].key,
                                       (mentions[0].start, mentions[0].end)))


def _strongest(relations: Iterable[str]) -> Optional[str]:
    ranked = [r for r in RELATION_STRENGTH if r in set(relations)]
    return ranked[0] if ranked else None


def predicted_edges(document: Document) -> dict[tuple[str, str], tuple[str, Any]]:
    """(from, to) -> (relation, a reference to show) with normalised keys; SELF for the document."""
    relations: dict[tuple[str, str], list[str]] = {}
    where: dict[tuple[str, str], Any] = {}
    for ref in sorted(document.references, key=lambda r: r.start):
        if not (ref.symbol and ref.key):
            continue
        pairs = [((SELF, norm_key(ref.key)), ref.relation)]
        pairs += [((norm_key(ref.key), norm_key(c.key)), c.relation) for c in ref.cites if c.key]
        for pair, relation in pairs:
            if relation != "mentions":
                relations.setdefault(pair, []).append(relation)
                where.setdefault(pair, ref)
    out = {}
    for pair, rels in relations.items():
        best = _strongest(rels)
        if best:
            out[pair] = (best, where[pair])
    return out


def score_edges(name: str, gold: dict[str, Any], document: Document, score: DocScore) -> None:
    text = document.text
    ignored = _ignored(gold)
    predicted = {p: v for p, v in predicted_edges(document).items() if p[1] not in ignored}
    gold_edges = {}
    for edge in gold.get("edges", []):
        src = SELF if edge["from"] == SELF else norm_key(edge["from"])
        gold_edges[(src, norm_key(edge["to"]))] = edge
    for self_only, counts, relation in ((True, score.edges_self, score.edges_self_relation),
                                        (False, score.edges, score.edges_relation)):
        for pair, edge in gold_edges.items():
            if self_only and pair[0] != SELF:
                continue
            label = f"{edge['from']} -> {edge['to']}"
            if pair not in predicted:
                counts.fn += 1
                if not self_only:
                    score.errors.append(_error(name, text, "edges", "miss", f"{label} ({edge['relation']})",
                                               needle=edge["to"]))
                continue
            counts.tp += 1
            got, ref = predicted[pair]
            relation.tick(got == edge["relation"])
            if got != edge["relation"] and not self_only:
                score.errors.append(_error(name, text, "edges.relation", "wrong", f"{label} ({edge['relation']})",
                                           got, (ref.start, ref.end)))
        for pair, (got, ref) in predicted.items():
            if (self_only and pair[0] != SELF) or pair in gold_edges:
                continue
            counts.fp += 1
            if not self_only:
                source = SELF if pair[0] == SELF else ref.key
                score.errors.append(_error(name, text, "edges", "false", None,
                                           f"{source} -> {pair[1]} ({got})", (ref.start, ref.end)))


def score_deadlines(name: str, gold: dict[str, Any], document: Document, score: DocScore) -> None:
    text = document.text
    predicted: dict[str, Any] = {}
    for mention in sorted(document.dates, key=lambda d: d.start):
        if mention.kind == "deadline" and mention.value:
            predicted.setdefault(mention.value, mention)
    expected = set(gold.get("deadlines") or [])
    for value in sorted(expected):
        if value in predicted:
            score.deadlines.tp += 1
            continue
        score.deadlines.fn += 1
        score.errors.append(_error(name, text, "deadlines", "miss", value, needle=value))
    for value, mention in predicted.items():
        if value not in expected:
            score.deadlines.fp += 1
            score.errors.append(_error(name, text, "deadlines", "false", None, value,
                                       (mention.start, mention.end)))


# ---------------------------------------------------------------- tasks

def task_match(pred_tokens: list[str], gold_tokens: list[str]) -> bool:
    """ANNOTATION.md: >=60% of the prediction's tokens in gold, or >=80% of gold's first 25 in it."""
    if not pred_tokens or not gold_tokens:
        return False
    pred_bag, gold_bag = Counter(pred_tokens), Counter(gold_tokens)
    if sum((pred_bag & gold_bag).values()) >= TASK_PRED_IN_GOLD * len(pred_tokens):
        return True
    head = Counter(gold_tokens[:TASK_GOLD_HEAD])
    return sum((head & pred_bag).values()) >= TASK_GOLD_HEAD_IN_PRED * sum(head.values())


def _dice(a: list[str], b: list[str]) -> float:
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b)) if a or b else 0.0


def _pred_deadline(task: Any) -> Optional[str]:
    return task.deadline.date if task.deadline else None


def score_tasks(name: str, gold: dict[str, Any], document: Document, score: DocScore) -> None:
    text = document.text
    gold_tasks = gold.get("tasks", [])
    preds = document.tasks
    score.predicted_tasks += len(preds)
    gold_tok = [tokens(t.get("text", "")) for t in gold_tasks]
    pred_tok = [tokens(t.text) for t in preds]
    matches = {(g, p) for g in range(len(gold_tasks)) for p in range(len(preds)) if task_match(pred_tok[p], gold_tok[g])}
    for g, task in enumerate(gold_tasks):
        mine = [p for p in range(len(preds)) if (g, p) in matches]
        short = " ".join(task.get("text", "").split())[:80]
        score.task_recall.tick(bool(mine))
        if not mine:
            score.task_lead.tick(False)
            score.errors.append(_error(name, text, "tasks", "miss", {"lead": task.get("lead"), "text": short},
                                       needle=unicodedata.normalize("NFC", task.get("text", ""))))
            continue
        lead_ok = any(leads_match(task.get("lead", []), preds[p].lead) for p in mine)
        score.task_lead.tick(lead_ok)
        score.task_lead_matched.tick(lead_ok)
        best = max(mine, key=lambda p: _dice(pred_tok[p], gold_tok[g]))
        span = (preds[best].start, preds[best].end)
        if not lead_ok:
            score.errors.append(_error(name, text, "tasks.lead", "wrong", task.get("lead"), preds[best].lead, span))
        got = _pred_deadline(preds[best])
        score.task_deadline.tick(got == task.get("deadline"))
        if got != task.get("deadline"):
            score.errors.append(_error(name, text, "tasks.deadline", "wrong", task.get("deadline"), got, span))
    for p, task in enumerate(preds):
        mine = [g for g in range(len(gold_tasks)) if (g, p) in matches]
        if task.lead:
            score.task_attributed.tick(any(leads_match(gold_tasks[g].get("lead", []), task.lead) for g in mine))
        if not mine:
            score.errors.append(_error(name, text, "tasks", "false", None, {"lead": task.lead},
                                       (task.start, task.end)))


def score_document(name: str, gold: dict[str, Any], document: Document) -> DocScore:
    """All counts for one document."""
    score = DocScore()
    for part in (score_metadata, score_references, score_edges, score_deadlines, score_tasks):
        part(name, gold, document, score)
    return score
