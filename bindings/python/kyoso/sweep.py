"""Sweeps: many "what if"s at once, one row per point, as a pandas DataFrame.

A sweep (``kyoso.sweep/1``, docs/sweeps.md) lays a base scenario over the model, varies a few
parameters over a grid or a sampled design, and runs one query (a simulation, or fit's
ranking) per point. :func:`sweep` runs it: on every core of this machine, the C++ points
running without the GIL, or in chunks of points on any :class:`concurrent.futures.Executor`
(a process pool, ``dask.distributed``'s ``Client.get_executor()``). Each point's values and
Monte Carlo seed depend on the sweep's seed and the point's index alone, so the table is the
same, row for row and bit for bit, whoever runs which point.

The sweep is a file, a dict in the file's shape, or a :class:`Sweep` built in code::

    s = (kyoso.Sweep("rate_and_budget", seed=2025)
         .vary_option("promotion_rate", range=(0.35, 0.75), steps=5)
         .vary("budget_2025", "program/coi-next", "figures/budget@2025/value",
               values=[10_000_000_000, 13_000_000_000, 16_000_000_000])
         .simulate("program/coi-next", years=5, start_fy=2025, runs=50))
    table = kyoso.sweep(kyoso.default_model(), s)

:func:`one_at_a_time` moves each parameter alone from its base value to its ends;
:mod:`kyoso.plot` draws that as a tornado and two parameters as a heatmap.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import os
import pickle
import zlib
from collections import OrderedDict
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping, Sequence

from . import _kyoso
from .errors import Error
from .scenario import Scenario

if TYPE_CHECKING:
    import pandas

    from .model import Model

__all__ = ["Sweep", "sweep", "one_at_a_time", "SWEEP_SCHEMA"]

SWEEP_SCHEMA: str = _kyoso.sweep_schema
"""The ``schema`` member of a sweep document: ``"kyoso.sweep/1"``."""

Design = Literal["grid", "random", "latin-hypercube"]
Record = Literal["sites", "spend", "over_budget"]


class Sweep:
    """A ``kyoso.sweep/1`` document built in code; each method adds to it and returns it.

    Mirrors the file (docs/sweeps.md): :meth:`vary` and :meth:`vary_option` add parameters,
    :meth:`design` picks the points, :meth:`simulate` or :meth:`fit` the query, :meth:`base`
    the scenario every point starts from. Nothing is checked until :func:`sweep` reads it
    against a model, with the C++ reader of ``kyoso sweep FILE``.
    """

    __slots__ = ("_document",)

    def __init__(self, name: str, *, description: str = "", seed: int = 0) -> None:
        """An empty sweep called ``name`` (its file's ``name``) with the design's ``seed``."""
        self._document: dict[str, Any] = {"schema": SWEEP_SCHEMA, "name": name, "parameters": []}
        if description:
            self._document["description"] = description
        self._document["seed"] = seed

    @classmethod
    def from_dict(cls, document: Mapping[str, Any]) -> Sweep:
        """A sweep from a dict in the file's shape (copied; checked when run)."""
        made = cls.__new__(cls)
        made._document = copy.deepcopy(dict(document))
        return made

    def to_dict(self) -> dict[str, Any]:
        """The document in the file's shape, e.g. for ``json.dump`` into a sweep file."""
        return copy.deepcopy(self._document)

    def _values(self, parameter: dict[str, Any], values: Sequence[Any] | None,
                range: tuple[float, float] | None, steps: int | None) -> Sweep:  # noqa: A002
        if (values is None) == (range is None):
            raise ValueError("a parameter takes either values or a range")
        if values is not None:
            parameter["values"] = list(values)
        else:
            parameter["range"] = list(range)  # type: ignore[arg-type]
            if steps is not None:
                parameter["steps"] = steps
        self._document["parameters"].append(parameter)
        return self

    def vary(self, name: str, node: str, path: str, *, values: Sequence[Any] | None = None,
             range: tuple[float, float] | None = None,  # noqa: A002
             steps: int | None = None) -> Sweep:
        """Varies what a scenario ``set`` of ``node`` at ``path`` writes
        (``"figures/budget@2025/value"``), over ``values`` or a ``range`` (a grid needs
        ``steps`` too); the column is ``name``."""
        return self._values({"name": name, "node": node, "path": path}, values, range, steps)

    def vary_option(self, option: str, *, name: str | None = None,
                    values: Sequence[Any] | None = None,
                    range: tuple[float, float] | None = None,  # noqa: A002
                    steps: int | None = None) -> Sweep:
        """Varies a simulation option (``"promotion_rate"``, ``"budget"``,
        ``"future_budget"``) or a fit weight (``"weight_mission"`` …)."""
        parameter: dict[str, Any] = {"option": option}
        if name is not None:
            parameter["name"] = name
        return self._values(parameter, values, range, steps)

    def design(self, kind: Design, samples: int | None = None) -> Sweep:
        """``"grid"`` (every combination, the default), or ``"random"`` or
        ``"latin-hypercube"`` with ``samples`` points."""
        self._document["design"] = kind if kind == "grid" else {"kind": kind, "samples": samples}
        return self

    def base(self, scenario: Scenario | str | os.PathLike[str]) -> Sweep:
        """The scenario every point starts from: a :class:`kyoso.Scenario` (its edits), or
        the path of a scenario file."""
        if isinstance(scenario, Scenario):
            self._document["base"] = {"edits": copy.deepcopy(scenario.edits)}
        else:
            self._document["base"] = os.fspath(scenario)
        return self

    def simulate(self, program: str, *, years: int | None = None, start_fy: int | None = None,
                 runs: int | None = None, policy: str | None = None,
                 record: Iterable[Record] | None = None) -> Sweep:
        """Each point simulates ``program`` (options as ``kyoso simulate`` takes them) and
        records ``record`` (default: sites, spend and over_budget)."""
        options = {"program": program, "years": years, "start_fy": start_fy, "runs": runs,
                   "policy": policy}
        self._document["query"] = {"simulate": {k: v for k, v in options.items()
                                                if v is not None}}
        if record is not None:
            self._document["record"] = list(record)
        return self

    def fit(self, programs: Iterable[str], *, university: str | None = None,
            profile: Mapping[str, Any] | None = None) -> Sweep:
        """Each point ranks the programs for ``university``'s stored profile or for
        ``profile`` (a profile document's members) and records each of ``programs``' rank,
        score and eligibility."""
        query: dict[str, Any] = {"programs": list(programs)}
        if university is not None:
            query["university"] = university
        if profile is not None:
            query["profile"] = dict(profile)
        self._document["query"] = {"fit": query}
        return self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sweep) and self._document == other._document

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"<kyoso.Sweep {self._document.get('name')!r}: "
                f"{len(self._document.get('parameters', []))} parameters>")


