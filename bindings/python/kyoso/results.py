"""The answers kyoso gives, as plain immutable objects.

Every class here is a frozen dataclass mirroring the C++ struct of the same name
(``include/kyoso/model.hpp`` and ``query.hpp``). Vocabulary words are the strings files use
(``"program"``, ``"serves"``, ``"via-partner"``); texts come in both languages as
:class:`Text`. ``to_dict()`` gives JSON-ready dicts and ``from_dict()`` reads them back, so
``type(x).from_dict(x.to_dict()) == x``; :func:`kyoso.to_dataframe` turns lists of them into
tables.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterator, Literal, Mapping, TypeVar

if TYPE_CHECKING:
    import pandas

__all__ = [
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
    "RankedProgram",
    "UniversityFit",
    "FitAll",
    "Quantiles",
    "SimulationOptions",
    "SimulatedTrack",
    "SimulatedYear",
    "SimulationResult",
    "FitStanding",
    "FitChange",
    "FitComparison",
    "YearChange",
    "SimulationComparison",
]

Eligibility = Literal["eligible", "conditional", "not-eligible", "unknown"]
Policy = Literal["admit-fewer", "scale-funding", "report-only"]
Certainty = Literal["certain", "high", "medium", "unknown"]
Qualifier = Literal["exact", "approx", "up_to", "at_least"]

_R = TypeVar("_R", bound="_Result")


def _plain(value: Any) -> Any:
    if isinstance(value, _Result):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Result:
    # Fields holding other results (or lists of them), by the class they hold.
    _nested: ClassVar[Mapping[str, type[_Result]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """This value as a dict of plain values (str, int, float, bool, None, list, dict)."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[_R], data: Mapping[str, Any]) -> _R:
        """The value ``to_dict()`` gave (missing keys take their defaults)."""
        values: dict[str, Any] = {}
        for name, value in data.items():
            kind = cls._nested.get(name)
            if kind is None:
                values[name] = value
            elif isinstance(value, list):
                values[name] = [kind.from_dict(v) for v in value]
            else:
                values[name] = kind.from_dict(value)
        return cls(**values)


@dataclass(frozen=True)
class Text(_Result):
    """A text in Japanese and English; either may be empty."""

    ja: str = ""
    en: str = ""


