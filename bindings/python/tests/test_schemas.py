"""The JSON Schemas of docs/schemas/ describe what the C++ report layer writes: each schema is
a valid Draft 2020-12 schema that describes every member and admits no other, and every
command's JSON output validates against its schema, on the embedded model and on a synthetic
one."""

from __future__ import annotations

import json
import os
import subprocess
import warnings
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest

import kyoso

ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = ROOT / "docs" / "schemas"
SCENARIOS = ROOT / "examples" / "scenarios"
CLI = os.environ.get("KYOSO_CLI")
needs_cli = pytest.mark.skipif(CLI is None, reason="needs the command-line tool (KYOSO_CLI)")

STORE = {path.name: json.loads(path.read_text(encoding="utf-8"))
         for path in sorted(SCHEMAS.glob("*.schema.json"))}
BY_DOCUMENT = {s["properties"]["schema"]["const"]: name for name, s in STORE.items()
               if "schema" in s.get("properties", {})}


def validator(name: str) -> jsonschema.Draft202012Validator:
    with warnings.catch_warnings():  # RefResolver is deprecated after Debian 12's 4.10
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver(base_uri=name, referrer=STORE[name], store=STORE)
    return jsonschema.Draft202012Validator(STORE[name], resolver=resolver)


def check(document: dict[str, Any]) -> None:
    """Validates a document against the schema its "schema" member names."""
    name = BY_DOCUMENT[document["schema"]]
    errors = sorted(validator(name).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{name} /{'/'.join(map(str, e.path))}: {e.message}"
                                 for e in errors[:5])


