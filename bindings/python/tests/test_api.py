"""The public surface: notebooks complete names and types (stubs for the compiled module,
py.typed), every public name has a docstring, and the package's example runs."""

from __future__ import annotations

import ast
import doctest
import inspect
from pathlib import Path

import pytest

import kyoso
from kyoso import _kyoso

PACKAGE = Path(kyoso.__file__).parent


def stub_names() -> set[str]:
    tree = ast.parse((PACKAGE / "_kyoso.pyi").read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_the_package_is_marked_typed() -> None:
    assert (PACKAGE / "py.typed").exists()


def test_the_stubs_name_everything_the_compiled_module_has() -> None:
    public = {name for name in dir(_kyoso) if not name.startswith("_")}
    assert stub_names() == public


def test_the_stubbed_model_methods_exist() -> None:
    tree = ast.parse((PACKAGE / "_kyoso.pyi").read_text(encoding="utf-8"))
    (model,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Model"]
    for node in model.body:
        if isinstance(node, ast.FunctionDef):
            assert hasattr(_kyoso.Model, node.name), node.name


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for name in kyoso.__all__:
        value = getattr(kyoso, name)
        if not (inspect.isclass(value) or inspect.isfunction(value)):
            continue  # constants are documented beside their assignment
        if not inspect.getdoc(value):
            missing.append(name)
        if inspect.isclass(value):
            for member_name, member in vars(value).items():
                if member_name.startswith("_") or not callable(member) and not isinstance(
                        member, property):
                    continue
                if not inspect.getdoc(member):
                    missing.append(f"{name}.{member_name}")
    assert missing == []


def test_results_are_read_only() -> None:
    profile = kyoso.Profile(mission="mission/regional-revitalization")
    with pytest.raises(AttributeError, match="read-only"):
        profile.mission = "mission/other"  # type: ignore[misc]
    profile.goals.append("purpose/x")  # a list attribute is a copy
    assert profile.goals == []


def test_the_generated_stubs_type_every_result_and_member() -> None:
    tree = ast.parse((PACKAGE / "results.pyi").read_text(encoding="utf-8"))
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    for name in kyoso.results.__all__:
        value = getattr(kyoso.results, name)
        if not inspect.isclass(value):
            continue
        assert name in classes, name
        if issubclass(value, kyoso.Result) and value not in (kyoso.Result, kyoso.Collection):
            stubbed = {n.name: n for n in classes[name].body if isinstance(n, ast.FunctionDef)}
            for member in value._schema_info.members:
                assert member.name in stubbed, f"{name}.{member.name}"
                assert ast.get_docstring(stubbed[member.name]) == member.description
    recommendation = {n.name: n for n in classes["Recommendation"].body
                      if isinstance(n, ast.FunctionDef)}
    assert ast.unparse(recommendation["met"].returns) == "list[Criterion]"
    assert ast.unparse(recommendation["eligibility"].returns) == (
        "Literal['eligible', 'conditional', 'not-eligible', 'unknown']")
    year = {n.name: n for n in classes["SimulatedYear"].body if isinstance(n, ast.FunctionDef)}
    assert ast.unparse(year["spend_jpy"].returns) == "int | Quantiles"
    assert "sites" in year  # a method the class adds to its schema


def test_the_package_docstring_example_runs() -> None:
    failures, tried = doctest.testmod(kyoso, verbose=False)
    assert (failures, tried) == (0, 7)
