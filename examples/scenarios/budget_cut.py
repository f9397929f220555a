"""COI-NEXT's sites under the FY2024 budget and under a 120億円 budget from FY2025, as a plot.

    PYTHONPATH=build/python python3 examples/scenarios/budget_cut.py [OUTPUT.png] [--years N]

Lays budget_cut.json (beside this script) over the embedded FY2024 dataset, simulates
COI-NEXT on both models with the default policy (admit-fewer: a cut shows as fewer sites) and
plots the active 本格型 (full-scale) and 育成型 (nurturing) sites per fiscal year, baseline
against the cut, to OUTPUT.png (default: budget_cut.png in the current directory). Prints the
same numbers as a table. The labels are Japanese, drawn with an installed Japanese font
(`make` installs fonts-noto-cjk); without one the script says so and Japanese shows as boxes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; no display needed

import matplotlib.pyplot as plt  # noqa: E402

import kyoso  # noqa: E402
import kyoso.plot  # noqa: E402

HERE = Path(__file__).resolve().parent
PROGRAM = "program/coi-next"
TRACKS = ("program/coi-next/full-scale", "program/coi-next/nurturing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="budget_cut.png", help="the PNG to write")
    parser.add_argument("--years", type=int, default=10, help="fiscal years to simulate")
    args = parser.parse_args()

    base = kyoso.default_model()
    cut = kyoso.Scenario.from_file(HERE / "budget_cut.json")
    comparison = kyoso.compare(base, cut, "simulate", PROGRAM, years=args.years)
    baseline = comparison.base.to_dataframe()
    reduced = comparison.scenario.to_dataframe()

    print("FY      本格型 (full-scale)  育成型 (nurturing)  budget 億円")
    for b, c in zip(comparison.base.years, comparison.scenario.years):
        full = f"{b.sites('program/coi-next/full-scale')} → {c.sites('program/coi-next/full-scale')}"
        nurturing = f"{b.sites('program/coi-next/nurturing')} → {c.sites('program/coi-next/nurturing')}"
        budget = f"{b.budget_jpy / 1e8:.0f} → {c.budget_jpy / 1e8:.0f}"
        print(f"{b.fiscal_year}  {full:>19}  {nurturing:>18}  {budget:>11}")

    if not kyoso.plot.japanese_font():
        print("no Japanese font installed (Debian: fonts-noto-cjk): labels will show as boxes")
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for track, colour in zip(TRACKS, ("tab:blue", "tab:green")):
        column = f"active:{track}"
        name = base.node(track).name.ja
        ax.plot(baseline["fiscal_year"], baseline[column], color=colour, marker="o",
                label=f"{name}（現行: 毎年度134億円）")
        ax.plot(reduced["fiscal_year"], reduced[column], color=colour, marker="s",
                linestyle="--", label=f"{name}（令和7年度から120億円）")
    ax.annotate("予算減でも育成型は全拠点を維持: 新規採択を昇格より先に採る",
                xy=(0.02, 0.40), xycoords="axes fraction", fontsize="small", color="tab:green")
    ax.set_xlabel("年度")
    ax.set_ylabel("拠点数")
    ax.set_ylim(0, 36)
    ax.set_xticks(list(baseline["fiscal_year"]))
    ax.tick_params(axis="x", labelrotation=45)
    ax.grid(True, alpha=0.3)
    ax.set_title("COI-NEXT の拠点数: 現行予算と120億円への減額（方針 admit-fewer）")
    ax.legend(fontsize="small", loc="lower right")
    fig.tight_layout()
    fig.savefig(args.output, dpi=120)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