@dataclass(frozen=True, repr=False)
class Source(_Result):
    """Where a fact comes from.

    For the seed document: ``document``, ``section`` and a verbatim ``quote``; for outside
    facts: ``publisher``, ``title``, ``url`` and ``page``. ``to_dict()`` leaves out the empty
    ones, as the model file does.
    """

    document: str = ""
    section: str = ""
    quote: str = ""
    publisher: str = ""
    title: str = ""
    url: str = ""
    page: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The non-empty parts of this source."""
        return {k: v for k, v in super().to_dict().items() if v}

    def __repr__(self) -> str:
        return f"Source({', '.join(f'{k}={v!r}' for k, v in self.to_dict().items())})"


@dataclass(frozen=True)
class Figure(_Result):
    """A stated amount: money in integer yen, a duration or a count.

    ``unit`` is one of jpy, jpy_per_year, years, fiscal_years, sites, count, basis_points;
    ``qualifier`` says how the source states it (exact, approx 程度, up_to 〜/最長, at_least
    以上); ``fiscal_year`` is the year it is tied to (2024 = 令和6年度), if any.
    """

    name: str
    value: int
    unit: str
    qualifier: Qualifier = "exact"
    fiscal_year: int | None = None
    note: Text = field(default_factory=Text)
    sources: list[Source] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"note": Text, "sources": Source}


@dataclass(frozen=True)
class Node(_Result):
    """A node of the model: a program, a purpose, a university …

    ``id`` is ``"kind/slug"``; ``attributes`` holds the documented keys (e.g. ``"fields":
    "any"``); ``figures`` the amounts stated for it.
    """

    id: str
    kind: str
    name: Text = field(default_factory=Text)
    description: Text = field(default_factory=Text)
    attributes: dict[str, str] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    note: Text = field(default_factory=Text)
    sources: list[Source] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "name": Text,
        "description": Text,
        "figures": Figure,
        "note": Text,
        "sources": Source,
    }

    def figure(self, name: str, fiscal_year: int | None = None) -> Figure | None:
        """The first figure with this name (and fiscal year, when given), or None."""
        for f in self.figures:
            if f.name == name and (fiscal_year is None or f.fiscal_year == fiscal_year):
                return f
        return None


@dataclass(frozen=True)
class ModelInfo(_Result):
    """What a whole model is about: its id, name, fiscal year and sources."""

    id: str = ""
    name: Text = field(default_factory=Text)
    description: Text = field(default_factory=Text)
    fiscal_year: int | None = None
    sources: list[Source] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "name": Text,
        "description": Text,
        "sources": Source,
    }


@dataclass(frozen=True)
class Path(_Result):
    """A path: ``nodes[0] -relations[0]- nodes[1] …``.

    ``forward[i]`` tells whether edge ``i`` was followed from its source to its target.
    ``str(path)`` reads ``a -serves-> b <-targets- c``.
    """

    nodes: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    forward: list[bool] = field(default_factory=list)

    def __len__(self) -> int:
        """The number of edges."""
        return len(self.relations)

    def __str__(self) -> str:
        out = self.nodes[0] if self.nodes else ""
        for node, relation, forward in zip(self.nodes[1:], self.relations, self.forward):
            out += f" -{relation}-> {node}" if forward else f" <-{relation}- {node}"
        return out


@dataclass(frozen=True)
class Profile(_Result):
    """A university's situation, as the queries resolved it (every id with its kind).

    An id it does not state is None.
    """

    mission: str | None = None
    goals: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    stage: str | None = None
    partners: list[str] = field(default_factory=list)
    holds: list[str] = field(default_factory=list)
    establishment: str | None = None
    applicant: str | None = "applicant/university"
    fiscal_year: int | None = None


@dataclass(frozen=True)
class Criterion(_Result):
    """One criterion of a fit and how far a program meets it.

    ``id`` is ``"mission"``, ``"goal:purpose/…"``, ``"field:field/…"`` or ``"stage"``;
    ``strength`` is 1 when met directly, less when met through a parent program, 0 when
    missed; ``contribution`` (= weight × strength / total weight) is its part of the score;
    ``paths`` show why it is met.
    """

    id: str
    description: Text = field(default_factory=Text)
    outcome: str = "unknown"
    weight: float = 0.0
    strength: float = 0.0
    contribution: float = 0.0
    how: Text = field(default_factory=Text)
    paths: list[Path] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "description": Text,
        "how": Text,
        "paths": Path,
    }


@dataclass(frozen=True)
class Need(_Result):
    """What a route needs (a partner that files, a company …) and whether the profile has it."""

    id: str
    what: Text = field(default_factory=Text)
    met: bool = False

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"what": Text}


@dataclass(frozen=True)
class Participation(_Result):
    """How a university takes part: lead, member, through (another body files), promotion,
    allocated."""

    route: str
    applicant: str | None = None
    ready: bool = True
    needs: list[Need] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"needs": Need}


@dataclass(frozen=True)
class CallReading(_Result):
    """A program's call in the fiscal year asked about; ``status`` None when not known."""

    fiscal_year: int | None = None
    status: str | None = None
    from_: str | None = None
    scope: Text = field(default_factory=Text)
    period: str | None = None
    last_known: int | None = None
    sources: list[Source] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"scope": Text, "sources": Source}


