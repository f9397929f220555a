"""Model.simulate and compare on simulate: the same numbers as tests/simulate_test.cpp (derived
from the seed), Monte Carlo reproducibility, the DataFrame, each error, and the budget-cut
example script."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pandas
import pytest

import kyoso
from kyoso import _kyoso

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "scenarios"
COI_NEXT = "program/coi-next"
NURTURING = "program/coi-next/nurturing"
FULL_SCALE = "program/coi-next/full-scale"
OPERA = "program/opera"


# ---- COI-NEXT against the seed -------------------------------------------------------------


def test_the_tracks_come_from_the_model(model: kyoso.Model) -> None:
    result = model.simulate("coi-next", years=1)
    assert result.program == COI_NEXT
    assert [t.id for t in result.tracks] == [NURTURING, FULL_SCALE, OPERA]
    nurturing, full_scale, opera = result.tracks
    assert (nurturing.funding_per_site_jpy, nurturing.duration, nurturing.new_sites) == (
        30_000_000, 2, 6)                                  # 「3千万円程度/年」「2年度程度」「新規６拠点程度」
    assert nurturing.promotes_to == FULL_SCALE
    assert nurturing.promotion_rate == pytest.approx(0.55)  # 33 / (6 × 10)
    assert (full_scale.funding_per_site_jpy, full_scale.duration, full_scale.initial_sites) == (
        400_000_000, 10, 33)                               # 「~4億円程度/年」「最長10年度」「33拠点程度」
    assert full_scale.promotes_to is None and full_scale.promotion_rate is None
    assert not opera.open                                  # 「継続のみ」
    assert result.parameters.start_fy == 2024
    assert result.years[0].budget_jpy == 13_400_000_000    # 「令和6年度予算額 134億円」
    assert result.assumptions and all(a.ja and a.en for a in result.assumptions)


def test_the_baseline_keeps_12_nurturing_and_32_full_scale_sites_within_134_oku(
    model: kyoso.Model,
) -> None:
    result = model.simulate(COI_NEXT, years=15)
    assert len(result.years) == 15
    for year in result.years:
        assert year.sites(NURTURING) == 12, year.fiscal_year
        assert year.sites(FULL_SCALE) == 32, year.fiscal_year
        assert year.spend_jpy == 13_160_000_000          # 3.6億 + 32 × 4億
        assert year.spend_jpy <= year.budget_jpy
        assert year.sites(OPERA) == 0
    first = result.years[0]
    assert (first.fiscal_year, first.turned_away, first.budget_bound) == (2024, 1, 1.0)
    assert not result.monte_carlo


def test_the_seeds_own_figures_cost_135_6_oku_which_134_oku_does_not_cover(
    model: kyoso.Model,
) -> None:
    for year in model.simulate(COI_NEXT, years=3, policy="report-only").years:
        assert (year.sites(NURTURING), year.sites(FULL_SCALE)) == (12, 33)
        assert year.spend_jpy == 13_560_000_000          # 12 × 3千万 + 33 × 4億
        assert year.over_budget == 1.0
    fy2023 = model.simulate(COI_NEXT, years=1, start_fy=2023, policy="report-only").years[0]
    assert (fy2023.budget_jpy, fy2023.over_budget) == (13_800_000_000, 0.0)  # 138億円 did


def test_scale_funding_keeps_every_site_and_pays_less(model: kyoso.Model) -> None:
    year = model.simulate(COI_NEXT, years=1, policy="scale-funding").years[0]
    assert year.sites(FULL_SCALE) == 33
    assert year.spend_jpy == 13_400_000_000
    assert year.funding_scale == pytest.approx(134 / 135.6)


def test_start_fy_takes_the_fiscal_year_as_people_write_it(model: kyoso.Model) -> None:
    expected = model.simulate(COI_NEXT, years=1, start_fy=2023)
    for same in ("2023", "FY2023", "R5", "令和5年度", "令和5"):
        assert model.simulate(COI_NEXT, years=1, start_fy=same) == expected, same
    assert model.simulate(COI_NEXT, years=1, start_fy="令和元年度").years[0].fiscal_year == 2019
    with pytest.raises(ValueError, match="not a fiscal year"):
        model.simulate(COI_NEXT, start_fy="FY24")


def test_initial_and_new_sites_override_the_figures(model: kyoso.Model) -> None:
    result = model.simulate(COI_NEXT, years=7, initial_sites={OPERA: 6}, policy="report-only")
    assert [y.sites(OPERA) for y in result.years] == [5, 4, 3, 2, 1, 0, 0]
    fewer = model.simulate(COI_NEXT, years=3, new_sites={NURTURING: 4})
    assert all(y.new == 4 for y in fewer.years)


# ---- a budget cut ----------------------------------------------------------------------------


def test_a_120_oku_budget_from_fy2025_funds_fewer_full_scale_sites(model: kyoso.Model) -> None:
    cut = model.apply(kyoso.Scenario("cut").set_budget(COI_NEXT, 2025, 12_000_000_000))
    result = cut.simulate(COI_NEXT, years=12)
    assert result.years[0].sites(FULL_SCALE) == 32       # FY2024 keeps 134億円
    for year in result.years[1:]:
        assert (year.sites(NURTURING), year.sites(FULL_SCALE)) == (12, 29)  # (120 − 3.6) / 4
        assert year.spend_jpy <= 12_000_000_000
    assert result.years[1].turned_away == 3           # FY2025: no promotion fits
    assert model.simulate(COI_NEXT, years=1).years[0].budget_jpy == 13_400_000_000  # base as was


def test_less_budget_never_funds_more_sites(model: kyoso.Model) -> None:
    sites = [model.simulate(COI_NEXT, years=12, budget=oku * 100_000_000).years[-1]
             .sites(FULL_SCALE) for oku in (90, 100, 110, 120, 130, 134, 138, 150)]
    assert sites == sorted(sites)
    assert sites[0] < sites[-1]


def test_compare_simulate_shows_the_cut_year_by_year(model: kyoso.Model) -> None:
    comparison = kyoso.compare(model, EXAMPLES / "budget_cut.json", "simulate", "coi-next",
                               years=4)
    assert isinstance(comparison, kyoso.SimulationComparison)
    assert [y.fiscal_year for y in comparison.years] == [2024, 2025, 2026, 2027]
    assert comparison.years[0].active[FULL_SCALE] == 0
    for year in comparison.years[1:]:
        assert (year.active[FULL_SCALE], year.active[NURTURING]) == (-3, 0)
        assert (year.budget_jpy, year.spend_jpy) == (-1_400_000_000, -1_200_000_000)
    assert comparison.base == model.simulate(COI_NEXT, years=4)
    deltas = comparison.to_dataframe()
    assert list(deltas[f"active:{FULL_SCALE}"]) == [0, -3, -3, -3]
    assert kyoso.SimulationComparison.from_dict(comparison.to_dict()) == comparison
    # The two budget readings differ, and only they: each side states its own.
    changed = comparison.assumptions_changed
    assert isinstance(changed, kyoso.AssumptionsChanged)
    assert [a.en.split(":")[0] for a in changed.base] == ["budget"]
    assert [a.en.split(":")[0] for a in changed.scenario] == ["budget"]
    assert "FY2025 12,000,000,000" in changed.scenario[0].en
    assert "FY2025 13,400,000,000" in changed.base[0].en
    assert changed.base[0] in comparison.base.assumptions
    assert changed.scenario[0] in comparison.scenario.assumptions
    same = kyoso.compare(model, model, "simulate", "coi-next", years=4)
    assert same.assumptions_changed.base == [] and same.assumptions_changed.scenario == []


# ---- Monte Carlo -----------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_result(model: kyoso.Model) -> None:
    a = model.simulate(COI_NEXT, years=10, runs=200, seed=42)
    b = model.simulate(COI_NEXT, years=10, runs=200, seed=42)
    assert a == b and a.to_dict() == b.to_dict()
    assert a.monte_carlo and a.parameters.seed == 42
    assert model.simulate(COI_NEXT, years=10, runs=200, seed=43).years != a.years
    for year in a.years:
        for q in year.active.values():
            assert q.p10 <= q.p50 <= q.p90
        assert year.sites(NURTURING) == 12
        assert 30 <= year.sites(FULL_SCALE) <= 36
        assert year.spend_jpy.p10 < year.spend_jpy.p90


def test_monte_carlo_in_threads_gives_what_it_gives_alone(model: kyoso.Model) -> None:
    alone = model.simulate(COI_NEXT, years=5, runs=100, seed=9)
    results: list[kyoso.SimulationResult] = []
    threads = [threading.Thread(target=lambda: results.append(
        model.simulate(COI_NEXT, years=5, runs=100, seed=9))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [alone] * 4


def test_monte_carlo_sides_of_a_comparison_draw_the_same_numbers(model: kyoso.Model) -> None:
    comparison = kyoso.compare(model, model, "simulate", COI_NEXT, years=5, runs=50, seed=3)
    for year in comparison.years:
        assert set(year.active.values()) == {0}
        assert year.spend_jpy == 0


# ---- the result as data ----------------------------------------------------------------------


@pytest.mark.parametrize("options", [{}, {"runs": 20, "seed": 5}])
def test_the_dataframe_has_the_columns_and_numbers_of_the_csv(model: kyoso.Model,
                                                               options: dict) -> None:
    result = model.simulate(COI_NEXT, years=4, **options)
    frame = result.to_dataframe()
    c_options = {"years": 4, **options}
    csv = pandas.read_csv(io.StringIO(_kyoso.simulate_csv(model._model, COI_NEXT, c_options)))
    assert list(frame.columns) == list(csv.columns)
    pandas.testing.assert_frame_equal(frame, csv, check_dtype=False)
    if not options:
        assert list(frame[f"active:{FULL_SCALE}"]) == [32, 32, 32, 32]
        assert list(frame["budget_bound"]) == [True, False, False, False]


def test_the_result_is_the_json_document(model: kyoso.Model) -> None:
    result = model.simulate(COI_NEXT, years=3)
    assert kyoso.SimulationResult.from_dict(result.to_dict()) == result
    document = result.to_dict()
    assert document["schema"] == "kyoso.simulate/1"
    for year, data in zip(result.years, document["years"]):
        assert year.active == data["active"]
        assert year.spend_jpy == data["spend_jpy"]
    monte_carlo = model.simulate(COI_NEXT, years=3, runs=10, seed=1)
    assert isinstance(monte_carlo.years[0].spend_jpy, kyoso.Quantiles)
    assert isinstance(monte_carlo.years[0].active[FULL_SCALE], kyoso.Quantiles)
    assert monte_carlo.years[0].to_dict()["spend_jpy"] == monte_carlo.years[0].spend_jpy.to_dict()


# ---- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options, message",
    [
        ({"years": 0}, "years must be 1 to 100, not 0"),
        ({"years": 101}, "years must be 1 to 100, not 101"),
        ({"budget": -1}, "the budget may not be negative"),
        ({"promotion_rate": 1.5}, "the promotion rate must be between 0 and 1"),
        ({"policy": "cut"}, "unknown policy 'cut'; expected one of: admit-fewer"),
        ({"initial_sites": {"program/sparc": 3}}, "'program/sparc' is not a track"),
        ({"runs": 100_001, "seed": 1}, "runs must be at most 100000"),
    ],
)
def test_a_bad_option_is_an_error(model: kyoso.Model, options: dict, message: str) -> None:
    with pytest.raises(kyoso.Error, match=message) as caught:
        model.simulate(COI_NEXT, **options)
    assert type(caught.value) is kyoso.Error


def test_an_unknown_program_is_an_unknown_id_and_a_flat_one_an_error(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.simulate("program/coi-nxt")
    assert caught.value.suggestion == COI_NEXT
    with pytest.raises(kyoso.Error, match="program/sparc has no tracks"):
        model.simulate("sparc")


def test_a_wrong_type_or_a_missing_seed_is_a_python_error(model: kyoso.Model) -> None:
    with pytest.raises(TypeError, match="years must be an int"):
        model.simulate(COI_NEXT, years="ten")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="initial_sites must be a dict"):
        model.simulate(COI_NEXT, initial_sites={OPERA: "six"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="runs needs a seed"):
        model.simulate(COI_NEXT, runs=10)
    with pytest.raises(ValueError, match="runs needs a seed"):
        kyoso.compare(model, model, "simulate", COI_NEXT, runs=10)
    with pytest.raises(TypeError, match="needs the program"):
        kyoso.compare(model, model, "simulate")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="unexpected keyword argument 'goals'"):
        kyoso.compare(model, model, "simulate", COI_NEXT, goals=["x"])  # type: ignore[call-overload]


# ---- the example script ----------------------------------------------------------------------


def test_the_budget_cut_example_plots_to_a_png(tmp_path: Path) -> None:
    package_root = str(Path(kyoso.__file__).resolve().parent.parent)
    path = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path),
           "MPLCONFIGDIR": str(tmp_path / "matplotlib")}
    script = EXAMPLES / "budget_cut.py"
    run = subprocess.run([sys.executable, str(script), "cut.png"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    png = tmp_path / "cut.png"
    assert png.exists() and png.stat().st_size > 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "2025              32 → 29" in run.stdout
    # Without an argument it writes budget_cut.png in the current directory.
    default = subprocess.run([sys.executable, str(script), "--years", "3"], cwd=tmp_path,
                             env=env, capture_output=True, text=True, timeout=120)
    assert default.returncode == 0, default.stderr
    assert (tmp_path / "budget_cut.png").stat().st_size > 0
