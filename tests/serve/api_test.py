"""The HTTP API of `kyoso serve` against the CLI: each endpoint's body is exactly what
`kyoso … --format json` prints for the same question, each refusal a kyoso.error/1 document
with its status and the CLI's message; the size limits, the timeout, malformed requests, many
connections at once, the access log and a clean stop on SIGTERM and SIGINT; and the examples
of docs/serve.md, against a running server.

    api_test.py KYOSO
    api_test.py KYOSO --update-docs   # writes docs/serve.md's answers anew (`make golden`)

Prints 'N passed, M failed' and exits 1 on a failure.
"""

from __future__ import annotations

import json
import random
import re
import signal
import socket
import subprocess
import sys
import time
import traceback
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from running import Server  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "examples" / "scenarios"
KYOSO = sys.argv[1] if len(sys.argv) > 1 else "kyoso"

# (endpoint query, the same question on the command line)
SAME_AS_CLI = [
    ("find?text=%E5%B2%A9%E6%89%8B&kind=university", ["find", "岩手", "--kind", "university"]),
    ("find?text=coi&top=3", ["find", "coi", "--top", "3"]),
    ("list?kind=university&prefecture=iwate", ["list", "university", "--prefecture", "iwate"]),
    ("list?kind=purpose&lang=en", ["list", "purpose", "--lang", "en"]),
    ("profile?university=iwate", ["profile", "iwate"]),
    ("fit?university=iwate", ["fit", "--university", "iwate"]),
    ("fit?university=university/iwate&goal=social-implementation&top=3",
     ["fit", "--university", "university/iwate", "--goal", "social-implementation", "--top", "3"]),
    ("explain?program=coi-next&university=iwate", ["explain", "coi-next", "--university", "iwate"]),
    ("fit?mission=regional-revitalization&goal=social-implementation",
     ["fit", "--mission", "regional-revitalization", "--goal", "social-implementation"]),
    ("fit?mission=regional-revitalization&goal=social-implementation&goal=talent-development"
     "&field=agriculture&stage=stage/1&partner=local-government&establishment=national"
     "&holds=j-peaks&fy=R6&top=5&eligible-only=true",
     ["fit", "--mission", "regional-revitalization", "--goal", "social-implementation",
      "--goal", "talent-development", "--field", "agriculture", "--stage", "stage/1", "--partner",
      "local-government", "--establishment", "national", "--holds", "j-peaks", "--fy", "R6",
      "--top", "5", "--eligible-only"]),
    ("explain?program=coi-next&mission=regional-revitalization&goal=social-implementation",
     ["explain", "coi-next", "--mission", "regional-revitalization", "--goal",
      "social-implementation"]),
    ("explain?program=j-peaks&field=manufacturing&lang=en",
     ["explain", "j-peaks", "--field", "manufacturing", "--lang", "en"]),
    ("portfolio?goal=social-implementation&goal=talent-development&mission=regional-revitalization",
     ["portfolio", "--goal", "social-implementation", "--goal", "talent-development", "--mission",
      "regional-revitalization"]),
    ("diagnose?stage=stage/1", ["diagnose", "--stage", "stage/1"]),
    ("diagnose?challenge=challenge/06&text=%E5%AF%BE%E8%A9%B1",
     ["diagnose", "--challenge", "challenge/06", "--text", "対話"]),
    ("show?id=coi-next", ["show", "coi-next"]),
    ("show?id=program/j-peaks&lang=en", ["show", "program/j-peaks", "--lang", "en"]),
    ("path?from=coi-next&to=j-peaks&max-length=4", ["path", "coi-next", "j-peaks",
                                                    "--max-length", "4"]),
    ("path?from=coi-next&to=mission/regional-revitalization&directed=1&relation=targets",
     ["path", "coi-next", "mission/regional-revitalization", "--directed", "--relation",
      "targets"]),
    ("neighbors?id=coi-next&depth=2&direction=both",
     ["neighbors", "coi-next", "--depth", "2", "--direction", "both"]),
    ("simulate?program=coi-next", ["simulate", "coi-next"]),
    ("simulate?program=coi-next&years=5&runs=40&seed=7&budget=120%E5%84%84&policy=scale-funding",
     ["simulate", "coi-next", "--years", "5", "--runs", "40", "--seed", "7", "--budget", "120億",
      "--policy", "scale-funding"]),
]

