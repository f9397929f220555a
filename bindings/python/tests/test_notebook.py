"""The tour notebook (examples/notebooks/tour.ipynb) runs headless, every cell without error.

It is executed by nbclient in a fresh ipykernel running this very interpreter, with the
package on its path; the executed copy goes to a temporary directory, never the source tree.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

import kyoso

NOTEBOOK = Path(__file__).resolve().parents[3] / "examples" / "notebooks" / "tour.ipynb"


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def test_the_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:40]


@pytest.fixture
def kernel_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A "python3" kernel that is this interpreter and sees the package; Jupyter's and
    matplotlib's files go to tmp_path."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (kyoso tests)",
        "language": "python",
    }))
    package_root = str(Path(kyoso.__file__).resolve().parent.parent)
    path = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(path))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "matplotlib"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # ipykernel's debugger, quiet
    return tmp_path


def test_the_tour_notebook_runs(kernel_environment: Path) -> None:
    assert KernelSpecManager().get_kernel_spec("python3").argv[0] == sys.executable
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(kernel_environment)}})
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    nbformat.write(notebook, kernel_environment / "tour.executed.ipynb")

    produced = outputs(notebook)
    assert not [o for o in produced if o.output_type == "error"]
    kinds = {kind for o in produced for kind in o.get("data", {})}
    assert {"text/html", "image/svg+xml", "image/png"} <= kinds  # tables, the picture, the plot
    text = "".join(o.get("text", "") for o in produced)
    assert "program/coi-next" in json.dumps([o.get("data", {}) for o in produced],
                                            ensure_ascii=False)
    assert "トップマネジメント" in text or "top management" in text.lower()
    # The plots' Japanese labels are drawn with a Japanese font, not as boxes.
    assert "font for Japanese labels: None" not in text
    assert "missing from current font" not in text
