"""``vbextract schema``: print the JSON Schema of the output."""

from __future__ import annotations

import argparse
import json

from ..schema import json_schema


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schema", help="print the JSON Schema of a Document")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=1))
    return 0
