"""Scenarios from Python: the builder, dicts and files, Model.apply (each edit op, all or
nothing, the base never touched, also across threads), compare on fit, and each error type."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import kyoso

SCENARIOS = Path(__file__).resolve().parents[3] / "examples" / "scenarios"
COI_NEXT = "program/coi-next"
MODEL_CASE = dict(mission="regional-revitalization", goals=["social-implementation"])


def has_edge(model: kyoso.Model, source: str, target: str, relation: str) -> bool:
    return any(n.id == target for n in model.neighbors(source, relation=relation))


# ---- the builder and the document --------------------------------------------------------


def test_the_fluent_builder_writes_the_file_format() -> None:
    scenario = (
        kyoso.Scenario("cut", "a smaller budget")
        .set_budget(COI_NEXT, 2025, 12_000_000_000)
        .add_edge("program/local-10000", "applicant/university", "applied_by")
    )
    assert len(scenario) == 2
    assert scenario.to_dict() == {
        "schema": "kyoso.scenario/1",
        "name": "cut",
        "description": "a smaller budget",
        "edits": [
            {"op": "set", "node": COI_NEXT, "path": "figures/budget@2025/value",
             "value": 12_000_000_000},
            {"op": "add_edge", "source": "program/local-10000",
             "target": "applicant/university", "relation": "applied_by"},
        ],
    }
    # The C++ writer's text reads back to the same scenario.
    again = kyoso.Scenario.from_dict(json.loads(scenario.to_json()))
    assert again == scenario
    assert kyoso.SCENARIO_SCHEMA == "kyoso.scenario/1"


def test_a_file_reads_to_the_same_scenario_the_builder_makes(tmp_path: Path) -> None:
    from_file = kyoso.Scenario.from_file(SCENARIOS / "budget_cut.json")
    assert from_file.origin == str(SCENARIOS / "budget_cut.json")
    built = kyoso.Scenario("budget_cut", from_file.description).set_budget(
        COI_NEXT, 2025, 12_000_000_000
    )
    assert from_file == built
    saved = tmp_path / "saved.json"
    built.save(saved)
    assert kyoso.Scenario.from_file(saved) == built
    assert repr(from_file).startswith("<kyoso.Scenario 'budget_cut': 1 edit from ")


def test_every_worked_example_reads_and_applies(model: kyoso.Model) -> None:
    for path in sorted(SCENARIOS.glob("*.json")):
        applied = model.apply(path)
        assert isinstance(applied, kyoso.Model), path.name


# ---- each edit op --------------------------------------------------------------------------


def test_set_changes_figures_attributes_and_texts(model: kyoso.Model) -> None:
    scenario = (
        kyoso.Scenario("s")
        .set_budget(COI_NEXT, 2025, 12_000_000_000)
        .set_amount("program/coi-next/nurturing", 25_000_000)
        .set_attribute("program/opera", "fields", "any")
        .set("program/sparc", "name/en", "SPARC, renamed")
        .set(COI_NEXT, "figures/budget@2023", None)
        .set("program/coi-next/full-scale", "figures/sites",
             kyoso.Figure(name="sites", value=30, unit="sites", qualifier="approx"))
    )
    changed = model.apply(scenario)
    coi = changed.node(COI_NEXT)
    assert coi.figure("budget", 2025).value == 12_000_000_000
    assert coi.figure("budget", 2025).unit == "jpy"
    assert coi.figure("budget", 2024).value == 13_400_000_000
    assert coi.figure("budget", 2023) is None
    assert changed.node("program/coi-next/nurturing").figure("funding_per_site").value == 25_000_000
    assert changed.node("program/opera").attributes["fields"] == "any"
    assert changed.node("program/sparc").name.en == "SPARC, renamed"
    assert changed.node("program/coi-next/full-scale").figure("sites").value == 30


def test_the_undated_call_attribute_is_refused(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.ValidationError, match=r"/edits/0: 'program/opera'.*calls@<fiscal year>/status"):
        model.apply(kyoso.Scenario("s").set_attribute("program/opera", "call", "open"))


def test_add_node_and_add_edge_make_a_program_fit_finds(model: kyoso.Model) -> None:
    scenario = (
        kyoso.Scenario("new")
        .add_node("program/hub", name={"ja": "拠点", "en": "Hub"}, calls=[{"status": "open"}],
                  figures=[{"name": "budget", "value": 10**9, "unit": "jpy", "fiscal_year": 2025}])
        .add_edge("program/hub", "mission/regional-revitalization", "targets")
        .add_edge("program/hub", "purpose/social-implementation", "serves", certainty="high")
        .add_edge("program/hub", "applicant/university", "applied_by")
    )
    changed = model.apply(scenario)
    assert changed.node_count == model.node_count + 1
    assert changed.edge_count == model.edge_count + 3
    hub = changed.explain("program/hub", **MODEL_CASE)
    assert (hub.eligibility, hub.score) == ("eligible", 1.0)
    assert changed.node("program/hub").kind == "program"


def test_add_node_takes_another_programs_calls(model: kyoso.Model) -> None:
    calls = model.node("program/j-peaks").calls
    assert calls and all(isinstance(c, kyoso.Call) for c in calls)
    copy = model.apply(kyoso.Scenario("copy").add_node("program/copy", name="copy", calls=calls))
    assert copy.node("program/copy").calls == calls


def test_remove_node_takes_its_edges_and_remove_edge_only_that_edge(model: kyoso.Model) -> None:
    without = model.apply(kyoso.Scenario("s").remove_node("program/opera"))
    assert "program/opera" not in without
    assert "program/opera" in model
    assert without.edge_count < model.edge_count
    edge = ("program/coi-next/nurturing", "program/coi-next/full-scale", "promotes_to")
    assert has_edge(model, *edge)
    cut = model.apply(kyoso.Scenario("s").remove_edge(*edge))
    assert not has_edge(cut, *edge)
    assert cut.edge_count == model.edge_count - 1


def test_removing_a_program_removes_its_tracks(model: kyoso.Model) -> None:
    without = model.apply(kyoso.Scenario("s").remove_node("program/coi-next"))
    tracks = [n for n in model.nodes(kind="program") if n.id.startswith("program/coi-next/")]
    assert tracks
    assert all(t.id not in without for t in tracks)
    names = [r.id for r in without.fit(goals=["purpose/social-implementation"])]
    assert not [n for n in names if n.startswith("program/coi-next")]


def test_apply_takes_a_scenario_a_dict_or_a_path(model: kyoso.Model) -> None:
    path = SCENARIOS / "jpeaks_third_round.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    results = [model.apply(path), model.apply(str(path)), model.apply(document),
               model.apply(kyoso.Scenario.from_dict(document))]
    for applied in results:
        calls = {c.fiscal_year: c.status for c in applied.node("program/j-peaks").calls}
        assert calls[2025] == "open" and calls[2026] == "closed"
    assert all(r == results[0] for r in results)
    with pytest.raises(TypeError, match="a scenario must be a kyoso.Scenario"):
        model.apply(42)  # type: ignore[arg-type]


# ---- the base is never touched -------------------------------------------------------------


def test_the_base_is_unchanged_after_apply(model: kyoso.Model) -> None:
    before = model.export("jgf")
    changed = model.apply(
        kyoso.Scenario("s")
        .set_budget(COI_NEXT, 2024, 1)
        .remove_node("program/opera")
        .add_edge("program/local-10000", "applicant/university", "applied_by")
    )
    assert changed.node(COI_NEXT).figure("budget", 2024).value == 1
    assert model.node(COI_NEXT).figure("budget", 2024).value == 13_400_000_000
    assert "program/opera" in model
    assert model.export("jgf") == before
    assert changed != model


def test_threads_apply_scenarios_to_one_base_at_once(model: kyoso.Model) -> None:
    before = model.export("jgf")
    wrong: list[str] = []

    def work(t: int) -> None:
        for i in range(10):
            budget = 1_000_000_000 * (t + 1) + i
            applied = model.apply(kyoso.Scenario("thread").set_budget(COI_NEXT, 2024, budget))
            if applied.node(COI_NEXT).figure("budget", 2024).value != budget:
                wrong.append(f"thread {t}, run {i}")

    threads = [threading.Thread(target=work, args=(t,)) for t in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
    assert model.export("jgf") == before


# ---- all or nothing, and each error type ---------------------------------------------------


def test_a_bad_third_edit_applies_nothing_and_names_the_edit(model: kyoso.Model) -> None:
    scenario = (
        kyoso.Scenario("three")
        .set_amount("program/coi-next/nurturing", 1)
        .add_edge("program/local-10000", "applicant/university", "applied_by")
        .remove_node("program/coi-nxt")
    )
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.apply(scenario)
    error = caught.value
    assert (error.pointer, error.id, error.suggestion) == (
        "/edits/2/node", "program/coi-nxt", "program/coi-next")
    assert str(error) == ("<scenario three>: /edits/2/node: remove_node: unknown id "
                          "'program/coi-nxt' (did you mean 'program/coi-next'?)")
    assert model.node("program/coi-next/nurturing").figure("funding_per_site").value == 30_000_000
    assert not has_edge(model, "program/local-10000", "applicant/university", "applied_by")


def test_an_edit_that_breaks_a_rule_is_a_validation_error(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.ValidationError, match="already exists") as duplicate:
        model.apply(kyoso.Scenario("s").add_node("program/sparc", name="SPARC"))
    assert duplicate.value.pointer == "/edits/0/node"
    with pytest.raises(kyoso.ValidationError, match="cannot connect program -> purpose") as kinds:
        model.apply(kyoso.Scenario("s").add_edge(
            "program/local-10000", "purpose/talent-development", "applied_by"))
    assert kinds.value.pointer == "/edits/0"
    with pytest.raises(kyoso.ValidationError, match="has no figure 'budgt'"):
        model.apply(kyoso.Scenario("s").set_figure(COI_NEXT, "budgt", 1))


def test_an_apply_error_names_the_file_it_came_from(model: kyoso.Model, tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    kyoso.Scenario("cut").remove_node("program/coi-nxt").save(path)
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.apply(path)
    assert caught.value.file == str(path)
    assert str(caught.value).startswith(f"{path}: /edits/0/node: remove_node: ")


def test_a_bad_document_is_a_validation_error_with_its_pointer() -> None:
    with pytest.raises(kyoso.ValidationError) as op:
        kyoso.Scenario.from_dict({"schema": "kyoso.scenario/1", "name": "x",
                                  "edits": [{"op": "rename", "node": "program/x"}]})
    assert op.value.pointer == "/edits/0/op"
    assert op.value.line is None  # a dict has no lines
    with pytest.raises(kyoso.ValidationError) as schema:
        kyoso.Scenario.from_dict({"schema": "kyoso.scenario/2", "name": "x", "edits": []})
    assert schema.value.pointer == "/schema"
    with pytest.raises(kyoso.ValidationError, match="money is whole yen"):
        kyoso.Scenario("x").set_figure(COI_NEXT, "budget", "lots").to_json()  # type: ignore[arg-type]


def test_a_bad_file_is_a_parse_validation_or_io_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "kyoso.scenario/1",\n "name": ', encoding="utf-8")
    with pytest.raises(kyoso.ParseError) as parse:
        kyoso.Scenario.from_file(broken)
    assert (parse.value.file, parse.value.line) == (str(broken), 2)
    bad_op = tmp_path / "op.json"
    bad_op.write_text('{"schema": "kyoso.scenario/1", "name": "x",\n'
                      ' "edits": [{"op": "rename", "node": "a/b"}]}', encoding="utf-8")
    with pytest.raises(kyoso.ValidationError) as validation:
        kyoso.Scenario.from_file(bad_op)
    assert (validation.value.pointer, validation.value.line) == ("/edits/0/op", 2)
    with pytest.raises(kyoso.IoError, match="cannot open file"):
        kyoso.Scenario.from_file(tmp_path / "missing.json")
    with pytest.raises(kyoso.IoError):
        kyoso.default_model().apply(tmp_path / "missing.json")


# ---- compare on fit --------------------------------------------------------------------------


def test_a_third_jpeaks_round_makes_it_eligible_in_fy2025(model: kyoso.Model) -> None:
    management_2025 = dict(mission="regional-revitalization", goals=["management"], fiscal_year=2025)
    opened = model.apply(SCENARIOS / "jpeaks_third_round.json")
    comparison = kyoso.compare(model, opened, "fit", **management_2025)
    assert isinstance(comparison, kyoso.FitComparison)
    assert comparison.entered == ["program/j-peaks"]
    assert comparison.left == []
    jpeaks = comparison.program("program/j-peaks")
    assert (jpeaks.base.eligibility, jpeaks.scenario.eligibility) == ("not-eligible", "eligible")
    # Opening a call changes no score: J-PEAKS leads for 【経営力強化】 either way.
    assert (jpeaks.base.rank, jpeaks.scenario.rank, jpeaks.rank_move) == (1, 1, 0)
    assert jpeaks.score_change == 0.0
    assert jpeaks.eligibility_changed and jpeaks.entered and jpeaks.changed
    assert [p.id for p in comparison.changes()][0] == "program/j-peaks"
    assert comparison.base == model.fit(**management_2025)
    assert comparison.scenario == opened.fit(**management_2025)
    # A scenario in place of its model is applied first.
    same = kyoso.compare(model, SCENARIOS / "jpeaks_third_round.json", "fit", **management_2025)
    assert same == comparison
    assert kyoso.FitComparison.from_dict(comparison.to_dict()) == comparison
    table = comparison.to_dataframe()
    row = table.set_index("id").loc["program/j-peaks"]
    assert (row["base_rank"], row["scenario_rank"], row["entered"]) == (1, 1, True)


def test_a_new_program_and_a_removed_one_show_in_compare(model: kyoso.Model) -> None:
    changed = model.apply(SCENARIOS / "new_program.json").apply(
        kyoso.Scenario("gone").remove_node("program/j-peaks"))
    comparison = kyoso.compare(model, changed, "fit", **MODEL_CASE)
    added = comparison.program("program/startup-hub")
    assert added.base is None and added.scenario.score == 1.0 and added.entered
    removed = comparison.program("program/j-peaks")
    assert removed.scenario is None and removed.left
    assert comparison.programs[-1].id == "program/j-peaks"  # removed ones come last


def test_compare_refuses_what_it_cannot_run(model: kyoso.Model) -> None:
    with pytest.raises(ValueError, match="unknown query 'portfolio'"):
        kyoso.compare(model, model, "portfolio")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="takes a profile, not a program"):
        kyoso.compare(model, model, "fit", "coi-next")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="Profile has no member 'budget'"):
        kyoso.compare(model, model, "fit", budget=1, **MODEL_CASE)  # type: ignore[call-overload]
    with pytest.raises(kyoso.UnknownIdError):
        kyoso.compare(model, model, "fit", mission="regional-revitalisation")
