"""The answers kyoso gives, as read-only objects over its JSON documents.

Every query's answer is a versioned JSON document written by the C++ report layer
(``kyoso.fit/2``, ``kyoso.simulate/1`` …: tools/README.md and docs/schemas/ describe each).
Each class here is built from the JSON Schema of its document or of a part of one: its
attributes are the schema's members, described there, and nested objects come as the classes
of their schemas (a recommendation's ``name`` is a :class:`Text`, its ``met`` a list of
:class:`Criterion`). A member the schema gains is an attribute at once.

Every result has ``to_dict()`` (the document's dict, a copy), ``==`` (same class, same
document) and a short repr. A result that lists things — a fit's recommendations, a
simulation's years — is also a sequence of them (``results[0]``, ``len``, ``for``) and has
``to_dataframe()``, one row per item. Vocabulary words are the strings files use
(``"program"``, ``"serves"``, ``"conditional"``).

A result can also be read from a document written by the command-line tool:
``kyoso.FitResult(json.load(open("fit.json")))``, or :func:`read` for any document.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import (TYPE_CHECKING, Any, Callable, ClassVar, Generic, Iterable, Iterator,
                    Mapping, TypeVar)

from . import schema as _schema

if TYPE_CHECKING:
    import pandas

_T = TypeVar("_T")
_R = TypeVar("_R", bound="Result")

_classes: dict[str, type[Result]] = {}  # by schema title
_documents: dict[str, type[Result]] = {}  # by the "schema" member: "kyoso.fit/2"


def _plain(value: Any) -> Any:
    # A JSON value from a value that may hold results: results become their documents.
    if isinstance(value, Result):
        return _plain(value._data)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _wrapper(shape: _schema.Shape) -> Callable[[Any], Any]:
    # How a member's JSON value becomes its attribute's value.
    if shape.kind == "value":
        return lambda value: value
    if shape.plain:  # lists and dicts of plain values: copies, so the document stays as it was
        return copy.deepcopy
    if shape.kind == "object":
        cls = _classes[shape.title or ""]
        return cls._of
    if shape.kind == "either":
        cls = _classes[shape.title or ""]
        return lambda value: cls._of(value) if isinstance(value, dict) else value
    assert shape.item is not None
    item = _wrapper(shape.item)
    if shape.kind == "list":
        return lambda values: [item(v) for v in values]
    return lambda values: {k: item(v) for k, v in values.items()}


def _attribute(member: _schema.Member) -> property:
    key, wrap = member.key, None
    has_default, default = member.has_default, member.default

    def get(self: Result) -> Any:
        nonlocal wrap
        if wrap is None:  # built on first use, when every class exists
            wrap = _wrapper(member.shape)
        try:
            value = self._data[key]
        except KeyError:
            if not has_default:
                raise AttributeError(f"{type(self).__name__} has no {key!r}") from None
            return copy.deepcopy(default)
        return wrap(value)

    return property(get, doc=member.description)


class Result:
    """A result: a read-only view of a JSON document (or of a part of one).

    ``Result(data)`` or ``Result(**members)`` makes one from a dict in the document's shape;
    members left out take the schema's default, where it gives one.
    """

    __slots__ = ("_data",)
    _schema_info: ClassVar[_schema.ObjectSchema]
    _items: ClassVar[str | None] = None

    def __init_subclass__(cls, schema: str | None = None, items: str | None = None,
                          **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if items is not None:
            cls._items = items
        if schema is None:
            return
        info = _schema.object_schema(schema)
        if info.title != cls.__name__:
            raise TypeError(f"class {cls.__name__} is built from the schema titled {info.title}")
        cls._schema_info = info
        for member in info.members:
            if hasattr(cls, member.name):
                raise TypeError(f"{cls.__name__}.{member.name} is both a member and a method")
            setattr(cls, member.name, _attribute(member))
        if not cls.__doc__:
            cls.__doc__ = info.description
        _classes[info.title] = cls
        if info.schema_name:
            _documents[info.schema_name] = cls

    def __init__(self, data: Mapping[str, Any] | Result | None = None, /,
                 **members: Any) -> None:
        document = _plain(data) if data is not None else {}
        document.update(_plain(members))
        known = {m.key: m for m in self._schema_info.members}
        unknown = [key for key in document if key not in known]
        if unknown:
            raise TypeError(
                f"{type(self).__name__} has no member {', '.join(map(repr, unknown))}; "
                f"it has {', '.join(known)}"
            )
        for key, member in known.items():
            if key not in document and member.has_default:
                document[key] = copy.deepcopy(member.default)
        object.__setattr__(self, "_data", document)

    @classmethod
    def _of(cls: type[_R], data: dict[str, Any]) -> _R:
        # A view of a document as the library wrote it: no copy, no check.
        result = cls.__new__(cls)
        object.__setattr__(result, "_data", data)
        return result

    @classmethod
    def from_dict(cls: type[_R], data: Mapping[str, Any]) -> _R:
        """The result whose ``to_dict()`` is ``data``."""
        return cls(data)

    def to_dict(self) -> dict[str, Any]:
        """The document (or its part) as plain JSON values: a copy, ready for ``json.dump``."""
        return copy.deepcopy(self._data)

    def to_dataframe(self, member: str | None = None) -> pandas.DataFrame:
        """A ``pandas.DataFrame`` with one row per item of a list member: by default the
        items the result is a sequence of, or ``member`` (``rec.to_dataframe("met")``).

        Columns follow the items' members: a text becomes ``<name>_ja`` and ``<name>_en``, a
        path its ``a -serves-> b`` text, an object with an id its id, another object one
        column per member (``base_rank``), a dict one column per key (``active:<track>``); a
        list holds the same for each element, and a list of objects with no id (sources) is
        counted. Imports pandas.
        """
        from .dataframe import frame

        name = member or self._items
        members = {m.key: m for m in self._schema_info.members}
        if name not in members or members[name].shape.kind != "list":
            lists = [m.key for m in self._schema_info.members if m.shape.kind == "list"]
            raise ValueError(
                f"{type(self).__name__}.to_dataframe takes a list member: {', '.join(lists)}"
            )
        return frame(self._data[name], members[name].shape.item, _classes)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        # The plain members that say something, the first four of them.
        shown, more = [], False
        for member in self._schema_info.members:
            value = self._data.get(member.key)
            if member.shape.kind != "value" or isinstance(value, (list, dict)):
                more = more or bool(value)
            elif value not in (None, "") and member.key != "schema":
                if len(shown) < 4:
                    shown.append(f"{member.name}={value!r}")
                else:
                    more = True
        return f"{type(self).__name__}({', '.join(shown + (['…'] if more else []))})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._data,))


_item_wrappers: dict[type, Callable[[Any], Any]] = {}


class Collection(Result, Sequence[_T], Generic[_T]):
    """A result that lists things: a sequence of the items of one list member."""

    __slots__ = ()

    def _list(self) -> list[Any]:
        return self._data[self._items]  # type: ignore[index,no-any-return]

    def _wrap(self) -> Callable[[Any], Any]:
        cls = type(self)
        if cls not in _item_wrappers:
            member = next(m for m in cls._schema_info.members if m.key == cls._items)
            assert member.shape.item is not None
            _item_wrappers[cls] = _wrapper(member.shape.item)
        return _item_wrappers[cls]

    def __len__(self) -> int:
        """The number of items."""
        return len(self._list())

    def __iter__(self) -> Iterator[_T]:
        return map(self._wrap(), self._list())

    def __getitem__(self, index: int) -> _T:  # type: ignore[override]
        """The item at ``index``; a slice gives a list of them."""
        if isinstance(index, slice):
            return list(map(self._wrap(), self._list()[index]))  # type: ignore[return-value]
        return self._wrap()(self._list()[index])  # type: ignore[no-any-return]


# ---- the results, with what they add to their schemas ----------------------------------------


class Path(Result, schema="common.schema.json#/$defs/path"):
    """A path: ``nodes[0] -relations[0]- nodes[1] …``; ``str(path)`` reads
    ``a -serves-> b <-targets- c`` and ``len(path)`` is its number of steps."""

    __slots__ = ()

    def __len__(self) -> int:
        """The number of steps."""
        return len(self._data["relations"])

    def __str__(self) -> str:
        nodes, relations, forward = (self._data[k] for k in ("nodes", "relations", "forward"))
        out = nodes[0] if nodes else ""
        for node, relation, ahead in zip(nodes[1:], relations, forward):
            out += f" -{relation}-> {node}" if ahead else f" <-{relation}- {node}"
        return out


class Profile(Result, schema="common.schema.json#/$defs/profile"):
    """A university's situation: what :meth:`kyoso.Model.fit` and the other profile queries
    take, and what they give back resolved (every id in full).

    ``Profile(mission="regional-revitalization", goals="social-implementation")``, or from a
    dict in the profile file's shape; a single id stands for a list of one, and an id may
    leave out its kind when the slug is unambiguous (the query resolves it).
    """

    __slots__ = ()

    def __init__(self, data: Mapping[str, Any] | Result | None = None, /,
                 **members: Any) -> None:
        given = {**_plain(data or {}), **members}
        for member in self._schema_info.members:
            value = given.get(member.key)
            if value is None:
                given.pop(member.key, None)
            elif member.shape.kind == "list" and isinstance(value, str):
                given[member.key] = [value]
            elif member.shape.kind == "list":
                given[member.key] = list(value)
        super().__init__(given)


class Figure(Result, schema="node.schema.json#/$defs/figure"):
    __slots__ = ()


class Node(Result, schema="node.schema.json#/$defs/node"):
    __slots__ = ()

    def figure(self, name: str, fiscal_year: int | None = None) -> Figure | None:
        """The first figure with this name (and fiscal year, when given), or None."""
        for f in self.figures:
            if f.name == name and (fiscal_year is None or f.fiscal_year == fiscal_year):
                return f
        return None


class Recommendation(Result, schema="fit.schema.json#/$defs/recommendation"):
    __slots__ = ()

    @property
    def met(self) -> list[Criterion]:
        """The criteria met, fully or partly (outcome ``met`` or ``partly``)."""
        return [c for c in self.criteria if c.outcome in ("met", "partly")]

    @staticmethod
    def _table_columns(data: Mapping[str, Any]) -> dict[str, Any]:
        # A fit table's summary of each answer, beside the members' own columns.
        by_outcome: dict[str, list[str]] = {"met": [], "missed": [], "unknown": []}
        for c in data["criteria"]:
            by_outcome["met" if c["outcome"] == "partly" else c["outcome"]].append(c["id"])
        routes = data["routes"]
        return {**by_outcome, "route": routes[0]["route"] if routes else None}


class RankedProgram(Result, schema="common.schema.json#/$defs/ranked_program"):
    __slots__ = ()


class FitResult(Collection["Recommendation"], schema="fit.schema.json", items="results"):
    __slots__ = ()


class Ranking(Collection[RankedProgram], schema="rank.schema.json", items="results"):
    __slots__ = ()


class UniversityFit(Collection[RankedProgram], schema="fit_all.schema.json", items="results"):
    __slots__ = ()

    def rank(self, program: str) -> int:
        """A program's 1-based rank, by its full id (KeyError when it is not ranked)."""
        for i, ranked in enumerate(self._list()):
            if ranked["id"] == program:
                return i + 1
        raise KeyError(program)

    def eligible(self) -> list[RankedProgram]:
        """The programs the university can apply for, itself or via a partner, in rank order."""
        return [r for r in self if r.eligibility != "not-eligible"]


