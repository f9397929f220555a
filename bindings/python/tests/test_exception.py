"""Each kyoso error is raised where it should be, as its Python class, with its location."""

from __future__ import annotations

import json

import pytest

import kyoso
from conftest import small_graph


def test_the_classes_form_one_hierarchy() -> None:
    for error in (kyoso.ParseError, kyoso.ValidationError, kyoso.UnknownIdError, kyoso.IoError):
        assert issubclass(error, kyoso.Error)
    assert issubclass(kyoso.Error, Exception)


def test_a_file_that_is_not_json_is_a_parse_error_with_line_and_column(write_model) -> None:
    path = write_model('{"graph": {\n  "nodes": {,}}}', "broken.json")
    with pytest.raises(kyoso.ParseError) as caught:
        kyoso.load(path)
    error = caught.value
    assert str(error).startswith(f"{path}:2:13: ")
    assert (error.file, error.line, error.column) == (str(path), 2, 13)


def test_a_dangling_edge_is_a_validation_error_naming_the_edge(write_model) -> None:
    edge = {"source": "program/p", "target": "purpose/missing", "relation": "serves"}
    path = write_model(small_graph([edge]))
    with pytest.raises(kyoso.ValidationError, match="edge target names no node") as caught:
        kyoso.load(path)
    assert caught.value.pointer == "/graph/edges/0/target"
    assert caught.value.id == "purpose/missing"
    assert str(path) in str(caught.value)


def test_an_edge_between_the_wrong_kinds_is_a_validation_error() -> None:
    edge = {"source": "purpose/q", "target": "program/p", "relation": "serves"}
    with pytest.raises(kyoso.ValidationError, match="serves"):
        kyoso.parse(json.dumps(small_graph([edge])))


def test_a_misspelt_id_is_an_unknown_id_error_with_the_suggestion(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.fit(mission="regional-revitalisation", goals=["social-implementation"])
    error = caught.value
    assert error.suggestion == "mission/regional-revitalization"
    assert "did you mean 'mission/regional-revitalization'?" in str(error)
    assert error.id == "regional-revitalisation"


@pytest.mark.parametrize(
    "query",
    [
        lambda m: m.node("program/coi-nxt"),
        lambda m: m.explain("program/coi-nxt"),
        lambda m: m.diagnose(challenges=["challenge/99"]),
        lambda m: m.neighbors("program/coi-nxt"),
        lambda m: m.path("program/coi-nxt", "program/sparc"),
        lambda m: m.portfolio(goals=["social-implementaton"]),
        lambda m: m.export("dot", focus="program/coi-nxt"),
        lambda m: m.subgraph(["program/coi-nxt"]),
    ],
)
def test_every_query_names_an_unknown_id(model: kyoso.Model, query) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        query(model)
    assert caught.value.suggestion


def test_a_missing_file_is_an_io_error(tmp_path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(kyoso.IoError, match="cannot open file for reading") as caught:
        kyoso.load(missing)
    assert caught.value.file == str(missing)
    with pytest.raises(kyoso.IoError):
        kyoso.default_model().save(tmp_path / "no-such-dir" / "model.json")


@pytest.mark.parametrize(
    "query, message",
    [
        (lambda m: m.diagnose(), "diagnose needs a challenge, a stage or a text"),
        (lambda m: m.neighbors("program/coi-next", depth=0), "depth of at least 1"),
        (lambda m: m.path("factor/1", "university/tuat", max_length=-1), "max_length"),
        (lambda m: m.fit(mission="regional-revitalization", weights={"mission": -1.0}),
         "not negative"),
        (lambda m: m.fit(weights={"missions": 1.0}), "unknown fit weight 'missions'"),
        (lambda m: m.neighbors("program/coi-next", relation="serve"),
         "unknown relation 'serve'; expected one of: part_of"),
        (lambda m: m.neighbors("program/coi-next", direction="up"), "unknown direction 'up'"),
        (lambda m: m.nodes("programme"), "unknown kind 'programme'"),
        (lambda m: m.export("dot", lang="fr"), "unknown language 'fr'"),
    ],
)
def test_a_query_it_cannot_answer_is_an_error(model: kyoso.Model, query, message) -> None:
    with pytest.raises(kyoso.Error, match=message) as caught:
        query(model)
    assert type(caught.value) is kyoso.Error


def test_a_bad_argument_type_is_a_type_error(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.ValidationError, match="expected an id") as caught:
        model.fit(goals=[1, 2])
    assert caught.value.pointer == "/goals/0"
    with pytest.raises(TypeError, match="weight 'goals' must be a number"):
        model.fit(weights={"goals": "much"})
    with pytest.raises(ValueError, match="unknown format"):
        model.export("svg")  # type: ignore[arg-type]
