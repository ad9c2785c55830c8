"""Citation graph: identity rules, queries, exports."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import vbextract
from vbextract.graph import Corpus
from vbextract.graph_export import write_graph
from vbextract.identity import identity
from vbextract.schema import CitedRelation, Document, Metadata, Reference, Source

RAW = Path(__file__).resolve().parents[1] / "corpora" / "raw"
SEEDS = sorted(RAW.glob("00*.txt"))


def _doc(symbol: str | None, date: str | None, issuer: str | None, refs: list[Reference], name: str) -> Document:
    return Document(
        source=Source(path=name, sha256=name * 4),
        metadata=Metadata(symbol=symbol, issued_date=date, issuer=issuer),
        references=refs,
    )


def _ref(symbol: str, relation: str = "mentions", date: str | None = None, issuer: str | None = None,
         cites: list[CitedRelation] | None = None) -> Reference:
    return Reference(id="r", text=symbol, start=0, end=len(symbol), symbol=symbol, key=symbol.upper(), date=date,
                     issuer=issuer, relation=relation, cites=cites or [])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (identity("45/2025/NĐ-CP"), identity("45/2025/nđ-cp", date="2025-02-28"), True),
        (identity("36-CT/TW", date="2019-08-16"), identity("36-CT/TW", date="2014-01-01"), False),
        (identity("235/KH-UBND", date="2025-09-11", issuer="Ủy ban nhân dân tỉnh Đồng Tháp"),
         identity("235/KH-UBND", date="2025-03-01", issuer="Ủy ban nhân dân tỉnh Quảng Ngãi"), False),
        (identity("235/KH-UBND", date="2025-09-11", issuer="Ủy ban nhân dân tỉnh Đồng Tháp"),
         identity("235/KH-UBND", date="2024-09-11", issuer="Ủy ban nhân dân tỉnh Đồng Tháp"), False),
        (identity("36- CT/TW", year=2019), identity("36-CT/TW", date="2019-08-16"), True),
    ],
)
def test_identity_scopes(a, b, same: bool) -> None:
    assert (a.node_id == b.node_id) is same


def test_numbering_schemes_need_their_scope() -> None:
    assert identity("45/2025/NĐ-CP").missing == ()
    assert identity("36-CT/TW").missing == ("year",)
    assert identity("235/KH-UBND", date="2025-01-01").missing == ("issuer",)


def test_partial_mention_merges_into_the_unique_compatible_node_and_is_flagged() -> None:
    full = _doc("157/KH-UBND", "2019-12-13", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                [_ref("36-CT/TW", "implements", date="2019-08-16", issuer="Bộ Chính trị")], "a")
    short = _doc("12/KH-UBND", "2020-01-05", "Ủy ban nhân dân huyện Sơn Tịnh", [_ref("36-CT/TW", "implements")], "b")
    other_term = _doc("5/KH-UBND", "2015-02-01", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                      [_ref("36-CT/TW", "implements", date="2014-06-01")], "c")
    corpus = Corpus([full, short])
    graph = corpus.graph
    assert graph.has_edge(corpus.node_of(short), "36-CT/TW@2019")
    assert graph.nodes["36-CT/TW@2019"]["uncertain"] is True
    corpus.add(other_term)
    # Two terms now hold a 36-CT/TW: the undated mention can no longer be merged.
    assert corpus.parents(corpus.node_of(short)) == ["36-CT/TW"]
    assert corpus.parents(corpus.node_of(other_term)) == ["36-CT/TW@2014"]


def test_queries_on_a_small_hierarchy() -> None:
    directive = _doc("36-CT/TW", "2019-08-16", "Bộ Chính trị", [], "ct")
    plan = _doc("227-KH/TU", "2019-10-29", "Ban Thường vụ Tỉnh ủy",
                [_ref("36-CT/TW", "implements", date="2019-08-16")], "kh")
    new = _doc("9/KH-UBND", "2021-01-01", "Ủy ban nhân dân tỉnh X",
               [_ref("227-KH/TU", "implements", date="2019-10-29"),
                _ref("3/KH-UBND", "replaces", date="2020-05-05", issuer="Ủy ban nhân dân tỉnh X")], "new")
    corpus = Corpus([directive, plan, new])
    root = corpus.node_of(directive)
    assert corpus.ancestors(corpus.node_of(new)) == sorted([root, corpus.node_of(plan), "3/KH-UBND@2020@ủy ban nhân dân tỉnh x"])
    assert [row["symbol"] for row in corpus.implementers(root)] == ["227-KH/TU", "9/KH-UBND"]
    assert corpus.replaced() == [("3/KH-UBND@2020@ủy ban nhân dân tỉnh x", corpus.node_of(new))]


@pytest.fixture(scope="module")
def seed_corpus() -> Corpus:
    return Corpus(vbextract.extract(p) for p in SEEDS)


def _symbol_nodes(corpus: Corpus, symbol: str) -> list[str]:
    return corpus.find(symbol)


def test_seed_graph_hierarchy(seed_corpus: Corpus) -> None:
    graph = seed_corpus.graph
    [plan] = _symbol_nodes(seed_corpus, "235/KH-UBND")
    [conclusion] = _symbol_nodes(seed_corpus, "132-KL/TW")
    [directive] = _symbol_nodes(seed_corpus, "36-CT/TW")
    assert graph.has_edge(plan, conclusion) and graph.has_edge(conclusion, directive)
    replaced = {old for old, new in seed_corpus.replaced() if new == plan}
    assert len(replaced) == 2
    assert {graph.nodes[n]["symbol"] for n in replaced} == {"189/KH-UBND", "246/KH-UBND"}
    for symbol in ("230-KH/ĐUCA", "227-KH/TU"):
        [node] = _symbol_nodes(seed_corpus, symbol)
        assert directive in seed_corpus.ancestors(node)
    for document in seed_corpus:
        if any(r.key == "36-CT/TW" for r in document.references):
            assert seed_corpus.node_of(document) in seed_corpus.descendants(directive)


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json", ".html"])
def test_exports_round_trip(seed_corpus: Corpus, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"graph{suffix}"
    write_graph(seed_corpus.graph, out)
    nodes = seed_corpus.graph.number_of_nodes()
    if suffix == ".graphml":
        assert nx.read_graphml(out).number_of_nodes() == nodes
    elif suffix == ".gexf":
        assert nx.read_gexf(out).number_of_nodes() == nodes
    elif suffix == ".json":
        assert len(json.loads(out.read_text(encoding="utf-8"))["nodes"]) == nodes
    else:
        page = out.read_text(encoding="utf-8")
        assert page.count('class="node"') == nodes and "http" not in page.split("<svg", 1)[0].lower()
