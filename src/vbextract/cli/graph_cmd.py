"""``vbextract graph INPUT... -o graph.graphml|.gexf|.json|.html``: the citation graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..graph import Corpus
from ..graph_export import FORMATS, write_graph


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "graph", help="build the citation graph of documents or of batch output",
        description="INPUT: documents, folders, zips, or batch output (a .jsonl file or a folder of .json).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--out", required=True, help=f"output file: {', '.join(FORMATS)}")
    parser.add_argument("-w", "--workers", type=int, default=1)
    parser.set_defaults(func=run)


def _is_batch_output(path: Path) -> bool:
    return path.suffix == ".jsonl" or (path.is_dir() and any(path.rglob("*.json")))


def run(args: argparse.Namespace) -> int:
    if Path(args.out).suffix.lower() not in FORMATS:
        print(f"vbextract: unknown graph format; use one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    paths = [Path(p) for p in args.inputs]
    corpus = Corpus()
    documents = [p for p in paths if not _is_batch_output(p)]
    for path in paths:
        if _is_batch_output(path):
            for document in Corpus.from_batch(path):
                corpus.add(document)
    for document in Corpus.from_paths(documents, workers=args.workers) if documents else ():
        corpus.add(document)
    write_graph(corpus.graph, args.out)
    graph = corpus.graph
    print(f"vbextract: {len(corpus)} documents, {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges -> {args.out}", file=sys.stderr)
    return 0
