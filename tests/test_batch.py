"""Batch conversion: nothing lost, resumable, archive-safe."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from vbextract.batch import extract_many, run_batch
from vbextract.batch_inputs import iter_inputs, safe_member_name

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpora" / "raw"
SEED = RAW / "000_d33c2c6bea5c954f.txt"


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _make_archive(folder: Path, count: int) -> None:
    """``count`` distinct real documents: the seed with a numbered last line."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"doc{i:04d}.txt").write_text(f"{text}\nBản số {i}.\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("member", "expected"),
    [("../../etc/passwd", "etc/passwd"), ("/abs/file.txt", "abs/file.txt"), ("a/./b/../c.txt", "a/b/c.txt"),
     ("C:\\win\\x.txt", "C_/win/x.txt"), ("..", "unnamed")],
)
def test_zip_member_names_never_escape(member: str, expected: str) -> None:
    assert safe_member_name(member) == expected


def test_bad_files_give_error_records_and_good_ones_convert(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 64)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>\n")
    out = tmp_path / "out"
    summary = run_batch([folder], out, workers=2, progress=False)
    assert (summary.done, summary.failed) == (1, 3)
    assert (out / "in" / "good.txt.json").exists()
    errors = {p.name: json.loads(p.read_text())["error"]["code"] for p in out.rglob("*.error.json")}
    assert errors["empty.txt.error.json"] == "empty_input"
    assert set(errors) == {"empty.txt.error.json", "junk.bin.error.json", "broken.pdf.error.json"}
    cli = subprocess.run([sys.executable, "-m", "vbextract", "batch", str(folder), "-o", str(tmp_path / "o.jsonl"), "-q"],
                         capture_output=True, text=True)
    assert cli.returncode == 1
    assert "failed 3" in cli.stderr


def test_zip_archive_is_read_and_hostile_names_stay_inside(tmp_path: Path) -> None:
    archive = tmp_path / "plans.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SEED, "plans/000.txt")
        zf.writestr("../../escape.txt", SEED.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    summary = run_batch([archive], out, workers=1, progress=False)
    assert summary.done == 2
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["plans.zip/escape.txt.json", "plans.zip/plans/000.txt.json"]
    assert not (tmp_path / "escape.txt.json").exists()


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"0" * (60 * 1024 * 1024))
    items = list(iter_inputs([archive]))
    assert len(items) == 1 and items[0].error is not None
    assert items[0].error.code == "input_too_large"
    assert "zip bomb" in items[0].error.message


def test_resume_skips_converted_documents(tmp_path: Path) -> None:
    _make_archive(tmp_path / "in", 6)
    out = tmp_path / "out.jsonl"
    first = run_batch([tmp_path / "in"], out, workers=2, progress=False)
    again = run_batch([tmp_path / "in"], out, workers=2, progress=False)
    forced = run_batch([tmp_path / "in"], tmp_path / "forced.jsonl", workers=1, progress=False, force=True)
    assert (first.done, again.done, again.skipped, forced.done) == (6, 0, 6, 6)
    assert len(_records(out)) == 6


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_resumes_with_every_document_exactly_once(tmp_path: Path, sig: int) -> None:
    _make_archive(tmp_path / "in", 300)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "vbextract", "batch", str(tmp_path / "in"), "-o", str(out), "-w", "2", "-q"]
    process = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 20):
        time.sleep(0.02)
    os.killpg(process.pid, sig)
    process.wait(timeout=30)
    partial = out.read_text(encoding="utf-8").count("\n")
    assert 0 < partial < 300, "the run must be interrupted mid-way for this test to mean anything"
    subprocess.run(command, check=True, timeout=300)
    paths = [r["source"]["path"] for r in _records(out)]
    assert len(paths) == 300 and len(set(paths)) == 300
    assert all("error" not in r for r in _records(out))


def test_extract_many_yields_documents(tmp_path: Path) -> None:
    _make_archive(tmp_path / "in", 3)
    documents = list(extract_many([tmp_path / "in", tmp_path / "missing.txt"], workers=2))
    assert sorted(Path(d.source.path).name for d in documents) == ["doc0000.txt", "doc0001.txt", "doc0002.txt"]
    assert all(d.text.startswith("KẾ HOẠCH") for d in documents)


def test_rerun_with_ocr_redoes_scans_only(tmp_path: Path) -> None:
    """A scan converted without text is redone by a run with OCR; text documents are not."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(SEED.read_bytes())
    (folder / "scan.pdf").write_bytes((ROOT / "corpora" / "pdf" / "p07_qd_729_ttg.pdf").read_bytes())
    out = tmp_path / "out.jsonl"
    assert run_batch([folder], out, workers=1, progress=False).done == 2
    again = run_batch([folder], out, workers=1, progress=False, ocr=True)
    assert (again.done, again.skipped) == (1, 1)
    records = _records(out)
    assert sorted(r["source"]["path"] for r in records) == ["in/plan.txt", "in/scan.pdf"]
    scan = next(r for r in records if r["source"]["path"] == "in/scan.pdf")
    assert {w["code"] for w in scan["warnings"]} & {"ocr_used", "ocr_unavailable"}