# (POST query, scenario file, the command line after --scenario FILE)
COMPARE = [
    ("compare?query=fit&mission=regional-revitalization&goal=social-implementation",
     "budget_cut.json", ["compare", "fit", "--mission", "regional-revitalization", "--goal",
                         "social-implementation"]),
    ("compare?query=fit&mission=distinctive-research&top=5", "jpeaks_third_round.json",
     ["compare", "fit", "--mission", "distinctive-research", "--top", "5"]),
    ("compare?query=simulate&program=coi-next&years=6&runs=30&seed=2", "budget_cut.json",
     ["compare", "simulate", "coi-next", "--years", "6", "--runs", "30", "--seed", "2"]),
]

# (endpoint query, the status, the CLI's command line whose message the error repeats: its
# standard error for usage errors, its --format json document for bad input)
REFUSED = [
    ("fit?university=nowhere-university", 404, ["fit", "--university", "nowhere-university"]),
    ("list?kind=nothing", 400, ["list", "nothing"]),
    ("find", 400, ["find"]),
    ("fit?top=-1&mission=regional-revitalization", 400,
     ["fit", "--top", "-1", "--mission", "regional-revitalization"]),
    ("fit", 400, ["fit"]),
    ("fit?top=three&mission=regional-revitalization", 400,
     ["fit", "--top", "three", "--mission", "regional-revitalization"]),
    ("fit?mission=regional-revitalization&fy=1800", 400,
     ["fit", "--mission", "regional-revitalization", "--fy", "1800"]),
    ("fit?mission=nowhere", 404, ["fit", "--mission", "nowhere"]),
    ("fit?mission=regional-revitalization&lang=fr", 400,
     ["fit", "--mission", "regional-revitalization", "--lang", "fr"]),
    ("explain?program=coi-nxt&mission=regional-revitalization", 404,
     ["explain", "coi-nxt", "--mission", "regional-revitalization"]),
    ("explain?program=mission/regional-revitalization", 400,
     ["explain", "mission/regional-revitalization"]),
    ("explain?mission=regional-revitalization", 400, ["explain", "--mission",
                                                      "regional-revitalization"]),
    ("portfolio?mission=regional-revitalization", 400,
     ["portfolio", "--mission", "regional-revitalization"]),
    ("diagnose", 400, ["diagnose"]),
    ("show?id=nothing-like-this", 404, ["show", "nothing-like-this"]),
    ("path?from=coi-next", 400, ["path", "coi-next"]),
    ("path?from=coi-next&to=j-peaks&max-length=101", 400,
     ["path", "coi-next", "j-peaks", "--max-length", "101"]),
    ("neighbors?id=coi-next&depth=11", 400, ["neighbors", "coi-next", "--depth", "11"]),
    ("neighbors?id=coi-next&direction=sideways", 400,
     ["neighbors", "coi-next", "--direction", "sideways"]),
    ("simulate?program=coi-next&years=0", 400, ["simulate", "coi-next", "--years", "0"]),
    ("simulate?program=coi-next&runs=10", 400, ["simulate", "coi-next", "--runs", "10"]),
    ("simulate?program=coi-next&budget=-5", 400, ["simulate", "coi-next", "--budget", "-5"]),
    ("simulate?program=j-peaks", 400, ["simulate", "j-peaks"]),
]

