"""Results as pandas tables (pandas is imported only here, on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .results import (
    Criterion,
    Diagnosis,
    FitAll,
    FitChange,
    FitComparison,
    Neighbor,
    Node,
    Path,
    PathResult,
    PlanItem,
    Portfolio,
    Quantiles,
    Recommendation,
    SimulationComparison,
    SimulationResult,
    Text,
    UniversityFit,
    YearChange,
    _Result,
)

if TYPE_CHECKING:
    import pandas

__all__ = ["to_dataframe"]


def _texts(prefix: str, text: Text) -> dict[str, Any]:
    return {f"{prefix}_ja": text.ja, f"{prefix}_en": text.en}


def _row(result: _Result) -> dict[str, Any]:
    # One flat row per result: texts split into _ja and _en columns, nested results by id.
    if isinstance(result, Recommendation):
        return {
            "id": result.id,
            **_texts("name", result.name),
            "score": result.score,
            "eligibility": result.eligibility,
            "call": result.call.status,
            "route": result.routes[0].route if result.routes else None,
            "met": [c.id for c in result.met],
            "missed": [c.id for c in result.criteria if c.outcome == "missed"],
            "unknown": [c.id for c in result.criteria if c.outcome == "unknown"],
            "reasons_ja": [r.ja for r in result.reasons],
            "reasons_en": [r.en for r in result.reasons],
            "sources": len(result.sources),
        }
    if isinstance(result, Criterion):
        return {
            "id": result.id,
            **_texts("description", result.description),
            "outcome": result.outcome,
            "weight": result.weight,
            "strength": result.strength,
            "contribution": result.contribution,
            "paths": [str(p) for p in result.paths],
        }
    if isinstance(result, Diagnosis):
        return {
            "id": result.id,
            **_texts("name", result.name),
            "block": result.block,
            "stage": result.stage,
            "factors": [f.label or f.id for f in result.factors],
            "references": [r.id for r in result.references],
            "unresolved": result.unresolved,
            "match": result.match,
        }
    if isinstance(result, Neighbor):
        return {
            "id": result.id,
            **_texts("name", result.name),
            "kind": result.kind,
            "depth": result.depth,
            "path": str(result.path),
        }
    if isinstance(result, Path):
        return {"length": len(result), "nodes": result.nodes, "path": str(result)}
    if isinstance(result, PlanItem):
        return {
            "id": result.id,
            **_texts("name", result.name),
            "score": result.score,
            "covers": result.covers,
            "start_year": result.start_year,
            "years": result.years,
            "years_qualifier": result.years_qualifier,
        }
    if isinstance(result, FitChange):
        row = {"id": result.id, **_texts("name", result.name)}
        for side in ("base", "scenario"):
            standing = getattr(result, side)
            row[f"{side}_rank"] = standing.rank if standing else None
            row[f"{side}_score"] = standing.score if standing else None
            row[f"{side}_eligibility"] = standing.eligibility if standing else None
        for key in ("entered", "left", "rank_move", "score_change", "eligibility_changed",
                    "changed"):
            row[key] = getattr(result, key)
        return row
    if isinstance(result, YearChange):
        return {
            "fiscal_year": result.fiscal_year,
            **{f"active:{track}": delta for track, delta in result.active.items()},
            "new": result.new_sites,
            "promoted": result.promoted,
            "ended": result.ended,
            "turned_away": result.turned_away,
            "spend_jpy": result.spend_jpy,
            "budget_jpy": result.budget_jpy,
            "over_budget": result.over_budget,
            "budget_bound": result.budget_bound,
        }
    if isinstance(result, Node):
        row = {
            "id": result.id,
            "kind": result.kind,
            **_texts("name", result.name),
            **_texts("description", result.description),
        }
        for key, value in result.attributes.items():
            row[f"attribute_{key}" if key in row else key] = value
        return row
    # Any other result: its fields, texts split by language.
    row: dict[str, Any] = {}
    for key, value in result.to_dict().items():
        if isinstance(value, dict) and set(value) == {"ja", "en"}:
            row.update({f"{key}_ja": value["ja"], f"{key}_en": value["en"]})
        else:
            row[key] = value
    return row


def simulation_frame(result: SimulationResult) -> pandas.DataFrame:
    """One row per fiscal year, with the columns of ``kyoso simulate --format csv``
    (``to_csv`` in simulate.hpp): counts are ints, and with Monte Carlo each count and the
    spend is three columns, ``_p10``, ``_p50`` and ``_p90``."""
    import pandas

    monte_carlo = result.monte_carlo

    def put(row: dict[str, Any], name: str, q: Quantiles) -> None:
        if monte_carlo:
            row.update({f"{name}_p10": q.p10, f"{name}_p50": q.p50, f"{name}_p90": q.p90})
        else:
            row[name] = q.p50

    rows = []
    for year in result.years:
        row: dict[str, Any] = {"fiscal_year": year.fiscal_year}
        for track in result.tracks:
            put(row, f"active:{track.id}", year.active.get(track.id, Quantiles()))
        put(row, "new", year.new_sites)
        put(row, "promoted", year.promoted)
        put(row, "ended", year.ended)
        put(row, "turned_away", year.turned_away)
        put(row, "spend_jpy", year.spend_jpy)
        row["budget_jpy"] = year.budget_jpy
        # Without Monte Carlo a year is over budget or not; with it, the share of runs.
        if monte_carlo:
            row["over_budget"] = year.over_budget
            row["budget_bound"] = year.budget_bound
        else:
            row["over_budget"] = year.over_budget > 0
            row["budget_bound"] = year.budget_bound > 0
        row["funding_scale"] = year.funding_scale
        rows.append(row)
    return pandas.DataFrame(rows)


def fit_all_frame(
    fits: Iterable[UniversityFit], *, top: int | None = None, eligible_only: bool = False
) -> pandas.DataFrame:
    """One row per university and rank, with the columns of ``kyoso fit --all-universities
    --format csv``: ``university``, ``rank`` (1-based), ``program``, ``score``,
    ``eligibility``. ``eligible_only`` drops the programs a university cannot apply for
    before ranking, ``top`` keeps each university's first ``top`` (as the CLI's options)."""
    import pandas

    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    # Built column by column: a national model has hundreds of thousands of rows.
    columns: dict[str, list[Any]] = {
        "university": [], "rank": [], "program": [], "score": [], "eligibility": []
    }
    university, rank, program, score, eligibility = columns.values()
    for fit in fits:
        ranking = fit.eligible() if eligible_only else fit.ranking
        if top is not None:
            ranking = ranking[:top]
        university.extend([fit.university] * len(ranking))
        rank.extend(range(1, len(ranking) + 1))
        for ranked in ranking:
            program.append(ranked.program)
            score.append(ranked.score)
            eligibility.append(ranked.eligibility)
    frame = pandas.DataFrame(columns)
    return frame.astype({"rank": "int64", "score": "float64"})


def to_dataframe(
    results: Iterable[_Result]
    | PathResult
    | Portfolio
    | SimulationResult
    | FitComparison
    | SimulationComparison
    | FitAll,
) -> pandas.DataFrame:
    """A ``pandas.DataFrame`` with one row per result, in the order given.

    Takes any list of kyoso results — the recommendations of ``fit``, the criteria of a
    recommendation (``rec.met + rec.missed``), diagnoses, neighbours, paths, nodes — or a
    :class:`PathResult` (its paths) or a :class:`Portfolio` (its plan). Texts become
    ``_ja`` and ``_en`` columns; nested results are listed by id. A
    :class:`SimulationResult` gives one row per fiscal year (its ``to_dataframe()``); a
    :class:`FitComparison` one row per program, a :class:`SimulationComparison` one row of
    deltas per year. A :class:`FitAll`, or a list of :class:`UniversityFit`, gives one row
    per university and rank (:meth:`FitAll.to_dataframe`).
    """
    import pandas

    if isinstance(results, SimulationResult):
        return simulation_frame(results)
    if isinstance(results, FitAll):
        return fit_all_frame(results.universities)
    if isinstance(results, PathResult):
        results = results.paths
    elif isinstance(results, Portfolio):
        results = results.plan
    elif isinstance(results, FitComparison):
        results = results.programs
    elif isinstance(results, SimulationComparison):
        results = results.years
    rows = []
    results = list(results)
    if results and all(isinstance(r, UniversityFit) for r in results):
        return fit_all_frame(results)  # type: ignore[arg-type]
    for result in results:
        if not isinstance(result, _Result):
            raise TypeError(f"to_dataframe takes kyoso results, not {type(result).__name__}")
        rows.append(_row(result))
    return pandas.DataFrame(rows)