# What a worker needs to build the runner: the model's JGF (through Model's pickle) and the
# sweep's text, origin and folder, with the overrides.
_Job = tuple  # (model, text, origin, base_dir, positions, runs, seed)


def _job(model: Model, sweep: Sweep | Mapping[str, Any] | str | os.PathLike[str],
         runs: int | None, seed: int | None) -> _Job:
    if isinstance(sweep, (str, os.PathLike)):
        path = os.path.abspath(os.fspath(sweep))
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise Error(f"{os.fspath(sweep)}: cannot read: {e.strerror}", file=os.fspath(sweep),
                        problem=f"cannot read: {e.strerror}") from None
        # Errors name the file as it was given, the base scenario is found beside it.
        return (model, text, os.fspath(sweep), os.path.dirname(path), True, runs, seed)
    if isinstance(sweep, Sweep):
        document = sweep._document
    elif isinstance(sweep, Mapping):
        document = dict(sweep)
    else:
        raise TypeError(f"a sweep is a kyoso.Sweep, a dict or a path, not {type(sweep).__name__}")
    text = json.dumps(document, ensure_ascii=False)
    return (model, text, "<sweep>", os.getcwd(), False, runs, seed)


def _runner(job: _Job) -> _kyoso.SweepRunner:
    model, text, origin, base_dir, positions, runs, seed = job
    return _kyoso.SweepRunner(model._model, text, origin, base_dir, positions, runs, seed)


# A worker's runners by job token: each worker reads the model and the sweep once, however
# many chunks of the sweep it runs. A few are kept, for a worker shared by several sweeps.
_RUNNERS: OrderedDict[str, _kyoso.SweepRunner] = OrderedDict()
_KEPT = 4