class Diagnoses(Collection["Diagnosis"], schema="diagnose.schema.json", items="results"):
    __slots__ = ()


class Neighbors(Collection["Neighbor"], schema="neighbors.schema.json", items="neighbors"):
    __slots__ = ()


class PathResult(Collection[Path], schema="path.schema.json", items="paths"):
    __slots__ = ()


class Portfolio(Collection["PlanItem"], schema="portfolio.schema.json", items="plan"):
    __slots__ = ()


class Nodes(Collection[Node], schema="nodes.schema.json", items="nodes"):
    __slots__ = ()


class NodeReport(Collection["NodeLink"], schema="node.schema.json", items="neighbors"):
    __slots__ = ()


class SimulatedYear(Result, schema="simulate.schema.json#/$defs/year"):
    __slots__ = ()

    def sites(self, track: str) -> int:
        """The sites funded on a track this year (the median with Monte Carlo)."""
        count = self._data["active"][track]
        return count["p50"] if isinstance(count, dict) else count  # type: ignore[no-any-return]


class SimulationResult(Collection[SimulatedYear], schema="simulate.schema.json", items="years"):
    __slots__ = ()

    @property
    def monte_carlo(self) -> bool:
        """Whether the years report percentiles over Monte Carlo runs."""
        return bool(self._data["parameters"]["runs"] > 0)

    def to_dataframe(self, member: str | None = None) -> pandas.DataFrame:
        """One row per fiscal year, the columns of ``kyoso simulate --format csv``:
        ``fiscal_year``, ``active:<track>`` in the order of ``tracks``, ``new``, ``promoted``,
        ``ended``, ``turned_away``, ``spend_jpy``, ``budget_jpy``, ``over_budget``,
        ``budget_bound``, ``funding_scale``; with Monte Carlo each count and ``spend_jpy`` is
        three columns, ``<name>_p10``, ``<name>_p50`` and ``<name>_p90``. Another list
        ``member`` is tabulated as :meth:`Result.to_dataframe` does. Imports pandas.
        """
        table = super().to_dataframe(member)
        if member not in (None, "years"):
            return table
        # The document's dicts are in id order; the CSV's tracks are in the tracks' order.
        order = {f"active:{t['id']}": i for i, t in enumerate(self._data["tracks"])}

        def place(column: str) -> tuple[int, int]:
            track = column.rsplit("_p", 1)[0] if self.monte_carlo else column
            return (0, order[track]) if track in order else (1, 0)

        active = sorted((c for c in table.columns if c.startswith("active:")), key=place)
        rest = [c for c in table.columns if not c.startswith("active:")]
        return table[rest[:1] + active + rest[1:]]


