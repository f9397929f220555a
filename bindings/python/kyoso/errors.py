"""The errors kyoso raises, rooted at :class:`Error`.

Each is raised from the C++ library's error of the same name (the binding's one translator
is ``bindings/python/src/py_error.cpp``). The message names the place of the problem (file,
line and column, JSON pointer, the offending id); the same parts are attributes.
"""

from __future__ import annotations

__all__ = [
    "Error",
    "ParseError",
    "ValidationError",
    "UnknownIdError",
    "AmbiguousNameError",
    "IoError",
]


class Error(Exception):
    """Any error kyoso raises: a bad model, an unknown id, a query it cannot answer.

    Attributes:
        problem: what is wrong, without the place (the message is place + problem).
        file: the file the problem is in, or ``""``.
        line: the 1-based line of the problem, or ``None``.
        column: the 1-based column of the problem, or ``None``.
        pointer: the JSON pointer (RFC 6901) of the problem inside the file, or ``""``.
        id: the offending node id, or ``""``.
    """

    def __init__(
        self,
        message: str,
        *,
        problem: str | None = None,
        file: str = "",
        line: int | None = None,
        column: int | None = None,
        pointer: str = "",
        id: str = "",  # noqa: A002 - the C++ Location's name
    ) -> None:
        super().__init__(message)
        self.problem: str = message if problem is None else problem
        self.file: str = file
        self.line: int | None = line
        self.column: int | None = column
        self.pointer: str = pointer
        self.id: str = id


class ParseError(Error):
    """The input is not well-formed JSON; ``line`` and ``column`` say where."""


class ValidationError(Error):
    """The input is well-formed but breaks the model's rules (kinds, relations, ids).

    ``pointer`` names the offending value inside the file.
    """


class UnknownIdError(Error):
    """An id that names nothing in the model.

    Attributes:
        suggestion: the nearest valid id (also in the message), or ``""``.
    """

    def __init__(
        self,
        message: str,
        *,
        suggestion: str = "",
        problem: str | None = None,
        file: str = "",
        line: int | None = None,
        column: int | None = None,
        pointer: str = "",
        id: str = "",  # noqa: A002
    ) -> None:
        super().__init__(
            message, problem=problem, file=file, line=line, column=column, pointer=pointer, id=id
        )
        self.suggestion: str = suggestion


class AmbiguousNameError(UnknownIdError):
    """A name (or an id without its kind) that several nodes answer to, refused rather than
    settled silently: ``"'iwate' fits 2 nodes: prefecture/iwate 岩手県, university/iwate 岩手大学"``.

    Attributes:
        candidates: the ids of the nodes it fits, in id order.
    """

    def __init__(
        self,
        message: str,
        *,
        candidates: list[str] | None = None,
        suggestion: str = "",
        problem: str | None = None,
        file: str = "",
        line: int | None = None,
        column: int | None = None,
        pointer: str = "",
        id: str = "",  # noqa: A002
    ) -> None:
        super().__init__(
            message,
            suggestion=suggestion,
            problem=problem,
            file=file,
            line=line,
            column=column,
            pointer=pointer,
            id=id,
        )
        self.candidates: list[str] = list(candidates or [])


class IoError(Error):
    """A file could not be read or written."""
