"""Checks that networkx reads kyoso's GraphML and node-link exports whole.

Usage: networkx_check.py GRAPHML_FILE NODE_LINK_FILE NODE_COUNT EDGE_COUNT

Run with an interpreter that has networkx 2.8 or later (Debian's /usr/bin/python3 with
python3-networkx). Exits non-zero, naming the difference, if a node or an edge is missing.
"""

import json
import sys

import networkx as nx


def check(label, graph, nodes, edges):
    assert graph.is_directed(), f"{label}: graph is not directed"
    assert graph.number_of_nodes() == nodes, (
        f"{label}: {graph.number_of_nodes()} nodes, expected {nodes}")
    assert graph.number_of_edges() == edges, (
        f"{label}: {graph.number_of_edges()} edges, expected {edges}")


def main(graphml_file, node_link_file, nodes, edges):
    nodes, edges = int(nodes), int(edges)

    graphml = nx.read_graphml(graphml_file, force_multigraph=True)
    check("GraphML", graphml, nodes, edges)
    ids = nx.get_node_attributes(graphml, "kyoso_id")
    assert len(ids) == nodes and len(set(ids.values())) == nodes, "GraphML: kyoso_id missing"
    for _, data in graphml.nodes(data=True):
        assert data["kind"] and data["name_ja"] and data["name_en"], f"GraphML: {data}"
        for key in ("attributes_json", "figures_json", "sources_json"):
            json.loads(data[key])
    for _, _, data in graphml.edges(data=True):
        assert data["relation"] and data["certainty"], f"GraphML: {data}"
        assert isinstance(data["fiscal_year"], int), f"GraphML: {data}"
        json.loads(data["sources_json"])

    with open(node_link_file, encoding="utf-8") as f:
        node_link = nx.node_link_graph(json.load(f))
    check("node-link", node_link, nodes, edges)
    assert node_link.is_multigraph(), "node-link: not a multigraph"
    assert set(node_link.nodes) == set(ids.values()), "node-link: ids differ from GraphML"
    for _, _, key, data in node_link.edges(keys=True, data=True):
        assert key == data["relation"], f"node-link: key {key!r} is not the relation"

    print(f"networkx {nx.__version__} read {nodes} nodes and {edges} edges from both files")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
