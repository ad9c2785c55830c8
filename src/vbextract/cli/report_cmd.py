"""``vbextract report FILE -o report.html``: the rich view as one self-contained page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import VbextractError
from ..pipeline import extract


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="write an HTML report with highlighted text and tasks")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--out", type=Path, required=True, help="the HTML file to write")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        document = extract(args.file)
    except VbextractError as exc:
        print(f"vbextract: {args.file}: {exc.code}: {exc.message}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(document.to_html(standalone=True), encoding="utf-8")
    print(f"vbextract: report -> {args.out}", file=sys.stderr)
    return 0
