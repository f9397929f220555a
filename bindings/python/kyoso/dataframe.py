"""Results as pandas tables (pandas is imported only here, on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .results import (
    Criterion,
    Diagnosis,
    Neighbor,
    Node,
    Path,
    PathResult,
    PlanItem,
    Portfolio,
    Recommendation,
    Text,
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
            "met": [c.id for c in result.met],
            "missed": [c.id for c in result.missed],
            "reasons_ja": [r.ja for r in result.reasons],
            "reasons_en": [r.en for r in result.reasons],
            "sources": len(result.sources),
        }
    if isinstance(result, Criterion):
        return {
            "id": result.id,
            **_texts("description", result.description),
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


def to_dataframe(results: Iterable[_Result] | PathResult | Portfolio) -> pandas.DataFrame:
    """A ``pandas.DataFrame`` with one row per result, in the order given.

    Takes any list of kyoso results — the recommendations of ``fit``, the criteria of a
    recommendation (``rec.met + rec.missed``), diagnoses, neighbours, paths, nodes — or a
    :class:`PathResult` (its paths) or a :class:`Portfolio` (its plan). Texts become
    ``_ja`` and ``_en`` columns; nested results are listed by id.
    """
    import pandas

    if isinstance(results, PathResult):
        results = results.paths
    elif isinstance(results, Portfolio):
        results = results.plan
    rows = []
    for result in results:
        if not isinstance(result, _Result):
            raise TypeError(f"to_dataframe takes kyoso results, not {type(result).__name__}")
        rows.append(_row(result))
    return pandas.DataFrame(rows)
