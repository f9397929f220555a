"""The policy graph and the questions it answers.

A :class:`Model` is immutable: load it once (:func:`default_model`, :func:`load`,
:func:`parse`) and query it as often as you like, from as many threads as you like — the
queries run in C++ without holding the GIL.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping, overload

from . import _kyoso
from .results import (
    Diagnoses,
    FitAll,
    FitComparison,
    FitResult,
    ModelInfo,
    Neighbors,
    Node,
    NodeReport,
    Nodes,
    PathResult,
    Portfolio,
    Profile,
    Ranking,
    Recommendation,
    SimulationComparison,
    SimulationResult,
    Matches,
    Stats,
    UniversityProfile,
    Weights,
)
from .scenario import Scenario, as_scenario

from .universities import universities_frame

if TYPE_CHECKING:
    import networkx
    import pandas

__all__ = ["Model", "default_model", "load", "parse", "synthesize", "compare"]

ExportFormat = Literal["jgf", "dot", "graphml", "node-link"]
Direction = Literal["out", "in", "both"]
Lang = Literal["ja", "en"]
Policy = Literal["admit-fewer", "scale-funding", "report-only"]
Ids = str | Iterable[str] | None
ProfileLike = Profile | Mapping[str, Any] | None
WeightsLike = Weights | Mapping[str, float] | None
ScenarioLike = Scenario | Mapping[str, Any] | str | os.PathLike[str]
FiscalYear = int | str

_FISCAL_YEAR = re.compile(r"(?:FY|fy)?(\d{4})|[Rr](\d{1,3})|令和(元|\d{1,3})(?:年度)?")


def _fiscal_year(value: FiscalYear | None) -> int | None:
    # 2024, "2024", "FY2024", "R6", "令和6年度", "令和元年度" -> 2024 (as `kyoso simulate`).
    if value is None or isinstance(value, int):
        return value
    match = _FISCAL_YEAR.fullmatch(value)
    if not match:
        raise ValueError(f"not a fiscal year: {value!r} (expected 2024, FY2024, R6 or 令和6年度)")
    western, reiwa, kanji = match.groups()
    if western:
        return int(western)
    era = reiwa or kanji
    year = 2018 + (1 if era == "元" else int(era))
    if year <= 2018:
        raise ValueError(f"not a fiscal year: {value!r} (令和 starts at 1, FY2019)")
    return year


def _ids(value: Ids) -> list[str]:
    # One id alone is a list of one, not the characters of a string.
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


# The profile's lists: with university=, keywords add to them as the CLI's flags do.
_ADDED_TO_A_UNIVERSITY = ("goals", "fields", "partners", "holds")


def _profile(model: Model, profile: ProfileLike, university: str | None,
             criteria: Mapping[str, Any]) -> tuple[str, dict[str, Any] | None]:
    # Every profile query's one way in: a Profile, a dict in the profile file's shape, the
    # profile the model gives a university (university=, derived by the C++ derive_profile as
    # `kyoso fit --university` derives it, as of the fiscal year asked), keyword criteria, or
    # one of the first three with keywords that replace the parts they name (for a
    # university's lists: add to them, as the CLI's flags do). Gives the profile
    # file's JSON text, which the C++ library reads and checks as it reads `kyoso fit
    # --profile FILE`, and the kyoso.university_profile/1 document it started from, if any.
    if profile is not None and not isinstance(profile, (Profile, Mapping)):
        raise TypeError(
            f"a profile is a kyoso.Profile or a dict, not {type(profile).__name__}"
        )
    derived = None
    if university is not None:
        if profile is not None:
            raise TypeError(
                "give a profile or university=, not both (keywords change a part of either)"
            )
        year = _fiscal_year(criteria.get("fiscal_year"))
        derived = _kyoso.university_profile(model._model, university, year)
        profile = derived["profile"]
        # As `kyoso fit --university U --goal …`: a list keyword adds to the derived list,
        # a single one (mission, stage, establishment) replaces the derived part.
        criteria = dict(criteria)
        for key in _ADDED_TO_A_UNIVERSITY:
            if criteria.get(key) is not None:
                more = [criteria[key]] if isinstance(criteria[key], str) else list(criteria[key])
                have = list(profile.get(key) or [])
                criteria[key] = have + [x for x in more if x not in have]
    document = Profile(profile, **criteria).to_dict()
    # The fiscal year as people write it ("FY2025", "R7", "令和7年度"); the file takes 2025.
    year = document.get("fiscal_year")
    if isinstance(year, str):
        document["fiscal_year"] = _fiscal_year(year)
    return json.dumps(document, ensure_ascii=False), derived


def _weights(weights: WeightsLike) -> dict[str, float]:
    # A result's weights (results.weights) or overrides of some of them.
    return weights.to_dict() if isinstance(weights, Weights) else dict(weights or {})


# The keywords of Model.simulate that the C++ options name otherwise.
_OPTION_NAMES = {"budget": "budget_jpy", "future_budget": "future_budget_jpy"}


def _simulation_options(arguments: Mapping[str, Any]) -> dict[str, Any]:
    # Model.simulate's keyword arguments as the C++ SimulationOptions' keys.
    if arguments["runs"] and arguments["seed"] is None:
        raise ValueError("runs needs a seed, so that the result can be reproduced")
    options = {_OPTION_NAMES.get(k, k): v for k, v in arguments.items()}
    options["start_fy"] = _fiscal_year(options["start_fy"])
    options["initial_sites"] = dict(options["initial_sites"] or {})
    options["new_sites"] = dict(options["new_sites"] or {})
    return options


class Model:
    """An immutable, validated graph of MEXT's support package and the programs around it.

    Get one from :func:`default_model`, :func:`load` or :func:`parse`. Ids are
    ``"kind/slug"`` strings (``"program/coi-next"``); where a query takes an id, the kind
    may be left out when the slug is unambiguous (``"coi-next"``). An unknown id raises
    :class:`kyoso.UnknownIdError` naming the nearest valid one.
    """

    __slots__ = ("_model",)

    def __init__(self, _model: _kyoso.Model | None = None) -> None:
        """An empty model (the loaders pass the C++ model they made)."""
        self._model = _kyoso.Model() if _model is None else _model

    # ---- the graph -----------------------------------------------------------------------

    @property
    def node_count(self) -> int:
        """The number of nodes."""
        return self._model.node_count

    @property
    def edge_count(self) -> int:
        """The number of edges."""
        return self._model.edge_count

    @property
    def info(self) -> ModelInfo:
        """What the whole graph is: its id, name and fiscal year."""
        return self.stats().model

    def stats(self) -> Stats:
        """What the model holds, counted: nodes by kind, edges by relation, memory
        (``kyoso stats``)."""
        return Stats._of(_kyoso.stats(self._model))

    def node(self, id: str, *, lang: Lang = "ja") -> Node:  # noqa: A002
        """One node, with its names, attributes, figures and sources; each figure's ``text``
        is its value written for people in ``lang``."""
        return self.show(id, lang=lang).node

    def show(self, id: str, *, lang: Lang = "ja") -> NodeReport:  # noqa: A002
        """One node and every edge at it (``kyoso show``): ``.node``, and the edges as a
        sequence of :class:`kyoso.NodeLink`, outgoing first, then by relation and id."""
        return NodeReport._of(_kyoso.node(self._model, id, lang))

    def nodes(self, kind: str | None = None, *, lang: Lang = "ja") -> Nodes:
        """Every node, or every node of one kind (``"program"`` …), in id order: a sequence
        of :class:`kyoso.Node`."""
        return Nodes._of(_kyoso.nodes(self._model, kind, lang))

    def resolve(self, id: str) -> str:  # noqa: A002
        """The full id of a node: ``resolve("coi-next") == "program/coi-next"``."""
        return self._model.resolve(id)

    def subgraph(self, ids: Iterable[str]) -> Model:
        """The given nodes and every edge among them, as a model of its own (same info).

        For drawing or exporting part of the model, e.g. the nodes behind a recommendation:
        ``model.subgraph(rec.nodes).export("dot")``. Ids may leave out their kind.
        """
        keep = {self.resolve(node_id) for node_id in _ids(ids)}
        # Cut from the model's own file and read back, so the part is validated like any model.
        document = json.loads(self.export("jgf"))
        graph = document["graph"]
        graph["nodes"] = {k: node for k, node in graph["nodes"].items() if k in keep}
        graph["edges"] = [
            e for e in graph.get("edges", []) if e["source"] in keep and e["target"] in keep
        ]
        return parse(json.dumps(document, ensure_ascii=False), "<subgraph>")

    def __contains__(self, id: object) -> bool:  # noqa: A002
        """Whether a node has exactly this id."""
        return isinstance(id, str) and self._model.contains(id)

    def __eq__(self, other: object) -> bool:
        """Whether two models hold the same nodes, edges and information."""
        return isinstance(other, Model) and self._model == other._model

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<kyoso.Model {self.info.id!r}: {self.node_count} nodes, {self.edge_count} edges>"

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        # Pickled as its JGF text, so that a Model can be sent to worker processes.
        return (parse, (self.export("jgf"), "<pickle>"))

    # ---- queries -------------------------------------------------------------------------
    #
    # fit, rank, explain and portfolio take a profile one way: a kyoso.Profile, a dict in the
    # profile file's shape (docs/format.md), a university whose profile the model derives
    # (university="岩手大学"), the same members as keywords, or a profile or university with
    # keywords that change it: fit(university=u, goals=["management"]).

    def fit(self, profile: ProfileLike = None, /, *, university: str | None = None,
            weights: WeightsLike = None, **criteria: Any) -> FitResult:
        """Every program, ranked for a university's profile.

        Args:
            profile: a :class:`kyoso.Profile` or a dict of its members.
            university: in place of ``profile``, a university (an id, with or without
                ``university/``, or its Japanese or English name) whose profile the model
                derives as ``kyoso fit --university`` does (:meth:`university_profile`), as
                of ``fiscal_year`` (default: the model's). Giving both is a TypeError.
            weights: overrides of the criteria's weights: ``mission``, ``goals``,
                ``fields``, ``stage`` and ``inherited``.
            criteria: the members of a :class:`kyoso.Profile` (``mission``, ``goals`` …,
                ``fiscal_year``: the year whose calls to read, 2024, "FY2024", "R6" or
                "令和6年度"; default: the model's) as keywords; each replaces that part of
                ``profile``'s; over ``university``'s, ``goals``, ``fields``, ``partners`` and
                ``holds`` add to its lists, as ``kyoso fit --university U --goal …`` does.

        Returns:
            A :class:`kyoso.FitResult`: a sequence of one :class:`kyoso.Recommendation` per
            program, by score; ties by the criteria met directly, then eligible, conditional,
            unknown, not eligible, then by name (``order`` says so in words); with the
            ``profile`` resolved, the ``weights`` used and, for ``university=``, the
            :class:`kyoso.UniversityProfile` it started from as ``university`` (None
            otherwise) — the document ``kyoso fit --university U --format json`` prints.
            An unknown id raises :class:`kyoso.UnknownIdError` naming the profile member
            (``/goals/0``) and the nearest id; a university name that several universities
            answer to raises :class:`kyoso.AmbiguousNameError` with their ``candidates``.
        """
        text, derived = _profile(self, profile, university, criteria)
        found = _kyoso.fit(self._model, text, _weights(weights))
        if derived is not None:
            found["university"] = derived
        return FitResult._of(found)

    def rank(self, profile: ProfileLike = None, /, *, university: str | None = None,
             weights: WeightsLike = None, **criteria: Any) -> Ranking:
        """:meth:`fit`'s ranking without the explanations: the same programs in the same
        order, the same scores to the bit, the same eligibility, some forty times quicker.

        For sweeps over many profiles or scenarios; :meth:`explain` (or :meth:`fit`) gives
        the reasons for any one program. Takes the profile (or ``university``) as
        :meth:`fit` does.

        Returns:
            A :class:`kyoso.Ranking`: a sequence of :class:`kyoso.RankedProgram` (``id``,
            ``score``, ``eligibility``), with the ``profile`` and ``weights``.
        """
        text, _ = _profile(self, profile, university, criteria)
        found = _kyoso.rank(self._model, text, _weights(weights))
        return Ranking._of(found)

    def explain(self, program: str, profile: ProfileLike = None, /, *,
                university: str | None = None, weights: WeightsLike = None,
                **criteria: Any) -> Recommendation:
        """One program's full derivation for a profile: the Recommendation :meth:`fit` gives
        it. Takes the profile (or ``university``) as :meth:`fit` does."""
        text, _ = _profile(self, profile, university, criteria)
        found = _kyoso.explain(self._model, program, text, _weights(weights))
        return Recommendation._of(found["result"])

    def portfolio(self, profile: ProfileLike = None, /, *, university: str | None = None,
                  weights: WeightsLike = None, **criteria: Any) -> Portfolio:
        """The fewest eligible programs that cover the profile's goals, laid out in time: a
        :class:`kyoso.Portfolio`, a sequence of its plan's items. Takes the profile (or
        ``university``) as :meth:`fit` does."""
        text, _ = _profile(self, profile, university, criteria)
        found = _kyoso.portfolio(self._model, text, _weights(weights))
        return Portfolio._of(found)

    def profile_of(self, university: str, *, fiscal_year: FiscalYear | None = None) -> Profile:
        """The profile the model gives a university, as a :class:`kyoso.Profile`.

        Read from the university's ``has_mission``, ``pursues``, ``works_in``,
        ``reached_stage``, ``has_partner``, ``established_as`` and ``awarded`` edges
        (docs/format.md); without a stored mission, the one its support framework indicates
        when the evidence is of medium certainty or better (:meth:`university_profile` shows
        where each part comes from). Ids in full, lists in id order, None for what it does
        not state. It is the university's as of ``fiscal_year`` (default: the model's): an
        award of a later year is not yet held. So ``model.fit(model.profile_of(u))`` ranks
        the programs for ``u`` with the explanations, the ranking :meth:`fit_all` gives it
        without them; ``model.fit(model.profile_of("岩手大学"), goals="社会実装")`` adds goals
        (``model.fit(university="岩手大学", goals="社会実装")`` ranks the same, and carries the
        :meth:`university_profile` it started from).

        Raises :class:`kyoso.UnknownIdError` naming the id when the model has no such
        university (an id, with or without ``university/``, or a name).
        """
        if fiscal_year is None:
            return Profile._of(_kyoso.profile_of(self._model, university))
        return self.university_profile(university, fiscal_year=fiscal_year).profile

    def university_profile(self, university: str, *,
                           fiscal_year: FiscalYear | None = None) -> UniversityProfile:
        """A university's profile derived from the model, with where each part comes from
        (``kyoso profile``): a :class:`kyoso.UniversityProfile`, a sequence of
        :class:`kyoso.ProfileFact` (the value, whether fit uses it, the edges' path, their
        certainty and sources, and why a part is left out), with the ``profile`` itself
        (:meth:`profile_of`). Goals are never derived (add them to the profile). An award of
        a later year than ``fiscal_year`` (default: the model's) is shown, not held.
        """
        found = _kyoso.university_profile(self._model, university, _fiscal_year(fiscal_year))
        return UniversityProfile._of(found)

    def find(self, text: str, *, kind: str | None = None) -> Matches:
        """The nodes whose id, Japanese or English name (or bracketed short form, COI-NEXT)
        contains ``text``, as ``kyoso find`` lists them: a :class:`kyoso.Matches` of
        :class:`kyoso.Match`, exact matches first, then those the text starts, then the rest;
        by kind, then the shorter name. ASCII case and full-width forms do not matter.
        Wherever a query takes an id, a name that only one node has is taken too (an
        ambiguous one raises :class:`kyoso.AmbiguousNameError`).
        """
        return Matches._of(_kyoso.find(self._model, text, kind))

    def universities(
        self,
        *,
        prefecture: str | None = None,
        region: str | None = None,
        establishment: str | None = None,
        framework: str | None = None,
        fields: Ids = None,
        holds: Ids = None,
        lacks: Ids = None,
        current_only: bool = False,
    ) -> pandas.DataFrame:
        """Every university of the model as a pandas table, one row per university in id
        order (``kyoso list university``): names, MEXT's code, establishment, prefecture,
        region, fields, support framework and holdings (``kyoso.universities.universities_frame``
        lists the columns).

        Args:
            prefecture, region, establishment: keep those there, or so established (ids or
                names: ``"iwate"``, ``"岩手県"``, ``"東北"``).
            framework: keep the national universities that chose it with certainty medium
                or better (``"regional-contribution"`` …).
            fields: keep those whose faculties point to every one of these fields.
            holds: keep those awarded each program (or one of its tracks).
            lacks: keep those not recorded as awarded any of these. Where a program's list
                is partial (``attrs["partial_lists"]`` names it), that is "not known to
                hold", never "does not hold".
            current_only: leave out universities that closed or merged.
        """
        filter_: dict[str, Any] = {
            "prefecture": prefecture or "",
            "region": region or "",
            "establishment": establishment or "",
            "framework": framework or "",
            "fields": _ids(fields),
            "holds": _ids(holds),
            "lacks": _ids(lacks),
            "current_only": current_only,
        }
        return universities_frame(_kyoso.universities(self._model, filter_))

    def fit_all(self, *, weights: WeightsLike = None, threads: int = 0) -> FitAll:
        """Every university's ranking of every program, by the profile the model stores for it.

        The national question at once (``kyoso fit --all-universities``): for each university,
        in id order, the ranking ``fit(profile_of(university), weights=weights)`` gives —
        the same order and the same scores to the bit — without the explanations, which
        :meth:`explain` gives for any one program. A university that stores nothing to fit by
        (no mission, goals, fields or stage) gets every program with score 0.0.

        Args:
            weights: overrides of the criteria's weights, as for :meth:`fit`.
            threads: how many threads share out the universities (0: one per core when the
                work is large enough to repay starting them). The answer does not depend on it.

        Returns:
            A :class:`kyoso.FitAll`: a sequence of :class:`kyoso.UniversityFit`
            (``university``, its stored ``profile``, and a sequence of
            :class:`kyoso.RankedProgram`), whose ``to_dataframe()`` has one row per university
            and rank. Runs without the GIL.
        """
        if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
            raise ValueError(f"threads must be 0 (one per core) or more, not {threads!r}")
        return FitAll(_kyoso.fit_all(self._model, _weights(weights), threads))

    def diagnose(
        self,
        *,
        challenges: Ids = None,
        stage: str | None = None,
        text: str | None = None,
    ) -> Diagnoses:
        """The success factors and reference cases for the challenges a university faces.

        Args:
            challenges: challenge ids (``"challenge/01"`` …).
            stage: a development stage: every challenge at that stage.
            text: words matched against the challenges' Japanese and English texts
                (``"トップマネジメント"``).

        Returns:
            A :class:`kyoso.Diagnoses`, a sequence of :class:`kyoso.Diagnosis`: the union of
            the three selections, named and staged challenges in id order, then text matches
            by how well they match. A query that selects nothing raises :class:`kyoso.Error`.
        """
        found = _kyoso.diagnose(self._model, _ids(challenges), stage or "", text or "")
        return Diagnoses._of(found)

    def neighbors(
        self,
        id: str,  # noqa: A002
        *,
        relation: str | None = None,
        direction: Direction = "out",
        depth: int = 1,
    ) -> Neighbors:
        """The nodes within ``depth`` steps of a node, nearest first, then by id: a
        :class:`kyoso.Neighbors`, a sequence of :class:`kyoso.Neighbor`.

        Args:
            id: the node to start from.
            relation: follow only edges of this relation (``"serves"`` …).
            direction: ``"out"`` (from source to target), ``"in"`` or ``"both"``.
            depth: how many steps (1 or more).
        """
        return Neighbors._of(_kyoso.neighbors(self._model, id, relation, direction, depth))

    def path(
        self,
        source: str,
        target: str,
        *,
        max_length: int = 6,
        relations: Ids = None,
        directed: bool = False,
        max_paths: int = 100,
    ) -> PathResult:
        """Every shortest path between two nodes ("how is 弘前大学 connected to COI-NEXT?"):
        a :class:`kyoso.PathResult`, a sequence of :class:`kyoso.Path`.

        Args:
            source, target: the two nodes.
            max_length: the longest path to look for, in edges.
            relations: follow only edges of these relations (default: any).
            directed: follow edges only from their source to their target.
            max_paths: list at most this many paths.
        """
        found = _kyoso.shortest_paths(
            self._model, source, target, max_length, _ids(relations), directed, max_paths
        )
        return PathResult._of(found)

    # ---- scenarios and simulation --------------------------------------------------------

    def apply(self, scenario: ScenarioLike) -> Model:
        """This model with a scenario's edits, as a new model; this one is never changed.

        Args:
            scenario: a :class:`kyoso.Scenario`, a ``kyoso.scenario/1`` document as a dict, or
                the path of a scenario file.

        Every edit is checked, in order, against the model as the edits before it left it,
        before anything is built; the first wrong edit raises — :class:`kyoso.UnknownIdError`
        (with the nearest id) for an id that names nothing, :class:`kyoso.ValidationError`
        otherwise — naming the scenario's file, the edit's JSON pointer (``/edits/2/node``),
        its op and the offending id; nothing is applied then. Runs without the GIL, and any
        number of threads may apply scenarios to one model at once. Every query then runs on
        the result as on any model; :func:`kyoso.compare` shows both side by side.
        """
        edits = as_scenario(scenario)
        return Model(_kyoso.apply(self._model, edits._text(), edits._origin()))

    def simulate(
        self,
        program: str,
        *,
        years: int = 10,
        start_fy: FiscalYear | None = None,
        budget: int | None = None,
        future_budget: int | None = None,
        policy: Policy = "admit-fewer",
        promotion_rate: float | None = None,
        initial_sites: Mapping[str, int] | None = None,
        new_sites: Mapping[str, int] | None = None,
        runs: int = 0,
        seed: int | None = None,
        approx_spread: float = 0.10,
        up_to_floor: float = 0.75,
    ) -> SimulationResult:
        """A multi-track program's sites and spending year by year (docs/simulate.md).

        The tracks, promotions and numbers are the model's data: the programs ``part_of``
        ``program``, ``promotes_to`` between them, their ``funding_per_site``, ``duration``,
        ``sites`` and ``new_sites`` figures and the program's ``budget`` figures. For
        COI-NEXT the baseline keeps 12 育成型 and 32 本格型 sites within 134億円.

        Args:
            program: the program's id (``"coi-next"``).
            years: how many fiscal years, 1 to 100.
            start_fy: the first fiscal year: ``2024``, ``"FY2024"``, ``"R6"`` or
                ``"令和6年度"``; default: the model's (2024).
            budget: every year's budget in yen, in place of the budget figures.
            future_budget: the budget of the years after the last budget figure (default: the
                last figure's).
            policy: when the sites cost more than the budget — ``"admit-fewer"`` (turn new and
                promoted sites away), ``"scale-funding"`` (pay every site less) or
                ``"report-only"`` (only mark the year over budget).
            promotion_rate: the share of a finishing cohort promoted, 0–1; default: the rate
                that keeps the promoted-to track at its stated ``sites``.
            initial_sites: sites running in the year before the start, by full track id.
            new_sites: new sites admitted each year, by full track id.
            runs: Monte Carlo runs (0: one deterministic run). Each run draws the promotion
                outcomes and each track's per-site amount within its qualifier; the years
                report p10/p50/p90.
            seed: the Monte Carlo's seed; the same seed gives the same result. Required with
                ``runs``.
            approx_spread: 程度 amounts are drawn within ± this share.
            up_to_floor: 〜/最長 amounts are drawn between this share of the cap and the cap.

        Raises :class:`kyoso.UnknownIdError` for an unknown program, :class:`kyoso.Error` for
        a bad option (``years=0``, a negative budget …) or a program without tracks. Runs
        without the GIL.
        """
        options = dict(locals())
        del options["self"], options["program"]
        found = _kyoso.simulate(self._model, program, _simulation_options(options))
        return SimulationResult._of(found)

    # ---- files and other formats ---------------------------------------------------------

    def export(
        self,
        format: ExportFormat = "jgf",  # noqa: A002
        *,
        lang: Lang = "ja",
        focus: str | None = None,
        depth: int = 1,
    ) -> str:
        """The model as text in one of kyoso's formats.

        Args:
            format: ``"jgf"`` (kyoso's own JSON Graph Format file), ``"dot"`` (GraphViz),
                ``"graphml"`` or ``"node-link"`` (NetworkX's JSON).
            lang: the language of DOT labels.
            focus: DOT only: draw only the nodes within ``depth`` steps of this node.
            depth: see ``focus``.

        To draw or export another part of the model, take a :meth:`subgraph` first.
        """
        if format == "dot":
            return _kyoso.to_dot(self._model, lang, focus, depth)
        if focus is not None:
            raise ValueError("focus applies to the DOT export only")
        if format == "jgf":
            return _kyoso.to_jgf(self._model)
        if format == "graphml":
            return _kyoso.to_graphml(self._model)
        if format == "node-link":
            return _kyoso.to_node_link(self._model)
        raise ValueError(f"unknown format {format!r}; expected jgf, dot, graphml or node-link")

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the model as a JGF file; loading it gives an equal model.

        A regular file is replaced whole: the text goes to a temporary file created
        exclusively beside it, synced and renamed over it, keeping its permissions, so a
        failure (or Ctrl-C) leaves the old file and no temporary one. A symbolic link is
        followed and stays a link; a device or FIFO is written through, never replaced.
        Raises :class:`kyoso.IoError` naming the file when it cannot be written.
        """
        _kyoso.save_model(self._model, os.fspath(path))

    def to_networkx(self) -> networkx.MultiDiGraph:
        """The whole graph as a ``networkx.MultiDiGraph`` (imports networkx on first use).

        Nodes are keyed by id, with ``kind``, ``name_ja``, ``name_en``, ``description_ja``,
        ``description_en``, ``note``, ``attributes``, ``figures`` (amounts) and ``sources``;
        edges are keyed by relation, with ``relation``, ``certainty``, ``fiscal_year``,
        ``what``, ``attributes`` (e.g. ``{"round": "2", "role": "lead"}``), ``figures``,
        ``note`` and ``sources``.
        """
        from .graph import to_networkx

        return to_networkx(self)


def default_model() -> Model:
    """The dataset compiled into kyoso: the FY2024 (令和6年度) core read from the seed
    document, with the national layer (every university, who holds what) laid over it."""
    return Model(_kyoso.default_model())


def load(path: str | os.PathLike[str], *layers: str | os.PathLike[str]) -> Model:
    """Reads and validates a JGF model file; given several, reads them as one model, each
    laid over the ones before it (``kyoso.load(core, national)``; docs/format.md, "Layers").

    Raises :class:`kyoso.IoError` when a file cannot be read, :class:`kyoso.ParseError`
    (with line and column) when it is not JSON, :class:`kyoso.ValidationError` (with a JSON
    pointer) when it breaks the model's rules, or when two layers give one value differently
    (the message names both files and the key).
    """
    if not layers:
        return Model(_kyoso.load_model(os.fspath(path)))
    return Model(_kyoso.load_layers([os.fspath(p) for p in (path, *layers)]))


def parse(text: str, origin: str = "<input>") -> Model:
    """Parses and validates a JGF model given as text; ``origin`` names it in errors."""
    return Model(_kyoso.parse_model(text, origin))


def synthesize(
    universities: int = 1_000,
    programs: int = 200,
    stakeholders: int = 10_000,
    edges: int = 100_000,
    seed: int = 1,
) -> Model:
    """A synthetic national-scale model (``kyoso synth``), for trying kyoso at full size.

    The embedded FY2024 core (without the national layer, whose place the generated
    universities take) plus ``universities`` generated universities, each with a
    stored profile (:meth:`Model.profile_of`), ``programs`` generated programs (some with
    tracks, closed calls, exclusions and partner conditions), ``stakeholders`` stakeholders,
    and joint-research links drawn by preferential attachment — a few hubs, many small nodes —
    until the model has ``edges`` edges. Generated nodes and edges carry no sources.

    The same arguments give the same model (``==``), and the same file, with any compiler;
    another seed gives another model. Raises :class:`kyoso.Error` with the library's message
    when ``edges`` is fewer than the structure needs (the message says how many it does) or
    more than the stakeholders can hold, and for counts beyond ``kyoso synth``'s limits
    (100000000 nodes of a kind, 10000000 edges); a count that is not an int of 0 or more is
    a TypeError. Runs without the GIL.
    """
    options = {
        "universities": universities,
        "programs": programs,
        "stakeholders": stakeholders,
        "edges": edges,
        "seed": seed,
    }
    return Model(_kyoso.synthesize(options))


@overload
def compare(
    base: Model,
    scenario: Model | ScenarioLike,
    query: Literal["fit"],
    profile: ProfileLike = None,
    /,
    *,
    university: str | None = None,
    weights: WeightsLike = None,
    **criteria: Any,
) -> FitComparison: ...


@overload
def compare(
    base: Model,
    scenario: Model | ScenarioLike,
    query: Literal["simulate"],
    program: str,
    /,
    **options: Any,
) -> SimulationComparison: ...


def compare(
    base: Model,
    scenario: Model | ScenarioLike,
    query: Literal["fit", "simulate"],
    subject: ProfileLike | str = None,
    /,
    **arguments: Any,
) -> FitComparison | SimulationComparison:
    """The same query on a base model and on a scenario's model, and what changed.

    ``kyoso.compare(base, scenario, "fit", profile, **criteria)`` takes the profile
    (or ``university=``) as :meth:`Model.fit` does (and ``weights``) and gives a :class:`kyoso.FitComparison`: both
    fits (``base``, ``scenario``), the programs that entered (can now be used) or left, rank
    moves, score and eligibility changes. ``kyoso.compare(base, scenario, "simulate", "coi-next", years=…)`` takes the
    options of :meth:`Model.simulate` and gives a :class:`kyoso.SimulationComparison`: both
    results and the per-year deltas (with Monte Carlo both sides draw the same numbers).

    ``scenario`` is the scenario's model (``base.apply(s)``), or a scenario — a
    :class:`kyoso.Scenario`, a dict or a file path — which is applied to ``base`` first.
    Runs without the GIL.
    """
    other = scenario if isinstance(scenario, Model) else base.apply(scenario)
    if query == "fit":
        if isinstance(subject, str):
            raise TypeError("compare 'fit' takes a profile, not a program; did you mean 'simulate'?")
        weights = _weights(arguments.pop("weights", None))
        text, _ = _profile(base, subject, arguments.pop("university", None), arguments)
        found = _kyoso.compare_fit(base._model, other._model, text, weights)
        return FitComparison._of(found)
    if query == "simulate":
        if not isinstance(subject, str):
            raise TypeError("compare 'simulate' needs the program to simulate")
        try:
            bound = _SIMULATE.bind(base, subject, **arguments)
        except TypeError as e:
            raise TypeError(f"compare 'simulate': {e}") from None
        bound.apply_defaults()
        options = {k: v for k, v in bound.arguments.items() if k not in ("self", "program")}
        found = _kyoso.compare_simulation(base._model, other._model, subject,
                                          _simulation_options(options))
        return SimulationComparison._of(found)
    raise ValueError(f"unknown query {query!r}; expected 'fit' or 'simulate'")


# compare(…, "simulate", …) takes Model.simulate's options, defaults and all.
_SIMULATE = inspect.signature(Model.simulate)