@dataclass(frozen=True)
class Recommendation(_Result):
    """One program's fit for a profile.

    ``score`` (0–1) is the sum of the ``criteria``'s contributions (each ``met``, ``partly``,
    ``missed`` or ``unknown``); ``eligibility`` is ``"eligible"``, ``"conditional"``,
    ``"not-eligible"`` or ``"unknown"``, with ``reasons``; ``call`` is the fiscal year's call;
    ``routes`` say how the university takes part and what each needs; ``paths`` are the
    eligibility paths; ``sources`` cite every fact on the paths; ``nodes`` is the sub-graph
    behind the answer (the program and every node on its paths), e.g. for
    ``model.subgraph(rec.nodes).export("dot")``.
    """

    id: str
    name: Text = field(default_factory=Text)
    score: float = 0.0
    specificity: int = 0
    eligibility: Eligibility = "eligible"
    call: CallReading = field(default_factory=CallReading)
    routes: list[Participation] = field(default_factory=list)
    reasons: list[Text] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    nodes: list[str] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "name": Text,
        "call": CallReading,
        "routes": Participation,
        "reasons": Text,
        "criteria": Criterion,
        "paths": Path,
        "sources": Source,
    }

    @property
    def met(self) -> list[Criterion]:
        """The criteria met, fully or partly."""
        return [c for c in self.criteria if c.outcome in ("met", "partly")]


@dataclass(frozen=True)
class FactorLink(_Result):
    """A success factor (❶–❾) that addresses a challenge, with how sure the link is."""

    id: str
    name: Text = field(default_factory=Text)
    description: Text = field(default_factory=Text)
    label: str = ""
    certainty: Certainty = "certain"
    sources: list[Source] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "name": Text,
        "description": Text,
        "sources": Source,
    }


@dataclass(frozen=True)
class CaseLink(_Result):
    """A university whose case the casebook gives for a challenge."""

    id: str
    name: Text = field(default_factory=Text)
    certainty: Certainty = "certain"
    sources: list[Source] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"name": Text, "sources": Source}


@dataclass(frozen=True)
class Diagnosis(_Result):
    """A challenge with the success factors that address it and the cases to read.

    ``block`` is ``"process"`` or ``"structure"``; ``stage`` the development stage it belongs
    to (None if none); ``unresolved`` names candidate universities the source does not settle; ``match``
    (0–1] says how well a text query matched.
    """

    id: str
    name: Text = field(default_factory=Text)
    block: str = ""
    stage: str | None = None
    stage_name: Text = field(default_factory=Text)
    factors: list[FactorLink] = field(default_factory=list)
    references: list[CaseLink] = field(default_factory=list)
    unresolved: str = ""
    note: Text = field(default_factory=Text)
    match: float = 1.0
    sources: list[Source] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "name": Text,
        "stage_name": Text,
        "factors": FactorLink,
        "references": CaseLink,
        "note": Text,
        "sources": Source,
    }


@dataclass(frozen=True)
class Neighbor(_Result):
    """A node within some steps of another, with the path it was first reached by."""

    id: str
    name: Text = field(default_factory=Text)
    kind: str = ""
    depth: int = 1
    path: Path = field(default_factory=Path)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"name": Text, "path": Path}


@dataclass(frozen=True)
class PathResult(_Result):
    """The shortest paths between two nodes.

    ``length`` is the number of edges of a shortest path, None when there is none;
    ``paths`` lists every shortest path (up to the query's max_paths; ``truncated`` then).
    """

    length: int | None = None
    paths: list[Path] = field(default_factory=list)
    truncated: bool = False

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"paths": Path}


@dataclass(frozen=True)
class PlanItem(_Result):
    """A program in a portfolio: the goals it covers and when it runs.

    ``start_year`` is in years from now; ``years`` how long it runs, qualified as the source
    states it (``years_qualifier``), both None when the source does not say.
    """

    id: str
    name: Text = field(default_factory=Text)
    score: float = 0.0
    covers: list[str] = field(default_factory=list)
    start_year: int = 0
    years: int | None = None
    years_qualifier: Qualifier | None = None
    reasons: list[Text] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"name": Text, "reasons": Text}


@dataclass(frozen=True)
class Portfolio(_Result):
    """A plan of programs covering a profile's goals, laid out in time.

    ``plan`` is in start order; ``uncovered`` lists goals no eligible program serves;
    ``excluded`` says which programs were left out and why.
    """

    profile: Profile = field(default_factory=Profile)
    plan: list[PlanItem] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    excluded: list[Text] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "profile": Profile,
        "plan": PlanItem,
        "excluded": Text,
    }


# ---- every university at once (fit_all in include/kyoso/query.hpp) -----------------------