# (method, target, body, status, what the message must say)
REFUSED_HERE = [
    ("GET", "/api/v1/fit?bogus=1", None, 400, "unknown parameter 'bogus'"),
    ("GET", "/api/v1/fit?profile=/etc/passwd", None, 400, "reads no files"),
    ("GET", "/api/v1/fit?model=x.json&mission=regional-revitalization", None, 400,
     "unknown parameter 'model'"),
    ("GET", "/api/v1/fit?scenario=x.json&mission=regional-revitalization", None, 400,
     "unknown parameter 'scenario'"),
    ("GET", "/api/v1/fit?all-universities=1", None, 400, "all-universities"),
    ("GET", "/api/v1/fit?format=table&mission=regional-revitalization", None, 400,
     "unknown parameter 'format'"),
    ("GET", "/api/v1/fit?mission=regional-revitalization&eligible-only=maybe", None, 400,
     "'eligible-only' is a flag"),
    ("GET", "/api/v1/fit?mission=regional%ZZrevitalization", None, 400, "percent-escape"),
    ("GET", "/api/v1/simulate?program=coi-next&runs=1001&seed=1", None, 400,
     "at most 1000 Monte Carlo runs"),
    ("GET", "/api/v1/nothing", None, 404, "no endpoint /api/v1/nothing"),
    ("POST", "/api/v1/fit?mission=regional-revitalization", b"{}", 405, "asked with GET"),
    ("GET", "/api/v1/compare?query=fit", None, 405, "asked with POST"),
    ("POST", "/api/v1/compare?query=fit&mission=regional-revitalization", b"", 400,
     "scenario (kyoso.scenario/1"),
    ("POST", "/api/v1/compare?query=fit&mission=regional-revitalization", b"{\"schema\": ", 400,
     "request body:1:"),
    ("POST", "/api/v1/compare?query=fit&mission=regional-revitalization",
     json.dumps({"schema": "kyoso.scenario/1", "name": "x",
                 "edits": [{"op": "remove_node", "node": "program/nothing"}]}).encode(), 404,
     "program/nothing"),
    ("POST", "/api/v1/compare?query=simulate", (SCENARIOS / "budget_cut.json").read_bytes(), 400,
     "compare simulate: missing PROGRAM"),
    ("GET", "/api/v1/choices?x=1", None, 400, "takes no parameters"),
]

passed, failed = 0, 0


def check(name: str, test) -> None:
    global passed, failed
    try:
        test()
        passed += 1
    except Exception:  # noqa: BLE001 — every failure is reported, then the next test runs
        failed += 1
        print(f"FAIL {name}")
        traceback.print_exc()


