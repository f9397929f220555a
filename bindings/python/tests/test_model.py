"""Loading models, reading their nodes, saving them, and what `import kyoso` costs."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kyoso
from conftest import small_graph


def test_import_needs_neither_pandas_nor_networkx() -> None:
    code = "import sys, kyoso; print(sorted({'pandas', 'networkx'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_default_model_is_the_fy2024_dataset(model: kyoso.Model) -> None:
    assert model.info.id == "kyoso-fy2024"
    assert model.info.fiscal_year == 2024
    assert model.node_count == len(model.nodes()) > 100
    assert model.edge_count > model.node_count


def test_a_node_carries_its_names_attributes_figures_and_sources(model: kyoso.Model) -> None:
    coi = model.node("program/coi-next")
    assert coi.kind == "program"
    assert coi.name.ja == "共創の場形成支援プログラム（COI-NEXT）"
    assert coi.attributes["fields"] == "any"
    assert [c.status for c in coi.calls if c.fiscal_year == 2024] == ["open"]
    assert coi.attributes["awarded_list"] == "partial"  # the national layer's
    budget = coi.figure("budget", fiscal_year=2024)
    assert budget is not None
    assert (budget.value, budget.unit, budget.qualifier) == (13_400_000_000, "jpy", "approx")
    assert any("134億円" in s.quote for s in budget.sources)
    # The core quotes the seed; the national layer cites JST's list of hubs.
    assert coi.sources[0].document and any(s.publisher for s in coi.sources)


def test_an_id_may_leave_out_its_kind(model: kyoso.Model) -> None:
    assert model.node("coi-next").id == "program/coi-next"
    assert model.resolve("social-implementation") == "purpose/social-implementation"
    assert "program/coi-next" in model
    assert "coi-next" not in model  # membership is by exact id


def test_nodes_of_one_kind_come_in_id_order(model: kyoso.Model) -> None:
    programs = model.nodes("program")
    ids = [n.id for n in programs]
    assert ids == sorted(ids)
    assert {n.kind for n in programs} == {"program"}
    assert "program/coi-next/nurturing" in ids


def test_the_vocabulary_is_exposed_as_the_format_documents_it() -> None:
    # docs/format.md is the reference: its relation table and kind list must match the code.
    doc = (Path(__file__).resolve().parents[3] / "docs" / "format.md").read_text(encoding="utf-8")
    documented_relations = re.findall(r"^\| `(\w+)` \|", doc, flags=re.MULTILINE)
    kinds_line = re.search(r"`metadata.kind` \(required\): one of `([^`]+)`", doc)
    assert kinds_line, "docs/format.md no longer lists the kinds"
    assert set(kyoso.KINDS) == set(kinds_line.group(1).split())
    assert set(kyoso.RELATIONS) == set(documented_relations)
    assert len(set(kyoso.RELATIONS)) == len(kyoso.RELATIONS)


def test_saving_and_loading_gives_an_equal_model(model: kyoso.Model, tmp_path) -> None:
    path = tmp_path / "fy2024.jgf.json"
    model.save(path)
    loaded = kyoso.load(path)
    assert loaded == model
    assert path.read_text(encoding="utf-8") == model.export("jgf")


def test_a_small_model_loads_from_a_file_or_from_text(write_model) -> None:
    document = small_graph()
    from_file = kyoso.load(write_model(document))
    from_text = kyoso.parse(json.dumps(document))
    assert from_file == from_text
    assert (from_file.node_count, from_file.edge_count) == (2, 1)
    assert from_file != kyoso.Model()


DATA = Path(__file__).resolve().parents[3] / "data"


def test_the_core_and_the_national_layer_load_as_the_default_model(model: kyoso.Model) -> None:
    assert kyoso.load(DATA / "fy2024.jgf.json", DATA / "national.jgf.json") == model
    national = kyoso.load(DATA / "national.jgf.json")  # each layer loads alone
    assert len(national.nodes("university")) == 814


def test_layers_that_disagree_name_both_files_and_the_key(write_model) -> None:
    def with_attribute(value: str) -> dict:
        document = small_graph()
        document["graph"]["nodes"]["program/p"]["metadata"]["attributes"] = {"fields": value}
        return document

    first = write_model(with_attribute("any"), "first.json")
    second = write_model(with_attribute("other"), "second.json")
    with pytest.raises(kyoso.ValidationError) as caught:
        kyoso.load(first, second)
    message = str(caught.value)
    assert 'attribute "fields" is "any" in ' in message and str(first) in message
    assert str(second) in message


def test_networkx_edges_carry_their_attributes_and_figures(model: kyoso.Model) -> None:
    graph = model.to_networkx()
    award = graph.get_edge_data("university/hirosaki", "program/j-peaks")["awarded"]
    assert award["attributes"]["round"] == "2"
    allocation = graph.get_edge_data(
        "university/hirosaki", "program/regional-innovation-environment"
    )["awarded"]
    assert allocation["figures"][0]["value"] == 150_000_000


def test_a_model_pickles_as_its_file(model: kyoso.Model) -> None:
    assert pickle.loads(pickle.dumps(model)) == model


def test_every_export_holds_every_node(model: kyoso.Model) -> None:
    node_link = json.loads(model.export("node-link"))
    assert len(node_link["nodes"]) == model.node_count
    assert len(node_link["links"]) == model.edge_count
    jgf = json.loads(model.export("jgf"))
    assert len(jgf["graph"]["nodes"]) == model.node_count
    assert model.export("graphml").count("<node ") == model.node_count
    assert model.export("dot").count("[id=") == model.node_count


def drawn(dot: str) -> list[str]:
    return sorted(line.split('"')[1] for line in dot.splitlines() if "[id=" in line)


def test_a_subgraph_keeps_the_nodes_given_and_the_edges_among_them(model: kyoso.Model) -> None:
    rec = model.explain("program/coi-next", mission="regional-revitalization",
                        goals=["social-implementation"])
    part = model.subgraph(rec.nodes)
    assert sorted(n.id for n in part.nodes()) == sorted(rec.nodes)
    assert part.info == model.info
    assert part.node("program/coi-next") == model.node("program/coi-next")
    expected = {(str(p.nodes[0]), p.relations[0]) for c in rec.met for p in c.paths}
    edges = {(e["source"], e["relation"]) for e in json.loads(part.export("jgf"))["graph"]["edges"]}
    assert expected <= edges
    assert drawn(part.export("dot", lang="en")) == sorted(rec.nodes)
    assert model.subgraph(["coi-next"]).node_count == 1


def test_dot_can_focus_on_a_node(model: kyoso.Model) -> None:
    assert drawn(model.export("dot", focus="coi-next", depth=0)) == ["program/coi-next"]
    near = drawn(model.export("dot", focus="program/coi-next", depth=1))
    assert sorted(["program/coi-next", *(n.id for n in model.neighbors("program/coi-next",
                                                                       direction="both"))]) == near


def test_parsing_releases_the_gil() -> None:
    # A thread that records when it runs, sleeping (so yielding the GIL) in between. With no
    # forced switches, it can run during the parse only if the parse has released the GIL.
    nodes = {f"purpose/p{i}": {"metadata": {"kind": "purpose", "name": {"ja": "目的", "en": "p"}}}
             for i in range(50_000)}
    text = json.dumps({"schema_version": kyoso.SCHEMA_VERSION,
                       "graph": {"id": "big", "nodes": nodes, "edges": []}})
    interval = sys.getswitchinterval()
    ran: list[float] = []
    done = threading.Event()

    def record() -> None:
        while not done.is_set():
            ran.append(time.perf_counter())
            time.sleep(0.001)

    sys.setswitchinterval(60)
    try:
        thread = threading.Thread(target=record)
        thread.start()
        start = time.perf_counter()
        big = kyoso.parse(text)
        end = time.perf_counter()
        done.set()
        thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert big.node_count == 50_000
    assert end - start > 0.05, "the parse was too quick to tell"
    assert [t for t in ran if start < t < end], "no other thread ran while parsing"
