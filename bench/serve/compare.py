"""kyoso serve against Flask over kyoso's Python bindings, in one run on loopback: the same
mixed load of fit, explain and simulate requests (kyoso_serve_load: C connections × R
requests each, keep-alive), throughput and p50/p99 latency by endpoint side by side; and the
time kyoso serve takes from its start to its first answer.

    compare.py --kyoso build/bin/kyoso --load build/bin/kyoso_serve_load --python build/python
               [--connections 16] [--requests 250]

`make bench-serve` runs it; bench/README.md has the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = [
    "/api/v1/fit?mission=regional-revitalization&goal=social-implementation",
    "/api/v1/explain?program=coi-next&mission=regional-revitalization&goal=social-implementation",
    "/api/v1/simulate?program=coi-next&years=10",
    "/api/v1/fit?mission=distinctive-research&field=manufacturing&stage=stage/2",
    "/api/v1/explain?program=j-peaks&mission=distinctive-research",
    "/api/v1/simulate?program=coi-next&years=10&runs=20&seed=1",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answering(port: int, process: subprocess.Popen, seconds: float = 30) -> float:
    """Seconds until GET /api/v1/fit… answers 200."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{TARGETS[0]}", timeout=5) as r:
                if r.status == 200:
                    return time.monotonic() - started
        except OSError:
            time.sleep(0.005)
    raise RuntimeError("the server did not answer")


def load(tool: str, port: int, connections: int, requests: int) -> dict:
    run = subprocess.run([tool, str(port), str(connections), str(requests), *TARGETS],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"load failed: {run.stdout} {run.stderr}")
    return json.loads(run.stdout)


def start(command: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(15)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kyoso", required=True)
    parser.add_argument("--load", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--requests", type=int, default=250, help="per connection")
    args = parser.parse_args()

    # Start time: from exec to the first answer, five times.
    starts = []
    for _ in range(5):
        port = free_port()
        server = start([args.kyoso, "serve", "--port", str(port)])
        starts.append(wait_until_answering(port, server))
        stop(server)

    results = {}
    port = free_port()
    server = start([args.kyoso, "serve", "--port", str(port)])
    wait_until_answering(port, server)
    load(args.load, port, args.connections, 20)  # warm-up
    results["kyoso serve"] = load(args.load, port, args.connections, args.requests)
    stop(server)

    port = free_port()
    env = dict(os.environ, PYTHONPATH=os.path.abspath(args.python))
    server = start(["/usr/bin/python3", str(HERE / "flask_app.py"), str(port)], env)
    wait_until_answering(port, server)
    load(args.load, port, args.connections, 20)
    results["Flask"] = load(args.load, port, args.connections, args.requests)
    stop(server)

    cores = os.cpu_count()
    print(f"{args.connections} connections × {args.requests} requests, {len(TARGETS)} targets "
          f"in turn (fit, explain, simulate, Monte Carlo simulate), loopback, {cores} cores "
          "shared by server and client\n")
    print("| | kyoso serve | Flask | ratio |")
    print("|---|---:|---:|---:|")
    k, f = results["kyoso serve"], results["Flask"]
    print(f"| requests/s | {k['per_second']:,.0f} | {f['per_second']:,.0f} | "
          f"{k['per_second'] / f['per_second']:.1f}× |")
    for path in sorted(k["endpoints"]):
        for p in ("p50_ms", "p99_ms"):
            a, b = k["endpoints"][path][p], f["endpoints"][path][p]
            print(f"| {path.rsplit('/', 1)[1]} {p[:3]} (ms) | {a:.2f} | {b:.2f} | {b / a:.0f}× |")
    print(f"| failed | {k['failed']} | {f['failed']} | |")
    print(f"\nkyoso serve, start to first answer: median {statistics.median(starts) * 1000:.0f} ms "
          f"(of {', '.join(f'{s * 1000:.0f}' for s in starts)} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
