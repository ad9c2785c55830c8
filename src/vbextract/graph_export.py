"""Write a citation graph as GraphML, GEXF, node-link JSON or a self-contained HTML view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Union

import networkx as nx

from .graph_html import render_html

FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".html": "html", ".htm": "html"}


def portable(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only str/int/float/bool attributes (what GraphML and GEXF accept)."""
    clean = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        clean.add_node(node, **{k: v for k, v in data.items() if isinstance(v, (str, int, float, bool))})
    for u, v, key, data in graph.edges(keys=True, data=True):
        clean.add_edge(u, v, key=key, **{k: x for k, x in data.items() if isinstance(x, (str, int, float, bool))})
    return clean


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link JSON data (the d3 / networkx convention)."""
    return nx.node_link_data(portable(graph), edges="links")


def write_graph(graph: nx.MultiDiGraph, path: Union[str, Path]) -> str:
    """Write ``graph`` in the format named by the file extension; return the format."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown graph format {path.suffix!r}; use one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(portable(graph), path)
    elif fmt == "gexf":
        nx.write_gexf(portable(graph), path)
    elif fmt == "json":
        path.write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        path.write_text(render_html(portable(graph)), encoding="utf-8")
    return fmt
