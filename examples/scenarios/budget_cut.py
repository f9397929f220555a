"""COI-NEXT's sites under the FY2024 budget and under a 120億円 budget from FY2025, as a plot.

    PYTHONPATH=build/python python3 examples/scenarios/budget_cut.py [OUTPUT.png] [--years N]

Lays budget_cut.json (beside this script) over the embedded FY2024 dataset, simulates
COI-NEXT on both models with the default policy (admit-fewer: a cut shows as fewer sites) and
plots the active 本格型 (full-scale) and 育成型 (nurturing) sites per fiscal year, baseline
against the cut, to OUTPUT.png (default: budget_cut.png in the current directory). Prints the
same numbers as a table. The labels are English, so that no Japanese font is needed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; no display needed

import matplotlib.pyplot as plt  # noqa: E402

import kyoso  # noqa: E402

HERE = Path(__file__).resolve().parent
PROGRAM = "program/coi-next"
TRACKS = {  # the plot's labels are English: no Japanese font needed
    "program/coi-next/full-scale": "full-scale track",
    "program/coi-next/nurturing": "nurturing track",
}


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

    fig, ax = plt.subplots(figsize=(8, 4.5))
    for (track, label), colour in zip(TRACKS.items(), ("tab:blue", "tab:green")):
        column = f"active:{track}"
        ax.plot(baseline["fiscal_year"], baseline[column], color=colour, marker="o",
                label=f"{label}, baseline (JPY 13.4 bn a year)")
        ax.plot(reduced["fiscal_year"], reduced[column], color=colour, marker="s",
                linestyle="--", label=f"{label}, budget cut to JPY 12.0 bn from FY2025")
    ax.annotate("the cut keeps every nurturing site: new entries are admitted before promotions",
                xy=(0.02, 0.40), xycoords="axes fraction", fontsize="small", color="tab:green")
    ax.set_xlabel("fiscal year")
    ax.set_ylabel("active sites")
    ax.set_ylim(0, 36)
    ax.set_xticks(list(baseline["fiscal_year"]))
    ax.tick_params(axis="x", labelrotation=45)
    ax.grid(True, alpha=0.3)
    ax.set_title("COI-NEXT sites: baseline vs. a JPY 12.0 bn budget (policy admit-fewer)")
    ax.legend(fontsize="small", loc="lower right")
    fig.tight_layout()
    fig.savefig(args.output, dpi=120)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
