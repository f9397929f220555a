"""Model.to_networkx keeps every node and edge, with kinds, names and amounts."""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx

import kyoso


def test_every_node_and_edge_is_kept(model: kyoso.Model) -> None:
    g = model.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == model.node_count
    assert g.number_of_edges() == model.edge_count
    assert set(g.nodes) == {n.id for n in model.nodes()}


def test_edges_are_the_models_edges_keyed_by_relation(model: kyoso.Model) -> None:
    g = model.to_networkx()
    edges = json.loads(model.export("jgf"))["graph"]["edges"]
    expected = Counter((e["source"], e["target"], e["relation"]) for e in edges)
    assert Counter(list(g.edges(keys=True))) == expected
    for _, _, key, data in g.edges(keys=True, data=True):
        assert data["relation"] == key
        assert data["certainty"] in ("certain", "high", "medium", "unknown")


def test_nodes_carry_kind_names_attributes_and_amounts(model: kyoso.Model) -> None:
    g = model.to_networkx()
    for node in model.nodes():
        data = g.nodes[node.id]
        assert (data["kind"], data["name_ja"], data["name_en"]) == (
            node.kind, node.name.ja, node.name.en)
        assert data["attributes"] == node.attributes
        assert [(f["name"], f["value"], f["unit"]) for f in data["figures"]] == [
            (f.name, f.value, f.unit) for f in node.figures]
    budgets = [f for f in g.nodes["program/coi-next"]["figures"] if f["name"] == "budget"]
    assert {f["fiscal_year"]: f["value"] for f in budgets} == {
        2023: 13_800_000_000, 2024: 13_400_000_000, 2025: 13_400_000_000}


def test_graph_algorithms_agree_with_the_path_query(model: kyoso.Model) -> None:
    g = model.to_networkx()
    expected = model.path("university/hirosaki", "program/coi-next").length
    assert nx.shortest_path_length(g.to_undirected(as_view=True), "university/hirosaki",
                                   "program/coi-next") == expected


def test_a_small_model_converts_whole(write_model) -> None:
    from conftest import small_graph

    g = kyoso.load(write_model(small_graph())).to_networkx()
    assert list(g.edges(keys=True)) == [("program/p", "purpose/q", "serves")]
    assert g.graph["id"] == "small"