class FitChange(Result, schema="compare.fit.schema.json#/$defs/change"):
    __slots__ = ()


class FitComparison(Collection[FitChange], schema="compare.fit.schema.json",
                    items="programs"):
    __slots__ = ()

    def changes(self) -> list[FitChange]:
        """The programs whose rank, score or eligibility changed, or that were added or removed."""
        return [p for p in self if p.changed]

    def program(self, id: str) -> FitChange:  # noqa: A002
        """One program's change, by its full id (KeyError when neither side has it)."""
        for p in self:
            if p.id == id:
                return p
        raise KeyError(id)


class SimulationComparison(Collection["YearChange"], schema="compare.simulate.schema.json",
                           items="years"):
    __slots__ = ()


class Matches(Collection["Match"], schema="find.schema.json", items="matches"):
    __slots__ = ()


class UniversityProfile(Collection["ProfileFact"], schema="university_profile.schema.json",
                        items="facts"):
    __slots__ = ()


def _build_the_rest() -> list[str]:
    # Every other titled schema gets a plain class of its own.
    names = []
    for title, location in _schema.titled().items():
        if title not in _classes:
            cls = type(title, (Result,), {"__slots__": (), "__module__": __name__},
                       schema=location)
            globals()[title] = cls
        names.append(title)
    return sorted(names)


