"""Names and universities from Python: find, the universities table, a university's derived
profile, fitting a university by it, and names where ids are taken."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import small_graph

import kyoso


def test_find_ranks_exact_matches_first_and_gives_the_prefecture(model: kyoso.Model) -> None:
    found = model.find("岩手")
    assert found[0].id == "prefecture/iwate" and found[0].quality == "exact"
    iwate = next(m for m in found if m.id == "university/iwate")
    assert (iwate.kind, iwate.name.ja, iwate.quality) == ("university", "岩手大学", "prefix")
    assert (iwate.context, iwate.context_name.ja) == ("prefecture/iwate", "岩手県")
    assert [m.id for m in model.find("社会実装", kind="purpose")] == ["purpose/social-implementation"]
    with pytest.raises(ValueError, match="unknown kind 'programme'"):
        model.find("x", kind="programme")


def test_names_are_taken_where_ids_are(model: kyoso.Model) -> None:
    by_name = model.fit(mission="regional-revitalization", goals="社会実装")
    by_id = model.fit(mission="regional-revitalization", goals="social-implementation")
    assert by_name == by_id
    assert model.resolve("岩手大学") == "university/iwate"
    assert model.resolve("COI-NEXT") == "program/coi-next"


def test_an_ambiguous_name_is_refused_with_its_candidates(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.AmbiguousNameError) as caught:
        model.neighbors("iwate")
    assert caught.value.candidates == ["prefecture/iwate", "university/iwate"]
    assert caught.value.id == "iwate"
    assert "fits 2 nodes" in str(caught.value)
    assert isinstance(caught.value, kyoso.UnknownIdError)


def test_the_universities_table(model: kyoso.Model) -> None:
    table = model.universities()
    assert len(table) == 814
    assert list(table["id"]) == sorted(table["id"])
    iwate = table.set_index("id").loc["university/iwate"]
    assert (iwate["name_ja"], iwate["prefecture_ja"], iwate["region"]) == (
        "岩手大学",
        "岩手県",
        "region/tohoku",
    )
    assert iwate["establishment"] == "establishment/national"
    assert "field/agriculture" in iwate["fields"]
    assert (iwate["framework"], iwate["frameworks"]) == ("①", ["framework/regional-contribution"])


def test_the_table_filters_like_kyoso_list(model: kyoso.Model) -> None:
    jpeaks = model.universities(holds="j-peaks")
    assert len(jpeaks) == 25
    for holdings in jpeaks["holdings"]:
        award = next(h for h in holdings if h["program"] == "program/j-peaks")
        assert award["attributes"]["round"] in ("1", "2")
        assert award["fiscal_year"] in (2023, 2024)
    assert jpeaks.attrs["partial_lists"] == []
    question = model.universities(
        framework="regional-contribution", fields="agriculture", lacks=["j-peaks", "COI-NEXT"]
    )
    assert "university/iwate" in set(question["id"])
    assert "university/hirosaki" not in set(question["id"])
    assert question.attrs["partial_lists"] == ["program/coi-next"]
    assert len(model.universities(prefecture="岩手県")) == 6


def test_a_university_profile_says_where_each_part_comes_from(model: kyoso.Model) -> None:
    derived = model.university_profile("岩手大学")
    assert derived.university == "university/iwate"
    assert derived.profile == model.profile_of("university/iwate")
    assert list(derived) == derived.facts
    mission = next(f for f in derived if f.part == "mission")
    assert (mission.value, mission.used, mission.certainty) == (
        "mission/regional-revitalization",
        True,
        "high",
    )
    assert mission.path.nodes[1] == "framework/regional-contribution"
    assert mission.sources
    goals = next(f for f in derived if f.part == "goals")
    assert goals.value is None and not goals.used and goals.certainty is None
    frame = derived.to_dataframe()
    assert list(frame["part"]) == [f.part for f in derived]


def test_fit_by_university_starts_from_the_derived_profile(model: kyoso.Model) -> None:
    iwate = model.profile_of("岩手大学")
    assert iwate == model.profile_of("university/iwate")
    extended = model.fit(iwate, goals="social-implementation")
    assert extended[0].id == "program/coi-next"
    replaced = model.rank(iwate, mission="world-class")
    assert replaced == model.rank(
        mission="world-class",
        fields=["agriculture", "manufacturing"],
        establishment="national",
    )


def test_fit_by_university_reads_the_calls_of_the_year_asked(model: kyoso.Model) -> None:
    # COI-NEXT's nurturing track has a known call in FY2024 and none known in FY2025.
    def nurturing(fiscal_year: int) -> str:
        profile = model.profile_of("岩手大学", fiscal_year=fiscal_year)
        ranking = model.rank(profile, goals="社会実装", fiscal_year=fiscal_year)
        return next(r.eligibility for r in ranking if r.id == "program/coi-next/nurturing")

    assert nurturing(2024) == "eligible"
    assert nurturing(2025) == "unknown"


def test_an_award_of_a_later_year_is_not_yet_held(model: kyoso.Model) -> None:
    # 弘前大学 won J-PEAKS in FY2024: in FY2023's round it could still apply (one place each).
    def jpeaks(fiscal_year: int) -> str:
        profile = model.profile_of("弘前大学", fiscal_year=fiscal_year)
        ranking = model.rank(profile, fiscal_year=fiscal_year)
        return next(r.eligibility for r in ranking if r.id == "program/j-peaks")

    assert jpeaks(2023) == "eligible"
    assert jpeaks(2024) == "not-eligible"
    # 東京科学大学 was certified in FY2025: not held as of the model's FY2024.
    assert model.university_profile("東京科学大学").profile.holds == []
    later = model.university_profile("東京科学大学", fiscal_year="FY2025")
    assert later.profile.holds == ["program/international-excellence"]
    assert model.profile_of("東京科学大学", fiscal_year=2025) == later.profile


def test_fit_by_a_university_of_another_kind_says_what_it_is(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.profile_of("岩手県")
    assert "is prefecture/iwate 岩手県, not a university" in str(caught.value)
    assert caught.value.suggestion == "university/iwate-prefectural"


KYOSO = Path(kyoso.__file__).resolve().parents[2] / "bin" / "kyoso"  # build/python/kyoso/…


def cli_fit(*arguments: str) -> dict[str, Any]:
    if not KYOSO.exists():
        pytest.skip("the kyoso CLI is not built beside the package")
    done = subprocess.run([str(KYOSO), "fit", *arguments, "--format", "json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_fit_by_university_is_what_kyoso_fit_university_prints(model: kyoso.Model) -> None:
    found = model.fit(university="岩手大学")
    assert found.university.university == "university/iwate"
    assert found.to_dict() == cli_fit("--university", "岩手大学")
    assert model.fit(mission="regional-revitalization").university is None


def test_keywords_replace_a_part_of_the_universitys_profile(model: kyoso.Model) -> None:
    found = model.fit(university="岩手大学", goals=["social-implementation"])
    assert found.to_dict() == cli_fit("--university", "岩手大学", "--goal", "social-implementation")
    derived = model.profile_of("岩手大学")
    assert found.profile.goals == ["purpose/social-implementation"]
    assert found.profile.mission == derived.mission and found.profile.fields == derived.fields
    assert found.university.profile == derived
    # rank, explain, portfolio and compare take it from the same place.
    by_profile = model.rank(derived, goals="social-implementation")
    assert model.rank(university="岩手大学", goals="social-implementation") == by_profile
    assert model.explain("coi-next", university="岩手大学", goals="social-implementation") == next(
        r for r in found if r.id == "program/coi-next"
    )
    plan = model.portfolio(university="岩手大学", goals="social-implementation")
    assert plan == model.portfolio(derived, goals="social-implementation")
    same = kyoso.compare(model, model, "fit", university="岩手大学", goals="social-implementation")
    assert same.base.profile == found.profile


def test_list_keywords_add_to_a_universitys_lists_as_the_cli_flags_do(model: kyoso.Model) -> None:
    found = model.fit(university="岩手大学", fields=["services"])
    assert found.to_dict() == cli_fit("--university", "岩手大学", "--field", "services")
    derived = model.profile_of("岩手大学")
    assert found.profile.fields == derived.fields + ["field/services"]
    # A field it has already is not counted twice.
    again = model.fit(university="岩手大学", fields=derived.fields[0])
    assert again.profile.fields == derived.fields


def test_a_university_is_fitted_as_of_the_fiscal_year_asked(model: kyoso.Model) -> None:
    # 東京科学大学 was certified in FY2025: held as of FY2025, not as of the model's FY2024.
    holds = "program/international-excellence"
    assert holds not in model.rank(university="東京科学大学").profile.holds
    later = model.rank(university="東京科学大学", fiscal_year="FY2025")
    assert holds in later.profile.holds and later.profile.fiscal_year == 2025


def test_an_ambiguous_university_name_gives_its_candidates(model: kyoso.Model) -> None:
    table = model.universities()
    seisen = sorted(table[table["name_en"] == "Seisen University"]["id"])
    assert len(seisen) == 2
    with pytest.raises(kyoso.AmbiguousNameError) as caught:
        model.fit(university="Seisen University")
    assert caught.value.candidates == seisen


def test_an_unknown_university_suggests_the_nearest(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.rank(university="岩手大", goals="social-implementation")
    assert caught.value.suggestion == "university/iwate"
    assert not isinstance(caught.value, kyoso.AmbiguousNameError)


def test_a_profile_and_a_university_together_are_refused(model: kyoso.Model) -> None:
    profile = model.profile_of("弘前大学")
    for query in (model.fit, model.rank, model.portfolio):
        with pytest.raises(TypeError, match="give a profile or university=, not both"):
            query(profile, university="岩手大学")
    with pytest.raises(TypeError, match="not both"):
        model.explain("coi-next", profile, university="岩手大学")


def test_an_ambiguous_name_inside_a_profile_keeps_its_candidates() -> None:
    # Read where the profile names it, the error keeps its class and candidates.
    document = small_graph()
    for slug in ("a", "b"):
        document["graph"]["nodes"][f"partner/{slug}"] = {
            "label": "企業",
            "metadata": {"kind": "partner", "name": {"ja": "企業", "en": "Companies"}},
        }
    small = kyoso.parse(json.dumps(document, ensure_ascii=False))
    with pytest.raises(kyoso.AmbiguousNameError) as caught:
        small.rank(goals="q", partners=["企業"])
    assert caught.value.candidates == ["partner/a", "partner/b"]
    assert caught.value.pointer == "/partners/0"
    assert caught.value.line is None
