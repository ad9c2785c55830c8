"""``vbextract serve``: the HTTP API (see :mod:`vbextract.server`)."""

from __future__ import annotations

import argparse
import sys

from ..server import make_server


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="serve the HTTP API (POST /v1/extract, /v1/tasks)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    server = make_server(args.host, args.port)
    print(f"vbextract: serving on http://{args.host}:{server.server_port} (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
