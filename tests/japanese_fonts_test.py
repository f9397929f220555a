"""Japanese labels are drawn with a Japanese font, not as boxes: in GraphViz pictures of the
DOT export and in the matplotlib pictures of examples/scenarios/budget_cut.py and
examples/national/jpeaks_map.py.

    japanese_fonts_test.py KYOSO PYTHONPATH

Needs graphviz, matplotlib and a Japanese font (Debian: graphviz, python3-matplotlib,
fonts-noto-cjk; `make` installs them). Prints 'N passed, M failed' and exits 1 on a failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_CUT = ROOT / "examples" / "scenarios" / "budget_cut.py"
JPEAKS_MAP = ROOT / "examples" / "national" / "jpeaks_map.py"
MISSING_GLYPH = "missing from current font"


def check_dot_picture(kyoso: str, work: Path) -> None:
    dot = subprocess.run([kyoso, "export", "--format", "dot", "--lang", "ja", "--focus",
                          "program/coi-next", "--depth", "1"],
                         capture_output=True, text=True, check=True).stdout
    assert "共創の場形成支援プログラム" in dot
    fonts = set(re.findall(r'fontname="([^"]+)"', dot))
    assert len(fonts) == 1, fonts
    font = fonts.pop()
    # fontconfig's answer for the font the export names.
    family = subprocess.run(["fc-match", "-f", "%{family}", font], capture_output=True,
                            text=True, check=True).stdout
    assert "CJK" in family, f"fc-match {font!r} gives {family!r}: no Japanese glyphs"
    # GraphViz's own answer (-v names the file each fontname resolved to), and a picture.
    picture = work / "coi-next.png"
    run = subprocess.run(["dot", "-v", "-Tpng", "-o", str(picture)], input=dot,
                         capture_output=True, text=True, check=True)
    resolved = [line for line in run.stderr.splitlines() if line.startswith("fontname:")]
    assert resolved, run.stderr
    for line in resolved:
        assert f'"{font}" resolved to' in line and "CJK" in line, line
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def check_matplotlib_plot(pythonpath: str, work: Path) -> None:
    env = {**os.environ, "PYTHONPATH": pythonpath, "MPLCONFIGDIR": str(work / "matplotlib"),
           "MPLBACKEND": "Agg"}
    # The font choice the example scripts make (kyoso.plot), as matplotlib resolves it.
    probe = (
        "import kyoso.plot\n"
        "from matplotlib import font_manager\n"
        "print(kyoso.plot.japanese_font())\n"
        "print(font_manager.findfont(font_manager.FontProperties(family=['sans-serif']),"
        " fallback_to_default=False))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                         text=True, check=True)
    name, path = run.stdout.split("\n")[:2]
    assert name == "Noto Sans CJK JP", run.stdout
    assert "NotoSansCJK" in path, path
    # The plot itself, with Japanese labels: matplotlib warns of every glyph it cannot draw.
    plot = subprocess.run([sys.executable, str(BUDGET_CUT), str(work / "cut.png"), "--years",
                           "3"], env=env, capture_output=True, text=True, timeout=120)
    assert plot.returncode == 0, plot.stderr
    assert MISSING_GLYPH not in plot.stderr, plot.stderr
    assert "no Japanese font" not in plot.stdout, plot.stdout
    assert (work / "cut.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def check_tile_map(pythonpath: str, work: Path) -> None:
    env = {**os.environ, "PYTHONPATH": pythonpath, "MPLCONFIGDIR": str(work / "matplotlib"),
           "MPLBACKEND": "Agg"}
    picture = work / "map.png"
    run = subprocess.run([sys.executable, str(JPEAKS_MAP), str(picture)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert MISSING_GLYPH not in run.stderr, run.stderr
    assert "no Japanese font" not in run.stdout, run.stdout
    assert "J-PEAKS leads: 25 universities" in run.stdout, run.stdout
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def main() -> int:
    kyoso, pythonpath = sys.argv[1], sys.argv[2]
    failed = 0
    checks = [("DOT picture", lambda w: check_dot_picture(kyoso, w)),
              ("matplotlib plot", lambda w: check_matplotlib_plot(pythonpath, w)),
              ("tile map", lambda w: check_tile_map(pythonpath, w))]
    for name, check in checks:
        with tempfile.TemporaryDirectory(prefix="kyoso-fonts-") as work:
            try:
                check(Path(work))
                print(f"ok: {name}")
            except (AssertionError, subprocess.CalledProcessError) as e:
                failed += 1
                detail = e.stderr if isinstance(e, subprocess.CalledProcessError) else e
                print(f"FAILED: {name}: {detail}")
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
