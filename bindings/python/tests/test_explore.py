"""neighbors and path give the C++ API's answers (tests/query_explore_test.cpp)."""

from __future__ import annotations

import kyoso


def test_neighbors_one_step_out_are_the_nodes_edges_lead_to(model: kyoso.Model) -> None:
    found = model.neighbors("program/coi-next")
    assert [n.depth for n in found] == [1] * len(found)
    assert "mission/regional-revitalization" in [n.id for n in found]
    for n in found:
        assert n.path.nodes == ["program/coi-next", n.id]
        assert n.path.forward == [True]


def test_neighbors_by_relation_and_direction(model: kyoso.Model) -> None:
    found = model.neighbors("mission/regional-revitalization", relation="targets",
                            direction="in")
    assert "program/coi-next" in [n.id for n in found]
    assert {n.kind for n in found} == {"program"}
    assert all(n.path.relations == ["targets"] and n.path.forward == [False] for n in found)


def test_neighbors_are_nearest_first_then_by_id(model: kyoso.Model) -> None:
    found = model.neighbors("program/coi-next", direction="both", depth=2)
    keys = [(n.depth, n.id) for n in found]
    assert keys == sorted(keys)
    assert {n.depth for n in found} == {1, 2}
    assert all(len(n.path) == n.depth for n in found)


def test_paths_from_a_factor_to_a_case(model: kyoso.Model) -> None:
    result = model.path("factor/1", "university/tuat", directed=True)
    assert result.length == 2
    assert [p.nodes[1] for p in result.paths] == ["challenge/01", "challenge/02", "challenge/06"]
    assert result.paths[0].nodes == ["factor/1", "challenge/01", "university/tuat"]
    assert result.paths[0].relations == ["addresses", "reference_case"]
    assert not result.truncated


def test_how_hirosaki_is_connected_to_coi_next(model: kyoso.Model) -> None:
    result = model.path("university/hirosaki", "program/coi-next")
    assert result.length == 2
    assert str(result.paths[0]) == (
        "university/hirosaki -awarded-> program/j-peaks <-considers- program/coi-next")


def test_no_path_has_no_length(model: kyoso.Model) -> None:
    result = model.path("university/hirosaki", "program/coi-next", max_length=1)
    assert result.length is None and result.paths == []


def test_paths_may_be_limited_to_relations_and_count(model: kyoso.Model) -> None:
    result = model.path("factor/1", "university/tuat", relations=["addresses", "reference_case"],
                        max_paths=1)
    assert result.length == 2
    assert len(result.paths) == 1 and result.truncated
