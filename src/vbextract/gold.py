"""Check gold annotation files against the format of ``corpora/ANNOTATION.md``.

    python -m vbextract.gold corpora/gold

Checks every ``*.json`` in the directory: the keys and types of each part, ISO
dates, relations in the vocabulary, leads/supports as lists of strings, ``"?"``
only in metadata, each reference key once, edges between known keys, and that
every task text (and recurrence text) occurs in its document after NFC and
whitespace folding.  Prints one line per problem; exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from .evaluate import find_document
from .readers import read
from .scoring import METADATA_FIELDS, SELF, UNSCORED, norm_key

RELATIONS = frozenset({"implements", "based_on", "reports_on", "replaces", "amends", "repeals", "guides"})
REQUIRED = ("file", "metadata", "references", "edges", "deadlines", "tasks")
OPTIONAL = ("named_references", "recurrences", "references_ignored")

Check = Callable[[Any], Optional[str]]  # None when the value is fine, else what is wrong


def _iso(value: Any) -> Optional[str]:
    if not isinstance(value, str):
        return f"expected an ISO date string, got {value!r}"
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"not an ISO date (YYYY-MM-DD): {value!r}"
    return None if len(value) == 10 else f"not an ISO date (YYYY-MM-DD): {value!r}"


def _text(value: Any) -> Optional[str]:
    return None if isinstance(value, str) and value.strip() and value != UNSCORED else \
        f"expected a non-empty string, got {value!r}"


def _nullable(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _year(value: Any) -> Optional[str]:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1800 <= value <= 2200
    return None if ok else f"expected a year (int), got {value!r}"


def _names(value: Any) -> Optional[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return f"expected a list of non-empty strings, got {value!r}"
    return None


def _lead(value: Any) -> Optional[str]:
    return _names(value) or (None if value else "a task needs at least one lead agency")


def _relation(value: Any) -> Optional[str]:
    return None if value in RELATIONS else f"relation {value!r} not in {sorted(RELATIONS)}"


def _symbol_key(value: Any) -> Optional[str]:
    if _text(value):
        return _text(value)
    return None if not any(ch.isspace() for ch in value) else f"key {value!r} must have whitespace removed"


#: Per item kind: field -> check.  Every field is required and no other is allowed.
ITEM_FIELDS: dict[str, dict[str, Check]] = {
    "references": {"key": _symbol_key, "doc_type": _nullable(_text), "date": _nullable(_iso),
                   "issuer": _nullable(_text)},
    "named_references": {"doc_type": _nullable(_text), "title": _text, "year": _nullable(_year)},
    "edges": {"from": _text, "to": _text, "relation": _relation},
    "recurrences": {"text": _text},
    "tasks": {"lead": _lead, "support": _names, "deadline": _nullable(_iso), "text": _text},
}

#: Metadata field -> check of a value that is neither null nor "?".
METADATA_CHECKS: dict[str, Check] = {name: _text for name in METADATA_FIELDS}
METADATA_CHECKS["issued_date"] = _iso
METADATA_CHECKS["symbol"] = _symbol_key


def fold(text: str) -> str:
    """NFC with every whitespace run made one space (how texts are looked up)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _check_keys(where: str, item: Any, fields: Sequence[str], optional: Sequence[str] = ()) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: expected an object, got {type(item).__name__}"]
    problems = [f"{where}: missing key {k!r}" for k in fields if k not in item]
    problems += [f"{where}: unknown key {k!r}" for k in item if k not in fields and k not in optional]
    return problems


def _check_items(kind: str, items: Any) -> list[str]:
    if not isinstance(items, list):
        return [f"{kind}: expected a list"]
    problems: list[str] = []
    for i, item in enumerate(items):
        where = f"{kind}[{i}]"
        found = _check_keys(where, item, tuple(ITEM_FIELDS[kind]))
        problems += found
        if found:
            continue
        for name, check in ITEM_FIELDS[kind].items():
            message = check(item[name])
            if message:
                problems.append(f"{where}.{name}: {message}")
    return problems


