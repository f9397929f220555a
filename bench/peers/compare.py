#!/usr/bin/python3
"""kyoso against the same work written with NetworkX (nx_peer.py), on one model file.

Runs, alternately and --repeat times each: `kyoso fit --all-universities` (the whole
process, loading included), kyoso_path_lengths (kyoso::shortest_paths on sampled pairs) and
nx_peer.py (load, batch fit, the same pairs). Checks that every university's ranking (order,
score to the bit, eligibility) and every path length agree, then prints medians side by side
with their ratios. Exits 1 if any answer differs.

  /usr/bin/python3 bench/peers/compare.py --kyoso build/bin/kyoso \\
      --path-lengths build/bin/kyoso_path_lengths build/bench/national-1m.jgf.json

Run with Debian's /usr/bin/python3, which has networkx (python3-networkx).
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import json

HERE = os.path.dirname(os.path.abspath(__file__))


def run_measured(command, stdin=None, stdout=None):
    """Runs a process; returns (wall seconds, peak resident kilobytes, CPU seconds)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE if stdin is not None else None,
                               stdout=stdout, stderr=subprocess.PIPE)
    if stdin is not None:
        process.stdin.write(stdin.encode())
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{command[0]} failed: {process.stderr.read().decode()}")
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def read_rankings(path):
    rankings = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            university, _, program, score, eligibility = line.rstrip("\n").split(",")
            rankings.setdefault(university, []).append((program, float(score), eligibility))
    return rankings


def sample_pairs(model_path, count, seed):
    """Pairs of the kinds an analyst asks about, drawn from the model's ids. The ids are read
    line by line from kyoso's layout of the file rather than with json.load, which would grow
    this process by about a gigabyte; its children start as copies of it, and the kernel
    counts the copy in their peak memory."""
    node_key = re.compile(r'^      "([a-z_]+)/([^"]+)": \{$')
    by_kind = {}
    with open(model_path, encoding="utf-8") as f:
        for line in f:
            m = node_key.match(line)
            if m:
                by_kind.setdefault(m.group(1), []).append(f"{m.group(1)}/{m.group(2)}")
    draw = random.Random(seed)
    kinds = [("university", "stakeholder"), ("stakeholder", "stakeholder"),
             ("university", "program"), ("university", "university"), ("stakeholder", "purpose")]
    pairs = []
    for i in range(count):
        a, b = kinds[i % len(kinds)]
        pairs.append((draw.choice(by_kind[a]), draw.choice(by_kind[b])))
    return pairs


def median(values):
    return statistics.median(values)


def seconds(s):
    return f"{s:.3f} s" if s >= 0.1 else f"{s * 1e3:.3f} ms"


