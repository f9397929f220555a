"""The national-scale features: synthesize, profile_of and fit_all give the C++ API's answers
(tests/synth_test.cpp, tests/query_fit_all_test.cpp) on small synthetic models."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import kyoso

# Small enough to be quick, large enough for every kind of generated fact: the structure
# (the embedded model, the programs, the profiles) needs about 600 edges, and 200
# stakeholders can hold the rest as joint-research links.
SMALL = dict(universities=20, programs=10, stakeholders=200, edges=2_000)
PROFILE_KEYS = {
    "mission", "goals", "fields", "stage", "partners", "holds", "establishment", "applicant",
    "fiscal_year",
}


@pytest.fixture(scope="module")
def synthetic() -> kyoso.Model:
    return kyoso.synthesize(**SMALL, seed=7)


@pytest.fixture(scope="module")
def fits(synthetic: kyoso.Model) -> kyoso.FitAll:
    return synthetic.fit_all()


def generated(model: kyoso.Model) -> list[str]:
    return [n.id for n in model.nodes("university") if n.id.startswith("university/u")]


# ---- synthesize ---------------------------------------------------------------------------


def test_synthesize_makes_the_model_asked_for(synthetic: kyoso.Model) -> None:
    assert isinstance(synthetic, kyoso.Model)
    assert synthetic.edge_count == SMALL["edges"]
    assert generated(synthetic) == [f"university/u{i:02d}" for i in range(1, 21)]
    programs = [n.id for n in synthetic.nodes("program")]
    assert len([p for p in programs if p.startswith("program/p") and p.count("/") == 1]) == 10
    stakeholders = [n.id for n in synthetic.nodes("stakeholder")]
    assert len([s for s in stakeholders if s[len("stakeholder/s"):].isdigit()]) == 200
    # The embedded model is inside it.
    assert "program/coi-next" in synthetic


def test_the_same_seed_gives_an_equal_model_and_another_seed_another(
    synthetic: kyoso.Model,
) -> None:
    again = kyoso.synthesize(**SMALL, seed=7)
    assert again == synthetic
    assert again.export("jgf") == synthetic.export("jgf")
    other = kyoso.synthesize(**SMALL, seed=8)
    assert other != synthetic
    assert other.edge_count == synthetic.edge_count  # the same size, drawn differently


def test_synthesize_takes_its_arguments_in_order() -> None:
    assert kyoso.synthesize(20, 10, 200, 2_000, 7) == kyoso.synthesize(**SMALL, seed=7)


def test_too_few_edges_for_the_structure_is_an_error_saying_how_many_it_needs() -> None:
    with pytest.raises(kyoso.Error) as caught:
        kyoso.synthesize(**{**SMALL, "edges": 100})
    message = str(caught.value)
    assert "100 is fewer than the" in message
    assert "edges the embedded model, the programs and the universities' profiles need" in message
    assert not isinstance(caught.value, kyoso.UnknownIdError)


def test_more_links_than_the_stakeholders_can_hold_is_an_error() -> None:
    with pytest.raises(kyoso.Error, match="joint-research links, more than"):
        kyoso.synthesize(universities=1, programs=1, stakeholders=10, edges=5_000)


def test_counts_beyond_the_command_lines_limits_are_errors() -> None:
    with pytest.raises(kyoso.Error, match="universities is at most 100000000"):
        kyoso.synthesize(universities=100_000_001)
    with pytest.raises(kyoso.Error, match="edges is at most 10000000"):
        kyoso.synthesize(edges=10_000_001)


@pytest.mark.parametrize("bad", [{"universities": -1}, {"edges": 2.5}, {"seed": "1"}])
def test_a_count_that_is_not_a_whole_number_is_a_type_error_naming_it(bad: dict) -> None:
    (name,) = bad
    with pytest.raises(TypeError, match=f"^{name} must be"):
        kyoso.synthesize(**{**SMALL, **bad})


# ---- profile_of ---------------------------------------------------------------------------


def test_profile_of_gives_the_stored_profile(synthetic: kyoso.Model) -> None:
    profile = synthetic.profile_of("university/u01")
    assert isinstance(profile, kyoso.Profile)
    assert set(profile.to_dict()) == PROFILE_KEYS
    assert profile.mission.startswith("mission/")
    assert profile.stage.startswith("stage/")
    assert profile.establishment.startswith("establishment/")
    assert profile.applicant == "applicant/university"
    assert profile.goals and all(g.startswith("purpose/") for g in profile.goals)
    for key in ("goals", "fields", "partners", "holds"):
        assert getattr(profile, key) == sorted(getattr(profile, key)), key  # in id order
    # The slug alone names the university too.
    assert synthetic.profile_of("u01") == profile


def test_profile_of_reads_the_universitys_edges(synthetic: kyoso.Model) -> None:
    profile = synthetic.profile_of("university/u03")
    stated = {
        "pursues": profile.goals,
        "works_in": profile.fields,
        "has_partner": profile.partners,
        "awarded": profile.holds,
    }
    for relation, ids in stated.items():
        found = synthetic.neighbors("university/u03", relation=relation)
        assert sorted(n.id for n in found) == ids, relation
    (mission,) = synthetic.neighbors("university/u03", relation="has_mission")
    assert profile.mission == mission.id


def test_a_university_without_a_stored_profile_states_nothing(synthetic: kyoso.Model) -> None:
    profile = synthetic.profile_of("university/hirosaki")  # the embedded casebook's
    assert profile.mission is None and profile.stage is None
    assert profile.goals == [] and profile.fields == []
    # fit refuses a profile with nothing to fit, as `kyoso fit` does; rank scores it 0.
    with pytest.raises(kyoso.Error, match="fit needs something to fit"):
        synthetic.fit(profile)
    assert all(r.score == 0.0 for r in synthetic.rank(profile))


def test_fit_of_the_stored_profile_ranks_as_fit_all_does(
    synthetic: kyoso.Model, fits: kyoso.FitAll
) -> None:
    for university in generated(synthetic):
        results = synthetic.fit(synthetic.profile_of(university))
        ranking = fits.university(university)
        assert results.profile == ranking.profile, university
        assert [r.id for r in ranking] == [r.id for r in results], university
        assert [r.score for r in ranking] == [r.score for r in results], university  # to the bit
        assert [r.eligibility for r in ranking] == [r.eligibility for r in results], university


def test_fit_all_under_other_weights_ranks_as_fit_does(synthetic: kyoso.Model) -> None:
    weights = {"mission": 0.1, "goals": 0.2, "fields": 0.3, "stage": 0.4, "inherited": 0.0}
    fits = synthetic.fit_all(weights=weights)
    assert fits != synthetic.fit_all()
    for university in ("university/u05", "university/u17"):
        results = synthetic.fit(synthetic.profile_of(university), weights=weights)
        ranking = fits.university(university)
        assert [(r.id, r.score, r.eligibility) for r in ranking] == [
            (r.id, r.score, r.eligibility) for r in results
        ]


@pytest.mark.parametrize("university", ["university/nowhere", "program/coi-next", "u1"])
def test_profile_of_an_unknown_university_names_the_id(
    synthetic: kyoso.Model, university: str
) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        synthetic.profile_of(university)
    if university.startswith("program/"):
        # It exists, as another kind: the message says which rather than "unknown".
        assert f"'{university}' is a program, not a university" in str(caught.value)
    else:
        assert f"unknown id '{university}'" in str(caught.value)
    assert caught.value.id == university


def test_profile_of_a_mistyped_university_suggests_the_nearest(synthetic: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        synthetic.profile_of("university/u1")
    assert caught.value.suggestion == "university/u01"
    assert "did you mean 'university/u01'?" in str(caught.value)


# ---- fit_all ------------------------------------------------------------------------------


def test_fit_all_ranks_every_program_for_every_university(
    synthetic: kyoso.Model, fits: kyoso.FitAll
) -> None:
    universities = [n.id for n in synthetic.nodes("university")]
    programs = sorted(n.id for n in synthetic.nodes("program"))
    assert [f.university for f in fits] == universities  # in id order
    assert len(fits) == len(universities)
    for fit in fits:
        assert sorted(r.id for r in fit) == programs
        assert all(0.0 <= r.score <= 1.0 for r in fit)
    assert any(r.score > 0 for fit in fits for r in fit)
    # Every kind of answer occurs, so the comparison with fit checks each word.
    assert {r.eligibility for fit in fits for r in fit} == {
        "eligible", "conditional", "not-eligible", "unknown"
    }


def test_the_answer_does_not_depend_on_the_number_of_threads(
    synthetic: kyoso.Model, fits: kyoso.FitAll
) -> None:
    one = synthetic.fit_all(threads=1)
    two = synthetic.fit_all(threads=2)
    assert one == two
    assert one == fits  # threads=0: as many as the work repays
    assert synthetic.fit_all(threads=64) == one


def test_python_threads_may_fit_one_model_at_once(
    synthetic: kyoso.Model, fits: kyoso.FitAll
) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: synthetic.fit_all(threads=1), range(8)))
    assert all(a == fits for a in answers)


def test_the_ranking_can_be_looked_up(fits: kyoso.FitAll) -> None:
    fit = fits.university("u02")
    assert fit is fits.university("university/u02")
    first = fit[0]
    assert fit.rank(first.id) == 1
    assert fit.eligible() == [r for r in fit if r.eligibility != "not-eligible"]
    assert fits[0] is fits.university(fits[0].university)
    with pytest.raises(KeyError):
        fits.university("university/nowhere")
    with pytest.raises(KeyError):
        fit.rank("program/nowhere")


def test_fit_all_is_the_documents_of_the_command_line(fits: kyoso.FitAll) -> None:
    assert kyoso.FitAll(fits.to_dicts()) == fits
    document = fits.to_dicts()[0]
    assert document["schema"] == "kyoso.fit_all/2"
    assert set(document["results"][0]) == {"id", "score", "eligibility"}
    assert kyoso.read(document) == fits[0]


def test_bad_arguments_to_fit_all(synthetic: kyoso.Model) -> None:
    with pytest.raises(kyoso.Error, match="unknown fit weight 'mision'"):
        synthetic.fit_all(weights={"mision": 1.0})
    with pytest.raises(ValueError, match="threads"):
        synthetic.fit_all(threads=-1)


def test_the_embedded_model_fits_its_universities_by_their_derived_profiles(
    model: kyoso.Model,
) -> None:
    # The national layer stores fields (from faculties), establishment and holdings, and a
    # national university's support framework is evidence of its mission; no goals or stage.
    # A program scores only by a field it suits (by naming it, or by being open to any field)
    # or the mission it targets, itself or through a parent program.
    fits = model.fit_all()
    assert [f.university for f in fits] == [n.id for n in model.nodes("university")]

    def lineage(program: str) -> list[str]:
        chain = [program]
        while parents := [n.id for n in model.neighbors(chain[-1], relation="part_of")
                          if n.kind == "program"]:
            chain.append(parents[0])
        return chain

    def fields_of(program: str) -> tuple[set[str], bool]:
        # The nearest program of the lineage that says anything about fields speaks for it.
        for p in lineage(program):
            named = {n.id for n in model.neighbors(p, relation="suits_field")}
            scope = model.node(p).attributes.get("fields")
            if named or scope:
                return named, scope == "any"
        return set(), False

    def missions_of(program: str) -> set[str]:
        for p in lineage(program):
            if targets := {n.id for n in model.neighbors(p, relation="targets")}:
                return targets
        return set()

    stated = {p.id: fields_of(p.id) for p in model.nodes("program")}
    targeting = {p.id: missions_of(p.id) for p in model.nodes("program")}
    with_mission = 0
    for fit in fits:
        profile = model.profile_of(fit.university)
        assert not profile.goals and profile.stage is None
        with_mission += profile.mission is not None
        fields = set(profile.fields)
        for r in fit:
            named, any_field = stated[r.id]
            meets = (bool(fields) and (bool(named & fields) or any_field)) or (
                profile.mission in targeting[r.id]
            )
            assert (r.score > 0.0) == meets, (fit.university, r)
    # The 55 of framework ① and the six named for ② or ③ (the 25 left open give none).
    assert with_mission == 61


# ---- tables -------------------------------------------------------------------------------


def test_the_table_has_a_row_per_university_and_rank(
    synthetic: kyoso.Model, fits: kyoso.FitAll
) -> None:
    table = fits.to_dataframe()
    assert list(table.columns) == ["university", "rank", "program", "score", "eligibility"]
    programs = len(synthetic.nodes("program"))
    assert len(table) == len(fits) * programs
    assert str(table["rank"].dtype) == "int64" and str(table["score"].dtype) == "float64"
    u07 = table[table["university"] == "university/u07"]
    ranking = fits.university("u07")
    assert list(u07["rank"]) == list(range(1, programs + 1))
    assert list(u07["program"]) == [r.id for r in ranking]
    assert list(u07["score"]) == [r.score for r in ranking]
    assert list(u07["eligibility"]) == [r.eligibility for r in ranking]


def test_the_table_keeps_the_top_eligible_rows_as_the_command_line_does(
    fits: kyoso.FitAll,
) -> None:
    table = fits.to_dataframe(top=3, eligible_only=True)
    assert (table["eligibility"] != "not-eligible").all()
    assert table.groupby("university").size().max() <= 3
    for fit in fits:
        rows = table[table["university"] == fit.university]
        assert list(rows["program"]) == [r.id for r in fit.eligible()[:3]]
        assert list(rows["rank"]) == list(range(1, len(rows) + 1))
    assert len(fits.to_dataframe(top=0)) == 0
    with pytest.raises(ValueError, match="top"):
        fits.to_dataframe(top=-1)


# ---- rank -------------------------------------------------------------------------------


def test_rank_gives_fits_ranking_without_the_explanations(synthetic: kyoso.Model) -> None:
    weights = {"goals": 0.6, "inherited": 0.25}
    for university in generated(synthetic)[:8]:
        profile = synthetic.profile_of(university)
        for w in (None, weights):
            ranked = synthetic.rank(profile, weights=w)
            fitted = synthetic.fit(profile, weights=w)
            assert (ranked.profile, ranked.weights) == (fitted.profile, fitted.weights)
            assert [(r.id, r.score, r.eligibility) for r in ranked] == [
                (r.id, r.score, r.eligibility) for r in fitted
            ]


def test_rank_takes_fits_arguments_and_refuses_what_fit_refuses() -> None:
    model = kyoso.default_model()
    ranked = model.rank(mission="regional-revitalization", goals="social-implementation")
    assert ranked[0].id == "program/coi-next"
    assert ranked[0].score == model.fit(
        mission="regional-revitalization", goals="social-implementation"
    )[0].score
    with pytest.raises(kyoso.UnknownIdError, match="purpose/social-implementaton"):
        model.rank(goals="purpose/social-implementaton")
    with pytest.raises(kyoso.Error):
        model.rank(goals="social-implementation", weights={"mission": -1})
