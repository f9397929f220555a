#!/usr/bin/env python3
"""Which assumption moves the number of COI-NEXT 本格型 (full-scale) sites most?

Four assumptions behind kyoso's COI-NEXT simulation are uncertain: the budget from FY2025
(134億円 in FY2024), the promotion rate from 育成型 (nurturing) to 本格型, and the money
each 本格型 and 育成型 site gets a year. This script moves each alone across a plausible range
(one-at-a-time sensitivity) and draws the 本格型 sites funded in FY2030 as a tornado chart,
then sweeps the two that matter most on a grid and draws a heatmap.

    PYTHONPATH=build/python python3 examples/sweep_sensitivity.py [OUTPUT_DIR]

writes sweep_tornado.png and sweep_heatmap.png into OUTPUT_DIR (default: the current folder);
docs/images/ holds the two as README.md shows them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import kyoso

FULL_SCALE = "program/coi-next/full-scale"
YEAR = 2030
QUANTITY = f"active@{YEAR}:{FULL_SCALE}_p50"
NAMES = {
    "budget": "予算 (budget, FY2025–)",
    "promotion_rate": "育成型→本格型の移行率 (promotion rate)",
    "full_scale_amount": "本格型の1拠点あたり年額 (per full-scale site)",
    "nurturing_amount": "育成型の1拠点あたり年額 (per nurturing site)",
    QUANTITY: f"本格型の拠点数 (full-scale sites), FY{YEAR}",
}


def assumptions(design: kyoso.Sweep) -> kyoso.Sweep:
    """The four assumptions, each over its plausible range (5 grid steps)."""
    return (design
            .vary_option("budget", range=(10_000_000_000, 16_000_000_000), steps=5)
            .vary_option("promotion_rate", range=(0.35, 0.75), steps=5)
            .vary("full_scale_amount", FULL_SCALE, "figures/funding_per_site/value",
                  range=(250_000_000, 400_000_000), steps=5)
            .vary("nurturing_amount", "program/coi-next/nurturing",
                  "figures/funding_per_site/value", range=(20_000_000, 40_000_000), steps=5))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    model = kyoso.default_model()
    # 200 Monte Carlo runs per point: the median (p50) is what the charts show.
    simulate = dict(years=6, start_fy=2025, runs=200, record=["sites"])

    each = assumptions(kyoso.Sweep("coi_next_sensitivity", seed=2025)).simulate(
        "program/coi-next", **simulate)
    swings = kyoso.one_at_a_time(model, each, QUANTITY)
    print(swings.to_string(index=False))
    fig = kyoso.plot.tornado(
        swings, names=NAMES, quantity=NAMES[QUANTITY],
        title=f"どの前提が本格型の拠点数 (FY{YEAR}) を最も動かすか")
    fig.savefig(out / "sweep_tornado.png", dpi=80)

    # The two largest swings, on a grid; the others at their base (the middle of the range).
    first, second = swings["parameter"].iloc[0], swings["parameter"].iloc[1]
    grid = kyoso.Sweep("coi_next_grid", seed=2025)
    for parameter in assumptions(kyoso.Sweep("all")).to_dict()["parameters"]:
        name = parameter.get("name") or parameter["option"]
        if name not in (first, second):
            low, high = parameter.pop("range")
            parameter.pop("steps")
            parameter["values"] = [round((low + high) / 2, 6)]
        grid = kyoso.Sweep.from_dict({**grid.to_dict(),
                                      "parameters": [*grid.to_dict()["parameters"], parameter]})
    grid = grid.simulate("program/coi-next", **simulate)
    table = kyoso.sweep(model, grid)
    print(len(table), "points,", (table["status"] == "ok").sum(), "ok")
    fig = kyoso.plot.heatmap(table, second, first, QUANTITY, names=NAMES,
                             title=f"本格型の拠点数 (FY{YEAR}, 中央値 median)")
    fig.savefig(out / "sweep_heatmap.png", dpi=80)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