@dataclass(frozen=True)
class RankedProgram(_Result):
    """A program's place in one university's ranking: fit's ``score`` and ``eligibility``
    without the explanation, which :meth:`kyoso.Model.explain` gives for any one program."""

    program: str
    score: float = 0.0
    eligibility: Eligibility = "eligible"


@dataclass(frozen=True)
class UniversityFit(_Result):
    """One university's ranking by the profile the model stores for it.

    ``ranking`` lists every program in fit's order (programs meeting any criterion first,
    eligible before not, then by score, then by id), so ``ranking[i]`` has rank ``i + 1``.
    ``model.fit(**model.profile_of(fit.university))`` gives the same order and scores, with
    the explanations.
    """

    university: str
    ranking: list[RankedProgram] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"ranking": RankedProgram}

    def rank(self, program: str) -> int:
        """A program's 1-based rank, by its full id (KeyError when it is not ranked)."""
        for i, ranked in enumerate(self.ranking):
            if ranked.program == program:
                return i + 1
        raise KeyError(program)

    def eligible(self) -> list[RankedProgram]:
        """The programs the university can apply for, itself or via a partner, in rank order."""
        return [r for r in self.ranking if r.eligibility != "not-eligible"]


@dataclass(frozen=True)
class FitAll(_Result):
    """Every university's ranking by its stored profile (:meth:`kyoso.Model.fit_all`).

    ``universities`` is in id order; ``len()``, iteration and ``[i]`` go through it, and
    :meth:`university` finds one by id. :meth:`to_dataframe` gives the rows of ``kyoso fit
    --all-universities --format csv``: one per university and rank.
    """

    universities: list[UniversityFit] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"universities": UniversityFit}

    def __len__(self) -> int:
        """The number of universities."""
        return len(self.universities)

    def __iter__(self) -> Iterator[UniversityFit]:
        return iter(self.universities)

    def __getitem__(self, index: int) -> UniversityFit:
        return self.universities[index]

    def university(self, id: str) -> UniversityFit:  # noqa: A002
        """One university's ranking, by its id (``"university/u001"``; ``"u001"`` will do)."""
        full = id if "/" in id else f"university/{id}"
        for fit in self.universities:
            if fit.university == full:
                return fit
        raise KeyError(id)

    def to_dataframe(
        self, *, top: int | None = None, eligible_only: bool = False
    ) -> pandas.DataFrame:
        """One row per university and rank: ``university``, ``rank`` (1-based),
        ``program``, ``score``, ``eligibility`` — the columns of ``kyoso fit
        --all-universities --format csv``. ``eligible_only`` leaves out the programs a
        university cannot apply for (ranks count the rest); ``top`` keeps each university's
        first ``top`` rows. Imports pandas.
        """
        from .dataframe import fit_all_frame

        return fit_all_frame(self.universities, top=top, eligible_only=eligible_only)


# ---- simulation (include/kyoso/simulate.hpp) ---------------------------------------------


@dataclass(frozen=True)
class Quantiles(_Result):
    """A count or amount over Monte Carlo runs (nearest-rank percentiles).

    Without Monte Carlo all three are the one run's value.
    """

    p10: int = 0
    p50: int = 0
    p90: int = 0


@dataclass(frozen=True)
class SimulationOptions(_Result):
    """The options a simulation ran with (:meth:`kyoso.Model.simulate`), ``start_fy`` resolved.

    ``runs`` 0 is one deterministic run; ``seed`` counts only with runs.
    """

    years: int = 10
    start_fy: int | None = None
    budget_jpy: int | None = None
    future_budget_jpy: int | None = None
    policy: Policy = "admit-fewer"
    promotion_rate: float | None = None
    initial_sites: dict[str, int] = field(default_factory=dict)
    new_sites: dict[str, int] = field(default_factory=dict)
    runs: int = 0
    seed: int = 0
    approx_spread: float = 0.10
    up_to_floor: float = 0.75