def objects(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from objects(value, f"{where}/{i}")


def target(schema: dict[str, Any], file: str) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    other, _, pointer = ref.partition("#")
    node: Any = STORE[other or file]
    for token in filter(None, pointer.split("/")):
        node = node[token]
    return node  # type: ignore[no-any-return]


# ---- the schemas themselves --------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(STORE))
def test_each_schema_is_a_draft_2020_12_schema(name: str) -> None:
    schema = STORE[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == name
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", sorted(STORE))
def test_every_object_admits_only_its_members_and_describes_each(name: str) -> None:
    for where, schema in objects(STORE[name], name + "#"):
        assert schema.get("additionalProperties") is False, where
        assert schema.get("title") and schema.get("description"), where
        for member, definition in schema["properties"].items():
            described = definition.get("description") or target(definition, name).get(
                "description")
            assert described, f"{where}/properties/{member}"
        # Every member is always present (report.hpp), but a source's empty ones.
        if schema["title"] != "Source":
            assert set(schema["required"]) == set(schema["properties"]), where


def test_every_document_of_the_report_layer_has_a_schema() -> None:
    header = (ROOT / "include" / "kyoso" / "report.hpp").read_text(encoding="utf-8")
    import re

    named = set(re.findall(r'"(kyoso\.[a-z_.]+/\d+)"', header))
    assert named == set(BY_DOCUMENT)


def test_the_package_carries_the_schemas() -> None:
    package = Path(kyoso.__file__).parent / "schemas"
    assert {p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in package.glob("*.schema.json")} == STORE


# ---- what the command-line tool writes ----------------------------------------------------


def run(*arguments: str, status: int = 0) -> str:
    assert CLI is not None
    done = subprocess.run([CLI, *arguments], capture_output=True, text=True, timeout=120)
    assert done.returncode == status, done.stderr
    return done.stdout


EMBEDDED = [
    ["fit", "--mission", "regional-revitalization", "--goal", "social-implementation",
     "--partner", "local-government"],
    ["fit", "--stage", "stage/0", "--field", "field/manufacturing"],
    ["explain", "program/coi-next/full-scale/regional", "--mission", "regional-revitalization",
     "--goal", "social-implementation"],
    ["portfolio", "--mission", "regional-revitalization", "--goal", "social-implementation",
     "--goal", "talent-development"],
    ["diagnose", "--stage", "stage/0"],
    ["diagnose", "--challenge", "21", "--text", "トップマネジメント"],
    ["neighbors", "program/coi-next", "--depth", "2", "--direction", "both"],
    ["path", "university/hirosaki", "program/coi-next"],
    ["path", "factor/1", "university/tuat", "--directed", "--max-length", "1"],
    ["simulate", "coi-next", "--years", "4"],
    ["simulate", "coi-next", "--years", "3", "--runs", "20", "--seed", "7"],
    ["fit", "--goal", "management", "--fy", "2026", "--partner", "local-government"],
    ["fit", "--goal", "social-implementation", "--stage", "stage/2",
     "--holds", "program/coi-next/nurturing", "--fy", "2025"],
    ["compare", "--scenario", str(SCENARIOS / "jpeaks_third_round.json"), "fit",
     "--mission", "regional-revitalization", "--goal", "management", "--fy", "2025"],
    ["compare", "--scenario", str(SCENARIOS / "new_program.json"), "fit",
     "--mission", "regional-revitalization"],
    ["compare", "--scenario", str(SCENARIOS / "budget_cut.json"), "simulate", "coi-next",
     "--years", "3", "--runs", "10", "--seed", "1"],
    ["show", "program/coi-next"],
    ["show", "university/hirosaki", "--lang", "en"],
    ["stats"],
    ["validate", "--scenario", str(SCENARIOS / "budget_cut.json")],
    ["find", "岩手"],
    ["list", "program"],
    ["list", "university", "--holds", "j-peaks", "--lacks", "coi-next"],
    ["profile", "東京科学大学"],
    ["profile", "弘前大学", "--fy", "2023"],
    ["fit", "--university", "岩手大学", "--goal", "社会実装"],
]


@needs_cli
@pytest.mark.parametrize("arguments", EMBEDDED, ids=lambda a: " ".join(a[:2]))
def test_each_command_writes_a_valid_document_on_the_embedded_model(arguments: list[str]) -> None:
    check(json.loads(run(*arguments, "--format", "json")))


@needs_cli
@pytest.mark.parametrize(
    "arguments",
    [["fit", "--mission", "regional-revitalisation"], ["show", "program/coi-nxt"],
     ["validate", "--model", "no-such-file.json"], ["neighbors", "iwate"]],
)
def test_a_failure_writes_a_valid_error_document(arguments: list[str]) -> None:
    document = json.loads(run(*arguments, "--format", "json", status=1))
    assert document["schema"] == "kyoso.error/1"
    check(document)


@pytest.fixture(scope="module")
def synthetic_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "national.jgf.json"
    kyoso.synthesize(universities=30, programs=12, stakeholders=300, edges=3_000, seed=4).save(
        path)
    return path


@needs_cli
def test_each_command_writes_a_valid_document_on_a_synthetic_model(synthetic_file: Path) -> None:
    model = ["--model", str(synthetic_file)]
    profile = synthetic_file.with_name("u03.json")
    profile.write_text(json.dumps(kyoso.load(synthetic_file).profile_of("u03").to_dict()),
                       encoding="utf-8")
    for arguments in (
        ["fit", "--profile", str(profile)], ["explain", "program/p01", "--profile", str(profile)],
        ["portfolio", "--profile", str(profile)], ["stats"], ["show", "university/u01"],
        ["neighbors", "university/u02", "--depth", "2"], ["path", "university/u01", "program/p01"],
    ):
        check(json.loads(run(*arguments, *model, "--format", "json")))
    lines = run("fit", "--all-universities", *model).splitlines()
    assert len(lines) == len(kyoso.load(synthetic_file).nodes("university"))
    for line in lines:
        check(json.loads(line))


# ---- what Python reads ------------------------------------------------------------------------


def test_the_documents_python_reads_are_valid(model: kyoso.Model) -> None:
    synthetic = kyoso.synthesize(universities=10, programs=5, stakeholders=100, edges=1_500)
    for result in (
        model.nodes(), model.nodes("program", lang="en"), model.show("coi-next"),
        model.rank(mission="regional-revitalization"), model.stats(),
        *synthetic.fit_all(), synthetic.rank(synthetic.profile_of("u02")),
        model.find("岩手"), model.university_profile("弘前大学", fiscal_year=2023),
    ):
        check(result.to_dict())


def test_a_member_the_schema_does_not_describe_or_a_missing_one_fails(model: kyoso.Model) -> None:
    document = model.fit(mission="regional-revitalization").to_dict()
    check(document)
    document["results"][0]["met"] = []  # a member of kyoso.fit/1, gone from /2
    with pytest.raises(AssertionError, match="'met' was unexpected"):
        check(document)
    del document["results"][0]["met"]
    del document["profile"]["mission"]
    with pytest.raises(AssertionError, match="'mission' is a required property"):
        check(document)