def _pack(job: _Job) -> bytes:
    # The model's JGF text is most of a job, and compresses about tenfold.
    return zlib.compress(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _run_chunk(token: str, job: bytes, begin: int, end: int,
               threads: int) -> list[tuple[Any, ...]]:
    # Runs in the worker process: the points [begin, end) as row tuples.
    runner = _RUNNERS.get(token)
    if runner is None:
        runner = _runner(pickle.loads(zlib.decompress(job)))
        _RUNNERS[token] = runner
        while len(_RUNNERS) > _KEPT:
            _RUNNERS.popitem(last=False)
    else:
        _RUNNERS.move_to_end(token)
    return runner.run(begin, end, threads, False)


def _frame(columns: list[str], rows: list[tuple[Any, ...]]) -> pandas.DataFrame:
    import pandas

    frame = pandas.DataFrame.from_records(rows, columns=columns)
    # Seeds are 64-bit unsigned: some do not fit an int64.
    frame["seed"] = frame["seed"].astype("uint64")
    return frame


def sweep(model: Model, sweep: Sweep | Mapping[str, Any] | str | os.PathLike[str],
          executor: Executor | None = None, *, runs: int | None = None,
          seed: int | None = None, threads: int | None = None, stop_on_error: bool = False,
          chunk_size: int | None = None) -> pandas.DataFrame:
    """Runs every point of a sweep: one row per point, as ``kyoso sweep FILE --format csv``.

    Args:
        model: the model the sweep is read against and run on.
        sweep: a sweep file's path (a base scenario named by path is read beside it), a dict
            in the file's shape, or a :class:`Sweep`.
        executor: where to run the points. ``None``: here, on ``threads`` C++ threads
            without the GIL. Any :class:`concurrent.futures.Executor`: chunks of
            ``chunk_size`` points are submitted to it; each worker reads the model and the
            sweep once (the model pickles as its JGF text) and runs its chunks on ``threads``
            threads. A base scenario file must then be readable by the workers at the same
            absolute path.
        runs: Monte Carlo runs per point, in place of the sweep's (``--runs``).
        seed: the sweep's seed, in place of its own (``--seed``).
        threads: threads per run of points; ``None``: one per core.
        stop_on_error: raise :class:`kyoso.Error` naming the first failed point (in point
            order) instead of recording it.
        chunk_size: points per chunk with an executor; default: the points shared in four
            chunks per worker (a process pool's workers, a dask cluster's threads, else
            ``os.cpu_count()``). A chunk costs a few milliseconds on dask.distributed
            (bench/README.md): give each at least a second of points.

    Returns:
        A :class:`pandas.DataFrame` with the columns ``point``, one per parameter, ``seed``,
        ``status`` (``"ok"`` or ``"failed"``), ``reason`` (``""`` when ok) and the recorded
        quantities (NaN where a point failed), one row per point in point order: the same
        rows whatever the executor, the chunks or the threads.

    Raises:
        kyoso.ValidationError, kyoso.UnknownIdError, kyoso.ParseError: a bad sweep, naming
        the file (line and column) or ``<sweep>`` and the JSON pointer of the place, before
        any point runs.
    """
    if threads is not None and threads < 1:
        raise ValueError("threads must be at least 1")
    job = _job(model, sweep, runs, seed)
    # Read and checked here first, so that a bad sweep fails before anything is sent away.
    runner = _runner(job)
    size, columns = runner.size, runner.columns
    if executor is None:
        rows = runner.run(0, size, threads or 0, stop_on_error)
        return _frame(columns, rows)

    data: Any = _pack(job)
    token = hashlib.sha256(data).hexdigest()
    # dask.distributed's executor: the job goes to every worker once, ahead of the chunks,
    # which then carry only a reference to it.
    client = getattr(executor, "_client", None)
    if client is not None and hasattr(client, "scatter"):
        data = client.scatter(data, broadcast=True, hash=False)
    if chunk_size is None:
        workers = getattr(executor, "_max_workers", None)
        if client is not None and hasattr(client, "nthreads"):
            workers = sum(client.nthreads().values())
        workers = workers or os.cpu_count() or 1
        chunk_size = max(1, math.ceil(size / (4 * workers)))
    elif chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    futures = [executor.submit(_run_chunk, token, data, begin, min(size, begin + chunk_size),
                               threads or 0)
               for begin in range(0, size, chunk_size)]
    rows = []
    for future in futures:
        rows.extend(future.result())
    if stop_on_error:
        failed = next((r for r in rows if r[columns.index("status")] == "failed"), None)
        if failed is not None:
            reason = failed[columns.index("reason")]
            raise Error(f"sweep: point {failed[0]} failed: {reason}", file=job[2],
                        problem=f"sweep: point {failed[0]} failed: {reason}")
    return _frame(columns, rows)


def one_at_a_time(model: Model, sweep: Sweep | Mapping[str, Any] | str | os.PathLike[str],
                  quantity: str, *, runs: int | None = None,
                  seed: int | None = None) -> pandas.DataFrame:
    """One-at-a-time sensitivity of one recorded quantity (``kyoso sweep --one-at-a-time``).

    Each parameter is moved alone from its base value (the middle of its range or values) to
    its lowest and highest, the others held at base.

    Returns:
        A :class:`pandas.DataFrame`, one row per parameter, largest swing first: ``parameter``,
        ``low_value``, ``high_value``, the quantity ``at_low``, ``at_base`` and ``at_high``
        (NaN where that point failed) and ``swing``, ``|at_high - at_low|``.
    """
    import pandas

    runner = _runner(_job(model, sweep, runs, seed))
    rows = runner.one_at_a_time(quantity)
    columns = ["parameter", "low_value", "high_value", "at_low", "at_base", "at_high", "swing"]
    return pandas.DataFrame.from_records(rows, columns=columns)
