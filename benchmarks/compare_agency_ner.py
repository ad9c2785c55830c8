"""Compare the agency readers (grammar, underthesea NER, grammar + underthesea POS) on the gold.

For every gold task, its lead and support names are looked up among the
mentions found inside the task's text:

- mention recall: gold names found as a mention with the same name (case,
  tone placement, spacing and abbreviations folded); "r-writ" counts only the
  names written out in the task text (not those inherited from a heading);
- leads: share of gold tasks (with a lead) whose every lead is found as a
  mention in the task text (inherited leads count as missed);
- boundary precision: of the mentions that overlap a place where a gold name is
  written in the task text, the share whose name is exactly a gold name of that
  task (too long, too short or wrongly split names count against it);
- time: seconds to read every gold document, and characters per second.

Usage: python benchmarks/compare_agency_ner.py [corpora/gold] [--methods grammar,combined]
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from pathlib import Path

from vbextract.agencies import METHODS, canonical_name, find_agencies
from vbextract.agency_lexicon import word_key
from vbextract.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
_SPACE = re.compile(r"\s+")
_DASH = re.compile(r"\s*[-–—]\s*")


def name_key(name: str) -> str:
    """A name compared modulo case, tone placement, spacing, dashes and abbreviations."""
    name = canonical_name(unicodedata.normalize("NFC", name))
    name = _DASH.sub(" - ", _SPACE.sub(" ", name)).strip()
    return " ".join(word_key(w) for w in name.split(" "))


def gold_documents(gold_dir: Path) -> list[tuple[str, list[dict]]]:
    """(raw text, tasks) of every gold file whose document is in corpora/raw."""
    documents = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw_path = gold_dir.parent / "raw" / (gold.get("file") or f"{path.stem}.txt")
        if not raw_path.exists():
            raw_path = gold_dir.parent / "raw" / f"{path.stem}.txt"
        if raw_path.exists() and gold.get("tasks"):
            documents.append((raw_path.read_text(encoding="utf-8"), gold["tasks"]))
    return documents


def _task_span(raw: str, task_text: str) -> tuple[int, int] | None:
    start = raw.find(task_text)
    if start < 0:
        raw_nfc, text_nfc = unicodedata.normalize("NFC", raw), unicodedata.normalize("NFC", task_text)
        start = raw_nfc.find(text_nfc)
        if start < 0 or len(raw_nfc) != len(raw):
            return None
    return start, start + len(task_text)


def _occurrences(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where gold names (as written, any case) stand in the normalised task text."""
    folded = text.lower()
    spans = []
    for name in names:
        needle = normalize(name).text.lower()
        start = folded.find(needle)
        while start >= 0 and needle:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + 1)
    return spans


def evaluate(method: str, documents: list[tuple[str, list[dict]]]) -> dict[str, float]:
    found = total = exact = touching = mentions_n = written = written_found = 0
    lead_tasks = lead_hits = 0
    seconds = 0.0
    chars = 0
    for raw, tasks in documents:
        normalized = normalize(raw)
        text = normalized.text
        chars += len(text)
        clock = time.perf_counter()
        mentions = find_agencies(text, method=method)  # type: ignore[arg-type]
        seconds += time.perf_counter() - clock
        mentions_n += len(mentions)
        raw_starts = [normalized.to_raw(m.start) for m in mentions]
        for task in tasks:
            span = _task_span(raw, task["text"])
            names = list(task.get("lead", [])) + list(task.get("support", []))
            if span is None or not names:
                continue
            inside = [m for m, rs in zip(mentions, raw_starts) if span[0] <= rs < span[1]]
            keys = {name_key(m.name) for m in inside} | {name_key(m.text) for m in inside}
            gold_keys = {name_key(n) for n in names}
            task_text = normalize(task["text"]).text
            if task.get("lead"):
                lead_tasks += 1
                lead_hits += all(name_key(n) in keys for n in task["lead"])
            for name in names:
                hit = name_key(name) in keys
                total += 1
                found += hit
                if _occurrences(task_text, [name]):
                    written += 1
                    written_found += hit
            if inside:
                lo, hi = inside[0].start, inside[-1].end
                gold_spans = _occurrences(text[lo:hi], names)
                for m in inside:
                    if any(s < m.end - lo and m.start - lo < e for s, e in gold_spans):
                        touching += 1
                        exact += name_key(m.name) in gold_keys or name_key(m.text) in gold_keys
    return {
        "recall": found / total if total else 0.0,
        "recall_written": written_found / written if written else 0.0,
        "lead_tasks": lead_hits / lead_tasks if lead_tasks else 0.0,
        "precision": exact / touching if touching else 0.0,
        "gold_names": total,
        "mentions": mentions_n,
        "seconds": seconds,
        "chars_per_second": chars / seconds if seconds else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT / "corpora" / "gold"))
    parser.add_argument("--methods", default=",".join(METHODS))
    args = parser.parse_args()
    documents = gold_documents(Path(args.gold))
    print(f"{len(documents)} gold documents with tasks")
    print(f"{'method':<12} {'recall':>7} {'r-writ':>7} {'leads':>7} {'b-prec':>7} {'gold':>5} {'mentions':>9} {'seconds':>8} {'chars/s':>10}")
    for method in args.methods.split(","):
        row = evaluate(method, documents)
        print(
            f"{method:<12} {row['recall']:>7.3f} {row['recall_written']:>7.3f} {row['lead_tasks']:>7.3f}"
            f" {row['precision']:>7.3f}"
            f" {row['gold_names']:>5}"
            f" {row['mentions']:>9} {row['seconds']:>8.2f} {row['chars_per_second']:>10,.0f}"
        )


if __name__ == "__main__":
    main()
