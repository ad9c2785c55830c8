"""The scorer (vbextract.scoring / vbextract.evaluate) against ANNOTATION.md's rules."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from vbextract.cli import main as cli_main
from vbextract.evaluate import evaluate, find_document, flat_figures, format_report, load_gold
from vbextract.evaluate import main as evaluate_main
from vbextract.schema import CitedRelation, DateMention, Document, Metadata, Reference, Signer, Task, TaskDeadline
from vbextract.scoring import (
    agency_match,
    leads_match,
    metadata_equal,
    norm_key,
    score_document,
    task_match,
    tokens,
)

GOLD_DIR = Path(__file__).resolve().parents[1] / "corpora" / "gold"
GOLD = load_gold(GOLD_DIR)


def perfect_document(gold: dict[str, Any], text: str = "") -> Document:
    """A Document that says exactly what the gold says (the scorer must give it 100%)."""
    meta = {k: (None if v == "?" else v) for k, v in gold["metadata"].items()}
    self_rel = {e["to"]: e["relation"] for e in gold["edges"] if e["from"] == "SELF"}
    cites: dict[str, list[CitedRelation]] = {}
    for e in gold["edges"]:
        if e["from"] != "SELF":
            cites.setdefault(e["from"], []).append(CitedRelation(key=e["to"], relation=e["relation"]))
    refs = [
        Reference(id=f"r{i}", text=r["key"], start=0, end=0, symbol=r["key"], key=r["key"], date=r.get("date"),
                  issuer=r.get("issuer"), relation=self_rel.get(r["key"], "mentions"), cites=cites.get(r["key"], []))
        for i, r in enumerate(gold["references"])
    ]
    dates = [DateMention(id=f"d{i}", text=v, start=0, end=0, kind="deadline", value=v)
             for i, v in enumerate(gold["deadlines"])]
    tasks = [
        Task(id=f"t{i}", text=unicodedata.normalize("NFD", t["text"]), start=0, end=0, lead=t["lead"],
             deadline=TaskDeadline(date=t["deadline"]) if t["deadline"] else None)
        for i, t in enumerate(gold["tasks"])
    ]
    metadata = Metadata(
        doc_type=meta["doc_type"], symbol=meta["symbol"], issuer=meta["issuer"], issued_date=meta["issued_date"],
        place=meta["place"], signer=Signer(name=meta["signer_name"], position=meta["signer_position"]),
    )
    return Document(text=text, metadata=metadata, references=refs, dates=dates, tasks=tasks)


@pytest.mark.parametrize("name,gold", GOLD, ids=[n for n, _ in GOLD])
def test_perfect_prediction_scores_full_marks(name: str, gold: dict[str, Any]) -> None:
    score = score_document(name, gold, perfect_document(gold))
    flat = flat_figures(score.figures())
    assert flat and all(v == 1.0 for v in flat.values()), {k: v for k, v in flat.items() if v != 1.0}
    assert score.errors == []


def test_empty_prediction_finds_nothing() -> None:
    name, gold = GOLD[0]
    figures = score_document(name, gold, Document()).figures()
    assert figures["references"]["recall"] == 0.0
    assert figures["references"]["f1"] == 0.0
    assert figures["tasks"]["recall"] == 0.0
    assert figures["tasks"]["attributed_precision"] is None


@pytest.mark.parametrize("a,b,expected", [
    ("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông (Giao Phòng Bưu chính Viễn thông)", True),
    ("Ủy ban nhân dân tỉnh Đồng Tháp", "UBND tỉnh Đồng Tháp", True),
    ("Thành uỷ Hà Nội", "Thành ủy Hà Nội", True),
    ("Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hoá, Thể thao và Du lịch", True),
    ("Ban Thường vụ Tỉnh ủy", "BAN THƯỜNG VỤ TỈNH ỦY BÌNH DƯƠNG", True),
    ("Công an tỉnh", "Đảng ủy Công an tỉnh", False),
    ("Sở", "Sở Y tế", False),
    ("Sở Y tế", "Sở Xây dựng", False),
])
def test_agency_match(a: str, b: str, expected: bool) -> None:
    assert agency_match(a, b) is expected
    assert agency_match(b, a) is expected


@pytest.mark.parametrize("gold,pred,expected", [
    (["Sở Y tế"], ["Sở Y tế"], True),
    (["Sở Y tế", "Sở Tài chính"], ["Sở Y tế"], False),
    (["Sở Y tế"], ["Sở Y tế", "Sở Tài chính"], False),
    (["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], ["Các sở, ngành, Ủy ban nhân dân các xã, phường"], True),
    (["Sở Giao thông Vận tải", "Sở Xây dựng"], ["Sở Xây dựng", "Sở Giao thông Vận tải"], True),
    (["Sở Y tế"], [], False),
    ([], [], True),
])
def test_leads_match(gold: list[str], pred: list[str], expected: bool) -> None:
    assert leads_match(gold, pred) is expected


GOLD_TASK = ("Giao Đảng ủy Công an tỉnh theo dõi, hướng dẫn, đôn đốc việc thực hiện Kế hoạch này; "
             "định kỳ báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày 21/6/2024 để tổng hợp.")


@pytest.mark.parametrize("pred,expected", [
    (GOLD_TASK, True),
    ("Đảng ủy Công an tỉnh theo dõi, hướng dẫn, đôn đốc", True),  # all its tokens in gold
    (GOLD_TASK + " " + "Sở Y tế chủ trì tổ chức tập huấn cho các đơn vị " * 6, True),  # head of gold inside
    ("Sở Y tế chủ trì tổ chức tập huấn cho các đơn vị trên địa bàn", False),
    ("", False),
])
def test_task_match(pred: str, expected: bool) -> None:
    assert task_match(tokens(pred), tokens(GOLD_TASK)) is expected


def test_tokens_fold_nfd_and_punctuation() -> None:
    assert tokens(unicodedata.normalize("NFD", "Ủy ban, (nhân dân) tỉnh; …")) == ["ủy", "ban", "nhân", "dân", "tỉnh"]


@pytest.mark.parametrize("field,gold,pred,expected", [
    ("symbol", "235/KH-UBND", "235/ KH-UBND", True),
    ("symbol", "235/KH-UBND", "235/kh-ubnd", True),
    ("symbol", "235/KH-UBND", "236/KH-UBND", False),
    ("doc_type", "Kế hoạch", "KẾ HOẠCH", True),
    ("doc_type", None, None, True),
    ("doc_type", None, "Kế hoạch", False),
    ("issuer", "Ủy ban nhân dân tỉnh Đồng Tháp", "UBND tỉnh Đồng Tháp", True),
    ("issued_date", "2025-09-11", "2025-09-12", False),
])
def test_metadata_equal(field: str, gold: Any, pred: Any, expected: bool) -> None:
    assert metadata_equal(field, gold, pred) is expected


def test_question_mark_is_not_scored() -> None:
    gold = {"file": "x.txt", "metadata": {"symbol": "?", "doc_type": "Công văn"}, "references": [],
            "edges": [], "deadlines": [], "tasks": []}
    score = score_document("x", gold, Document(metadata=Metadata(symbol="1/XYZ", doc_type="Công văn")))
    assert score.metadata["symbol"].total == 0
    assert score.metadata["doc_type"].correct == 1


def _gold(**parts: Any) -> dict[str, Any]:
    base = {"file": "x.txt", "metadata": {}, "references": [], "edges": [], "deadlines": [], "tasks": []}
    base.update(parts)
    return base


def _ref(key: str, symbol: str | None = None, **kw: Any) -> Reference:
    return Reference(id=key, text=key, start=0, end=len(key), key=key, symbol=symbol or key, **kw)


def test_reference_counts_ignored_and_case() -> None:
    gold = _gold(references=[{"key": "36-CT/TW", "date": "2019-08-16", "issuer": "Bộ Chính trị"},
                             {"key": "291/QĐ-TTg", "date": None, "issuer": None}],
                 references_ignored=["§Ø0 /TCT-TTr"])
    doc = Document(text="x", references=[
        _ref("36-ct/tw", date=None), _ref("36-CT/TW", date="2019-08-16", issuer="Bộ Chính trị"),
        _ref("§Ø0/TCT-TTr"), _ref("1/XX"), Reference(id="n", text="Luật", start=0, end=4, key="luat-x"),
    ])
    fig = score_document("x", gold, doc).figures()["references"]
    assert (fig["tp"], fig["fp"], fig["fn"]) == (1, 1, 1)
    assert fig["date_accuracy"] == 1.0 and fig["issuer_accuracy"] == 1.0


def test_edges_strongest_relation_and_cites() -> None:
    gold = _gold(references=[{"key": "A/1"}, {"key": "B/2"}],
                 edges=[{"from": "SELF", "to": "A/1", "relation": "implements"},
                        {"from": "A/1", "to": "B/2", "relation": "implements"}])
    doc = Document(references=[
        _ref("A/1", relation="based_on"), _ref("A/1", relation="implements",
                                                cites=[CitedRelation(key="B/2", relation="implements")]),
        _ref("B/2", relation="mentions"),
    ])
    figures = score_document("x", gold, doc).figures()
    assert figures["edges_self"]["f1"] == 1.0 and figures["edges_self"]["relation_accuracy"] == 1.0
    assert figures["edges"]["tp"] == 2 and figures["edges"]["fp"] == 0


def test_deadlines_only_deadline_kind() -> None:
    gold = _gold(deadlines=["2024-06-17"])
    doc = Document(text="trước ngày 17/6/2024 và ngày 16/8/2019", dates=[
        DateMention(id="a", text="trước ngày 17/6/2024", start=0, end=20, kind="deadline", value="2024-06-17"),
        DateMention(id="b", text="ngày 16/8/2019", start=24, end=38, kind="date", value="2019-08-16"),
        DateMention(id="c", text="x", start=0, end=1, kind="deadline", value="2024-06-30"),
    ])
    fig = score_document("x", gold, doc).figures()["deadlines"]
    assert (fig["tp"], fig["fp"], fig["fn"]) == (1, 1, 0)


def test_task_lead_attribution_and_deadline() -> None:
    gold = _gold(tasks=[{"lead": ["Sở Y tế"], "support": [], "deadline": "2024-06-30",
                         "text": "Sở Y tế chủ trì tổ chức tiêm chủng mở rộng trên địa bàn tỉnh."},
                        {"lead": ["Sở Tài chính"], "support": [], "deadline": None,
                         "text": "Sở Tài chính bố trí kinh phí thực hiện kế hoạch."}])
    doc = Document(tasks=[
        Task(id="1", text="Sở Y tế chủ trì tổ chức tiêm chủng mở rộng trên địa bàn tỉnh.", start=0, end=0,
             lead=["Sở Y tế"], deadline=TaskDeadline(date="2024-06-30")),
        Task(id="2", text="Sở Tài chính bố trí kinh phí thực hiện kế hoạch.", start=0, end=0, lead=["Sở Y tế"]),
        Task(id="3", text="Công an tỉnh bảo đảm an ninh trật tự.", start=0, end=0, lead=["Công an tỉnh"]),
    ])
    fig = score_document("x", gold, doc).figures()["tasks"]
    assert fig["recall"] == 1.0
    assert fig["lead_accuracy"] == 0.5
    assert fig["attributed_precision"] == pytest.approx(1 / 3)
    assert fig["deadline_accuracy"] == 1.0


def test_norm_key() -> None:
    assert norm_key("5969/QĐ-\nUBND") == norm_key("5969/qđ-ubnd")


def test_documents_are_found_next_to_gold() -> None:
    for _, gold in GOLD:
        assert find_document(GOLD_DIR, gold["file"]) is not None, gold["file"]


def _one_gold_dir(tmp_path: Path) -> tuple[Path, dict]:
    """A gold folder holding the first gold file only."""
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    name, gold = GOLD[0]
    (gold_dir / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return gold_dir, gold


def test_evaluate_with_pred_dir(tmp_path: Path) -> None:
    gold_dir, gold = _one_gold_dir(tmp_path)
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    stem = Path(gold["file"]).stem
    (pred_dir / f"{stem}.json").write_text(perfect_document(gold).to_json(), encoding="utf-8")
    result = evaluate(gold_dir, pred_dir)
    assert not result.failures
    assert all(v == 1.0 for v in flat_figures(result.total.figures()).values())
    assert "Overall (1 documents" in format_report(result, errors=True)


def test_missing_prediction_is_a_failure(tmp_path: Path) -> None:
    gold_dir, gold = _one_gold_dir(tmp_path)
    (tmp_path / "pred").mkdir()
    assert evaluate_main([str(gold_dir), "--pred", str(tmp_path / "pred")]) == 1


def test_cli_json_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["evaluate", str(GOLD_DIR), "--json", "--errors"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"overall", "documents", "errors"}
    assert set(data["documents"]) == {n for n, _ in GOLD}
    for error in data["errors"]:
        assert error["kind"] in {"miss", "false", "wrong"} and error["doc"] in data["documents"]


def test_floors_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, gold = _one_gold_dir(tmp_path)
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    (pred_dir / f"{Path(gold['file']).stem}.json").write_text(Document().to_json(), encoding="utf-8")
    written = tmp_path / "floors.json"
    assert evaluate_main([str(gold_dir), "--pred", str(pred_dir), "--write-floors", str(written)]) == 0
    floors = json.loads(written.read_text(encoding="utf-8"))
    assert floors["references.recall"] == 0.0
    assert evaluate_main([str(gold_dir), "--pred", str(pred_dir), "--floors", str(written)]) == 0
    floors["references.recall"] = 0.05
    written.write_text(json.dumps(floors), encoding="utf-8")
    capsys.readouterr()
    assert evaluate_main([str(gold_dir), "--pred", str(pred_dir), "--floors", str(written)]) == 1
    assert "below floor: references.recall" in capsys.readouterr().err
