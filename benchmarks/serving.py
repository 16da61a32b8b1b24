"""`analyser serve` in a process of its own on a free loopback port: started, awaited until healthy, stopped.

One launcher for everything that talks to a real server: the browser tests, the hostile-input suite and
the API benchmark. It runs the entry point users run, with its connection timeouts, not bare uvicorn.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import REPO

SERVE = [sys.executable, "-c", "from analyser.cli import main; main()", "serve"]
STOP_SECONDS = 15


class ServerDidNotStart(RuntimeError):
    """The server exited, or did not answer /api/health in time; the message ends with its log."""


@dataclass(frozen=True)
class Served:
    """A running server: its base URL, its process, its log file and how long it took to answer."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path
    startup_seconds: float


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing is listening on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(
    log_dir: Path,
    env: Mapping[str, str] | None = None,
    source: Path | None = None,
    start_seconds: float = 120,
) -> Iterator[Served]:
    """Serve on a free port with `env` added to this environment; from the checkout `source` when given
    (to measure another version), else from this one. Stopped, and killed if need be, on leaving."""
    port = free_port()
    environment = {**os.environ, **(env or {})}
    if source is not None:
        environment["PYTHONPATH"] = str(source)
    log = log_dir / f"server-{port}.log"
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*SERVE, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=environment,
            cwd=source or REPO,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process, log, start_seconds)
        yield Served(url, process, log, time.monotonic() - started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerDidNotStart(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise ServerDidNotStart(f"the server did not answer within {seconds:.0f} s:\n{log.read_text()}")
