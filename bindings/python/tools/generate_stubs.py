"""Writes the type stubs of kyoso.results (results.pyi) from the built package.

    PYTHONPATH=build/python python3 generate_stubs.py build/python/kyoso/results.pyi

The classes of kyoso.results are built at import time from the documents' JSON Schemas, so
neither a type checker nor a notebook's completion can see their attributes in the source.
The stubs spell them out: each member as a typed, documented property (from the schema),
each method with its signature and docstring (from the class). The build runs this after
copying the package, so the stubs always match the schemas they were made from.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

HEADER = '''"""Type stubs of kyoso.results, generated from docs/schemas/ by generate_stubs.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Iterable, Iterator, Literal, Mapping, TypeVar

import pandas

_T = TypeVar("_T")
_R = TypeVar("_R", bound="Result")
'''


def docstring(text: str | None, indent: str) -> list[str]:
    if not text:
        return []
    body = inspect.cleandoc(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = body.split("\n")
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}', *(f"{indent}{line}" if line else "" for line in lines[1:]),
            f'{indent}"""']


def signature(function: Any) -> str:
    # The signature as written in the source: annotations are strings there.
    parts = []
    sig = inspect.signature(function)
    previous = None
    for parameter in sig.parameters.values():
        kind = parameter.kind
        if previous == inspect.Parameter.POSITIONAL_ONLY and kind != previous:
            parts.append("/")
        if kind == inspect.Parameter.KEYWORD_ONLY and previous not in (
            inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_POSITIONAL
        ):
            parts.append("*")
        text = parameter.name
        if kind == inspect.Parameter.VAR_POSITIONAL:
            text = "*" + text
        elif kind == inspect.Parameter.VAR_KEYWORD:
            text = "**" + text
        if parameter.annotation is not inspect.Parameter.empty:
            text += f": {parameter.annotation}"
        if parameter.default is not inspect.Parameter.empty:
            text += f" = {parameter.default!r}" if text.count(":") else f"={parameter.default!r}"
        parts.append(text)
        previous = kind
    if previous == inspect.Parameter.POSITIONAL_ONLY:
        parts.append("/")
    returns = sig.return_annotation
    arrow = "" if returns is inspect.Signature.empty else f" -> {returns}"
    return f"({', '.join(parts)}){arrow}"


def methods(cls: type, indent: str, members: set[str]) -> list[str]:
    out = []
    for name, value in cls.__dict__.items():
        if name.startswith("_") and name not in ("__init__", "__len__", "__iter__",
                                                  "__getitem__", "__str__", "__eq__"):
            continue
        if isinstance(value, property) and value.fget is not None:
            if name in members:
                continue
            out += [f"{indent}@property", f"{indent}def {name}{signature(value.fget)}:"]
            out += docstring(value.__doc__, indent + "    ") or [f"{indent}    ..."]
        elif isinstance(value, (classmethod, staticmethod)):
            decorator = type(value).__name__
            out += [f"{indent}@{decorator}",
                    f"{indent}def {name}{signature(value.__func__)}:"]
            out += docstring(value.__func__.__doc__, indent + "    ") or [f"{indent}    ..."]
        elif inspect.isfunction(value):
            out += [f"{indent}def {name}{signature(value)}:"]
            out += docstring(value.__doc__, indent + "    ") or [f"{indent}    ..."]
    return out


def bases(cls: type) -> str:
    names = []
    for base in getattr(cls, "__orig_bases__", cls.__bases__):
        text = getattr(base, "__name__", None) or repr(base)
        origin = getattr(base, "__origin__", None)
        if origin is not None:
            args = ", ".join(a if isinstance(a, str) else getattr(a, "__name__", repr(a))
                             for a in base.__args__)
            text = f"{origin.__name__}[{args}]"
        names.append(text)
    return ", ".join(n.replace("~", "") for n in names if n != "object")


def class_stub(cls: type) -> list[str]:
    out = [f"class {cls.__name__}({bases(cls)}):" if bases(cls) else f"class {cls.__name__}:"]
    out += docstring(cls.__doc__, "    ")
    info = cls.__dict__.get("_schema_info")
    members = {m.name for m in info.members} if info is not None else set()
    if info is not None:
        for member in info.members:
            out += ["    @property", f"    def {member.name}(self) -> {stub_type(member.shape)}:"]
            out += docstring(member.description, "        ") or ["        ..."]
    out += methods(cls, "    ", members)
    if len(out) == 1 + len(docstring(cls.__doc__, "    ")):
        out.append("    ...")
    return out


def stub_type(shape: Any) -> str:
    if shape.kind == "object":
        return str(shape.title)
    if shape.kind == "either":
        return shape.python  # type: ignore[no-any-return]
    if shape.kind == "list" and shape.item is not None:
        return f"list[{stub_type(shape.item)}]"
    if shape.kind == "map" and shape.item is not None:
        return f"dict[str, {stub_type(shape.item)}]"
    return shape.python  # type: ignore[no-any-return]


def main() -> None:
    from kyoso import results

    lines = [HEADER, f"__all__ = {results.__all__!r}", ""]
    for name in results.__all__:
        value = getattr(results, name)
        if inspect.isclass(value):
            lines += ["", *class_stub(value), ""]
        else:
            lines += ["", f"def {name}{signature(value)}:", *docstring(value.__doc__, "    "), ""]
    text = "\n".join(lines).rstrip() + "\n"
    Path(sys.argv[1]).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
