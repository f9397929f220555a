#!/usr/bin/python3
"""`kyoso sweep` against the same sweep written as an analyst would in Python.

The sweep (examples/sweeps/coi_next_budget.json, with --samples points): COI-NEXT over ten
years from FY2025, 100 Monte Carlo runs a point, the FY2025 budget, the promotion rate and the
本格型 per-site amount drawn by a Latin hypercube. Runs, alternately and --repeat times each:

* `kyoso sweep FILE --format jsonl --threads 1`, and with one thread per core (the whole
  process, the model's loading included);
* a Python loop over the bindings: for each point of kyoso's output, a Scenario with the
  point's budget and amount, `model.apply(scenario).simulate(...)` with its promotion rate and
  seed, and the same quantities taken from the result (the model loaded once, outside the
  timing).

Checks that every point's quantities agree to the bit, then prints medians side by side with
their ratios. Exits 1 if any differ.

  /usr/bin/python3 bench/peers/sweep_peer.py --kyoso build/bin/kyoso --python build/python

Run with Debian's /usr/bin/python3, for which the bindings are built.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "sweeps", "coi_next_budget.json")
PROGRAM = "program/coi-next"
FULL_SCALE = "program/coi-next/full-scale"


def run_kyoso(kyoso, sweep_file, threads, out):
    start = time.perf_counter()
    subprocess.run([kyoso, "sweep", sweep_file, "--format", "jsonl", "--threads", str(threads),
                    "-o", out], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def python_sweep(kyoso_module, model, points, query):
    """The loop an analyst writes: one scenario, apply and simulate per point."""
    rows = []
    for point in points:
        values = point["values"]
        scenario = (kyoso_module.Scenario("point")
                    .set_budget(PROGRAM, 2025, values["budget_2025"])
                    .set_figure(FULL_SCALE, "funding_per_site", values["full_scale_amount"]))
        result = model.apply(scenario).simulate(
            PROGRAM, years=query["years"], start_fy=query["start_fy"], runs=query["runs"],
            seed=point["seed"], promotion_rate=values["promotion_rate"], policy=query["policy"])
        row = {}
        for year in result.years:
            fy = year.fiscal_year
            for track, q in year.active.items():
                for name in ("p10", "p50", "p90"):
                    row[f"active@{fy}:{track}_{name}"] = getattr(q, name)
            for name in ("p10", "p50", "p90"):
                row[f"spend_jpy@{fy}_{name}"] = getattr(year.spend_jpy, name)
            row[f"over_budget@{fy}"] = year.over_budget
        row["over_budget_years"] = sum(year.over_budget for year in result.years)
        rows.append(row)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kyoso", default="build/bin/kyoso")
    parser.add_argument("--python", default="build/python", help="where the kyoso package is")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, os.path.abspath(args.python))
    import kyoso as kyoso_module

    with open(EXAMPLE, encoding="utf-8") as f:
        sweep = json.load(f)
    sweep["design"]["samples"] = args.samples
    query = sweep["query"]["simulate"]
    model = kyoso_module.default_model()
    cores = os.cpu_count() or 1
    times = {"kyoso sweep, 1 thread": [], f"kyoso sweep, {cores} threads": [], "Python loop": []}
    with tempfile.TemporaryDirectory() as tmp:
        sweep_file = os.path.join(tmp, "sweep.json")
        with open(sweep_file, "w", encoding="utf-8") as f:
            json.dump(sweep, f)
        out = os.path.join(tmp, "out.jsonl")
        for _ in range(args.repeat):
            times["kyoso sweep, 1 thread"].append(run_kyoso(args.kyoso, sweep_file, 1, out))
            times[f"kyoso sweep, {cores} threads"].append(
                run_kyoso(args.kyoso, sweep_file, cores, out))
            with open(out, encoding="utf-8") as f:
                points = [json.loads(line) for line in f]
            start = time.perf_counter()
            rows = python_sweep(kyoso_module, model, points, query)
            times["Python loop"].append(time.perf_counter() - start)
    differ = 0
    for point, row in zip(points, rows):
        if point["status"] != "ok" or point["quantities"] != row:
            differ += 1
    print(f"{len(points)} points of a {query['years']}-year COI-NEXT simulation, "
          f"{query['runs']} Monte Carlo runs each; medians of {args.repeat}")
    python = statistics.median(times["Python loop"])
    for name, seconds in times.items():
        median = statistics.median(seconds)
        print(f"  {name:<24} {median:8.3f} s  {len(points) / median:9.0f} points/s  "
              f"Python loop / this: {python / median:5.1f}x")
    if differ:
        print(f"{differ} points differ between kyoso sweep and the Python loop")
        return 1
    print("every point's quantities agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
