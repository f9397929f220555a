"""Scenarios: "what if" as data — a named list of edits laid over a base model.

A :class:`Scenario` is the ``kyoso.scenario/1`` document of ``docs/scenarios.md``: read it from
a file (:meth:`Scenario.from_file`) or a dict (:meth:`Scenario.from_dict`), or build it with
the fluent methods::

    cut = kyoso.Scenario("budget_cut").set_budget("program/coi-next", 2025, 12_000_000_000)
    smaller = kyoso.default_model().apply(cut)

:meth:`kyoso.Model.apply` checks every edit against the model before it builds anything and
returns a new model; the base is never changed. The C++ library reads and checks the document
(the same reader as ``kyoso --scenario FILE``), so errors are the same
:class:`kyoso.ValidationError` and :class:`kyoso.UnknownIdError`, naming the edit's JSON
pointer (``/edits/2/node``).
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any, Iterable, Mapping

from . import _kyoso
from .results import Call, Figure, Source, Text

__all__ = ["Scenario", "SCENARIO_SCHEMA"]

SCENARIO_SCHEMA: str = _kyoso.scenario_schema
"""The ``schema`` member of a scenario document: ``"kyoso.scenario/1"``."""


def _text(value: str | Text | Mapping[str, str]) -> dict[str, str]:
    # A name or description: one string serves both languages.
    if isinstance(value, str):
        return {"ja": value, "en": value}
    if isinstance(value, Text):
        return {"ja": value.ja, "en": value.en}
    return {"ja": value.get("ja", ""), "en": value.get("en", "")}


def _figure(value: Figure | Mapping[str, Any]) -> dict[str, Any]:
    # A figure as the file writes it: empty members left out, and a node's figure without the
    # value written for people (`text`), which the model file does not hold.
    data = value.to_dict() if isinstance(value, Figure) else dict(value)
    data.pop("text", None)
    return {k: v for k, v in data.items() if v is not None and v != "" and v != []}


def _call(value: Call | Mapping[str, Any]) -> dict[str, Any]:
    # A call as the file writes it, from a dict or a node's Call: empty members left out.
    data = value.to_dict() if isinstance(value, Call) else dict(value)
    return {k: v for k, v in data.items()
            if v is not None and v != "" and v != [] and v != {"ja": "", "en": ""}}


def _sources(values: Iterable[Source | Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [s.to_dict() if isinstance(s, Source) else dict(s) for s in values]


class Scenario:
    """A named list of edits over a base model (``kyoso.scenario/1``).

    The fluent methods add one edit each and return the scenario, so calls chain; the edits
    are applied in order, each to the model as the edits before it left it. Ids are full ids
    (``"program/coi-next"``). Nothing is checked against a model until
    :meth:`kyoso.Model.apply`.

    Attributes:
        name: what the scenario is called.
        description: what it assumes, in words.
        edits: the edits as dicts in the file's form (``{"op": "set", "node": …}``).
        origin: the file it was read from, or ``""``; errors name it.
    """

    __slots__ = ("name", "description", "edits", "origin")

    def __init__(
        self,
        name: str,
        description: str = "",
        edits: Iterable[Mapping[str, Any]] = (),
    ) -> None:
        """An empty scenario (or one with the given edits, in the file's form)."""
        self.name: str = name
        self.description: str = description
        self.edits: list[dict[str, Any]] = [copy.deepcopy(dict(e)) for e in edits]
        self.origin: str = ""

    # ---- reading and writing -------------------------------------------------------------

    @classmethod
    def from_dict(cls, document: Mapping[str, Any]) -> Scenario:
        """A scenario from a ``kyoso.scenario/1`` document given as a dict.

        The document's shape is checked at once — the schema, each op's members, the path
        grammar, the value types — raising :class:`kyoso.ValidationError` with the JSON pointer
        of the bad member (``/edits/0/op``).
        """
        # Anything but a dict is read too, and refused by the C++ reader with the message a
        # file gets ("expected a JSON object").
        name = document.get("name") if isinstance(document, Mapping) else None
        origin = f"<scenario {name}>" if isinstance(name, str) and name else "<scenario>"
        text = json.dumps(document, ensure_ascii=False)
        return cls._from_canonical(_kyoso.parse_scenario(text, origin, False), "")

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Scenario:
        """Reads a scenario file, checking its shape.

        Raises :class:`kyoso.IoError` when it cannot be read, :class:`kyoso.ParseError` when
        it is not JSON and :class:`kyoso.ValidationError` for a bad member, each naming the
        file, line and column.
        """
        file = os.fspath(path)
        return cls._from_canonical(_kyoso.load_scenario(file), file)

    @classmethod
    def _from_canonical(cls, text: str, origin: str) -> Scenario:
        document = json.loads(text)
        scenario = cls(document["name"], document.get("description", ""), document["edits"])
        scenario.origin = origin
        return scenario

    def to_dict(self) -> dict[str, Any]:
        """The ``kyoso.scenario/1`` document, ready for ``json.dump``."""
        return {
            "schema": SCENARIO_SCHEMA,
            "name": self.name,
            "description": self.description,
            "edits": copy.deepcopy(self.edits),
        }

    def to_json(self) -> str:
        """The document as the C++ library writes it: one line, keys sorted. Checks its shape."""
        return _kyoso.parse_scenario(self._text(), self._origin(), False)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes the document to a file (indented, UTF-8) that :meth:`from_file` reads back.

        Written as :meth:`kyoso.Model.save` writes: a regular file is replaced whole through a
        temporary file beside it (its permissions kept), a link is followed and a device or
        FIFO written through; :class:`kyoso.IoError` when it cannot be written.
        """
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        _kyoso.write_file(os.fspath(path), text)

    def _text(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def _origin(self) -> str:
        return self.origin or f"<scenario {self.name}>"

    # ---- the fluent builder --------------------------------------------------------------

    def _add(self, edit: dict[str, Any]) -> Scenario:
        self.edits.append(edit)
        return self

    def set(self, node: str, path: str, value: Any) -> Scenario:  # noqa: A003
        """Writes one value of a node; ``None`` removes it.

        ``path`` is ``name/ja``, ``description/en``, ``note``, ``attributes/<key>``,
        ``figures/<name>[@<fiscal year>]/value`` (or ``/unit``, ``/qualifier``, ``/note``), or
        ``figures/<name>[@<fiscal year>]`` with a whole figure (a dict or
        :class:`kyoso.Figure`) as the value, or ``calls@<fiscal year>/status`` (or
        ``/scope/ja``, ``/scope/en``) for a program's call that year (docs/scenarios.md).
        """
        if isinstance(value, Figure):
            value = {k: v for k, v in _figure(value).items() if k not in ("name", "fiscal_year")}
        return self._add({"op": "set", "node": node, "path": path, "value": value})

    def set_figure(
        self, node: str, figure: str, value: int, fiscal_year: int | None = None
    ) -> Scenario:
        """Sets a figure's value: ``figures/<figure>[@<fiscal_year>]/value``."""
        at = "" if fiscal_year is None else f"@{fiscal_year}"
        return self.set(node, f"figures/{figure}{at}/value", value)

    def set_budget(self, node: str, fiscal_year: int, jpy: int) -> Scenario:
        """Sets one fiscal year's budget in yen; a later year than the model's adds a figure,
        which :meth:`kyoso.Model.simulate` carries forward to the years after it."""
        return self.set_figure(node, "budget", jpy, fiscal_year)

    def set_amount(self, node: str, jpy_per_year: int) -> Scenario:
        """Sets the per-site funding (yen per year): the ``funding_per_site`` figure."""
        return self.set_figure(node, "funding_per_site", jpy_per_year)

    def set_attribute(self, node: str, key: str, value: str | None) -> Scenario:
        """Sets an attribute, e.g. ``"fields"`` to ``"any"``; ``None`` removes it.

        A program's calls are dated: ``set(program, "calls@2025/status", "closed")``.
        """
        return self.set(node, f"attributes/{key}", value)

    def add_node(
        self,
        id: str,  # noqa: A002
        *,
        name: str | Text | Mapping[str, str],
        kind: str | None = None,
        description: str | Text | Mapping[str, str] | None = None,
        attributes: Mapping[str, str] | None = None,
        figures: Iterable[Figure | Mapping[str, Any]] = (),
        calls: Iterable[Call | Mapping[str, Any]] = (),
        note: str = "",
        sources: Iterable[Source | Mapping[str, Any]] = (),
    ) -> Scenario:
        """Adds a node. ``kind`` defaults to the id's prefix (``program/x`` is a program); a
        name given as one string serves both languages; a program's ``calls`` are dicts in the
        model file's shape, e.g. ``{"status": "open", "fiscal_year": 2025}``, or another
        node's :class:`kyoso.Call` objects (``model.node(p).calls``)."""
        edit: dict[str, Any] = {
            "op": "add_node",
            "node": id,
            "kind": kind or id.split("/", 1)[0],
            "name": _text(name),
        }
        if description is not None:
            edit["description"] = _text(description)
        if attributes:
            edit["attributes"] = dict(attributes)
        figure_list = [_figure(f) for f in figures]
        if figure_list:
            edit["figures"] = figure_list
        call_list = [_call(c) for c in calls]
        if call_list:
            edit["calls"] = call_list
        if note:
            edit["note"] = note
        source_list = _sources(sources)
        if source_list:
            edit["sources"] = source_list
        return self._add(edit)

    def remove_node(self, id: str) -> Scenario:  # noqa: A002
        """Removes a node and every edge at it; a program goes with its tracks (the
        programs ``part_of`` it, and theirs)."""
        return self._add({"op": "remove_node", "node": id})

    def add_edge(self, source: str, target: str, relation: str, **metadata: Any) -> Scenario:
        """Adds an edge; ``metadata`` may give ``certainty``, ``fiscal_year``, ``what``,
        ``attributes``, ``figures``, ``note`` and ``sources`` as in the model file."""
        edit: dict[str, Any] = {
            "op": "add_edge",
            "source": source,
            "target": target,
            "relation": relation,
        }
        if metadata:
            if "sources" in metadata:
                metadata["sources"] = _sources(metadata["sources"])
            edit["metadata"] = metadata
        return self._add(edit)

    def remove_edge(self, source: str, target: str, relation: str) -> Scenario:
        """Removes the edge of this relation from ``source`` to ``target``."""
        return self._add(
            {"op": "remove_edge", "source": source, "target": target, "relation": relation}
        )

    # ---- plain Python --------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of edits."""
        return len(self.edits)

    def __eq__(self, other: object) -> bool:
        """Same name, description and edits (where each was read from does not count)."""
        return isinstance(other, Scenario) and (
            (self.name, self.description, self.edits)
            == (other.name, other.description, other.edits)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        edits = "1 edit" if len(self) == 1 else f"{len(self)} edits"
        where = f" from {self.origin!r}" if self.origin else ""
        return f"<kyoso.Scenario {self.name!r}: {edits}{where}>"


def as_scenario(value: Scenario | Mapping[str, Any] | str | os.PathLike[str]) -> Scenario:
    """A Scenario from a Scenario, a document dict or a file path."""
    if isinstance(value, Scenario):
        return value
    if isinstance(value, Mapping):
        return Scenario.from_dict(value)
    if isinstance(value, (str, os.PathLike)):
        return Scenario.from_file(value)
    raise TypeError(
        f"a scenario must be a kyoso.Scenario, a dict or a file path, not {type(value).__name__}"
    )
