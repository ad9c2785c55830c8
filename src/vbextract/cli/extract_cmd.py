"""``vbextract extract FILE... [-o OUTDIR]``: one ``<stem>.json`` per input."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import VbextractError
from ..pipeline import extract


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="extract documents to JSON")
    parser.add_argument("files", nargs="+", metavar="FILE", help="input files; '-' reads stdin")
    parser.add_argument("-o", "--outdir", type=Path, help="write <stem>.json files here")
    parser.add_argument("-f", "--format", help="force the input format (txt, md, html, docx, pdf)")
    parser.add_argument("--compact", action="store_true", help="one-line JSON")
    parser.add_argument("--ocr", action="store_true",
                        help="read scanned PDFs with OCR (needs tesseract-ocr and tesseract-ocr-vie)")
    parser.add_argument("--max-mb", type=float, default=20.0, help="refuse inputs larger than this (MB)")
    parser.add_argument("--timeout", type=float, default=None, help="give up on a document after this many seconds")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if len(args.files) > 1 and args.outdir is None:
        print("vbextract: several inputs need -o OUTDIR", file=sys.stderr)
        return 2
    failed = 0
    for name in args.files:
        try:
            source = sys.stdin.buffer.read() if name == "-" else name
            document = extract(source, format=args.format, max_bytes=int(args.max_mb * 1024 * 1024),
                               ocr=args.ocr, timeout=args.timeout)
        except VbextractError as exc:
            failed += 1
            print(f"vbextract: {name}: {exc.code}: {exc.message}", file=sys.stderr)
            continue
        payload = document.to_json(indent=None if args.compact else 1)
        if args.outdir is None:
            sys.stdout.write(payload + "\n")
            continue
        args.outdir.mkdir(parents=True, exist_ok=True)
        stem = "stdin" if name == "-" else Path(name).stem
        (args.outdir / f"{stem}.json").write_text(payload + "\n", encoding="utf-8")
    return 1 if failed else 0
