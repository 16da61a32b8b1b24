"""A real server (`analyser serve`) on a free port for the hostile suite, and the clock and memory meter around each case."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
from hostile_inputs import Case

from benchmarks.serving import Served, serving

START_SECONDS = 90
# Short limits so the heavy cases finish quickly in CI; production defaults are larger (Limits, guard, server).
ENV = {
    "ANALYSER_MAX_SECONDS": "5",
    "ANALYSER_WORKERS": "3",
    "ANALYSER_HEAD_SECONDS": "3",
    "ANALYSER_BODY_IDLE_SECONDS": "3",
}


@dataclass(frozen=True)
class Server(Served):
    """A running server (see benchmarks.serving), metered: its processes' memory and CPU time."""

    def tree(self) -> list[psutil.Process]:
        parent = psutil.Process(self.process.pid)
        return [parent, *parent.children(recursive=True)]

    def rss_mb(self) -> tuple[float, float]:
        """The whole server's resident memory, and its biggest worker's, in MB."""
        sizes = []
        for process in self.tree():
            try:
                sizes.append(process.memory_info().rss / 2**20)
            except psutil.Error:
                continue
        return sum(sizes), max(sizes[1:], default=0.0)

    def cpu_seconds(self) -> float:
        total = 0.0
        for process in self.tree():
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.Error:
                continue
        return total


@contextmanager
def running_server(log_dir: Path, source: Path | None = None) -> Iterator[Server]:
    """`analyser serve` in its own process (from `source` when given, to measure an older version)."""
    with serving(log_dir, env=ENV, source=source, start_seconds=START_SECONDS) as served:
        yield Server(served.url, served.process, served.log, served.startup_seconds)


@dataclass
class Outcome:
    status: int | None
    error_type: str | None
    seconds: float
    peak_total_mb: float
    peak_worker_mb: float


def run_case(server: Server, case: Case, timeout: float = 120.0) -> Outcome:
    """Send one case, timing it and sampling the server's memory every 50 ms meanwhile."""
    peaks = [0.0, 0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, worker = server.rss_mb()
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], worker)
            time.sleep(0.05)

    with httpx.Client(base_url=server.url, timeout=timeout) as http:
        request = case.build(http)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        try:
            response = http.request(**request)
            status, error_type = response.status_code, _error_type(response)
        except httpx.HTTPError:
            status, error_type = None, None
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    return Outcome(status, error_type, seconds, peaks[0], peaks[1])


def _error_type(response: httpx.Response) -> str | None:
    if not response.headers.get("content-type", "").startswith("application/json"):
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    return body.get("error", {}).get("type") if isinstance(body, dict) and "error" in body else None
