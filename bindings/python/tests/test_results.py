"""Every member of every document the library writes is reachable from Python: each result
type's document and its Python object are walked together, member by member, down to the
last number, and to_dict() gives the document back."""

from __future__ import annotations

import json
import keyword
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

import kyoso
from kyoso import _kyoso

CASE = {"mission": "regional-revitalization", "goals": ["social-implementation"],
        "partners": ["partner/local-government"]}
CUT = kyoso.Scenario("cut").set_budget("program/coi-next", 2025, 12_000_000_000)
# A program added (no base standing), one removed (no scenario standing), one opened.
CHANGED = (kyoso.Scenario.from_file(Path(__file__).resolve().parents[3] / "examples" /
                                    "scenarios" / "new_program.json")
           .remove_node("program/j-peaks")
           .add_edge("program/local-10000", "applicant/university", "applied_by"))


def walk(document: Any, value: Any, where: str, seen: set[str]) -> None:
    """Asserts that `value` holds `document` at every depth, reached by attribute access."""
    if isinstance(value, kyoso.Result):
        assert isinstance(document, dict), where
        assert value.to_dict() == document, where
        for key, member in document.items():
            name = f"{key}_" if keyword.iskeyword(key) else key
            seen.add(f"{type(value).__name__}.{name}")
            walk(member, getattr(value, name), f"{where}.{name}", seen)
    elif isinstance(document, dict):
        assert isinstance(value, dict) and value.keys() == document.keys(), where
        for key in document:
            walk(document[key], value[key], f"{where}[{key!r}]", seen)
    elif isinstance(document, list):
        assert isinstance(value, list) and len(value) == len(document), where
        for i, (d, v) in enumerate(zip(document, value)):
            walk(d, v, f"{where}[{i}]", seen)
    else:
        assert type(value) is type(document) and value == document, where


def profile_json(**criteria: Any) -> str:
    return json.dumps(kyoso.Profile(**criteria).to_dict())


def simulate_options(**options: Any) -> dict[str, Any]:
    return {"years": 3, **options}


@pytest.fixture(scope="module")
def synthetic() -> kyoso.Model:
    return kyoso.synthesize(universities=12, programs=6, stakeholders=120, edges=1_500, seed=3)


# (what the query is, the document the binding gives, the Python result), for every query.
CASES: list[tuple[str, Callable[[kyoso.Model], Any], Callable[[kyoso.Model], Any]]] = [
    ("fit", lambda m: _kyoso.fit(m._model, profile_json(**CASE), {}),
     lambda m: m.fit(**CASE)),
    ("explain", lambda m: _kyoso.explain(m._model, "coi-next", profile_json(**CASE), {})["result"],
     lambda m: m.explain("coi-next", **CASE)),
    ("rank", lambda m: _kyoso.rank(m._model, profile_json(**CASE), {"goals": 0.5}),
     lambda m: m.rank(**CASE, weights={"goals": 0.5})),
    ("portfolio", lambda m: _kyoso.portfolio(m._model, profile_json(**CASE), {}),
     lambda m: m.portfolio(**CASE)),
    ("profile_of", lambda m: _kyoso.profile_of(m._model, "university/hirosaki"),
     lambda m: m.profile_of("hirosaki")),
    ("diagnose", lambda m: _kyoso.diagnose(m._model, ["challenge/21"], "stage/0", "トップ"),
     lambda m: m.diagnose(challenges=["challenge/21"], stage="stage/0", text="トップ")),
    ("neighbors", lambda m: _kyoso.neighbors(m._model, "coi-next", None, "both", 2),
     lambda m: m.neighbors("coi-next", direction="both", depth=2)),
    ("path", lambda m: _kyoso.shortest_paths(m._model, "university/hirosaki", "coi-next", 6, [],
                                             False, 100),
     lambda m: m.path("university/hirosaki", "coi-next")),
    ("simulate", lambda m: _kyoso.simulate(m._model, "program/coi-next", simulate_options()),
     lambda m: m.simulate("coi-next", years=3)),
    ("simulate, Monte Carlo",
     lambda m: _kyoso.simulate(m._model, "program/coi-next", simulate_options(runs=10, seed=2)),
     lambda m: m.simulate("coi-next", years=3, runs=10, seed=2)),
    ("compare fit",
     lambda m: _kyoso.compare_fit(m._model, m.apply(CHANGED)._model, profile_json(**CASE), {}),
     lambda m: kyoso.compare(m, CHANGED, "fit", **CASE)),
    ("compare simulate",
     lambda m: _kyoso.compare_simulation(m._model, m.apply(CUT)._model, "program/coi-next",
                                         simulate_options(runs=5, seed=1)),
     lambda m: kyoso.compare(m, CUT, "simulate", "coi-next", years=3, runs=5, seed=1)),
    ("show", lambda m: _kyoso.node(m._model, "program/coi-next", "en"),
     lambda m: m.show("coi-next", lang="en")),
    ("nodes", lambda m: _kyoso.nodes(m._model, None, "ja"), lambda m: m.nodes()),
    ("stats", lambda m: _kyoso.stats(m._model), lambda m: m.stats()),
]


