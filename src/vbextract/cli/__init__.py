"""The ``vbextract`` command.  One module per verb in this package; each has
``register(subparsers)`` which adds its parser and sets ``func(args) -> int``.

Exit codes: 0 ok, 1 some inputs failed (each failure reported), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from .. import __version__

VERBS = ("extract", "schema", "tasks", "evaluate", "batch", "graph", "report", "serve")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with a clear line
        self.print_usage(sys.stderr)
        self.exit(2, f"vbextract: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every verb that is installed."""
    parser = _Parser(prog="vbextract", description="Structured data from Vietnamese directive documents.")
    parser.add_argument("--version", action="version", version=f"vbextract {__version__}")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    for verb in VERBS:
        try:
            module = importlib.import_module(f"{__name__}.{verb}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{verb}_cmd":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``vbextract`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("vbextract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
