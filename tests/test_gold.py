"""The gold validator (vbextract.gold) on the repository's gold and on broken copies."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbextract.gold import main, validate, validate_dir

GOLD_DIR = Path(__file__).resolve().parents[1] / "corpora" / "gold"
RESULTS = validate_dir(GOLD_DIR)

DOC = "Giao Sở Y tế chủ trì tổ chức thực hiện   Kế hoạch\nnày trước ngày 17/6/2024; báo cáo hằng năm."
GOOD: dict[str, Any] = {
    "file": "x.txt",
    "metadata": {"doc_type": "Kế hoạch", "symbol": "235/KH-UBND", "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
                 "issued_date": "2025-09-11", "place": None, "signer_name": "?", "signer_position": None},
    "references": [{"key": "36-CT/TW", "doc_type": "Chỉ thị", "date": "2019-08-16", "issuer": "Bộ Chính trị"},
                   {"key": "132-KL/TW", "doc_type": "Kết luận", "date": None, "issuer": None}],
    "named_references": [{"doc_type": "Luật", "title": "Phòng, chống ma túy", "year": 2021}],
    "edges": [{"from": "SELF", "to": "132-KL/TW", "relation": "implements"},
              {"from": "132-KL/TW", "to": "36-CT/TW", "relation": "implements"}],
    "deadlines": ["2024-06-17"],
    "recurrences": [{"text": "hằng năm"}],
    "tasks": [{"lead": ["Sở Y tế"], "support": [], "deadline": "2024-06-17",
               "text": "Giao Sở Y tế chủ trì tổ chức thực hiện Kế hoạch này trước ngày 17/6/2024"}],
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_repository_gold_is_valid(name: str) -> None:
    assert RESULTS[name] == []


def test_repository_has_gold() -> None:
    assert len(RESULTS) >= 14


def test_good_example_is_valid() -> None:
    assert validate(GOOD, DOC) == []


def test_nfd_task_text_is_found() -> None:
    gold = copy.deepcopy(GOOD)
    gold["tasks"][0]["text"] = unicodedata.normalize("NFD", gold["tasks"][0]["text"])
    assert validate(gold, DOC) == []


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(gold: dict[str, Any]) -> None:
        target = gold
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
    return apply


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda gold: gold.pop(key)


@pytest.mark.parametrize("mutate,expected", [
    (_drop("tasks"), "missing key 'tasks'"),
    (_set(("extra",), 1), "unknown key 'extra'"),
    (_set(("metadata", "issued_date"), "11/09/2025"), "metadata.issued_date: not an ISO date"),
    (_set(("metadata", "symbol"), "235/ KH-UBND"), "whitespace removed"),
    (_set(("metadata", "doc_type"), 3), "metadata.doc_type: expected a non-empty string"),
    (_set(("references", 0, "date"), "2019-8-16"), "references[0].date: not an ISO date"),
    (_set(("references", 0, "date"), "?"), "references[0].date: not an ISO date"),
    (_set(("references", 1, "key"), "36-ct/tw"), "listed twice"),
    (_set(("references", 0, "title"), "x"), "unknown key 'title'"),
    (_set(("edges", 0, "relation"), "mentions"), "relation 'mentions' not in"),
    (_set(("edges", 0, "to"), "99/XX"), "edges[0].to: '99/XX' is not a reference key"),
    (_set(("edges", 1, "from"), "self"), "neither SELF nor a reference key"),
    (_set(("deadlines",), ["2024-06-17", "2024-06-17"]), "each date once"),
    (_set(("deadlines",), ["2024-06-31"]), "deadlines[0]: not an ISO date"),
    (_set(("tasks", 0, "lead"), "Sở Y tế"), "tasks[0].lead: expected a list"),
    (_set(("tasks", 0, "lead"), []), "at least one lead"),
    (_set(("tasks", 0, "support"), [None]), "tasks[0].support: expected a list"),
    (_set(("tasks", 0, "deadline"), "?"), "tasks[0].deadline: not an ISO date"),
    (_set(("tasks", 0, "text"), "Giao Sở Xây dựng chủ trì"), "tasks[0].text does not occur"),
    (_set(("recurrences", 0, "text"), "hằng tháng"), "recurrences[0].text does not occur"),
    (_set(("named_references", 0, "year"), "2021"), "expected a year"),
    (_set(("references_ignored",), [1]), "references_ignored: expected a list of strings"),
    (_set(("metadata", "symbol"), "36-CT/TW"), "own symbol"),
])
def test_broken_gold_is_reported(mutate: Callable[[dict[str, Any]], None], expected: str) -> None:
    gold = copy.deepcopy(GOOD)
    mutate(gold)
    problems = validate(gold, DOC)
    assert any(expected in p for p in problems), problems


def test_missing_document_is_reported() -> None:
    assert any("not found" in p for p in validate(GOOD, None))


def test_main_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "x.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    (tmp_path / "y.json").write_text("{not json", encoding="utf-8")
    assert main([str(tmp_path)]) == 1


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON)
def test_validate_never_crashes_on_any_json(value: Any) -> None:
    problems = validate(value, DOC)
    assert isinstance(problems, list) and all(isinstance(p, str) for p in problems)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(GOOD)), JSON)
def test_validate_never_crashes_on_wrong_parts(key: str, value: Any) -> None:
    gold = copy.deepcopy(GOOD)
    gold[key] = value
    assert isinstance(validate(gold, DOC), list)
