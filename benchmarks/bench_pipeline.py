"""Speed and memory of vbextract: the whole pipeline, each stage, each input format, and peers.

    python benchmarks/bench_pipeline.py                 # markdown tables on stdout (~20 MB corpus)
    python benchmarks/bench_pipeline.py --target-mb 2   # a quicker run
    python benchmarks/bench_pipeline.py --json out.json --output table.md

Text sets: ``seeds`` (the five seed documents) and ``corpus`` (every document of
``corpora/raw`` repeated until the set holds ``--target-mb`` million characters).
Every measurement runs in a fresh subprocess, so "peak RSS" is that process's
``ru_maxrss`` (its children's too with 2 processes), interpreter and imports
included; "peak alloc" is the tracemalloc peak of one stage on the largest seed.
Peers (dateparser's ``search_dates``, underthesea's ``ner``) run on the seeds,
time-boxed by ``--peer-seconds``, next to our stage on the same texts.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import platform
import resource
import subprocess
import sys
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpora" / "raw"
FIXTURES = ROOT / "tests" / "fixtures" / "seeds"
SEED_PREFIXES = ("000_", "001_", "002_", "003_", "004_")
STAGES = ("normalize", "header", "sections", "references", "dates", "agencies", "tasks")


# ---------------------------------------------------------------- inputs

def seed_texts() -> list[str]:
    """The five seed documents."""
    return [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")) if p.name.startswith(SEED_PREFIXES)]


def corpus_texts(target_chars: int) -> list[str]:
    """Every raw document, repeated in order until the set holds ``target_chars`` characters."""
    base = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    out: list[str] = []
    total = 0
    while total < target_chars:
        for text in base:
            out.append(text)
            total += len(text)
            if total >= target_chars:
                break
    return out


def texts_for(name: str, target_chars: int) -> list[str]:
    return seed_texts() if name == "seeds" else corpus_texts(target_chars)


def _maxrss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # KiB on Linux


def _rate(docs: int, chars: int, seconds: float) -> dict[str, float]:
    return {"docs": docs, "chars": chars, "seconds": seconds,
            "docs_per_s": docs / seconds if seconds else float("inf"),
            "chars_per_s": chars / seconds if seconds else float("inf")}


# ---------------------------------------------------------------- stages

def stage_inputs(raw: str) -> dict[str, Any]:
    """Everything each stage takes for one document (the pipeline's intermediate results)."""
    from vbextract import pipeline as p

    text = p.normalize(raw).text
    metadata, _ = p.header_stage.parse_header(text)
    doc_date = p._issued(metadata.issued_date)
    sections = p.sections_stage.parse_sections(text)
    references, _ = p.references_stage.find_references(text, own_symbol=metadata.symbol, doc_date=doc_date)
    dates, _ = p.temporal_stage.find_dates(text, doc_date=doc_date, references=references)
    agencies = p.agencies_stage.find_agencies(text)
    return {"raw": raw, "text": text, "metadata": metadata, "doc_date": doc_date, "sections": sections,
            "references": references, "dates": dates, "agencies": agencies}


def stage_functions() -> dict[str, Callable[[dict[str, Any]], Any]]:
    """Stage name -> a call of that stage function alone on prepared inputs."""
    from vbextract import pipeline as p

    return {
        "normalize": lambda c: p.normalize(c["raw"]),
        "header": lambda c: p.header_stage.parse_header(c["text"]),
        "sections": lambda c: p.sections_stage.parse_sections(c["text"]),
        "references": lambda c: p.references_stage.find_references(
            c["text"], own_symbol=c["metadata"].symbol, doc_date=c["doc_date"]),
        "dates": lambda c: p.temporal_stage.find_dates(c["text"], doc_date=c["doc_date"], references=c["references"]),
        "agencies": lambda c: p.agencies_stage.find_agencies(c["text"]),
        "tasks": lambda c: p.tasks_stage.find_tasks(
            c["text"], sections=c["sections"], agencies=c["agencies"], dates=c["dates"], references=c["references"]),
    }


def time_stages(contexts: list[dict[str, Any]], repeat: int = 1) -> dict[str, float]:
    """Seconds each stage takes over all ``contexts`` (best of ``repeat`` passes)."""
    out = {}
    for name, fn in stage_functions().items():
        best = float("inf")
        for _ in range(repeat):
            gc.collect()
            started = time.perf_counter()
            for context in contexts:
                fn(context)
            best = min(best, time.perf_counter() - started)
        out[name] = best
    return out


def stage_peak_alloc(context: dict[str, Any]) -> dict[str, float]:
    """tracemalloc peak (MB) of each stage on one document."""
    out = {}
    for name, fn in stage_functions().items():
        gc.collect()
        tracemalloc.start()
        fn(context)
        out[name] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return out


# ---------------------------------------------------------------- workers (run in a subprocess)

def _extract_text(text: str) -> int:
    from vbextract import extract_text

    return len(extract_text(text).text)


def work_pipeline(spec: dict[str, Any]) -> dict[str, Any]:
    texts = texts_for(spec["set"], spec["target_chars"])
    import vbextract  # noqa: F401  (imports outside the timing)

    chars = sum(len(t) for t in texts)
    started = time.perf_counter()
    if spec["procs"] == 1:
        for text in texts:
            _extract_text(text)
    else:
        with multiprocessing.get_context("fork").Pool(spec["procs"]) as pool:
            for _ in pool.imap_unordered(_extract_text, texts, chunksize=4):
                pass
    seconds = time.perf_counter() - started
    return {**_rate(len(texts), chars, seconds), "peak_rss_mb": _maxrss_mb()}


def work_stages(spec: dict[str, Any]) -> dict[str, Any]:
    texts = texts_for(spec["set"], spec["target_chars"])
    contexts = [stage_inputs(t) for t in texts]
    chars = sum(len(t) for t in texts)
    seconds = time_stages(contexts, repeat=spec.get("repeat", 1))
    largest = max((stage_inputs(t) for t in seed_texts()), key=lambda c: len(c["raw"]))
    peaks = stage_peak_alloc(largest)
    return {name: {**_rate(len(texts), chars, s), "peak_alloc_mb": peaks[name]} for name, s in seconds.items()}


def work_format(spec: dict[str, Any]) -> dict[str, Any]:
    from vbextract import extract

    paths = [Path(p) for p in spec["paths"]]
    extract(paths[0])  # warm-up: imports of the reader
    docs = chars = 0
    started = time.perf_counter()
    while True:
        for path in paths:
            chars += len(extract(path).text)
            docs += 1
        if time.perf_counter() - started >= spec["min_seconds"]:
            break
    return {**_rate(docs, chars, time.perf_counter() - started), "peak_rss_mb": _maxrss_mb()}


def _timeboxed(fn: Callable[[str], Any], units: Iterable[str], budget: float) -> tuple[int, int, float, bool]:
    docs = chars = 0
    started = time.perf_counter()
    complete = True
    for unit in units:
        fn(unit)
        docs += 1
        chars += len(unit)
        if time.perf_counter() - started > budget:
            complete = False
            break
    return docs, chars, time.perf_counter() - started, complete


def work_peer(spec: dict[str, Any]) -> dict[str, Any]:
    """One peer (or our stage) on the normalised seed texts, within ``budget`` seconds."""
    from vbextract.normalize import normalize

    texts = [normalize(t).text for t in seed_texts()]
    name = spec["tool"]
    if name == "dateparser.search_dates":
        from dateparser.search import search_dates

        search_dates("ngày 17/6/2024", languages=["vi"])  # warm-up (loads the language data)
        fn: Callable[[str], Any] = lambda t: search_dates(t, languages=["vi"])
    elif name == "underthesea.ner":
        from underthesea import ner

        ner("Sở Y tế tỉnh Đồng Tháp.")  # warm-up (loads the model)
        lines = [line for t in texts for line in t.splitlines() if line.strip()]
        docs, chars, seconds, complete = _timeboxed(ner, lines, spec["budget"])
        return {**_rate(docs, chars, seconds), "unit": "line", "complete": complete, "peak_rss_mb": _maxrss_mb()}
    else:
        stage = spec["tool"].removeprefix("vbextract.")
        contexts = {c["text"]: c for c in (stage_inputs(t) for t in seed_texts())}
        call = stage_functions()[stage]
        fn = lambda t: call(contexts[t])
    docs, chars, seconds, complete = _timeboxed(fn, texts, spec["budget"])
    return {**_rate(docs, chars, seconds), "unit": "document", "complete": complete, "peak_rss_mb": _maxrss_mb()}


WORKERS = {"pipeline": work_pipeline, "stages": work_stages, "format": work_format, "peer": work_peer}


def run_worker(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    done = subprocess.run([sys.executable, __file__, "--worker", json.dumps(spec)],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- report

def machine() -> dict[str, Any]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "nproc": os.cpu_count(),
            "cpu": model, "python": platform.python_version(), "platform": platform.platform()}


def _fmt_rate(row: dict[str, Any]) -> str:
    if "error" in row:
        return f"| error: {row['error']} |||"
    return f"| {row['docs_per_s']:,.1f} | {row['chars_per_s'] / 1e6:,.3f} | {row['seconds']:.2f} |"


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [f"Measured {m['date']} on {m['nproc']} × {m['cpu']}, Python {m['python']} ({m['platform']}).", ""]
    sets = ", ".join(f"`{k}` = {v['docs']} documents, {v['chars'] / 1e6:.2f} M characters"
                     for k, v in results["sets"].items())
    lines += [f"Text sets: {sets}.", ""]
    lines += ["**Whole pipeline** (`extract_text`)", "",
              "| set | processes | docs/s | M chars/s | seconds | peak RSS MB |", "|---|---|---|---|---|---|"]
    for row in results["pipeline"]:
        lines.append(f"| {row['set']} | {row['procs']} {_fmt_rate(row)} {row.get('peak_rss_mb', 0):.0f} |")
    lines += ["", "**Per stage** (each stage function alone, 1 process; peak alloc = tracemalloc on the "
              "largest seed)", "",
              "| set | stage | docs/s | M chars/s | seconds | share | peak alloc MB |", "|---|---|---|---|---|---|---|"]
    for set_name, stages in results["stages"].items():
        if "error" in stages:
            lines.append(f"| {set_name} | error: {stages['error']} ||||||")
            continue
        total = sum(s["seconds"] for s in stages.values()) or 1.0
        for stage, row in stages.items():
            lines.append(f"| {set_name} | {stage} {_fmt_rate(row)} {100 * row['seconds'] / total:.0f}% "
                         f"| {row['peak_alloc_mb']:.2f} |")
    lines += ["", "**Per input format** (`extract(path)`, reading included; the five seeds)", "",
              "| format | docs/s | M chars/s | seconds | peak RSS MB |", "|---|---|---|---|---|"]
    for fmt, row in results["formats"].items():
        lines.append(f"| {fmt} {_fmt_rate(row)} {row.get('peak_rss_mb', 0):.0f} |")
    if results.get("peers"):
        lines += ["", "**Peers on the same texts** (normalised seeds; time-boxed: *partial* = "
                  "stopped at the budget, figures over what was done)", "",
                  "| tool | unit | docs/s | M chars/s | seconds | peak RSS MB | done |", "|---|---|---|---|---|---|---|"]
        for tool, row in results["peers"].items():
            done = "all" if row.get("complete") else "partial"
            lines.append(f"| {tool} | {row.get('unit', '')} {_fmt_rate(row)} {row.get('peak_rss_mb', 0):.0f} | {done} |")
    return "\n".join(lines)


def run_all(target_mb: float, peers: bool, peer_seconds: float, format_seconds: float) -> dict[str, Any]:
    target = int(target_mb * 1e6)
    results: dict[str, Any] = {"machine": machine(), "target_chars": target, "sets": {}, "pipeline": [],
                               "stages": {}, "formats": {}, "peers": {}}
    for name in ("seeds", "corpus"):
        texts = texts_for(name, target)
        results["sets"][name] = {"docs": len(texts), "chars": sum(len(t) for t in texts)}
        for procs in (1, 2):
            spec = {"set": name, "target_chars": target, "procs": procs}
            results["pipeline"].append({"set": name, "procs": procs, **run_worker({"worker": "pipeline", **spec})})
        results["stages"][name] = run_worker({"worker": "stages", "set": name, "target_chars": target,
                                              "repeat": 5 if name == "seeds" else 1})
    txt = [str(p) for p in sorted(RAW.glob("*.txt")) if p.name.startswith(SEED_PREFIXES)]
    for fmt, paths in (("txt", txt), ("docx", sorted(map(str, FIXTURES.glob("0??_*.docx")))),
                       ("pdf", sorted(map(str, FIXTURES.glob("0??_*.pdf"))))):
        paths = [p for p in paths if Path(p).stem.startswith(SEED_PREFIXES) and "_numbered" not in p]
        if paths:
            results["formats"][fmt] = run_worker({"worker": "format", "paths": paths, "min_seconds": format_seconds})
    if peers:
        for tool in ("vbextract.dates", "dateparser.search_dates", "vbextract.agencies", "underthesea.ner"):
            results["peers"][tool] = run_worker({"worker": "peer", "tool": tool, "budget": peer_seconds})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-mb", type=float, default=20.0, help="size of the replicated corpus (M chars)")
    parser.add_argument("--peer-seconds", type=float, default=30.0, help="time box of each peer")
    parser.add_argument("--format-seconds", type=float, default=3.0, help="time of each input-format run")
    parser.add_argument("--no-peers", action="store_true", help="skip dateparser and underthesea")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--output", type=Path, help="also write the markdown here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        spec = json.loads(args.worker)
        print(json.dumps(WORKERS[spec["worker"]](spec)))
        return 0
    results = run_all(args.target_mb, not args.no_peers, args.peer_seconds, args.format_seconds)
    table = markdown(results)
    print(table)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    if args.output:
        args.output.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
