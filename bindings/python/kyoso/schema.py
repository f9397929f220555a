"""The JSON Schemas of kyoso's documents (docs/schemas/), read into what the result classes
and their tables need: each object's members and, for each member, its shape.

The schemas are the one description of every result: the C++ report layer writes documents
that validate against them (a test checks), :mod:`kyoso.results` builds its classes from
them, and the ``.pyi`` stubs are generated from those classes. A member added to a document
and to its schema reaches Python with no other change.
"""

from __future__ import annotations

import json
import keyword
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterator

__all__ = ["Shape", "Member", "ObjectSchema", "object_schema", "titled", "SCHEMAS"]

SCHEMAS = Path(__file__).with_name("schemas")
"""Where the package keeps its copy of docs/schemas/."""

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


@dataclass(frozen=True)
class Shape:
    """What a member holds.

    ``kind`` is ``"value"`` (a JSON value as it is: str, int, float, bool, None, or lists and
    dicts of them), ``"object"`` (an object of the class ``title``), ``"either"`` (an object
    of ``title`` or a plain value, e.g. a count or its Quantiles, a standing or None),
    ``"list"`` or ``"map"`` (of ``item``). ``python`` is the type as stubs write it.
    """

    kind: str
    python: str
    title: str | None = None
    item: Shape | None = None

    @property
    def plain(self) -> bool:
        """Whether the value is used as JSON holds it, with no object inside."""
        return self.kind == "value" or (
            self.kind in ("list", "map") and self.item is not None and self.item.plain
        )


@dataclass(frozen=True)
class Member:
    """One member of an object: its JSON key, its Python name (a keyword gets a trailing
    ``_``: ``from`` is ``from_``), its shape, its description and its default, if the schema
    gives one."""

    key: str
    name: str
    shape: Shape
    description: str
    has_default: bool = False
    default: Any = None


@dataclass(frozen=True)
class ObjectSchema:
    """A titled object schema: a class of results."""

    location: str
    title: str
    description: str
    members: tuple[Member, ...]
    schema_name: str | None  # the "schema" member's constant: "kyoso.fit/2" for documents


@cache
def _file(name: str) -> dict[str, Any]:
    with open(SCHEMAS / name, encoding="utf-8") as f:
        document: dict[str, Any] = json.load(f)
    return document


def _resolve(ref: str, base: str) -> tuple[str, dict[str, Any]]:
    # "other.schema.json#/$defs/x", "#/$defs/x" or "other.schema.json": (location, schema).
    file, _, pointer = ref.partition("#")
    file = file or base
    node: Any = _file(file)
    for token in filter(None, pointer.split("/")):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return f"{file}#{pointer}", node


def _definition(schema: dict[str, Any], base: str) -> tuple[str | None, dict[str, Any], str]:
    # A member's schema with its $ref followed: (the location, the schema, its file).
    if "$ref" in schema:
        location, target = _resolve(schema["$ref"], base)
        return location, target, location.partition("#")[0]
    return None, schema, base


def _shape(schema: dict[str, Any], base: str) -> Shape:
    location, schema, base = _definition(schema, base)
    if "title" in schema and schema.get("type") == "object":
        return Shape("object", schema["title"], title=schema["title"])
    for union in ("anyOf", "oneOf"):
        if union in schema:
            branches = [_shape(branch, base) for branch in schema[union]]
            objects = [b for b in branches if b.kind == "object"]
            python = " | ".join(b.python for b in branches)
            if objects and len(objects) == 1 and all(b.plain for b in branches if b.kind != "object"):
                return Shape("either", python, title=objects[0].title)
            return Shape("value", python)
    kinds = schema.get("type")
    if kinds == "array":
        item = _shape(schema.get("items", {}), base)
        return Shape("list", f"list[{item.python}]", item=item)
    if kinds == "object":
        item = _shape(schema.get("additionalProperties", {}), base)
        return Shape("map", f"dict[str, {item.python}]", item=item)
    if "enum" in schema or "const" in schema:
        words = schema.get("enum", [schema.get("const")])
        literal = [w for w in words if w is not None]
        python = f"Literal[{', '.join(repr(w) for w in literal)}]"
        return Shape("value", python + (" | None" if None in words else ""))
    if isinstance(kinds, str):
        return Shape("value", _SCALARS[kinds])
    if isinstance(kinds, list):
        return Shape("value", " | ".join(_SCALARS[k] for k in kinds))
    return Shape("value", "Any")


def _description(schema: dict[str, Any], base: str) -> str:
    if "description" in schema:
        return str(schema["description"])
    _, target, _ = _definition(schema, base)
    return str(target.get("description", ""))


@cache
def object_schema(location: str) -> ObjectSchema:
    """The object schema at ``location`` (``"fit.schema.json"`` or
    ``"fit.schema.json#/$defs/recommendation"``)."""
    location, schema = _resolve(location, "")
    base = location.partition("#")[0]
    members = []
    for key, member in schema.get("properties", {}).items():
        members.append(
            Member(
                key=key,
                name=f"{key}_" if keyword.iskeyword(key) else key,
                shape=_shape(member, base),
                description=_description(member, base),
                has_default="default" in member,
                default=member.get("default"),
            )
        )
    constant = schema.get("properties", {}).get("schema", {}).get("const")
    return ObjectSchema(location, schema["title"], schema.get("description", ""),
                        tuple(members), constant)


def _titled_in(node: Any, location: str) -> Iterator[str]:
    if isinstance(node, dict):
        if node.get("type") == "object" and "title" in node:
            yield location
        for key, value in node.items():
            if key != "properties" or not isinstance(value, dict):
                yield from _titled_in(value, f"{location}/{key}")
            else:
                for name, member in value.items():
                    yield from _titled_in(member, f"{location}/properties/{name}")


@cache
def titled() -> dict[str, str]:
    """Every titled object schema of every file, by title: the result classes there are."""
    out: dict[str, str] = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        for location in _titled_in(_file(path.name), f"{path.name}#"):
            title = _resolve(location, "")[1]["title"]
            if out.setdefault(title, location) != location:
                raise ValueError(f"two schemas are titled {title}: {out[title]} and {location}")
    return out