@pytest.mark.parametrize("document, result", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_member_of_the_document_is_reachable(model: kyoso.Model, document, result) -> None:
    seen: set[str] = set()
    walk(document(model), result(model), "result", seen)
    assert seen


def test_every_member_of_fit_all_and_rank_is_reachable_at_scale(synthetic: kyoso.Model) -> None:
    documents = _kyoso.fit_all(synthetic._model, {}, 0)
    fits = synthetic.fit_all()
    assert len(fits) == len(documents)
    seen: set[str] = set()
    for document, fit in zip(documents, fits):
        walk(document, fit, fit.university, seen)
    assert {"UniversityFit.profile", "RankedProgram.eligibility", "Profile.holds"} <= seen
    profile = synthetic.profile_of("u04")
    walk(_kyoso.rank(synthetic._model, json.dumps(profile.to_dict()), {}),
         synthetic.rank(profile), "rank", seen)


def test_the_walk_reaches_every_member_of_every_class_python_returns(
    model: kyoso.Model, synthetic: kyoso.Model
) -> None:
    seen: set[str] = set()
    for _, document, result in CASES:
        walk(document(model), result(model), "result", seen)
    for fit in synthetic.fit_all():
        walk(fit.to_dict(), fit, "fit_all", seen)
    returned = {name.split(".")[0] for name in seen}
    members = {f"{name}.{m.name}" for name in returned
               for m in getattr(kyoso, name)._schema_info.members}
    # A source's empty members are left out of the documents.
    assert {m for m in members - seen if not m.startswith("Source.")} == set()


def test_a_result_reads_back_from_its_dict_json_and_pickle(model: kyoso.Model) -> None:
    for _, _, result in CASES:
        value = result(model)
        again = type(value)(json.loads(json.dumps(value.to_dict())))
        assert again == value
        assert pickle.loads(pickle.dumps(value)) == value
        if "schema" in value.to_dict():
            assert kyoso.read(value.to_dict()) == value


def test_to_dict_is_a_copy(model: kyoso.Model) -> None:
    results = model.fit(**CASE)
    document = results.to_dict()
    document["results"].clear()
    assert len(results) == len(model.fit(**CASE))


def test_read_refuses_a_document_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="schema 'kyoso.fit/9'"):
        kyoso.read({"schema": "kyoso.fit/9"})


def test_a_result_has_a_short_repr(model: kyoso.Model) -> None:
    best = model.fit(**CASE)[0]
    assert repr(best) == ("Recommendation(id='program/coi-next', score=1.0, "
                          "eligibility='eligible', specificity=2, …)")
    assert repr(best.name).startswith("Text(ja='共創の場形成支援プログラム（COI-NEXT）', en=")
    assert repr(kyoso.Source(document="seed.txt")) == "Source(document='seed.txt')"


def test_a_member_added_to_a_schema_reaches_python_with_no_code_change(
    model: kyoso.Model, tmp_path: Path
) -> None:
    """As kyoso.fit/2 did: a recommendation gains a scalar and a list of new objects, the
    profile a member. A copy of the package with those schema edits reads such a document."""

    package = tmp_path / "kyoso"
    shutil.copytree(Path(kyoso.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    fit = json.loads((package / "schemas" / "fit.schema.json").read_text(encoding="utf-8"))
    recommendation = fit["$defs"]["recommendation"]
    recommendation["properties"]["rounds"] = {"description": "…", "type": "integer"}
    recommendation["properties"]["contacts"] = {
        "description": "…", "type": "array", "items": {"$ref": "#/$defs/contact"}}
    recommendation["required"] += ["rounds", "contacts"]
    fit["$defs"]["contact"] = {
        "title": "Contact", "description": "…", "type": "object", "additionalProperties": False,
        "properties": {"office": {"description": "…", "enum": ["ura", "industry"]},
                       "names": {"description": "…", "type": "array",
                                 "items": {"$ref": "common.schema.json#/$defs/text"}}},
        "required": ["office", "names"]}
    (package / "schemas" / "fit.schema.json").write_text(json.dumps(fit), encoding="utf-8")
    common = json.loads((package / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    common["$defs"]["profile"]["properties"]["region"] = {
        "description": "…", "type": ["string", "null"], "default": None}
    (package / "schemas" / "common.schema.json").write_text(json.dumps(common), encoding="utf-8")

    document = model.fit(**CASE).to_dict()
    for r in document["results"]:
        r["rounds"] = 1
        r["contacts"] = [{"office": "ura", "names": [{"ja": "研究推進課", "en": "research office"}]}]
    document["profile"]["region"] = "tohoku"
    code = """
import json, sys
import kyoso
results = kyoso.FitResult(json.load(sys.stdin))
best = results[0]
print(best.rounds, best.contacts[0].office, best.contacts[0].names[0].en,
      type(best.contacts[0]).__name__, results.profile.region,
      kyoso.Profile(region="kanto").region)
table = results.to_dataframe()
print([c for c in table.columns if c in ("rounds", "contacts")], table.loc[0, "contacts"])
"""
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(document),
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [
        "1 ura research office Contact tohoku kanto",
        "['rounds', 'contacts'] 1",
    ]