class FitAll(Sequence[UniversityFit]):
    """Every university's ranking by its stored profile (:meth:`kyoso.Model.fit_all`): a
    list of :class:`UniversityFit`, one ``kyoso.fit_all/2`` document each, in id order.

    :meth:`university` finds one by id; :meth:`to_dataframe` gives the rows of ``kyoso fit
    --all-universities --format csv``, built column by column from the documents.
    """

    __slots__ = ("_fits", "_index")

    def __init__(self, documents: list[dict[str, Any]]) -> None:
        """The rankings of the given ``kyoso.fit_all/2`` documents."""
        self._fits = [UniversityFit._of(d) for d in documents]
        self._index = {f._data["university"]: i for i, f in enumerate(self._fits)}

    def __len__(self) -> int:
        """The number of universities."""
        return len(self._fits)

    def __iter__(self) -> Iterator[UniversityFit]:
        return iter(self._fits)

    def __getitem__(self, index: int) -> UniversityFit:  # type: ignore[override]
        """The ranking at ``index`` (universities in id order); a slice gives a list."""
        return self._fits[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FitAll) and other._fits == self._fits

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<kyoso.FitAll: {len(self)} universities>"

    def university(self, id: str) -> UniversityFit:  # noqa: A002
        """One university's ranking, by its id (``"university/u001"``; ``"u001"`` will do)."""
        full = id if "/" in id else f"university/{id}"
        try:
            return self._fits[self._index[full]]
        except KeyError:
            raise KeyError(id) from None

    def to_dicts(self) -> list[dict[str, Any]]:
        """The ``kyoso.fit_all/2`` documents, one per university: copies."""
        return [f.to_dict() for f in self._fits]

    def to_dataframe(self, *, top: int | None = None,
                     eligible_only: bool = False) -> pandas.DataFrame:
        """One row per university and rank: ``university``, ``rank`` (1-based),
        ``program``, ``score``, ``eligibility`` — the columns of ``kyoso fit
        --all-universities --format csv``. ``eligible_only`` leaves out the programs a
        university cannot apply for (ranks count the rest); ``top`` keeps each university's
        first ``top`` rows. Imports pandas.
        """
        from .dataframe import fit_all_frame

        return fit_all_frame([f._data for f in self._fits], top=top, eligible_only=eligible_only)


