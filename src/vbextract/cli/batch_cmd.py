"""``vbextract batch INPUT... -o OUT``: convert files, folders and zips in parallel."""

from __future__ import annotations

import argparse
import sys

from ..batch import DEFAULT_TIMEOUT, run_batch


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch", help="convert files, folders (recursive) and .zip archives to JSON or JSONL",
        description="Every input yields a result or an error record; re-running resumes "
                    "(inputs already converted are skipped by content hash) unless --force.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--out", required=True, help="output folder, or a file ending in .jsonl")
    parser.add_argument("-w", "--workers", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per document")
    parser.add_argument("--ocr", action="store_true",
                        help="read scanned PDFs with OCR (needs tesseract-ocr and tesseract-ocr-vie)")
    parser.add_argument("--force", action="store_true", help="convert again what is already done")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.workers is not None and args.workers < 1:
        print("vbextract: --workers must be at least 1", file=sys.stderr)
        return 2
    summary = run_batch(args.inputs, args.out, workers=args.workers, timeout=args.timeout,
                        force=args.force, progress=not args.quiet, ocr=args.ocr)
    for failure in summary.failures:
        print(f"vbextract: failed: {failure}", file=sys.stderr)
    print(f"vbextract: {summary.line()}", file=sys.stderr)
    return 1 if summary.failed else 0
