"""Parallel, resumable conversion of archives of documents.

Nothing is lost: every input yields a Document record or an error record that
names the file and the reason.  Records are written whole (a JSONL line or a
JSON file renamed into place), so a crash or Ctrl-C leaves only complete
records, and a re-run skips inputs already converted (by content hash).
A per-document time limit stops one pathological file from stalling the run.
"""

from __future__ import annotations

import json
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .batch_inputs import BatchInput, content_hash, iter_inputs
from .errors import ExtractionTimeout, VbextractError
from .pipeline import extract
from .schema import Document, ErrorRecord, Source, WarningItem

DEFAULT_TIMEOUT = 120.0
# A record with one of these warnings holds no (or little) text: a re-run with --ocr redoes it.
_UNREAD_CODES = frozenset({"no_text_layer", "mostly_image"})
_INDEX_NAME = ".vbextract-index.jsonl"


@dataclass
class BatchSummary:
    """Counts of a batch run."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"done {self.done}, skipped {self.skipped}, failed {self.failed}, "
                f"time {self.seconds:.1f}s")


# --- the work done in a worker process ---------------------------------------------
def convert(name: str, data: bytes, sha: str, timeout: float, ocr: bool = False) -> dict:
    """Extract one input; return a Document dict or an error-record dict (never raises)."""
    source = Source(path=name, sha256=sha)
    try:
        document = extract(data, format=_format_hint(name), ocr=ocr, timeout=timeout)
        document.source.path = name
        return document.to_dict()
    except VbextractError as exc:
        return error_record(source, exc.code, exc.message)
    except Exception as exc:  # noqa: BLE001 - a batch never stops on one bad file
        return error_record(source, "internal_error", f"{type(exc).__name__}: {exc}")


def _format_hint(name: str) -> Optional[str]:
    suffix = Path(name).suffix.lower().lstrip(".")
    return suffix if suffix in {"txt", "md", "html", "htm", "docx", "pdf"} else None


def error_record(source: Source, code: str, message: str) -> dict:
    """An explicit error record for an input that gave no Document."""
    return ErrorRecord(source=source, error=WarningItem(code=code, message=message)).model_dump(mode="json")


def _unread(record: dict) -> bool:
    return any(w["code"] in _UNREAD_CODES for w in record.get("warnings", ()))


# --- sinks: where records go ---------------------------------------------------------
class JsonlSink:
    """Append records to one JSONL file; resume from the complete lines already there."""

    def __init__(self, path: Path, *, redo_unread: bool = False) -> None:
        self.path = path
        self.done: set[str] = set()
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            self._recover(redo_unread)
        self._handle = path.open("a", encoding="utf-8")

    def _recover(self, redo_unread: bool) -> None:
        """Keep the complete document records (minus scans about to be redone with OCR)."""
        kept = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash: dropped, its input is redone
            if "error" not in record and not (redo_unread and _unread(record)):
                self.done.add(record["source"]["sha256"])
                kept.append(line)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
        os.replace(tmp, self.path)

    def write(self, name: str, record: dict) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


class FolderSink:
    """One JSON file per input, mirroring input paths; an index file records what is done."""

    def __init__(self, path: Path, *, redo_unread: bool = False) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.index = path / _INDEX_NAME
        self.done: set[str] = set()
        if self.index.exists():
            for line in self.index.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if (path / entry["file"]).exists() and not (redo_unread and entry.get("unread")):
                    self.done.add(entry["sha256"])
        self._index = self.index.open("a", encoding="utf-8")

    def write(self, name: str, record: dict) -> None:
        is_error = "error" in record
        target = self.path / (name + (".error.json" if is_error else ".json"))
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)
        if not is_error:
            stale = self.path / (name + ".error.json")
            stale.unlink(missing_ok=True)
            entry = {"sha256": record["source"]["sha256"], "file": target.relative_to(self.path).as_posix(),
                     "unread": _unread(record)}
            self._index.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._index.flush()

    def close(self) -> None:
        self._index.close()


def open_sink(out: Union[str, Path], *, redo_unread: bool = False) -> Union[JsonlSink, FolderSink]:
    """A JSONL sink for ``*.jsonl``, else a folder sink.  ``redo_unread``: records of
    scans converted without text are not counted as done (a re-run with OCR redoes them)."""
    out = Path(out)
    sink = JsonlSink if out.suffix.lower() == ".jsonl" else FolderSink
    return sink(out, redo_unread=redo_unread)


# --- progress ----------------------------------------------------------------------------
class Progress:
    """A tqdm bar on a terminal, plain log lines otherwise."""

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total, self.count, self.failed = total, 0, 0
        self.start = self.last_log = time.monotonic()
        self.enabled = enabled
        self.bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", dynamic_ncols=True)

    def update(self, failed: bool) -> None:
        self.count += 1
        self.failed += failed
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(failed=self.failed)
            return
        now = time.monotonic()
        if self.enabled and (now - self.last_log >= 5 or self.count == self.total):
            self.last_log = now
            rate = self.count / max(now - self.start, 1e-9)
            eta = (self.total - self.count) / rate if rate else 0
            print(f"[vbextract] {self.count}/{self.total} documents, {rate:.1f} doc/s, "
                  f"failed {self.failed}, ETA {eta:.0f}s", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- the scheduler -------------------------------------------------------------------------
def _records(
    items: Iterable[BatchInput], workers: int, timeout: float, skip: set[str], summary: BatchSummary,
    ocr: bool = False,
) -> Iterator[tuple[BatchInput, dict]]:
    """Yield (input, record) as documents finish; at most a few inputs in memory at once."""
    pending = iter(items)
    in_flight: dict[Future, tuple[BatchInput, str, bytes, float]] = {}
    executor = ProcessPoolExecutor(max_workers=workers)
    hard_limit = timeout * 2 + 10

    def submit_next() -> Optional[tuple[BatchInput, dict]]:
        for item in pending:
            if item.error is not None:
                return item, error_record(Source(path=item.name), item.error.code, item.error.message)
            try:
                data = item.load()
            except OSError as exc:
                return item, error_record(Source(path=item.name), "read_error", str(exc))
            sha = content_hash(data)
            if sha in skip:
                summary.skipped += 1
                continue
            future = executor.submit(convert, item.name, data, sha, timeout, ocr)
            in_flight[future] = (item, sha, data, time.monotonic())
            return None
        return None

    try:
        while True:
            while len(in_flight) < workers * 2:
                before = len(in_flight)
                immediate = submit_next()
                if immediate is not None:
                    yield immediate
                elif len(in_flight) == before:
                    break
            if not in_flight:
                return
            finished, _ = wait(in_flight, timeout=1.0, return_when=FIRST_COMPLETED)
            for future in finished:
                item, sha, _, _ = in_flight.pop(future)
                try:
                    yield item, future.result()
                except BrokenProcessPool:
                    yield item, error_record(Source(path=item.name, sha256=sha), "worker_crashed",
                                             "the worker process died while converting this file")
            overdue = [f for f, (_, _, _, t0) in in_flight.items() if time.monotonic() - t0 > hard_limit]
            if overdue or getattr(executor, "_broken", False):
                executor = yield from _restart(executor, in_flight, overdue, workers, timeout, ocr)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _restart(executor: ProcessPoolExecutor, in_flight: dict, overdue: list, workers: int, timeout: float,
             ocr: bool = False):
    """Kill a stuck pool: overdue inputs get a timeout record, the others are resubmitted."""
    for process in list(getattr(executor, "_processes", {}).values()):
        process.kill()
    executor.shutdown(wait=False, cancel_futures=True)
    fresh = ProcessPoolExecutor(max_workers=workers)
    for future in list(in_flight):
        item, sha, data, _ = in_flight.pop(future)
        if future in overdue:
            yield item, error_record(Source(path=item.name, sha256=sha), ExtractionTimeout.code,
                                     "the per-document time limit was reached (worker killed)")
        else:
            in_flight[fresh.submit(convert, item.name, data, sha, timeout, ocr)] = (item, sha, data, time.monotonic())
    return fresh


def run_batch(
    inputs: Iterable[Union[str, Path]],
    out: Union[str, Path],
    *,
    workers: Optional[int] = None,
    timeout: float = DEFAULT_TIMEOUT,
    force: bool = False,
    progress: bool = True,
    ocr: bool = False,
) -> BatchSummary:
    """Convert every input into ``out`` (folder or ``.jsonl``); return the counts.

    ``ocr=True`` reads scanned PDFs with tesseract (slow: seconds per page)."""
    started = time.monotonic()
    items = list(iter_inputs(inputs))
    sink = open_sink(out, redo_unread=ocr)
    summary = BatchSummary()
    bar = Progress(len(items), enabled=progress)
    skip = set() if force else sink.done
    try:
        for item, record in _records(items, workers or os.cpu_count() or 1, timeout, skip, summary, ocr):
            failed = "error" in record
            sink.write(item.name, record)
            if failed:
                summary.failed += 1
                summary.failures.append(f"{item.display}: {record['error']['code']}: {record['error']['message']}")
            else:
                summary.done += 1
            bar.update(failed)
    finally:
        bar.close()
        sink.close()
        summary.seconds = time.monotonic() - started
    return summary


def extract_many(
    paths: Iterable[Union[str, Path]], *, workers: int = 1, timeout: float = DEFAULT_TIMEOUT,
    errors: str = "skip",
) -> Iterator[Document]:
    """Yield Documents as they finish (files, folders and zips accepted).

    ``errors``: "skip" (default) drops inputs that fail, "raise" raises a
    :class:`VbextractError` on the first failure."""
    summary = BatchSummary()
    for item, record in _records(iter_inputs(paths), max(1, workers), timeout, set(), summary):
        if "error" not in record:
            yield Document.from_dict(record)
        elif errors == "raise":
            raise VbextractError(f"{record['error']['code']}: {record['error']['message']}", path=item.display)
