"""Every result that lists things has to_dataframe(): one row per item, columns from the
items' schemas, texts split into _ja and _en."""

from __future__ import annotations

import pandas as pd
import pytest

import kyoso

REGIONAL = "mission/regional-revitalization"


def test_fit_results_are_one_row_each_in_rank_order(model: kyoso.Model) -> None:
    results = model.fit(mission=REGIONAL, goals=["social-implementation"])
    df = results.to_dataframe()
    assert isinstance(df, pd.DataFrame)
    assert list(df["id"]) == [r.id for r in results]
    assert list(df.columns[:5]) == ["id", "name_ja", "name_en", "score", "eligibility"]
    assert df.loc[0, "id"] == "program/coi-next" and df.loc[0, "score"] == pytest.approx(1.0)
    assert df.loc[0, "name_ja"] == results[0].name.ja
    assert df.loc[0, "met"] == ["mission", "goal:purpose/social-implementation"]
    assert df.loc[0, "reasons_en"] == [r.en for r in results[0].reasons]
    assert df.loc[0, "paths"] == [str(p) for p in results[0].paths]
    assert df.loc[0, "sources"] == len(results[0].sources)  # listed objects without an id: counted
    assert df["score"].dtype == float


def test_a_list_member_of_any_result_tabulates(model: kyoso.Model) -> None:
    rec = model.explain("program/coi-next/full-scale/regional", mission=REGIONAL,
                        goals=["social-implementation"], stage="stage/2")
    table = rec.to_dataframe("criteria")
    assert table["contribution"].sum() == pytest.approx(rec.score)
    assert list(table["id"]) == [c.id for c in rec.criteria]
    assert list(table["description_en"]) == [c.description.en for c in rec.criteria]
    assert list(table["outcome"]) == ["met", "partly", "partly"]  # stage/2: its parent 本格型
    with pytest.raises(ValueError, match="takes a list member: routes, reasons, criteria"):
        rec.to_dataframe()
    with pytest.raises(ValueError, match="takes a list member"):
        rec.to_dataframe("score")


def test_diagnoses_neighbors_paths_plans_and_nodes_tabulate(model: kyoso.Model) -> None:
    diagnoses = model.diagnose(stage="stage/2").to_dataframe()
    assert len(diagnoses) == 9
    assert diagnoses.loc[0, "factors"] == [f.id for f in model.diagnose(stage="stage/2")[0].factors]
    neighbors = model.neighbors("program/coi-next", depth=2).to_dataframe()
    assert set(neighbors["depth"]) == {1, 2}
    assert neighbors.loc[0, "path"].startswith("program/coi-next -")
    found = model.path("factor/1", "university/tuat", directed=True)
    paths = found.to_dataframe()
    assert [len(nodes) for nodes in paths["nodes"]] == [3, 3, 3]
    assert list(paths["relations"]) == [p.relations for p in found]
    plan = model.portfolio(mission=REGIONAL, goals=["social-implementation"]).to_dataframe()
    assert list(plan["start_year"]) == [0, 2]
    assert list(plan["years_qualifier"]) == ["approx", "up_to"]
    nodes = model.nodes("program")
    programs = nodes.to_dataframe()
    assert list(programs["id"]) == [n.id for n in nodes]
    assert list(programs["attributes:fields"].fillna("")) == [
        n.attributes.get("fields", "") for n in nodes]


def test_an_object_without_an_id_becomes_a_column_per_member(model: kyoso.Model) -> None:
    scenario = kyoso.Scenario("third round").set("program/j-peaks", "calls@2025/status", "open")
    changes = kyoso.compare(model, model.apply(scenario), "fit", mission=REGIONAL,
                            goals=["management"], fiscal_year=2025).to_dataframe()
    row = changes.set_index("id").loc["program/j-peaks"]
    assert row["base_eligibility"] == "not-eligible" and row["scenario_eligibility"] == "eligible"
    assert row["base_rank"] == 1 and row["scenario_rank"] == 1 and row["entered"]
    assert {"base_score", "scenario_score", "rank_move", "changed"} <= set(changes.columns)


def test_the_edges_at_a_node_tabulate(model: kyoso.Model) -> None:
    table = model.show("program/coi-next").to_dataframe()
    assert list(table.columns[:4]) == ["direction", "relation", "id", "kind"]
    assert set(table["direction"]) == {"out", "in"}


def test_an_empty_list_is_an_empty_table(model: kyoso.Model) -> None:
    plan = model.portfolio(mission=REGIONAL)  # no goals: nothing to cover
    assert len(plan) == 0
    assert plan.to_dataframe().empty


def test_any_list_of_results_tabulates_with_texts_split(model: kyoso.Model) -> None:
    df = kyoso.to_dataframe([model.info])
    assert df.loc[0, "id"] == "kyoso-fy2024" and df.loc[0, "name_ja"] == model.info.name.ja
    rec = model.explain("program/coi-next", mission=REGIONAL, goals=["social-implementation"])
    criteria = kyoso.to_dataframe(rec.criteria)
    assert criteria.equals(rec.to_dataframe("criteria"))
    results = model.fit(mission=REGIONAL)
    assert kyoso.to_dataframe(results).equals(results.to_dataframe())
    assert kyoso.to_dataframe(list(results)).equals(results.to_dataframe())


def test_an_empty_list_of_results_is_an_empty_table() -> None:
    assert kyoso.to_dataframe([]).empty


def test_anything_but_results_of_one_class_is_refused(model: kyoso.Model) -> None:
    with pytest.raises(TypeError, match="kyoso results of one class, not dict"):
        kyoso.to_dataframe([{"id": "program/coi-next"}])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not ModelInfo, Node"):
        kyoso.to_dataframe([model.info, model.node("program/coi-next")])
