"""kyoso: MEXT's support package for research universities as a typed, queryable graph.

>>> import kyoso
>>> model = kyoso.default_model()
>>> best = model.fit(mission="regional-revitalization", goals=["social-implementation"])[0]
>>> best.id, best.score
('program/coi-next', 1.0)

The model is the graph of 地域中核・特色ある研究大学総合振興パッケージ and the programs around
it (COI-NEXT, J-PEAKS, SPARC …), FY2024 (令和6年度). :class:`Model` answers fit, explain,
diagnose, path, neighbors and portfolio questions; answers are plain objects (``to_dict()``)
that :func:`to_dataframe` turns into pandas tables, and :meth:`Model.to_networkx` gives the
whole graph to networkx. Neither pandas nor networkx is imported until used.
"""

from __future__ import annotations

from . import _kyoso
from .dataframe import to_dataframe
from .errors import Error, IoError, ParseError, UnknownIdError, ValidationError
from .model import Model, default_model, load, parse
from .results import (
    CaseLink,
    Criterion,
    Diagnosis,
    FactorLink,
    Figure,
    ModelInfo,
    Neighbor,
    Node,
    Path,
    PathResult,
    PlanItem,
    Portfolio,
    Profile,
    Recommendation,
    Source,
    Text,
)

__version__: str = _kyoso.version
"""The version of kyoso (the C++ library and this package are built together)."""

SCHEMA_VERSION: int = _kyoso.schema_version
"""The version of the JGF file format this build reads and writes."""

KINDS: tuple[str, ...] = _kyoso.kinds
"""The node kinds: the prefixes of ids ("program", "purpose", "mission" …)."""

RELATIONS: tuple[str, ...] = _kyoso.relations
"""The relations an edge may have ("serves", "targets", "part_of" …)."""

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "KINDS",
    "RELATIONS",
    "Model",
    "default_model",
    "load",
    "parse",
    "to_dataframe",
    "Error",
    "ParseError",
    "ValidationError",
    "UnknownIdError",
    "IoError",
    "Text",
    "Source",
    "Figure",
    "Node",
    "ModelInfo",
    "Path",
    "Profile",
    "Criterion",
    "Recommendation",
    "FactorLink",
    "CaseLink",
    "Diagnosis",
    "Neighbor",
    "PathResult",
    "PlanItem",
    "Portfolio",
]
