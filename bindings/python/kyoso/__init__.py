"""kyoso: MEXT's support package for research universities as a typed, queryable graph.

>>> import kyoso
>>> model = kyoso.default_model()
>>> best = model.fit(mission="regional-revitalization", goals=["social-implementation"])[0]
>>> best.id, best.score
('program/coi-next', 1.0)

The model is the graph of 地域中核・特色ある研究大学総合振興パッケージ and the programs around
it (COI-NEXT, J-PEAKS, SPARC …), FY2024 (令和6年度). :class:`Model` answers fit, explain,
diagnose, path, neighbors and portfolio questions. Each answer is a versioned JSON document
(docs/schemas/ describes each) read into objects of the classes in :mod:`kyoso.results`:
attributes, ``to_dict()``, and ``to_dataframe()`` for those that list things;
:meth:`Model.to_networkx` gives the whole graph to networkx. Neither pandas nor networkx is
imported until used.

"What if" questions: a :class:`Scenario` (a budget cut, a program opened to universities, a
new program) laid over the model with :meth:`Model.apply` gives a new model;
:meth:`Model.simulate` runs a multi-track program's sites over the years, and :func:`compare`
puts a query on the base and on the scenario side by side:

>>> cut = kyoso.Scenario("cut").set_budget("program/coi-next", 2025, 12_000_000_000)
>>> c = kyoso.compare(model, cut, "simulate", "coi-next", years=3)
>>> [y.active["program/coi-next/full-scale"] for y in c.years]
[0, -3, -3]

At national scale: :func:`synthesize` makes a synthetic model with a thousand universities,
each storing its profile (:meth:`Model.profile_of`), and :meth:`Model.fit_all` ranks every
program for every university at once, in C++ threads, as a :class:`FitAll`.

Many "what if"s at once: :func:`sweep` runs a sweep (``kyoso.sweep/1``, a file, a dict or a
:class:`Sweep`) on every core, or in chunks of points on any ``concurrent.futures.Executor``
(``dask.distributed`` included), as a pandas DataFrame of one row per point;
:func:`one_at_a_time` gives each parameter's swing, and :mod:`kyoso.plot` draws both.
"""

from __future__ import annotations

from . import _kyoso, plot, results
from .errors import (
    AmbiguousNameError,
    Error,
    IoError,
    ParseError,
    UnknownIdError,
    ValidationError,
)
from .model import Model, compare, default_model, load, parse, synthesize
from .results import *  # noqa: F403 - every result class, built from docs/schemas/
from .scenario import SCENARIO_SCHEMA, Scenario
from .sweep import SWEEP_SCHEMA, Sweep, one_at_a_time, sweep

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
    "synthesize",
    "compare",
    "Scenario",
    "SCENARIO_SCHEMA",
    "Sweep",
    "SWEEP_SCHEMA",
    "sweep",
    "one_at_a_time",
    "Error",
    "ParseError",
    "ValidationError",
    "UnknownIdError",
    "AmbiguousNameError",
    "IoError",
    *results.__all__,
]
