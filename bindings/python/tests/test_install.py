"""`make install` (cmake --install) puts the package where the Python it was built for looks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kyoso

BUILD_DIR = Path(kyoso.__file__).resolve().parents[2]  # build/python/kyoso/__init__.py


def install_dir() -> str:
    cache = (BUILD_DIR / "CMakeCache.txt").read_text(encoding="utf-8")
    match = re.search(r"^KYOSO_PYTHON_INSTALL_DIR:\w+=(.*)$", cache, re.MULTILINE)
    assert match, "KYOSO_PYTHON_INSTALL_DIR is not in CMakeCache.txt"
    return match.group(1)


pytestmark = pytest.mark.skipif(not (BUILD_DIR / "CMakeCache.txt").exists(),
                                reason="kyoso is not imported from a build tree")


def test_debians_python_looks_in_the_install_dir_under_usr_and_usr_local() -> None:
    if sys.executable != "/usr/bin/python3" or not os.path.exists("/etc/debian_version"):
        pytest.skip("not Debian's own python3")
    assert f"/usr/local/{install_dir()}" in sys.path
    assert f"/usr/{install_dir()}" in sys.path


def test_the_installed_package_imports_and_answers(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", str(BUILD_DIR), "--prefix", str(prefix)],
                   check=True, capture_output=True)
    package = prefix / install_dir() / "kyoso"
    assert (package / "py.typed").exists() and (package / "_kyoso.pyi").exists()
    assert (package / "results.pyi").exists()  # generated from the schemas at build time
    assert {p.name for p in (package / "schemas").glob("*.schema.json")} == {
        p.name for p in (Path(kyoso.__file__).parent / "schemas").glob("*.schema.json")}
    assert len(list(package.glob("_kyoso.*.so"))) == 1
    assert not list(package.glob("__pycache__"))

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(package.parent)
    code = ("import kyoso; print(kyoso.__file__); "
            "print(kyoso.default_model().fit(mission='regional-revitalization',"
            " goals='social-implementation')[0].id)")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(package / "__init__.py"), "program/coi-next"]
