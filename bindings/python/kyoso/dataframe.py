"""Results as pandas tables (pandas is imported only here, on first use).

The columns come from the items' schemas (:mod:`kyoso.schema`), so a member a document gains
is a column at once. Reads the documents' dicts directly: no result object is made per row.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .schema import Shape

if TYPE_CHECKING:
    import pandas

__all__ = ["frame", "fit_all_frame"]

_TEXT = {"ja", "en"}


def _info(shape: Shape, classes: Mapping[str, Any]) -> Any:
    return classes[shape.title or ""]._schema_info


def _is_text(info: Any) -> bool:
    return {m.key for m in info.members} == _TEXT


def _has_id(info: Any) -> bool:
    return any(m.key == "id" for m in info.members)


def _object(row: dict[str, Any], name: str, info: Any, value: Any,
            classes: Mapping[str, Any]) -> None:
    # An object as columns: a text split by language, a path as its text, an object with an
    # id as the id, any other one member by member (None for every member when it is null).
    if _is_text(info):
        row[f"{name}_ja"] = None if value is None else value["ja"]
        row[f"{name}_en"] = None if value is None else value["en"]
    elif info.title == "Path":
        row[name] = None if value is None else str(classes["Path"]._of(value))
    elif _has_id(info):
        row[name] = None if value is None else value["id"]
    else:
        for member in info.members:
            _columns(row, f"{name}_{member.key}", member.shape,
                     None if value is None else value.get(member.key), classes)


def _columns(row: dict[str, Any], name: str, shape: Shape, value: Any,
             classes: Mapping[str, Any]) -> None:
    if shape.kind == "object" or (shape.kind == "either" and not _plain_value(value)):
        _object(row, name, _info(shape, classes), value, classes)
    elif shape.kind == "map" and shape.item is not None:
        for key, item in (value or {}).items():
            _columns(row, f"{name}:{key}", shape.item, item, classes)
    elif shape.kind == "list" and shape.item is not None and not shape.plain:
        _list(row, name, shape.item, value or [], classes)
    else:
        row[name] = value


def _plain_value(value: Any) -> bool:
    return value is not None and not isinstance(value, dict)


def _list(row: dict[str, Any], name: str, item: Shape, values: list[Any],
          classes: Mapping[str, Any]) -> None:
    info = _info(item, classes) if item.kind in ("object", "either") else None
    if info is None:
        row[name] = values
    elif _is_text(info):
        row[f"{name}_ja"] = [v["ja"] for v in values]
        row[f"{name}_en"] = [v["en"] for v in values]
    elif info.title == "Path":
        row[name] = [str(classes["Path"]._of(v)) for v in values]
    elif _has_id(info):
        row[name] = [v["id"] for v in values]
    else:
        row[name] = len(values)


def frame(items: Iterable[Any], item: Shape | None, classes: Mapping[str, Any]) -> pandas.DataFrame:
    """One row per item (a document's dicts), columns by the item's shape."""
    import pandas

    # A class may add columns of its own, computed from the item (a fit's met criteria).
    extra = None
    if item is not None and item.kind == "object":
        extra = getattr(classes[item.title or ""], "_table_columns", None)

    def row(value: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if item is not None and item.kind == "object":
            for member in _info(item, classes).members:
                _columns(out, member.key, member.shape,
                         None if value is None else value.get(member.key), classes)
            if extra is not None and value is not None:
                out.update(extra(value))
        else:
            out["value"] = value
        return out

    rows = [row(value) for value in items]
    # With no rows, the columns an item would have (a dict's keys aside).
    return pandas.DataFrame(rows) if rows else pandas.DataFrame(columns=list(row(None)))


def fit_all_frame(documents: Iterable[Mapping[str, Any]], *, top: int | None = None,
                  eligible_only: bool = False) -> pandas.DataFrame:
    """One row per university and rank, the columns of ``kyoso fit --all-universities
    --format csv``: ``university``, ``rank`` (1-based), ``program``, ``score``,
    ``eligibility``. ``eligible_only`` drops the programs a university cannot apply for
    before ranking, ``top`` keeps each university's first ``top`` (as the CLI's options)."""
    import pandas

    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    # Built column by column: a national model has hundreds of thousands of rows.
    university: list[str] = []
    rank: list[int] = []
    program: list[str] = []
    score: list[float] = []
    eligibility: list[str] = []
    ids, scores, words = itemgetter("id"), itemgetter("score"), itemgetter("eligibility")
    for document in documents:
        results = document["results"]
        if eligible_only:
            results = [r for r in results if r["eligibility"] != "not-eligible"]
        if top is not None:
            results = results[:top]
        university.extend([document["university"]] * len(results))
        rank.extend(range(1, len(results) + 1))
        program.extend(map(ids, results))
        score.extend(map(scores, results))
        eligibility.extend(map(words, results))
    return pandas.DataFrame({
        "university": pandas.Series(university, dtype=object),
        "rank": pandas.Series(rank, dtype="int64"),
        "program": pandas.Series(program, dtype=object),
        "score": pandas.Series(score, dtype="float64"),
        "eligibility": pandas.Series(eligibility, dtype=object),
    })