@dataclass(frozen=True)
class SimulatedTrack(_Result):
    """A track as simulated: its figures as read from the model (or given as options).

    ``funding_per_site`` is yen per year at ``funding_qualifier``; ``duration`` the fiscal
    years a site is funded; ``promotes_to`` the track its review promotes into (None if none),
    with ``promotion_rate``; ``open`` is False for a track that takes no new sites.
    """

    id: str
    name: Text = field(default_factory=Text)
    funding_per_site: int = 0
    funding_qualifier: Qualifier = "exact"
    duration: int = 0
    new_sites: int = 0
    initial_sites: int = 0
    promotes_to: str | None = None
    promotion_rate: float | None = None
    open: bool = True

    _nested: ClassVar[Mapping[str, type[_Result]]] = {"name": Text}


@dataclass(frozen=True)
class SimulatedYear(_Result):
    """One fiscal year of a simulation.

    ``active`` maps each track's id to the sites funded that year; ``new_sites`` were admitted
    into open tracks, ``promoted`` by promotion review; ``ended`` were funded last year and not
    this year (a term run out, a review that did not promote, a promotion the budget turned
    away); ``turned_away`` the new or promoted sites the budget policy did not admit. Counts and
    ``spend_jpy`` are :class:`Quantiles`. ``over_budget`` and ``budget_bound`` are the share of
    runs (0 or 1 without Monte Carlo) that spent more than ``budget_jpy``, and in which the
    policy acted; ``funding_scale`` is the share of funding paid under ``scale-funding``.
    """

    fiscal_year: int
    active: dict[str, Quantiles] = field(default_factory=dict)
    new_sites: Quantiles = field(default_factory=Quantiles)
    promoted: Quantiles = field(default_factory=Quantiles)
    ended: Quantiles = field(default_factory=Quantiles)
    turned_away: Quantiles = field(default_factory=Quantiles)
    spend_jpy: Quantiles = field(default_factory=Quantiles)
    budget_jpy: int = 0
    over_budget: float = 0.0
    budget_bound: float = 0.0
    funding_scale: float = 1.0

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "new_sites": Quantiles,
        "promoted": Quantiles,
        "ended": Quantiles,
        "turned_away": Quantiles,
        "spend_jpy": Quantiles,
    }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SimulatedYear:
        """The value ``to_dict()`` gave."""
        values = dict(data)
        active = values.pop("active", {})
        year = super().from_dict(values)
        return dataclasses.replace(
            year, active={track: Quantiles.from_dict(q) for track, q in active.items()}
        )

    def sites(self, track: str) -> int:
        """The sites funded on a track this year (the median with Monte Carlo)."""
        return self.active[track].p50