def _check_metadata(meta: Any) -> list[str]:
    problems = _check_keys("metadata", meta, METADATA_FIELDS)
    if problems:
        return problems
    for name, check in METADATA_CHECKS.items():
        value = meta[name]
        message = None if value is None or value == UNSCORED else check(value)
        if message:
            problems.append(f"metadata.{name}: {message}")
    return problems


def _check_links(gold: dict[str, Any]) -> list[str]:
    """Reference keys unique; edges between SELF and known keys; deadlines distinct."""
    problems: list[str] = []
    keys = [norm_key(r["key"]) for r in gold["references"]]
    problems += [f"references: key {k!r} listed twice" for k in sorted({k for k in keys if keys.count(k) > 1})]
    own = gold["metadata"].get("symbol")
    if isinstance(own, str) and own != UNSCORED and norm_key(own) in keys:
        problems.append(f"references: the document's own symbol {own!r} is not a reference")
    known = set(keys)
    for i, edge in enumerate(gold["edges"]):
        if edge["from"] != SELF and norm_key(edge["from"]) not in known:
            problems.append(f"edges[{i}].from: {edge['from']!r} is neither SELF nor a reference key")
        if norm_key(edge["to"]) not in known:
            problems.append(f"edges[{i}].to: {edge['to']!r} is not a reference key")
    if not isinstance(gold["deadlines"], list):
        return problems + ["deadlines: expected a list"]
    for i, value in enumerate(gold["deadlines"]):
        message = _iso(value)
        if message:
            problems.append(f"deadlines[{i}]: {message}")
    if len(set(map(str, gold["deadlines"]))) != len(gold["deadlines"]):
        problems.append("deadlines: each date once")
    ignored = gold.get("references_ignored", [])
    if not isinstance(ignored, list) or not all(isinstance(v, str) for v in ignored):
        problems.append("references_ignored: expected a list of strings")
    return problems


def _check_texts(gold: dict[str, Any], document: str) -> list[str]:
    folded = fold(document)
    problems = []
    for kind in ("tasks", "recurrences"):
        for i, item in enumerate(gold.get(kind, [])):
            if fold(item["text"]) not in folded:
                problems.append(f"{kind}[{i}].text does not occur in the document: {fold(item['text'])[:60]!r}…")
    return problems


def validate(gold: Any, document: Optional[str]) -> list[str]:
    """Every problem of one gold annotation (``document``: its text, ``None`` if not found)."""
    problems = _check_keys("gold", gold, REQUIRED, OPTIONAL)
    if problems:
        return problems
    if _text(gold["file"]):
        problems.append(f"file: {_text(gold['file'])}")
    problems += _check_metadata(gold["metadata"])
    for kind in ITEM_FIELDS:
        if kind in gold:
            problems += _check_items(kind, gold[kind])
    if problems:
        return problems
    problems += _check_links(gold)
    if document is None:
        problems.append(f"file: document {gold['file']!r} not found next to the gold")
    else:
        problems += _check_texts(gold, document)
    return problems


def validate_file(path: Path) -> list[str]:
    """Problems of one gold file (its document looked up as the scorer does)."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot read: {exc}"]
    document = None
    if isinstance(gold, dict) and isinstance(gold.get("file"), str):
        found = find_document(path.parent, gold["file"])
        document = read(found).text if found else None
    return validate(gold, document)


def validate_dir(gold_dir: Path | str) -> dict[str, list[str]]:
    """``{file name: problems}`` for every ``*.json`` in ``gold_dir``."""
    return {path.name: validate_file(path) for path in sorted(Path(gold_dir).glob("*.json"))}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m vbextract.gold GOLD_DIR``."""
    parser = argparse.ArgumentParser(prog="python -m vbextract.gold", description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    args = parser.parse_args(argv)
    results = validate_dir(args.gold_dir)
    bad = 0
    for name, problems in results.items():
        for problem in problems:
            print(f"{name}: {problem}")
        bad += bool(problems)
    print(f"{len(results)} gold files, {bad} with problems", file=sys.stderr)
    return 1 if bad or not results else 0


if __name__ == "__main__":
    sys.exit(main())
