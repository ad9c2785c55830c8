"""The citation graph of a corpus: a node per document, an edge child -> parent
per stated relation.

Nodes are keyed by canonical identity (:mod:`vbextract.identity`), so a cited
document and a held document are one node when they are the same document, and
two documents sharing a number but not a year or issuer stay apart.  A mention
that lacks the year or issuer its numbering scheme needs is merged into the one
compatible node when there is exactly one, and the merge is flagged uncertain.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

import networkx as nx

from .identity import Identity, identity
from .schema import Document, Reference

# Relations that place a document under another (used by the hierarchy queries).
HIERARCHY = frozenset({"implements", "reports_on", "guides", "based_on", "amends"})
ALL_RELATIONS = HIERARCHY | {"replaces", "repeals", "mentions"}


@dataclass
class _Mention:
    """What one document says about one document (its own header, or a citation)."""

    ident: Identity
    attrs: dict
    held: bool = False


@dataclass
class _Resolver:
    """Assigns node ids: complete identities first, then partial ones by compatibility."""

    complete: dict[str, list[Identity]] = field(default_factory=lambda: defaultdict(list))

    def add_complete(self, ident: Identity) -> None:
        if not ident.missing and ident not in self.complete[ident.node_id]:
            self.complete[ident.node_id].append(ident)

    def resolve(self, ident: Identity) -> tuple[str, bool]:
        """(node id, uncertain) for an identity."""
        if not ident.missing:
            return ident.node_id, False
        candidates = {
            node_id
            for node_id, idents in self.complete.items()
            if any(ident.compatible(other) for other in idents)
        }
        if len(candidates) == 1:
            return candidates.pop(), True
        return ident.node_id, True


def _document_identity(doc: Document) -> Identity:
    meta = doc.metadata
    fallback = None if meta.symbol else f"doc:{(doc.source.sha256 or doc.source.path or '?')[:16]}"
    return identity(meta.symbol, date=meta.issued_date, issuer=meta.issuer, fallback=fallback)


def _merged_reference_facts(doc: Document) -> dict[str, dict]:
    """Per reference key: the most informative facts over all its mentions."""
    facts: dict[str, dict] = {}
    for ref in doc.references:
        entry = facts.setdefault(ref.key, {"mentions": []})
        entry["mentions"].append(ref)
        for name in ("symbol", "doc_type", "date", "year", "issuer", "title"):
            if entry.get(name) is None and getattr(ref, name) is not None:
                entry[name] = getattr(ref, name)
    return facts


def _reference_identity(facts: dict, key: str) -> Identity:
    return identity(
        facts.get("symbol"),
        date=facts.get("date"),
        year=facts.get("year"),
        issuer=facts.get("issuer"),
        fallback=None if facts.get("symbol") else key,
    )


class Corpus:
    """A set of extracted documents and the citation graph between them."""

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self.documents: list[Document] = list(documents)
        self._graph: Optional[nx.MultiDiGraph] = None

    # --- building -------------------------------------------------------------
    @classmethod
    def from_paths(cls, paths: Iterable[Union[str, Path]], *, workers: int = 1) -> "Corpus":
        """Extract the files (folders and zips included) and build a corpus."""
        from .batch import extract_many

        return cls(extract_many(paths, workers=workers))

    @classmethod
    def from_batch(cls, path: Union[str, Path]) -> "Corpus":
        """Load batch output: a ``.jsonl`` file or a folder of ``.json`` files.

        Error records are skipped (they hold no document)."""
        path = Path(path)
        records: Iterator[str]
        if path.is_dir():
            records = (p.read_text(encoding="utf-8") for p in sorted(path.rglob("*.json")))
        else:
            records = (line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        documents = []
        for record in records:
            data = json.loads(record)
            if "error" not in data:
                documents.append(Document.from_dict(data))
        return cls(documents)

    def add(self, document: Document) -> None:
        """Add a document (the graph is rebuilt on next use)."""
        self.documents.append(document)
        self._graph = None

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The citation graph (built lazily, cached until the corpus changes)."""
        if self._graph is None:
            self._graph = build_graph(self.documents)
        return self._graph

    def node_of(self, document: Document) -> str:
        """Node id of a held document."""
        return self.graph.graph["held_nodes"][id(document)]

    # --- tables ---------------------------------------------------------------
    def tasks_frame(self):
        """Tasks of every document (pandas), with each document's symbol and path."""
        from .frames import frame

        return frame(self.documents, "tasks")

    def references_frame(self):
        """Cited documents of every document (pandas)."""
        from .frames import frame

        return frame(self.documents, "references")

    def dates_frame(self):
        """Dates and deadlines of every document (pandas)."""
        from .frames import frame

        return frame(self.documents, "dates")

    def agencies_frame(self):
        """Agency mentions of every document (pandas)."""
        from .frames import frame

        return frame(self.documents, "agencies")

    # --- queries --------------------------------------------------------------
    def find(self, symbol: str, year: Optional[int] = None) -> list[str]:
        """Node ids whose symbol matches (and year, when given)."""
        wanted = identity(symbol, year=year)
        return [
            node
            for node, data in self.graph.nodes(data=True)
            if data.get("symbol") and wanted.compatible(identity(data["symbol"], year=data.get("year") or None))
        ]

    def parents(self, node: str, relations: Sequence[str] = tuple(ALL_RELATIONS)) -> list[str]:
        """Documents this one points to directly through the given relations."""
        return sorted({v for _, v, rel in self.graph.out_edges(node, data="relation") if rel in relations})

    def ancestors(self, node: str, relations: Sequence[str] = tuple(ALL_RELATIONS)) -> list[str]:
        """Every document above this one, up to the root directives."""
        return sorted(self._walk(node, relations, upward=True))

    def descendants(self, node: str, relations: Sequence[str] = tuple(ALL_RELATIONS)) -> list[str]:
        """Every document under this one, directly or through intermediate plans."""
        return sorted(self._walk(node, relations, upward=False))

    def implementers(self, node: str) -> list[dict]:
        """Documents implementing ``node`` directly or through intermediate plans, with dates."""
        return [
            {"node": n, "symbol": self.graph.nodes[n].get("symbol"), "date": self.graph.nodes[n].get("date"),
             "held": self.graph.nodes[n].get("held")}
            for n in self.descendants(node, tuple(HIERARCHY))
        ]

    def replaced(self) -> list[tuple[str, str]]:
        """(old, new) pairs: documents replaced by later ones."""
        return sorted(
            (v, u) for u, v, rel in self.graph.edges(data="relation") if rel in {"replaces", "repeals"}
        )

    def deadlines_under(self, node: str) -> list[dict]:
        """Deadlines of all held documents under ``node`` (tasks' deadlines included)."""
        under = set(self.descendants(node))
        rows = []
        for doc in self.documents:
            if self.node_of(doc) not in under:
                continue
            for date in doc.dates:
                if date.kind == "deadline":
                    rows.append({"node": self.node_of(doc), "path": doc.source.path, "deadline": date.value,
                                 "text": date.text})
        return sorted(rows, key=lambda r: (r["deadline"] or "", r["node"]))

    def _walk(self, node: str, relations: Sequence[str], *, upward: bool) -> set[str]:
        seen: set[str] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            edges = self.graph.out_edges(current, data="relation") if upward else self.graph.in_edges(current, data="relation")
            for u, v, rel in edges:
                nxt = v if upward else u
                if rel in relations and nxt not in seen and nxt != node:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen


