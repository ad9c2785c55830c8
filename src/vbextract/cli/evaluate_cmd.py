"""``vbextract evaluate GOLD_DIR [--pred PRED_DIR] [--json] [--errors]``: score against gold."""

from __future__ import annotations

import argparse

from .. import evaluate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("evaluate", help="score extraction against gold annotations")
    evaluate.add_arguments(parser)
    parser.set_defaults(func=evaluate.run)
