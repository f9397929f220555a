"""kyoso.sweep: the same table as `kyoso sweep FILE --format csv` from a file, a dict or a
kyoso.Sweep; the same rows, exactly, when chunks of points run in other processes (a process
pool, dask.distributed); bad sweeps refused with their place; the charts drawn."""

from __future__ import annotations

import importlib
import io
import json
import os
import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas
import pytest

import kyoso

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "sweeps"
CLI = os.environ.get("KYOSO_CLI")
# The module, which kyoso.sweep (the function) hides.
sweep_module = importlib.import_module("kyoso.sweep")
needs_cli = pytest.mark.skipif(CLI is None, reason="needs the command-line tool (KYOSO_CLI)")

# A latin hypercube over a budget figure and the promotion rate, the rate's range past 1 so
# that some points fail: the table has failed rows, empty quantities and reasons.
SAMPLED: dict[str, Any] = {
    "schema": "kyoso.sweep/1",
    "name": "sampled",
    "parameters": [
        {"name": "budget", "node": "program/coi-next", "path": "figures/budget@2025/value",
         "range": [9_000_000_000, 16_000_000_000]},
        {"name": "rate", "option": "promotion_rate", "range": [0.3, 1.2]},
    ],
    "design": {"kind": "latin-hypercube", "samples": 60},
    "seed": 11,
    "query": {"simulate": {"program": "coi-next", "years": 4, "start_fy": 2025, "runs": 5}},
}


def cli_table(path: Path, *arguments: str) -> pandas.DataFrame:
    assert CLI is not None
    run = subprocess.run([CLI, "sweep", str(path), "--format", "csv", *arguments],
                         capture_output=True, text=True, check=True)
    table = pandas.read_csv(io.StringIO(run.stdout), float_precision="round_trip")
    table["reason"] = table["reason"].fillna("")  # an empty field reads as NaN
    return table


def assert_same(ours: pandas.DataFrame, theirs: pandas.DataFrame) -> None:
    # read_csv types a column of texts that are all empty, or of whole numbers with gaps, its
    # own way; the values must be equal, cell for cell.
    pandas.testing.assert_frame_equal(ours, theirs, check_dtype=False)


@needs_cli
@pytest.mark.parametrize("name", ["budget_and_rate.json", "fit_weights.json"])
def test_a_file_gives_the_command_lines_table(model: kyoso.Model, name: str) -> None:
    table = kyoso.sweep(model, EXAMPLES / name)
    assert len(table) == len(cli_table(EXAMPLES / name))
    assert_same(table, cli_table(EXAMPLES / name))


@needs_cli
def test_a_dict_gives_the_table_of_the_same_file(model: kyoso.Model, tmp_path: Path) -> None:
    path = tmp_path / "sampled.json"
    path.write_text(json.dumps(SAMPLED), encoding="utf-8")
    table = kyoso.sweep(model, SAMPLED)
    assert set(table["status"]) == {"ok", "failed"}
    failed = table[table["status"] == "failed"]
    assert (failed["rate"] > 1).all() and failed["reason"].str.contains("promotion").all()
    assert failed["active@2025:program/coi-next/full-scale_p50"].isna().all()
    assert_same(table, cli_table(path))
    # The overrides are the command line's --runs and --seed.
    assert_same(kyoso.sweep(model, path, runs=3, seed=5), cli_table(path, "--runs", "3",
                                                                     "--seed", "5"))


def test_a_built_sweep_is_its_dict(model: kyoso.Model) -> None:
    built = (kyoso.Sweep("sampled", seed=11)
             .vary("budget", "program/coi-next", "figures/budget@2025/value",
                   range=(9_000_000_000, 16_000_000_000))
             .vary_option("promotion_rate", name="rate", range=(0.3, 1.2))
             .design("latin-hypercube", 60)
             .simulate("coi-next", years=4, start_fy=2025, runs=5))
    assert built.to_dict() == SAMPLED
    assert kyoso.Sweep.from_dict(SAMPLED) == built
    pandas.testing.assert_frame_equal(kyoso.sweep(model, built), kyoso.sweep(model, SAMPLED))


def test_rows_do_not_depend_on_the_threads(model: kyoso.Model) -> None:
    one = kyoso.sweep(model, SAMPLED, threads=1)
    pandas.testing.assert_frame_equal(kyoso.sweep(model, SAMPLED, threads=3), one)
    assert list(one["point"]) == list(range(60))


def test_a_process_pool_gives_the_local_table(model: kyoso.Model) -> None:
    local = kyoso.sweep(model, EXAMPLES / "coi_next_budget.json", runs=5)
    with ProcessPoolExecutor(max_workers=2) as pool:
        # Chunks that do not divide the 200 points.
        farmed = kyoso.sweep(model, EXAMPLES / "coi_next_budget.json", pool, runs=5,
                             threads=1, chunk_size=37)
    pandas.testing.assert_frame_equal(farmed, local)
    with ProcessPoolExecutor(max_workers=2) as pool:
        pandas.testing.assert_frame_equal(kyoso.sweep(model, SAMPLED, pool),
                                          kyoso.sweep(model, SAMPLED))