@dataclass(frozen=True)
class SimulationResult(_Result):
    """A multi-track program's sites over the years (:meth:`kyoso.Model.simulate`).

    ``tracks`` lists the tracks as read (entry tracks first, then along promotions);
    ``years`` one :class:`SimulatedYear` per fiscal year; ``assumptions`` every default taken
    and number read, with where it came from. :meth:`to_dataframe` gives one row per year.
    """

    program: str
    name: Text = field(default_factory=Text)
    options: SimulationOptions = field(default_factory=SimulationOptions)
    tracks: list[SimulatedTrack] = field(default_factory=list)
    years: list[SimulatedYear] = field(default_factory=list)
    assumptions: list[Text] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "name": Text,
        "options": SimulationOptions,
        "tracks": SimulatedTrack,
        "years": SimulatedYear,
        "assumptions": Text,
    }

    @property
    def monte_carlo(self) -> bool:
        """Whether the years report percentiles over Monte Carlo runs."""
        return self.options.runs > 0

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per fiscal year, with the columns of ``kyoso simulate --format csv``.

        ``fiscal_year``, ``active:<track>`` for each track, ``new``, ``promoted``, ``ended``,
        ``turned_away``, ``spend_jpy``, ``budget_jpy``, ``over_budget``, ``budget_bound``,
        ``funding_scale``; with Monte Carlo each count and ``spend_jpy`` is three columns,
        ``<name>_p10``, ``<name>_p50`` and ``<name>_p90``. Imports pandas.
        """
        from .dataframe import simulation_frame

        return simulation_frame(self)


# ---- comparisons (include/kyoso/compare.hpp) ---------------------------------------------


@dataclass(frozen=True)
class FitStanding(_Result):
    """Where a program stands in one fit result: its 1-based rank, score and eligibility."""

    rank: int = 0
    score: float = 0.0
    eligibility: Eligibility = "eligible"


@dataclass(frozen=True)
class FitChange(_Result):
    """A program in a fit comparison: its standing in the base and in the scenario.

    ``base`` is None for a program the scenario added, ``scenario`` None for one it removed.
    ``entered``: the profile can apply for it in the scenario and not in the base (``left``:
    the reverse); ``rank_move`` is base rank − scenario rank (positive: higher in the
    scenario), ``score_change`` scenario − base (both 0 when a side is missing).
    """

    id: str
    name: Text = field(default_factory=Text)
    base: FitStanding | None = None
    scenario: FitStanding | None = None
    entered: bool = False
    left: bool = False
    rank_move: int = 0
    score_change: float = 0.0
    eligibility_changed: bool = False
    changed: bool = False

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "name": Text,
        "base": FitStanding,
        "scenario": FitStanding,
    }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FitChange:
        """The value ``to_dict()`` gave (a missing side is None)."""
        values = dict(data)
        sides = {side: values.pop(side, None) for side in ("base", "scenario")}
        change = super().from_dict(values)
        return dataclasses.replace(
            change,
            **{k: None if v is None else FitStanding.from_dict(v) for k, v in sides.items()},
        )


@dataclass(frozen=True)
class FitComparison(_Result):
    """fit on a base model and on a scenario's model (``kyoso.compare(…, "fit", …)``).

    ``base`` and ``scenario`` are the two rankings; ``programs`` every program of either, in
    the scenario's order, then those the scenario removed; ``entered`` and ``left`` the ids of
    the programs the profile can newly, or no longer, apply for.
    """

    base: list[Recommendation] = field(default_factory=list)
    scenario: list[Recommendation] = field(default_factory=list)
    programs: list[FitChange] = field(default_factory=list)
    entered: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "base": Recommendation,
        "scenario": Recommendation,
        "programs": FitChange,
    }

    def changes(self) -> list[FitChange]:
        """The programs whose rank, score or eligibility changed, or that were added or removed."""
        return [p for p in self.programs if p.changed]

    def program(self, id: str) -> FitChange:  # noqa: A002
        """One program's change, by its full id."""
        for p in self.programs:
            if p.id == id:
                return p
        raise KeyError(id)

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per program: both standings and what changed. Imports pandas."""
        from .dataframe import to_dataframe

        return to_dataframe(self.programs)


@dataclass(frozen=True)
class YearChange(_Result):
    """Scenario minus base in one fiscal year (medians with Monte Carlo).

    ``active`` maps each track of either side to its change in sites; ``over_budget`` and
    ``budget_bound`` are changes in the share of runs.
    """

    fiscal_year: int
    active: dict[str, int] = field(default_factory=dict)
    new_sites: int = 0
    promoted: int = 0
    ended: int = 0
    turned_away: int = 0
    spend_jpy: int = 0
    budget_jpy: int = 0
    over_budget: float = 0.0
    budget_bound: float = 0.0


@dataclass(frozen=True)
class SimulationComparison(_Result):
    """simulate on a base model and on a scenario's model (``kyoso.compare(…, "simulate", …)``).

    Both ran with the same options — with Monte Carlo the same seed, so that the deltas in
    ``years`` show the scenario, not the noise.
    """

    base: SimulationResult
    scenario: SimulationResult
    years: list[YearChange] = field(default_factory=list)

    _nested: ClassVar[Mapping[str, type[_Result]]] = {
        "base": SimulationResult,
        "scenario": SimulationResult,
        "years": YearChange,
    }

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per fiscal year of deltas (scenario − base): ``fiscal_year``,
        ``active:<track>`` …, ``new``, ``promoted``, ``ended``, ``turned_away``,
        ``spend_jpy``, ``budget_jpy``, ``over_budget``, ``budget_bound``. Imports pandas."""
        from .dataframe import to_dataframe

        return to_dataframe(self.years)
