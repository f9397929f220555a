"""Shared fixtures. Run with the built package first on the path:

    PYTHONPATH=build/python /usr/bin/python3 -m pytest -q bindings/python/tests
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

import kyoso


@pytest.fixture(scope="session")
def model() -> kyoso.Model:
    """The embedded FY2024 dataset."""
    return kyoso.default_model()


def small_graph(edges: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The smallest JGF document: a program serving a purpose."""
    return {
        "schema_version": kyoso.SCHEMA_VERSION,
        "graph": {
            "id": "small",
            "nodes": {
                "program/p": {"label": "P", "metadata": {"kind": "program", "name": {"ja": "P", "en": "P"}}},
                "purpose/q": {"label": "Q", "metadata": {"kind": "purpose", "name": {"ja": "Q", "en": "Q"}}},
            },
            "edges": edges
            if edges is not None
            else [{"source": "program/p", "target": "purpose/q", "relation": "serves"}],
        },
    }


@pytest.fixture
def write_model(tmp_path: Path) -> Callable[[Any, str], Path]:
    """Writes a document (a dict as JSON, or text as it is) to a file and returns its path."""

    def write(document: Any, name: str = "model.jgf.json") -> Path:
        path = tmp_path / name
        text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
