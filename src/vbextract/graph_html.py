"""A self-contained interactive HTML view of a citation graph (inline SVG, no network).

Layout: documents are placed in layers by their depth under the root directives
(parents above children), which reads like an implementation tree."""

from __future__ import annotations

import html
import json

import networkx as nx

_COLOURS = {"held": "#2b6cb0", "cited": "#a0aec0", "uncertain": "#dd6b20"}
_EDGE_COLOURS = {"implements": "#2f855a", "reports_on": "#6b46c1", "based_on": "#4a5568", "replaces": "#c53030",
                 "repeals": "#c53030", "amends": "#d69e2e", "guides": "#3182ce", "mentions": "#cbd5e0"}
_WIDTH, _LAYER_HEIGHT, _MARGIN, _NODE_SPACING, _LABEL_CHARS = 1200, 140, 60, 130, 22


def _layers(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Depth of each node below the roots (a node with no parent is a root)."""
    depth: dict[str, int] = {}
    simple = nx.DiGraph((u, v) for u, v in graph.edges())
    simple.add_nodes_from(graph.nodes)
    condensed = nx.condensation(simple)
    members = condensed.graph["mapping"]
    order = list(nx.topological_sort(condensed.reverse()))
    comp_depth: dict[int, int] = {}
    for comp in order:
        parents = list(condensed.successors(comp))
        comp_depth[comp] = 1 + max((comp_depth[p] for p in parents), default=-1)
    for node in graph.nodes:
        depth[node] = comp_depth[members[node]]
    return depth


def _positions(graph: nx.MultiDiGraph) -> tuple[dict[str, tuple[float, float]], int]:
    """Node positions (parents above children) and the drawing width they need."""
    depth = _layers(graph)
    rows: dict[int, list[str]] = {}
    for node in sorted(graph.nodes, key=lambda n: (graph.nodes[n].get("date", ""), n)):
        rows.setdefault(depth[node], []).append(node)
    width = max(_WIDTH, _NODE_SPACING * max((len(r) for r in rows.values()), default=1) + 2 * _MARGIN)
    pos = {}
    for level, nodes in rows.items():
        step = (width - 2 * _MARGIN) / max(len(nodes), 1)
        for i, node in enumerate(nodes):
            pos[node] = (_MARGIN + step * (i + 0.5), _MARGIN + level * _LAYER_HEIGHT)
    return pos, int(width)


def _label(data: dict, node: str) -> str:
    """Symbol, else the start of the title, else the type or file name."""
    path_stem = (data.get("path") or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    title = data.get("title", "")
    return data.get("symbol") or (title[:_LABEL_CHARS] + "…" if len(title) > _LABEL_CHARS else title) \
        or data.get("doc_type") or path_stem or node


def render_html(graph: nx.MultiDiGraph, title: str = "vbextract citation graph") -> str:
    """The whole page as one string: SVG drawing, legend, hover details, pan and zoom."""
    pos, width = _positions(graph)
    height = _MARGIN * 2 + _LAYER_HEIGHT * (max((y for _, y in pos.values()), default=0) // _LAYER_HEIGHT + 1)
    parts = []
    for u, v, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        relation = data.get("relation", "mentions")
        colour = _EDGE_COLOURS.get(relation, "#718096")
        parts.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'marker-end="url(#arrow)"><title>{html.escape(_label(graph.nodes[u], u))} {relation} '
            f"{html.escape(_label(graph.nodes[v], v))}</title></line>"
        )
    for index, (node, (x, y)) in enumerate(sorted(pos.items(), key=lambda item: (item[1][1], item[1][0]))):
        data = graph.nodes[node]
        label_y = y + (26 if index % 2 == 0 else 42)  # staggered so neighbours' labels do not collide
        kind = "uncertain" if data.get("uncertain") else "held" if data.get("held") else "cited"
        details = json.dumps({k: v for k, v in data.items() if v not in ("", 0)}, ensure_ascii=False)
        parts.append(
            f'<g class="node" data-id="{html.escape(node)}" data-details="{html.escape(details)}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="{_COLOURS[kind]}"/>'
            f'<text x="{x:.1f}" y="{label_y:.1f}" text-anchor="middle">{html.escape(_label(data, node))}</text>'
            f"<title>{html.escape(node)}</title></g>"
        )
    legend = " ".join(
        f'<span style="color:{c}">&#9644; {r}</span>' for r, c in _EDGE_COLOURS.items()
    ) + " | " + " ".join(f'<span style="color:{c}">&#9679; {k}</span>' for k, c in _COLOURS.items())
    return _PAGE.format(
        title=html.escape(title), legend=legend, width=width, height=int(height), body="\n".join(parts),
        nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
    )


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>
body{{font-family:sans-serif;margin:0;background:#f7fafc}} header{{padding:8px 16px;background:#fff;border-bottom:1px solid #e2e8f0}}
svg{{background:#fff;cursor:grab}} .node text{{font-size:12px;fill:#1a202c}} .edge{{stroke-width:1.6}}
#details{{position:fixed;right:12px;top:60px;max-width:380px;background:#fff;border:1px solid #cbd5e0;padding:8px;
font-size:12px;white-space:pre-wrap;display:none}}
</style></head><body>
<header><b>{title}</b> — {nodes} documents, {edges} relations. Arrows point from a document to the one it
cites. Drag to pan, wheel to zoom, click a node for details.<br>{legend}</header>
<svg id="graph" width="100%" height="{height}" viewBox="0 0 {width} {height}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="22" refY="5" markerWidth="7" markerHeight="7" orient="auto">
<path d="M0,0L10,5L0,10z" fill="#718096"/></marker></defs>
{body}
</svg><pre id="details"></pre>
<script>
(function(){{
const svg=document.getElementById('graph');const box=document.getElementById('details');
let vb=svg.viewBox.baseVal,drag=null;
svg.addEventListener('mousedown',e=>{{drag=[e.clientX,e.clientY,vb.x,vb.y];}});
window.addEventListener('mouseup',()=>{{drag=null;}});
svg.addEventListener('mousemove',e=>{{if(!drag)return;const s=vb.width/svg.clientWidth;
vb.x=drag[2]-(e.clientX-drag[0])*s;vb.y=drag[3]-(e.clientY-drag[1])*s;}});
svg.addEventListener('wheel',e=>{{e.preventDefault();const f=e.deltaY>0?1.1:0.9;
vb.x+=vb.width*(1-f)/2;vb.y+=vb.height*(1-f)/2;vb.width*=f;vb.height*=f;}},{{passive:false}});
document.querySelectorAll('.node').forEach(n=>n.addEventListener('click',()=>{{
box.style.display='block';box.textContent=n.dataset.id+'\\n'+JSON.stringify(JSON.parse(n.dataset.details),null,1);}}));
}})();
</script></body></html>
"""