def cli(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([KYOSO, *args], capture_output=True, text=True)


def cli_json(args: list[str]) -> str:
    run = cli([*args, "--format", "json"])
    assert run.returncode == 0, (args, run.stderr)
    return run.stdout


def error_of(body: bytes) -> dict:
    doc = json.loads(body)
    assert doc["schema"] == "kyoso.error/1", doc
    return doc["error"]


def raw(server: Server, data: bytes, wait: float = 10) -> bytes:
    """Sends bytes as they are and returns all the server answers until it closes. A server
    that answers and closes before taking all the bytes (a refusal) may reset the connection:
    what arrived before is the answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=wait) as s:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                return answer
            if not chunk:
                return answer
            answer += chunk


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def same_as_cli(server: Server) -> None:
    for query, args in SAME_AS_CLI:
        def test(query=query, args=args):
            status, headers, body = server.get("/api/v1/" + query)
            assert status == 200, (status, body[:300])
            assert headers["Content-Type"] == "application/json; charset=utf-8"
            assert body.decode() == cli_json(args), query
        check(query, test)
    for query, scenario, args in COMPARE:
        def test(query=query, scenario=scenario, args=args):
            status, _, body = server.request("POST", "/api/v1/" + query,
                                             (SCENARIOS / scenario).read_bytes())
            assert status == 200, (status, body[:300])
            assert body.decode() == cli_json(["--scenario", str(SCENARIOS / scenario), *args])
        check("POST " + query, test)


def refusals(server: Server) -> None:
    for query, expected, args in REFUSED:
        def test(query=query, expected=expected, args=args):
            status, headers, body = server.get("/api/v1/" + query)
            assert status == expected, (query, status, body)
            assert headers["Content-Type"] == "application/json; charset=utf-8"
            error = error_of(body)
            run = cli([*args, "--format", "json"])
            assert run.returncode in (1, 2), run
            if run.returncode == 1:
                # Bad input: the CLI prints the same document.
                assert body.decode() == run.stdout, (body, run.stdout)
            else:
                # A usage error: the same message, the first line of standard error.
                assert "kyoso: " + error["message"] == run.stderr.splitlines()[0], \
                    (error["message"], run.stderr)
        check("refused " + query, test)
    for method, target, body, expected, words in REFUSED_HERE:
        def test(method=method, target=target, body=body, expected=expected, words=words):
            status, headers, answer = server.request(method, target, body)
            assert status == expected, (target, status, answer)
            assert words in error_of(answer)["message"], (words, answer)
            if status == 405:
                assert headers["Allow"] in ("GET", "POST")
        check(f"refused {method} {target}", test)


def pages_and_pictures(server: Server) -> None:
    def page():
        status, headers, body = server.get("/")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert b'<script src="/app.js"' in body
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        for asset, kind in (("/app.js", "text/javascript"), ("/app.css", "text/css")):
            status, headers, body = server.get(asset)
            assert status == 200 and headers["Content-Type"].startswith(kind) and body
        assert server.get("/nothing.html")[0] == 404
        assert server.request("POST", "/", b"")[0] == 405
    check("the page", page)

    def picture():
        query = "program=coi-next&mission=regional-revitalization&lang=ja"
        status, headers, body = server.get("/api/v1/explain.svg?" + query)
        assert status == 200 and headers["Content-Type"] == "image/svg+xml", (status, body[:200])
        dot = cli(["explain", "coi-next", "--mission", "regional-revitalization", "--format",
                   "dot"]).stdout
        svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True,
                             check=True).stdout
        assert body.decode() == svg
        assert "共創の場形成支援プログラム" in svg
        status, _, body = server.get("/api/v1/explain.svg?program=nothing")
        assert status == 404 and error_of(body)["id"] == "nothing"
    check("explain.svg is the DOT export drawn by dot", picture)

    def choices():
        status, _, body = server.get("/api/v1/choices")
        doc = json.loads(body)
        assert status == 200 and doc["schema"] == "kyoso.serve.choices/1"
        assert doc["max_runs"] == 1000
        for key in ("missions", "goals", "fields", "stages", "partners", "establishments",
                    "challenges", "programs"):
            assert doc[key], key
            for choice in doc[key]:
                shown = json.loads(cli_json(["show", choice["id"]]))["node"]
                assert shown["name"] == choice["name"], choice
    check("choices are the model's nodes", choices)


def limits(server: Server) -> None:
    def header_limit():
        answer = raw(server, b"GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + b"a" * 9000 + b"\r\n\r\n")
        assert status_of(answer) == 431, answer[:100]
        answer = raw(server, b"GET /api/v1/fit?mission=" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n")
        assert status_of(answer) == 431, answer[:100]
        # Just under the limit is read, and answered.
        status, _, _ = server.request("GET", "/api/v1/fit?mission=regional-revitalization",
                                      headers={"X-Long": "a" * 7000})
        assert status == 200
    check("request line and headers over 8 KiB: 431", header_limit)

    def body_limit():
        # Refused on its Content-Length, before a byte of it is read: the client is told at
        # once (sending the body first would race the server closing the connection).
        size = 1024 * 1024 + 1
        answer = raw(server, b"POST /api/v1/compare?query=fit HTTP/1.1\r\nHost: localhost\r\n"
                     b"Content-Length: " + str(size).encode() + b"\r\n\r\n")
        assert status_of(answer) == 413, answer[:100]
        # Exactly at the limit is read (and then refused as a scenario, not for its size).
        body = b"{" + b" " * (1024 * 1024 - 2) + b"}"
        status, _, text = server.request("POST", "/api/v1/compare?query=fit", body)
        assert status == 400 and "request body" in error_of(text)["message"], (status, text)
    check("a body over 1 MiB: 413", body_limit)

    def malformed():
        for junk in (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
                     b"GET / HTTP/9.9\r\n\r\n", b"GET\r\n\r\n",
                     b"POST /api/v1/compare HTTP/1.1\r\nContent-Length: x\r\n\r\n",
                     b"POST /api/v1/compare HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"):
            answer = raw(server, junk)
            assert answer == b"" or status_of(answer) == 400, (junk, answer[:100])
        assert server.get("/api/v1/choices")[0] == 200
    check("malformed requests: 400, and the server goes on", malformed)

    def random_requests():
        # Random bytes, and random bytes after a plausible start: each answered or dropped,
        # none taking the server down.
        rng = random.Random(1)
        starts = [b"", b"GET /api/v1/fit?", b"POST /api/v1/compare?query=fit HTTP/1.1\r\n",
                  b"GET / HTTP/1.1\r\nContent-Length: ", b"GET /api/v1/show?id="]
        for _ in range(300):
            junk = rng.choice(starts) + bytes(rng.randrange(256)
                                              for _ in range(rng.randrange(1, 200)))
            answer = raw(server, junk + b"\r\n\r\n", wait=5)
            assert answer == b"" or status_of(answer) in (200, 400, 404, 405, 413, 431), \
                (junk, answer[:100])
        assert server.get("/api/v1/choices")[0] == 200
    check("300 random requests: each answered or dropped, the server goes on", random_requests)

    def idle_timeout():
        # The server was started with --timeout 1: a client that sends half a request is
        # dropped, and does not hold its connection.
        started = time.monotonic()
        answer = raw(server, b"GET /api/v1/choices HTTP/1.1\r\nHost:", wait=10)
        assert answer == b"" and time.monotonic() - started < 5
    check("a request that does not arrive in time: the connection is closed", idle_timeout)

    def host_header():
        # On loopback, only requests for this machine: a page elsewhere whose name resolves to
        # 127.0.0.1 (DNS rebinding) is refused.
        for host, expected in (("evil.example", 403), ("evil.example:%d", 403),
                               ("127.0.0.1.evil.example", 403), ("localhost:%d", 200),
                               ("127.0.0.1:%d", 200), ("[::1]:%d", 200), ("localhost", 200),
                               ("localhost:x", 403)):
            host = host % server.port if "%d" in host else host
            answer = raw(server, b"GET /api/v1/choices HTTP/1.1\r\nHost: " + host.encode() +
                         b"\r\nConnection: close\r\n\r\n")
            assert status_of(answer) == expected, (host, answer[:100])
    check("Host names this machine, or 403", host_header)

    def keep_alive():
        request = b"GET /api/v1/show?id=coi-next HTTP/1.1\r\nHost: localhost\r\n\r\n"
        answer = raw(server, request * 3)
        assert answer.count(b"HTTP/1.1 200 OK") == 3, answer[:300]
    check("keep-alive: three requests on one connection", keep_alive)

    def concurrent():
        expected = {q: cli_json(args) for q, args in SAME_AS_CLI[:4] + SAME_AS_CLI[-3:]}
        queries = list(expected) * 12

        def ask(query):
            status, _, body = server.get("/api/v1/" + query)
            return query, status, body.decode()

        with ThreadPoolExecutor(16) as pool:
            for query, status, body in pool.map(ask, queries):
                assert status == 200 and body == expected[query], query
    check("16 connections at once get the CLI's answers", concurrent)

    def access_log():
        server.get("/api/v1/show?id=coi-next&lang=en")
        line = server.wait_for_log(r'"GET /api/v1/show\?id=coi-next&lang=en HTTP/1.1" 200 \d+ ')
        assert line.startswith("127.0.0.1:"), line
        server.get("/api/v1/show?id=%1b%5b31mred")
        line = server.wait_for_log(r"show\?id=%1b%5b31mred")
        assert "\x1b" not in "".join(server.log)
    check("one access-log line per request, on standard error", access_log)


DOC_EXAMPLE = re.compile(r"```http\n((?:(?!```).)*)```\n\n```json\n((?:(?!```).)*)```", re.S)
SHOWN_LINES = 40  # a longer answer is shown as its first 30 lines, "…", its last 3


def update_docs(server: Server) -> None:
    path = ROOT / "docs" / "serve.md"

    def answer(match: re.Match) -> str:
        head, _, body = match.group(1).partition("\n\n")
        method, target = head.split("\n")[0].split()[:2]
        _, _, text = server.request(method, target, body.encode() or None)
        lines = json.dumps(json.loads(text), ensure_ascii=False, indent=2).split("\n")
        if len(lines) > SHOWN_LINES:
            lines = lines[:30] + ["…"] + lines[-3:]
        return f"```http\n{match.group(1)}```\n\n```json\n" + "\n".join(lines) + "\n```"

    path.write_text(DOC_EXAMPLE.sub(answer, path.read_text()))


def documented_examples(server: Server) -> None:
    """Each ```http block of docs/serve.md followed by a ```json block: the request and its
    answer, shown in part where a line holds only `…`."""
    pairs = DOC_EXAMPLE.findall((ROOT / "docs" / "serve.md").read_text())
    assert len(pairs) >= 10, len(pairs)
    for request, expected in pairs:
        def test(request=request, expected=expected):
            head, _, body = request.partition("\n\n")
            method, target = head.split("\n")[0].split()[:2]
            status, _, answer = server.request(method, target, body.encode() or None)
            if expected.strip().startswith('{"error"') or '"kyoso.error/1"' in expected:
                assert status >= 400, status
            else:
                assert status == 200, (target, status, answer[:300])
            # The documented answer is the document spread over lines, maybe cut with "…".
            shown = json.dumps(json.loads(answer), ensure_ascii=False, indent=2)
            lines = [line for line in expected.rstrip("\n").split("\n")]
            if "…" not in [line.strip() for line in lines]:
                assert shown == "\n".join(lines), (target, shown[:400])
            else:
                actual = shown.split("\n")
                cut = [line.strip() for line in lines].index("…")
                head_lines, tail_lines = lines[:cut], lines[cut + 1:]
                assert actual[:len(head_lines)] == head_lines, (target, actual[:len(head_lines)])
                assert not tail_lines or actual[-len(tail_lines):] == tail_lines, target
        check("docs/serve.md: " + request.split("\n")[0], test)


def start_and_stop() -> None:
    def sigterm_and_sigint():
        for sig in (signal.SIGTERM, signal.SIGINT):
            with Server(KYOSO) as server:
                assert server.get("/api/v1/choices")[0] == 200
                server.process.send_signal(sig)
                assert server.process.wait(10) == 0
                server.exit_status = 0
                server.reader.join(5)
                assert server.log[-1] == "stopped", server.log
    check("SIGTERM and SIGINT stop the server, status 0", sigterm_and_sigint)

    def bad_command_lines():
        run = cli(["serve", "--host", "localhost:80"])
        assert run.returncode == 2 and "--host must be an IP address" in run.stderr, run.stderr
        run = cli(["serve", "--timeout", "0"])
        assert run.returncode == 2 and "--timeout" in run.stderr, run.stderr
        run = cli(["serve", "--format", "json"])
        assert run.returncode == 2 and "serve takes no --format" in run.stderr, run.stderr
        with Server(KYOSO) as server:
            run = cli(["serve", "--port", str(server.port)])
            assert run.returncode == 1 and f"cannot listen on 127.0.0.1:{server.port}" in \
                run.stderr, run.stderr
        run = cli(["serve", "--model", "/nonexistent/model.json"])
        assert run.returncode == 1 and "/nonexistent/model.json" in run.stderr, run.stderr
    check("bad command lines, a port in use, a missing model", bad_command_lines)

    def scenario_at_start():
        # Started with --scenario, fit answers on the scenario's model, as the CLI does.
        scenario = str(SCENARIOS / "jpeaks_third_round.json")
        with Server(KYOSO, "--scenario", scenario) as server:
            query = "fit?mission=distinctive-research&top=5"
            status, _, body = server.get("/api/v1/" + query)
            assert status == 200
            assert body.decode() == cli_json(["--scenario", scenario, "fit", "--mission",
                                              "distinctive-research", "--top", "5"])
    check("--scenario at start: the answers are the scenario's", scenario_at_start)


def main() -> int:
    if "--update-docs" in sys.argv:
        with Server(KYOSO) as server:
            update_docs(server)
        return 0
    with Server(KYOSO, "--timeout", "1") as server:
        same_as_cli(server)
        refusals(server)
        pages_and_pictures(server)
        limits(server)
        documented_examples(server)
        assert server.stop() == 0
    start_and_stop()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
