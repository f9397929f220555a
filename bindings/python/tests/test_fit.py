"""fit, explain and portfolio give the C++ API's answers (tests/query_fit_test.cpp)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

import kyoso

REGIONAL = "mission/regional-revitalization"
PARTNERS = ["partner/local-government", "partner/companies", "partner/regional-bank"]

# The seed's slide 「具体的にどのような支援策が使えるのか？」: each need, the measures it names.
SLIDE = {
    "purpose/base-support": ["program/base-funding"],
    "purpose/talent-development": ["program/sparc"],
    "purpose/research-infrastructure": ["program/joint-usage-system"],
    "purpose/social-implementation": ["program/coi-next"],
    "purpose/regional-industry": ["program/regional-university-grant"],
    "purpose/management": ["program/j-peaks"],
    "purpose/institutional-reform": ["program/special-zones"],
    "purpose/government-partnership": [
        "program/regional-innovation-environment",
        "program/smart-agriculture",
        "program/local-10000",
    ],
}


def rank(results: list[kyoso.Recommendation], program: str) -> int:
    return [r.id for r in results].index(program)


def test_the_main_job_ranks_coi_next_first_with_its_seed_sources(model: kyoso.Model) -> None:
    results = model.fit(mission="regional-revitalization", goals=["social-implementation"])
    best = results[0]
    assert best.id == "program/coi-next"
    assert best.score == pytest.approx(1.0, abs=1e-12)
    assert best.eligibility == "eligible"
    assert any("共創の場形成支援" in s.quote for s in best.sources)
    assert best.call.status == "open" and best.call.fiscal_year == 2024
    assert best.routes[0].route == "lead"
    by_id = {r.id: r for r in results}
    # The local government files the regional grant: without one among the partners, the
    # university's way in is a condition, not an exclusion.
    grant = by_id["program/regional-university-grant"]
    assert grant.eligibility == "conditional" and grant.routes[0].route == "through"
    assert by_id["program/opera"].eligibility == "not-eligible"  # continuing projects only


def test_every_program_is_ranked(model: kyoso.Model) -> None:
    results = model.fit(mission=REGIONAL)
    assert sorted(r.id for r in results) == [n.id for n in model.nodes("program")]


@pytest.mark.parametrize("goal", sorted(SLIDE))
def test_each_need_leads_to_the_slides_measure_first(model: kyoso.Model, goal: str) -> None:
    results = model.fit(mission=REGIONAL, goals=[goal], partners=PARTNERS)
    measures = SLIDE[goal]
    for r in results[: len(measures)]:
        assert r.id in measures
        assert r.eligibility != "not-eligible"


def test_contributions_sum_to_the_score(model: kyoso.Model) -> None:
    results = model.fit(mission=REGIONAL, goals=["social-implementation", "talent-development"],
                        stage="stage/0", partners=PARTNERS)
    for r in results:
        assert sum(c.contribution for c in r.criteria) == pytest.approx(r.score, abs=1e-12)
        assert all(c.contribution == 0 and c.strength == 0 for c in r.criteria
                   if c.outcome in ("missed", "unknown"))
        assert 0 <= r.score <= 1


def test_a_met_criterion_shows_its_path(model: kyoso.Model) -> None:
    rec = model.explain("program/coi-next", mission=REGIONAL, goals=["social-implementation"])
    assert rec.met[0].id == "mission"
    assert str(rec.met[0].paths[0]) == "program/coi-next -targets-> mission/regional-revitalization"
    assert rec.nodes[0] == "program/coi-next"
    assert set(rec.nodes) == {"program/coi-next", *(n for c in rec.met for p in c.paths
                                                    for n in p.nodes), *(n for p in rec.paths
                                                                         for n in p.nodes)}


def test_a_starting_university_gets_nurturing_before_full_scale(model: kyoso.Model) -> None:
    results = model.fit(mission=REGIONAL, goals=["purpose/social-implementation"],
                        partners=PARTNERS, stage="stage/0")
    assert rank(results, "program/coi-next/nurturing") < rank(results, "program/coi-next/full-scale")
    regional = rank(results, "program/coi-next/full-scale/regional")
    assert regional < rank(results, "program/coi-next/full-scale/co-creation")
    assert regional < rank(results, "program/coi-next/full-scale/policy-priority")


def test_explain_gives_the_same_recommendation_as_fit(model: kyoso.Model) -> None:
    profile = dict(mission=REGIONAL, goals=["social-implementation"], partners=PARTNERS)
    for r in model.fit(**profile):
        assert model.explain(r.id, **profile) == r


def test_one_id_is_a_list_of_one(model: kyoso.Model) -> None:
    assert model.fit(mission=REGIONAL, goals="social-implementation") == model.fit(
        mission=REGIONAL, goals=["social-implementation"])


def test_weights_change_the_score(model: kyoso.Model) -> None:
    only_mission = model.explain("program/coi-next", mission=REGIONAL, goals=["management"],
                                 weights={"goals": 0.0})
    assert only_mission.score == pytest.approx(1.0)
    both = model.explain("program/coi-next", mission=REGIONAL, goals=["management"])
    assert both.score < 1.0


def test_portfolio_starts_with_nurturing_then_full_scale_by_promotion(model: kyoso.Model) -> None:
    plan = model.portfolio(mission="regional-revitalization", goals=["social-implementation"])
    assert plan.profile.mission == REGIONAL
    assert plan.profile.goals == ["purpose/social-implementation"]
    assert plan.profile.stage is None and plan.uncovered == []
    assert [p.id for p in plan.plan] == [
        "program/coi-next/nurturing",
        "program/coi-next/full-scale",
    ]
    nurturing, full = plan.plan
    assert (nurturing.years, nurturing.years_qualifier) == (2, "approx")  # 「2年度程度」
    assert (full.start_year, full.years, full.years_qualifier) == (2, 10, "up_to")  # 「最長10年度」


def test_results_round_trip_through_plain_dicts(model: kyoso.Model) -> None:
    for r in model.fit(mission=REGIONAL, goals=["social-implementation"], partners=PARTNERS):
        data = json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
        assert kyoso.Recommendation.from_dict(data) == r
    assert set(r.to_dict()) == {"id", "name", "score", "specificity", "eligibility", "call",
                                "routes", "reasons", "criteria", "paths", "sources", "nodes"}
    plan = model.portfolio(mission=REGIONAL, goals=["social-implementation"])
    assert kyoso.Portfolio.from_dict(plan.to_dict()) == plan


def test_threads_may_query_one_model_at_once(model: kyoso.Model) -> None:
    goals = sorted(SLIDE)
    expected = [model.fit(mission=REGIONAL, goals=[g], partners=PARTNERS) for g in goals]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda g: model.fit(mission=REGIONAL, goals=[g], partners=PARTNERS),
                            goals * 4))
    assert got == expected * 4
