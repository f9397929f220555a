"""A profile is passed one way to every profile query: a kyoso.Profile, a dict in the
profile file's shape, the same members as keywords, or a profile changed by keywords."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

import kyoso

CASE = {"mission": "regional-revitalization", "goals": ["social-implementation"],
        "partners": ["partner/local-government"]}
RESOLVED = {
    "mission": "mission/regional-revitalization", "goals": ["purpose/social-implementation"],
    "fields": [], "stage": None, "partners": ["partner/local-government"], "holds": [],
    "establishment": None, "applicant": "applicant/university", "fiscal_year": 2024,
}


def test_keywords_a_dict_and_a_profile_give_the_same_answer(model: kyoso.Model) -> None:
    by_keywords = model.fit(**CASE)
    assert model.fit(CASE) == by_keywords
    assert model.fit(kyoso.Profile(**CASE)) == by_keywords
    assert model.fit(kyoso.Profile(CASE)) == by_keywords


def test_the_answer_keeps_the_resolved_profile_and_the_weights(model: kyoso.Model) -> None:
    results = model.fit(**CASE, weights={"goals": 0.5})
    assert isinstance(results.profile, kyoso.Profile)
    assert results.profile.to_dict() == RESOLVED
    assert results.weights.goals == 0.5 and results.weights.mission == 0.3
    # The resolved profile asks the same question again.
    assert model.fit(results.profile, weights=results.weights) == results


def test_keywords_change_a_profile(model: kyoso.Model) -> None:
    changed = model.fit(CASE, goals="management", stage="stage/1")
    assert changed.profile.goals == ["purpose/management"]
    assert changed.profile.stage == "stage/1"
    assert changed.profile.partners == ["partner/local-government"]  # kept from CASE
    assert changed == model.fit(**{**CASE, "goals": ["management"], "stage": "stage/1"})


@pytest.mark.parametrize("year", [2025, "2025", "FY2025", "R7", "令和7年度"])
def test_the_fiscal_year_is_read_as_people_write_it(model: kyoso.Model, year: object) -> None:
    results = model.fit(CASE, fiscal_year=year)
    assert results.profile.fiscal_year == 2025
    assert {r.call.fiscal_year for r in results} == {2025}
    assert model.fit({**CASE, "fiscal_year": year}) == results
    # The embedded model is FY2024's: without a year, its calls are read.
    assert model.fit(CASE).profile.fiscal_year == 2024


def test_a_fiscal_year_that_is_no_year_is_refused(model: kyoso.Model) -> None:
    with pytest.raises(ValueError, match="not a fiscal year: 'next year'"):
        model.fit(CASE, fiscal_year="next year")
    with pytest.raises(kyoso.ValidationError, match="/fiscal_year: expected a fiscal year"):
        model.fit(CASE, fiscal_year=99)


def test_one_id_is_a_list_of_one_and_none_states_nothing() -> None:
    profile = kyoso.Profile(goals="social-implementation", partners=("partner/companies",),
                            stage=None)
    assert profile.goals == ["social-implementation"]
    assert profile.partners == ["partner/companies"]
    assert profile.stage is None and profile.fields == []
    assert profile.applicant == "applicant/university"  # the schema's default


@pytest.mark.parametrize(
    "query",
    [
        lambda m, *a, **k: m.fit(*a, **k).profile,
        lambda m, *a, **k: m.rank(*a, **k).profile,
        lambda m, *a, **k: m.portfolio(*a, **k).profile,
        lambda m, *a, **k: m.explain("coi-next", *a, **k).score,
        lambda m, *a, **k: kyoso.compare(m, m, "fit", *a, **k).entered,
    ],
)
def test_every_profile_query_takes_the_profile_the_same_way(model: kyoso.Model, query) -> None:
    expected = query(model, **CASE)
    assert query(model, CASE) == expected
    assert query(model, kyoso.Profile(**CASE)) == expected
    assert query(model, {"mission": CASE["mission"]}, goals=CASE["goals"],
                 partners=CASE["partners"]) == expected


def test_an_unknown_member_is_a_type_error_naming_the_members(model: kyoso.Model) -> None:
    with pytest.raises(TypeError, match="Profile has no member 'missoin'; it has mission, goals"):
        model.fit(missoin="regional-revitalization")
    with pytest.raises(TypeError, match="no member 'budget'"):
        model.rank({"budget": 1})


def test_a_profile_of_another_type_is_a_type_error(model: kyoso.Model) -> None:
    with pytest.raises(TypeError, match="a profile is a kyoso.Profile or a dict, not list"):
        model.fit(["mission/regional-revitalization"])  # type: ignore[arg-type]


def test_an_unknown_id_names_the_member_and_the_nearest_id(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.fit(CASE, goals=["social-implementation", "managment"])
    error = caught.value
    assert (error.file, error.pointer, error.id) == ("profile", "/goals/1", "managment")
    assert (error.line, error.column) == (None, None)  # no line of text the user wrote
    assert error.suggestion == "purpose/management"
    assert str(error) == ("profile: /goals/1: unknown id 'managment' "
                          "(did you mean 'purpose/management'?)")


def test_an_id_of_the_wrong_type_is_a_validation_error(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.ValidationError, match="expected an id") as caught:
        model.fit(mission=7)
    assert caught.value.pointer == "/mission"


def test_profile_of_gives_a_profile_fit_takes(model: kyoso.Model) -> None:
    stored = model.profile_of("university/hirosaki")
    assert isinstance(stored, kyoso.Profile)
    assert stored.fiscal_year is None  # a university stores no year: the question names it
    assert model.fit(stored).profile == kyoso.Profile(stored, fiscal_year=model.info.fiscal_year)


@pytest.mark.skipif("KYOSO_CLI" not in os.environ, reason="needs the command-line tool")
def test_a_profile_is_the_profile_file_the_command_line_reads(model: kyoso.Model,
                                                               tmp_path) -> None:
    results = model.fit(**CASE)
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(results.profile.to_dict()), encoding="utf-8")
    run = subprocess.run([os.environ["KYOSO_CLI"], "fit", "--profile", str(profile),
                          "--format", "json"], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == results.to_dict()
