"""A `kyoso serve` on a free loopback port for the tests of tests/serve/.

    with Server(kyoso) as server:
        server.get("/api/v1/fit?mission=…")  # (status, headers, body bytes)

The server picks the port (--port 0) and logs it; the log is kept in `server.log`. Leaving the
block sends SIGTERM and checks that the server stops by itself, with status 0.
"""

from __future__ import annotations

import http.client
import re
import subprocess
import threading
import time


class Server:
    def __init__(self, kyoso: str, *args: str) -> None:
        self.command = [kyoso, "serve", "--port", "0", *args]
        self.log: list[str] = []
        self.url = ""
        self.port = 0
        self.exit_status: int | None = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        started = threading.Event()

        def read_log() -> None:
            for line in self.process.stderr:
                self.log.append(line.rstrip("\n"))
                found = re.match(r"listening on (http://127\.0\.0\.1:(\d+))/", line)
                if found:
                    self.url, self.port = found.group(1), int(found.group(2))
                    started.set()
            started.set()

        self.reader = threading.Thread(target=read_log, daemon=True)
        self.reader.start()
        if not started.wait(20) or not self.url:
            self.process.kill()
            raise RuntimeError("kyoso serve did not start: " + "\n".join(self.log))
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> int:
        if self.exit_status is None:
            self.process.terminate()
            try:
                self.exit_status = self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise RuntimeError("kyoso serve did not stop within 15 s of SIGTERM")
            self.reader.join(5)
        return self.exit_status

    def request(self, method: str, target: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, target, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def get(self, target: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", target)

    def wait_for_log(self, pattern: str, seconds: float = 5) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for line in self.log:
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError(f"no log line matches {pattern!r}: {self.log}")
