#!/usr/bin/env python3
"""What handing a sweep's points to dask.distributed costs per chunk.

    PYTHONPATH=build/python /usr/bin/python3 bench/peers/sweep_dask.py [--points 2000] [--repeat 3]

A sweep of cheap points (one deterministic year of COI-NEXT, so that a point's own work is a
few microseconds) runs here on one thread, then through a LocalCluster of 2 worker processes
with 1 thread each, cut into chunks of several sizes; every table is checked equal to the
local one. The time per chunk, (dask − local) / chunks, is what each chunk adds: the
scheduler's round trip and the rows' pickling. The cluster's start and the first sweep (which
sends the model to each worker once) are timed apart. Medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import statistics
import time

import pandas
from distributed import Client, LocalCluster

import kyoso


def timed(call, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    model = kyoso.default_model()
    sweep = (kyoso.Sweep("cheap", seed=1)
             .vary_option("promotion_rate", range=(0.3, 0.8))
             .design("random", args.points)
             .simulate("program/coi-next", years=1, start_fy=2025, record=["sites"]))
    local_time, local = timed(lambda: kyoso.sweep(model, sweep, threads=1), args.repeat)
    print(f"{args.points} points here, one thread: {local_time * 1e3:.1f} ms")
    start = time.perf_counter()
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        executor = client.get_executor()
        print(f"cluster start: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        first = kyoso.sweep(model, sweep, executor, threads=1, chunk_size=args.points)
        print(f"first sweep (the model to each worker): {time.perf_counter() - start:.2f} s")
        pandas.testing.assert_frame_equal(first, local)
        print("| chunk size | chunks | dask | here | per chunk |")
        print("|---|---|---|---|---|")
        for size in (args.points // 2, 100, 20, 5):
            chunks = -(-args.points // size)
            dask_time, table = timed(
                lambda: kyoso.sweep(model, sweep, executor, threads=1, chunk_size=size),
                args.repeat)
            pandas.testing.assert_frame_equal(table, local)
            print(f"| {size} | {chunks} | {dask_time * 1e3:.0f} ms | {local_time * 1e3:.1f} ms"
                  f" | {(dask_time - local_time) / chunks * 1e3:.2f} ms |")


if __name__ == "__main__":
    main()
