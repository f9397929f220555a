"""kyoso.to_dataframe turns any list of results into a pandas table."""

from __future__ import annotations

import pandas as pd
import pytest

import kyoso

REGIONAL = "mission/regional-revitalization"


def test_fit_results_are_one_row_each_in_rank_order(model: kyoso.Model) -> None:
    results = model.fit(mission=REGIONAL, goals=["social-implementation"])
    df = kyoso.to_dataframe(results)
    assert isinstance(df, pd.DataFrame)
    assert list(df["id"]) == [r.id for r in results]
    assert list(df.columns[:5]) == ["id", "name_ja", "name_en", "score", "eligibility"]
    assert df.loc[0, "id"] == "program/coi-next" and df.loc[0, "score"] == pytest.approx(1.0)
    assert df.loc[0, "met"] == ["mission", "goal:purpose/social-implementation"]
    assert df["score"].dtype == float


def test_the_criteria_table_sums_to_the_score(model: kyoso.Model) -> None:
    rec = model.explain("program/coi-next/full-scale/regional", mission=REGIONAL,
                        goals=["social-implementation"], stage="stage/2")
    df = kyoso.to_dataframe(rec.criteria)
    assert df["contribution"].sum() == pytest.approx(rec.score)
    assert set(df["id"]) == {c.id for c in rec.criteria}
    assert list(df["outcome"]) == ["met", "partly", "partly"]  # stage/2: its parent 本格型


def test_diagnoses_neighbors_paths_plans_and_nodes_tabulate(model: kyoso.Model) -> None:
    diagnoses = kyoso.to_dataframe(model.diagnose(stage="stage/2"))
    assert len(diagnoses) == 9 and diagnoses.loc[0, "factors"]
    neighbors = kyoso.to_dataframe(model.neighbors("program/coi-next", depth=2))
    assert set(neighbors["depth"]) <= {1, 2}
    paths = kyoso.to_dataframe(model.path("factor/1", "university/tuat", directed=True))
    assert list(paths["length"]) == [2, 2, 2]
    plan = kyoso.to_dataframe(model.portfolio(mission=REGIONAL, goals=["social-implementation"]))
    assert list(plan["start_year"]) == [0, 2]
    nodes = model.nodes("program")
    programs = kyoso.to_dataframe(nodes)
    assert list(programs["id"]) == [n.id for n in nodes]
    # attributes are columns
    assert list(programs["fields"].fillna("")) == [n.attributes.get("fields", "") for n in nodes]


def test_other_results_become_columns_with_texts_split(model: kyoso.Model) -> None:
    df = kyoso.to_dataframe([model.info])
    assert df.loc[0, "id"] == "kyoso-fy2024" and df.loc[0, "name_ja"]


def test_an_empty_list_is_an_empty_table() -> None:
    assert kyoso.to_dataframe([]).empty


def test_anything_else_is_refused() -> None:
    with pytest.raises(TypeError, match="kyoso results"):
        kyoso.to_dataframe([{"id": "program/coi-next"}])
