"""The universities table: ``kyoso.universities/1`` (docs/schemas/universities.schema.json)
as a pandas DataFrame, one row per university, for :meth:`kyoso.Model.universities`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    import pandas

__all__ = ["universities_frame"]


_COLUMNS = [
    "id",
    "name_ja",
    "name_en",
    "mext_code",
    "establishment",
    "prefecture",
    "prefecture_ja",
    "region",
    "region_ja",
    "since",
    "until",
    "fields",
    "framework",
    "frameworks",
    "awarded",
    "partner_in",
    "candidate_for",
    "holdings",
]


def _framework_label(frameworks: list[dict[str, Any]]) -> str:
    # ① ; ②?③? where the sources do not say which (as `kyoso list university`).
    return "".join(f["label"] + ("?" if f["certainty"] == "unknown" else "") for f in frameworks)


def _programs(holdings: list[dict[str, Any]], relation: str) -> list[str]:
    return [h["program"] for h in holdings if h["relation"] == relation]


def universities_frame(document: Mapping[str, Any]) -> pandas.DataFrame:
    """The ``kyoso.universities/1`` document as a table, one row per university.

    ``fields``, ``awarded``, ``partner_in`` and ``candidate_for`` are lists of ids;
    ``framework`` the labels (``"①"``, ``"②?③?"`` where the sources leave it open) and
    ``frameworks`` the ids chosen with certainty medium or better; ``holdings`` every award,
    partnership and candidacy as a dict (program, relation, fiscal_year, attributes such as
    round and role, certainty, partial_list, sources). ``attrs["partial_lists"]`` names the
    programs asked about whose list of holders is partial: for them, absent means not known.
    """
    import pandas

    rows = []
    for u in document["universities"]:
        rows.append(
            {
                "id": u["id"],
                "name_ja": u["name"]["ja"],
                "name_en": u["name"]["en"],
                "mext_code": u["mext_code"],
                "establishment": u["establishment"],
                "prefecture": u["prefecture"],
                "prefecture_ja": u["prefecture_name"]["ja"],
                "region": u["region"],
                "region_ja": u["region_name"]["ja"],
                "since": u["since"],
                "until": u["until"],
                "fields": [f["field"] for f in u["fields"]],
                "framework": _framework_label(u["frameworks"]),
                "frameworks": [
                    f["framework"] for f in u["frameworks"] if f["certainty"] != "unknown"
                ],
                "awarded": _programs(u["holdings"], "awarded"),
                "partner_in": _programs(u["holdings"], "partners_in"),
                "candidate_for": _programs(u["holdings"], "candidate_for"),
                "holdings": u["holdings"],
            }
        )
    frame = pandas.DataFrame(rows, columns=_COLUMNS)
    frame.attrs["partial_lists"] = list(document["partial_lists"])
    return frame