def _node_attrs(facts: dict, ident: Identity) -> dict:
    return {
        "symbol": facts.get("symbol") or "",
        "doc_type": facts.get("doc_type") or "",
        "date": facts.get("date") or "",
        "year": ident.year or 0,
        "issuer": facts.get("issuer") or "",
        "title": facts.get("title") or "",
    }


def _merge_node(graph: nx.MultiDiGraph, node: str, attrs: dict, *, held: bool, uncertain: bool) -> None:
    if node not in graph:
        graph.add_node(node, held=held, uncertain=uncertain, **attrs)
        return
    data = graph.nodes[node]
    for name, value in attrs.items():
        if value and (not data.get(name) or held):
            data[name] = value
    data["held"] = data.get("held", False) or held
    data["uncertain"] = data.get("uncertain", False) or uncertain


def build_graph(documents: Sequence[Document]) -> nx.MultiDiGraph:
    """Build the MultiDiGraph of documents and the documents they cite."""
    resolver = _Resolver()
    doc_idents = [_document_identity(doc) for doc in documents]
    per_doc_facts = [_merged_reference_facts(doc) for doc in documents]
    for ident in doc_idents:
        resolver.add_complete(ident)
    for facts in per_doc_facts:
        for key, fact in facts.items():
            resolver.add_complete(_reference_identity(fact, key))

    graph = nx.MultiDiGraph()
    held_nodes: dict[int, str] = {}
    for doc, ident, facts in zip(documents, doc_idents, per_doc_facts):
        meta = doc.metadata
        doc_node, uncertain = resolver.resolve(ident)
        held_nodes[id(doc)] = doc_node
        _merge_node(
            graph, doc_node,
            {"symbol": meta.symbol or "", "doc_type": meta.doc_type or "", "date": meta.issued_date or "",
             "year": ident.year or 0, "issuer": meta.issuer or "", "title": meta.title or "",
             "path": doc.source.path or ""},
            held=True, uncertain=uncertain,
        )
        key_nodes: dict[str, str] = {}
        for key, fact in facts.items():
            ref_ident = _reference_identity(fact, key)
            ref_node, ref_uncertain = resolver.resolve(ref_ident)
            if ref_node == doc_node:
                continue
            key_nodes[key] = ref_node
            _merge_node(graph, ref_node, _node_attrs(fact, ref_ident), held=False, uncertain=ref_uncertain)
        for key, fact in facts.items():
            if key not in key_nodes:
                continue
            _add_reference_edges(graph, doc, doc_node, key_nodes, key, fact["mentions"])
    graph.graph["held_nodes"] = held_nodes
    return graph


def _add_reference_edges(
    graph: nx.MultiDiGraph, doc: Document, doc_node: str, key_nodes: dict[str, str], key: str,
    mentions: list[Reference],
) -> None:
    """SELF -> cited per distinct relation, and cited -> cited from each citation's own title."""
    ref_node = key_nodes[key]
    evidence = {"citing": doc_node, "path": doc.source.path or ""}
    relations = {m.relation for m in mentions} - ({"mentions"} if len(mentions) > 1 else set())
    for relation in sorted(relations or {"mentions"}):
        first = next((m for m in mentions if m.relation == relation), mentions[0])
        graph.add_edge(doc_node, ref_node, key=relation, relation=relation,
                       start=first.start, end=first.end, **evidence)
    for mention in mentions:
        for cite in mention.cites:
            target = key_nodes.get(cite.key)
            if target and not graph.has_edge(ref_node, target, key=cite.relation):
                graph.add_edge(ref_node, target, key=cite.relation, relation=cite.relation,
                               start=mention.start, end=mention.end, **evidence)