def row(label, kyoso, peer, note="", kyoso_cpu=None, peer_cpu=None):
    ratio = peer / kyoso if kyoso > 0 else float("inf")
    cpu = ""
    if kyoso_cpu is not None:
        cpu = (f"{seconds(kyoso_cpu)} / {seconds(peer_cpu)} = "
               f"{peer_cpu / kyoso_cpu:,.2f}×")
    print(f"| {label} | {seconds(kyoso)} | {seconds(peer)} | {ratio:,.2f}× | {cpu} | {note} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("--kyoso", required=True, help="the kyoso binary")
    parser.add_argument("--path-lengths", required=True, help="the kyoso_path_lengths binary")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    pairs = sample_pairs(args.model, args.pairs, args.seed)
    pair_text = "".join(f"{a} {b}\n" for a, b in pairs)
    file_mb = os.path.getsize(args.model) / 1e6
    kyoso_e2e, kyoso_cpu, kyoso_rss, kyoso_load, kyoso_path = [], [], [], [], []
    nx_load, nx_fit, nx_load_cpu, nx_fit_cpu, nx_path, nx_rss = [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        kyoso_csv = os.path.join(tmp, "kyoso.csv")
        nx_csv = os.path.join(tmp, "networkx.csv")
        for i in range(args.repeat):
            print(f"run {i + 1} of {args.repeat} …", file=sys.stderr)
            with open(kyoso_csv, "w") as out:
                wall, rss, cpu = run_measured([args.kyoso, "--model", args.model, "fit",
                                               "--all-universities", "--format", "csv"],
                                              stdout=out)
            kyoso_e2e.append(wall)
            kyoso_cpu.append(cpu)
            kyoso_rss.append(rss)

            result = subprocess.run([args.path_lengths, args.model], input=pair_text,
                                    capture_output=True, text=True, check=True)
            lines = result.stdout.split("\n")
            kyoso_load.append(float(lines[0].split()[1]))
            kyoso_lengths = []
            seconds = []
            for line in lines[1:]:
                if line:
                    a, b, length, took = line.split()
                    kyoso_lengths.append(None if length == "none" else int(length))
                    seconds.append(float(took))
            kyoso_path.append(median(seconds))

            result = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "nx_peer.py"),
                                     args.model, nx_csv], input=pair_text,
                                    capture_output=True, text=True, check=True)
            peer = json.loads(result.stdout)
            nx_load.append(peer["load_s"])
            nx_fit.append(peer["fit_s"])
            nx_load_cpu.append(peer["load_cpu_s"])
            nx_fit_cpu.append(peer["fit_cpu_s"])
            nx_path.append(median(p["seconds"] for p in peer["paths"]))
            nx_rss.append(peer["peak_rss_kb"])
            nx_lengths = [p["length"] for p in peer["paths"]]

        mine, theirs = read_rankings(kyoso_csv), read_rankings(nx_csv)

    problems = []
    if mine.keys() != theirs.keys():
        problems.append("the universities differ")
    for university in sorted(mine.keys() & theirs.keys()):
        if mine[university] != theirs[university]:
            problems.append(f"{university}: rankings differ")
    for (a, b), k, n in zip(pairs, kyoso_lengths, nx_lengths):
        if k != n:
            problems.append(f"path {a} {b}: kyoso {k}, networkx {n}")

    # The embedded model: what a `kyoso fit` process spends beyond starting up (--version)
    # and loading the embedded dataset (validate).
    embedded = {"start": [], "load": [], "fit": []}
    commands = {"start": [args.kyoso, "--version"], "load": [args.kyoso, "validate"],
                "fit": [args.kyoso, "fit", "--mission", "regional-revitalization", "--goal",
                        "social-implementation"]}
    for _ in range(50):
        for name, command in commands.items():
            embedded[name].append(run_measured(command, stdout=subprocess.DEVNULL))

    scored = sum(len(r) for r in mine.values())
    print(f"\nModel: {args.model} ({file_mb:.1f} MB); medians of {args.repeat} runs each, "
          f"kyoso and NetworkX alternating.\n")
    print("| measure | kyoso | NetworkX | NetworkX ÷ kyoso | CPU time: kyoso / NetworkX | |")
    print("|---|---|---|---|---|---|")
    e2e, e2e_cpu = median(kyoso_e2e), median(kyoso_cpu)
    row("`kyoso fit --all-universities` end to end vs NetworkX load only", e2e, median(nx_load),
        "target ≥ 5×", e2e_cpu, median(nx_load_cpu))
    row("`kyoso fit --all-universities` end to end vs NetworkX batch fit after load", e2e,
        median(nx_fit), "target ≥ 50×", e2e_cpu, median(nx_fit_cpu))
    row("end to end vs NetworkX load + batch fit", e2e, median(nx_load) + median(nx_fit), "",
        e2e_cpu, median(nx_load_cpu) + median(nx_fit_cpu))
    row("load (kyoso::load_model vs json.load + MultiDiGraph)", median(kyoso_load),
        median(nx_load), "")
    row(f"one shortest path's length, median of {len(pairs)} pairs", median(kyoso_path),
        median(nx_path), "")
    print(f"\nPeak memory: kyoso fit --all-universities {median(kyoso_rss) / 1e3:.0f} MB "
          f"({median(kyoso_rss) / 1e3 / file_mb:.1f}× the file; target < 4×), "
          f"NetworkX {median(nx_rss) / 1e3:.0f} MB.")
    def process(name):
        wall = median(run[0] for run in embedded[name]) * 1e3
        cpu = median(run[2] for run in embedded[name]) * 1e3
        return f"{wall:.1f} ms ({cpu:.1f} ms CPU)"
    print(f"Embedded model, medians of 50 processes: `kyoso fit` {process('fit')}; "
          f"`kyoso validate` (start-up and loading the dataset) {process('load')}; "
          f"`kyoso --version` (start-up alone) {process('start')}.")
    print(f"Answers: {len(mine)} universities, {scored} ranked programs, {len(pairs)} path "
          f"lengths — " + ("identical." if not problems else f"{len(problems)} differ:"))
    for p in problems[:20]:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
