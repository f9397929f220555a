"""diagnose gives the C++ API's answers on the casebook (tests/query_diagnose_test.cpp)."""

from __future__ import annotations

import pytest

import kyoso


def ids(diagnoses: list[kyoso.Diagnosis]) -> list[str]:
    return [d.id for d in diagnoses]


def test_challenge_one_is_addressed_by_factor_one_with_tuat_and_hiroshima(
    model: kyoso.Model,
) -> None:
    (d,) = model.diagnose(challenges=["01"])
    assert d.id == "challenge/01"
    assert [(f.id, f.label) for f in d.factors] == [("factor/1", "❶")]
    assert [c.id for c in d.references] == ["university/hiroshima", "university/tuat"]
    assert d.stage == "stage/0"
    assert d.stage_name.ja


def test_stage_two_has_exactly_challenges_fifteen_to_twenty_three(model: kyoso.Model) -> None:
    assert ids(model.diagnose(stage="stage/2")) == [f"challenge/{i}" for i in range(15, 24)]


def test_challenge_twenty_two_is_unresolved(model: kyoso.Model) -> None:
    (d,) = model.diagnose(challenges="challenge/22")
    assert d.references == []
    assert d.unresolved


def test_top_management_finds_challenges_six_and_eleven_in_either_language(
    model: kyoso.Model,
) -> None:
    assert ids(model.diagnose(text="トップマネジメント")) == ["challenge/06", "challenge/11"]
    assert ids(model.diagnose(text="top management")) == ["challenge/06", "challenge/11"]


def test_text_matches_are_ranked_by_match(model: kyoso.Model) -> None:
    found = model.diagnose(text="トップマネジメントの関与")
    assert ids(found) == ["challenge/11", "challenge/06"]
    assert found[0].match == 1.0
    assert found[1].match == pytest.approx(8 / 11)


def test_the_selections_are_united(model: kyoso.Model) -> None:
    found = ids(model.diagnose(challenges=["challenge/01"], stage="stage/2"))
    assert found == ["challenge/01", *(f"challenge/{i}" for i in range(15, 24))]


def test_links_carry_their_certainty_and_sources(model: kyoso.Model) -> None:
    (d,) = model.diagnose(challenges=["01"])
    assert d.factors[0].certainty == "high"
    assert {c.certainty for c in d.references} == {"high"}
    assert kyoso.Diagnosis.from_dict(d.to_dict()) == d
