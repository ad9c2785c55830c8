"""Compare vbextract's dates with ``dateparser.search.search_dates(text, languages=["vi"])``.

On every document of corpora/raw that has gold (corpora/gold/<name>.json), both systems
read the same normalised text.  A system's *found days* are the distinct calendar days it
returns (dateparser: every result; vbextract: the ``value`` of date and deadline mentions
and both ends of day-precise spans).  The *true days* of a document are its gold
deadlines, the dates of its gold references, its gold issued date when the text writes
it, and the other calendar days the text states (law dates, effective dates, signature
stamps …), hand-checked against the text and listed in ``STATED`` below.

    python benchmarks/compare_dateparser.py [corpora]   # prints a markdown table
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from datetime import date
from pathlib import Path

from vbextract.normalize import normalize
from vbextract.temporal import find_dates

# Calendar days the texts state besides gold deadlines, reference dates and issued dates
# (hand-checked: each is written as a full date in the document).
STATED: dict[str, set[str]] = {
    "000_d33c2c6bea5c954f": {"2019-12-15", "2024-06-15"},  # data period "Tính từ … đến …"
    "d02": {"2025-06-16", "2014-06-18", "2020-06-17"},  # Luật … ngày …
    "d04": {"2026-05-12", "2025-02-18", "2008-11-14", "2014-06-13", "2024-11-27", "2026-05-08"},
    "d05": {"2022-11-30"},  # e-signature stamp 30.11.2022
    "d06": {"2023-11-10"},  # e-signature stamp 10.11.2023
    "d07": {"2017-07-23"},  # effective date
    "d08": {"2015-06-19", "2015-11-20"},
    "d09": {"2015-06-19", "2015-11-20"},
    "d10": {"2015-06-19", "2015-11-20", "2017-07-14"},
    "d11": {"2015-06-19", "2015-06-22", "2015-11-20", "2017-08-01"},
    "d12": {"2015-06-19", "2015-11-20"},
    "d13": {"2015-06-19", "2009-06-17", "2014-06-18", "2017-08-01"},
    "d14": {"2015-06-19"},
    "d15": {"2015-06-19", "2012-06-21", "2009-11-18"},
    "d16": {"2015-06-19", "2015-06-22", "2013-11-25", "2015-06-25", "2017-08-01"},
    "d17": {"2015-06-19", "2015-06-25", "2017-08-01"},
    "d18": {"2015-06-19", "2015-06-22", "2017-07-23"},
    "d19": {"2018-01-01", "2017-07-23"},
    "d20": {"2015-06-19", "2015-06-22", "2017-07-24"},
    "d21": {"2015-06-19", "2015-06-22", "2012-11-20", "2017-07-23"},
    "d22": {"2015-06-19", "2015-06-25", "2020-08-01", "2020-12-31", "2017-08-01"},
}
# Gold issued dates the text does not write as such ("ngày 29 tháng 44 năm 2022", OCR).
UNWRITTEN = {"d05": {"2022-11-29"}}


def true_days(name: str, gold: dict) -> set[str]:
    """The calendar days a document states (see the module docstring)."""
    days = set(gold.get("deadlines") or [])
    days |= {r["date"] for r in gold.get("references", []) if r.get("date")}
    issued = (gold.get("metadata") or {}).get("issued_date")
    if issued and issued != "?":
        days.add(issued)
    return (days | STATED.get(name, set())) - UNWRITTEN.get(name, set())


def ours(text: str) -> set[str]:
    dates, _ = find_dates(text)
    days = {d.value for d in dates if d.kind in {"date", "deadline"} and d.value}
    days |= {x for d in dates if d.kind == "period" and d.granularity == "day" for x in (d.start_date, d.end_date) if x}
    return days


def theirs(text: str) -> set[str]:
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["vi"]) or []
    return {value.date().isoformat() for _, value in found}


def main(root: Path) -> None:
    docs = []
    for gold_path in sorted((root / "gold").glob("*.json")):
        raw = root / "raw" / f"{gold_path.stem}.txt"
        if raw.exists():
            text = normalize(raw.read_text(encoding="utf-8")).text
            docs.append((gold_path.stem, text, true_days(gold_path.stem, json.loads(gold_path.read_text()))))
    chars = sum(len(t) for _, t, _ in docs)
    rows = []
    deadline_recall = {}
    for label, system in (("vbextract `find_dates`", ours), ('dateparser `search_dates(languages=["vi"])`', theirs)):
        tp = fp = fn = 0
        hit_deadlines = total_deadlines = 0
        started = time.perf_counter()
        for name, text, truth in docs:
            found = system(text)
            tp, fp, fn = tp + len(found & truth), fp + len(found - truth), fn + len(truth - found)
            gold = set(json.loads((root / "gold" / f"{name}.json").read_text()).get("deadlines") or [])
            hit_deadlines += len(found & gold)
            total_deadlines += len(gold)
        seconds = time.perf_counter() - started
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        deadline_recall[label] = hit_deadlines / total_deadlines if total_deadlines else 0.0
        rows.append((label, tp, fp, fn, p, r, f1, deadline_recall[label], 1000 * seconds / len(docs), chars / seconds))
    print(f"{len(docs)} documents, {chars:,} characters (normalised), {date.today().isoformat()}\n")
    print("| system | true days found | false days | missed | precision | recall | F1 | gold deadline days found | ms/doc | chars/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, tp, fp, fn, p, r, f1, dl, ms, cps in rows:
        print(f"| {label} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f1:.3f} | {dl:.3f} | {ms:.1f} | {cps:,.0f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "corpora")