def to_dataframe(results: Result | Iterable[Result]) -> pandas.DataFrame:
    """A ``pandas.DataFrame`` of any results: a result that lists things as its own
    ``to_dataframe()`` gives it, or a list of results of one class (``rec.criteria``,
    ``[model.info]``), one row per result with the columns :meth:`Result.to_dataframe`
    describes. An empty list is an empty table. Imports pandas.
    """
    from .dataframe import frame

    if isinstance(results, Result):
        return results.to_dataframe()
    items = list(results)
    kinds = {type(r) for r in items}
    if not all(isinstance(r, Result) for r in items) or len(kinds) > 1:
        names = ", ".join(sorted(t.__name__ for t in kinds))
        raise TypeError(f"to_dataframe takes kyoso results of one class, not {names}")
    if not items:
        return frame([], None, _classes)
    title = type(items[0])._schema_info.title
    shape = _schema.Shape("object", title, title=title)
    return frame([r._data for r in items], shape, _classes)


def read(document: Mapping[str, Any]) -> Result:
    """The result a document holds, by its ``schema`` member: ``kyoso.fit/2`` gives a
    :class:`FitResult` (ValueError for a schema this version does not know)."""
    name = document.get("schema")
    if name not in _documents:
        raise ValueError(f"not a kyoso document this version reads: schema {name!r}")
    return _documents[str(name)](document)


_built = _build_the_rest()
__all__ = ["Result", "Collection", "FitAll", "read", "to_dataframe", *_built]
