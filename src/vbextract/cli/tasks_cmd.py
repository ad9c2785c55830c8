"""``vbextract tasks FILE [--csv]``: the task list of a document at a glance."""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import textwrap

from ..errors import VbextractError
from ..pipeline import extract
from ..schema import Task

COLUMNS = ("id", "lead", "support", "deadline", "action")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("tasks", help="print who must do what, with whom, by when")
    parser.add_argument("file", metavar="FILE", help="input file; '-' reads stdin")
    parser.add_argument("-f", "--format", help="force the input format (txt, md, html, docx, pdf)")
    parser.add_argument("--csv", action="store_true", help="write CSV to stdout instead of a table")
    parser.set_defaults(func=run)


def row(task: Task) -> dict[str, str]:
    """One task as display strings."""
    return {
        "id": task.id,
        "lead": "; ".join(task.lead) or "—",
        "support": "; ".join(task.support),
        "deadline": (task.deadline.date or "") if task.deadline else "",
        "action": task.action or " ".join(task.text.split()),
    }


def table(tasks: list[Task], width: int) -> str:
    """A plain-text table with wrapped cells, fitted to ``width`` columns."""
    widths = {"id": 4, "lead": 28, "support": 24, "deadline": 10}
    widths["action"] = max(20, width - sum(widths.values()) - 3 * len(widths))
    lines = [" | ".join(c.upper().ljust(widths[c]) for c in COLUMNS)]
    lines.append("-+-".join("-" * widths[c] for c in COLUMNS))
    for task in tasks:
        cells = {c: textwrap.wrap(v, widths[c]) or [""] for c, v in row(task).items()}
        cells["action"] = cells["action"][:3]
        for i in range(max(len(v) for v in cells.values())):
            lines.append(" | ".join((cells[c][i] if i < len(cells[c]) else "").ljust(widths[c]) for c in COLUMNS))
    return "\n".join(line.rstrip() for line in lines)


def run(args: argparse.Namespace) -> int:
    try:
        source = sys.stdin.buffer.read() if args.file == "-" else args.file
        document = extract(source, format=args.format)
    except VbextractError as exc:
        print(f"vbextract: {args.file}: {exc.code}: {exc.message}", file=sys.stderr)
        return 1
    if args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=[*COLUMNS, "report_to", "section", "start", "end"])
        writer.writeheader()
        for task in document.tasks:
            writer.writerow({**row(task), "report_to": "; ".join(task.report_to),
                             "section": task.section or "", "start": task.start, "end": task.end})
        return 0
    if not document.tasks:
        print("no tasks found")
        return 0
    print(table(document.tasks, shutil.get_terminal_size((120, 20)).columns))
    return 0
