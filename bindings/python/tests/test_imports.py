"""The package's modules import one another without cycles, and pandas and networkx are
imported only when a table or a graph is asked for."""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import kyoso

PACKAGE = Path(kyoso.__file__).parent
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py"))


def imported_at_load(module: str) -> set[str]:
    """The package's modules that `module` imports when it is loaded: its top-level imports,
    not those inside functions (lazy) or under `if TYPE_CHECKING:` (for checkers only)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:
                out.update(alias.name for alias in node.names)
    return out & set(MODULES) - {"__init__"}


def test_the_modules_import_one_another_without_a_cycle() -> None:
    graph = {module: imported_at_load(module) for module in MODULES if module != "__init__"}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as e:
        raise AssertionError(f"import cycle: {' -> '.join(e.args[1])}") from None
    assert order.index("schema") < order.index("results") < order.index("model")


def test_each_module_imports_first_in_a_fresh_interpreter() -> None:
    for module in MODULES:
        name = "kyoso" if module == "__init__" else f"kyoso.{module}"
        done = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True,
                              text=True)
        assert done.returncode == 0, f"{name}: {done.stderr}"


def test_importing_kyoso_imports_neither_pandas_nor_networkx() -> None:
    code = ("import sys, kyoso; m = kyoso.default_model(); m.fit(mission='regional-revitalization');"
            " m.nodes(); print(sorted({'pandas', 'networkx'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