def test_dask_distributed_gives_the_local_table(model: kyoso.Model) -> None:
    distributed = pytest.importorskip(
        "dask.distributed", reason="dask.distributed is not installed (Debian: python3-distributed; "
        "`make test` installs it)")
    local = kyoso.sweep(model, SAMPLED)
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        farmed = kyoso.sweep(model, SAMPLED, client.get_executor(), chunk_size=7)
    pandas.testing.assert_frame_equal(farmed, local)


def test_a_worker_reads_the_model_and_the_sweep_once(model: kyoso.Model,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    job = sweep_module._pack(sweep_module._job(model, SAMPLED, None, None))
    reads = []
    real = sweep_module._runner
    monkeypatch.setattr(sweep_module, "_runner", lambda j: reads.append(j) or real(j))
    monkeypatch.setattr(sweep_module, "_RUNNERS", type(sweep_module._RUNNERS)())
    first = sweep_module._run_chunk("token", job, 0, 10, 1)
    second = sweep_module._run_chunk("token", job, 10, 60, 1)
    assert len(reads) == 1
    local = kyoso.sweep(model, SAMPLED)
    assert [row[0] for row in first + second] == list(local["point"])


def test_stop_on_error_names_the_first_failed_point(model: kyoso.Model) -> None:
    first = int(kyoso.sweep(model, SAMPLED).query("status == 'failed'")["point"].iloc[0])
    with pytest.raises(kyoso.Error, match=f"point {first} failed"):
        kyoso.sweep(model, SAMPLED, stop_on_error=True)
    with ProcessPoolExecutor(max_workers=2) as pool:
        with pytest.raises(kyoso.Error, match=f"point {first} failed"):
            kyoso.sweep(model, SAMPLED, pool, stop_on_error=True)


def test_a_bad_file_is_refused_with_its_line_and_pointer(model: kyoso.Model,
                                                         tmp_path: Path) -> None:
    bad = json.dumps(SAMPLED, indent=1).replace('"program/coi-next"', '"program/coi-nxt"', 1)
    path = tmp_path / "bad.json"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(kyoso.UnknownIdError) as caught:
        kyoso.sweep(model, path)
    assert caught.value.file == str(path)
    assert caught.value.pointer == "/parameters/0/node"
    assert caught.value.line == bad.splitlines().index(
        next(line for line in bad.splitlines() if "coi-nxt" in line)) + 1
    assert caught.value.suggestion == "program/coi-next"


def test_a_bad_dict_is_refused_with_its_pointer(model: kyoso.Model) -> None:
    bad = json.loads(json.dumps(SAMPLED))
    bad["parameters"][1]["range"] = [0.8, 0.3]
    with pytest.raises(kyoso.ValidationError) as caught:
        kyoso.sweep(model, bad)
    assert caught.value.pointer.startswith("/parameters/1/range")
    assert caught.value.line is None  # the text was written by Python, not by a person
    with pytest.raises(kyoso.Error, match="cannot read"):
        kyoso.sweep(model, EXAMPLES / "missing.json")
    with pytest.raises(TypeError):
        kyoso.sweep(model, 42)  # type: ignore[arg-type]


def test_one_at_a_time_and_the_charts(model: kyoso.Model) -> None:
    import matplotlib

    matplotlib.use("Agg")
    quantity = "active@2028:program/coi-next/full-scale_p50"
    swings = kyoso.one_at_a_time(model, SAMPLED, quantity)
    assert list(swings["parameter"]) == list(swings.sort_values(
        "swing", ascending=False, kind="stable")["parameter"])
    assert set(swings["parameter"]) == {"budget", "rate"}
    # The rate's highest value (1.2) fails: no value there, and no swing.
    rate = swings.set_index("parameter").loc["rate"]
    assert rate["high_value"] == 1.2 and pandas.isna(rate["at_high"]) and rate["swing"] == 0
    budget = swings.set_index("parameter").loc["budget"]
    assert budget["swing"] == abs(budget["at_high"] - budget["at_low"]) > 0
    fig = kyoso.plot.tornado(swings, title="本格型", quantity=quantity)
    ax = fig.axes[0]
    # One bar per parameter and end; the largest swing on top (the highest y).
    assert len(ax.patches) == 2 * len(swings)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == swings["parameter"].iloc[0]
    assert kyoso.plot.japanese_font() is not None  # `make` installs fonts-noto-cjk

    grid = kyoso.sweep(model, {**SAMPLED, "design": "grid", "parameters": [
        {"name": "budget", "option": "budget", "values": [10_000_000_000, 14_000_000_000]},
        {"name": "rate", "option": "promotion_rate", "values": [0.4, 0.5, 0.6]}]})
    fig = kyoso.plot.heatmap(grid, "budget", "rate", quantity)
    image = fig.axes[0].images[0].get_array()
    assert image.shape == (3, 2)
    # The top row is the highest rate, the left column the lowest budget.
    at = grid.set_index(["rate", "budget"])[quantity]
    assert image[0, 0] == at[(0.6, 10_000_000_000)]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["100億円", "140億円"]


def test_the_example_draws_both_charts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import runpy

    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.setattr("sys.argv", ["sweep_sensitivity.py", str(tmp_path)])
    runpy.run_path(str(EXAMPLES.parent / "sweep_sensitivity.py"), run_name="__main__")
    for name in ("sweep_tornado.png", "sweep_heatmap.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")
