"""Hostile and odd input against a real server: typed 4xx, no tracebacks, bounded time and memory, no starving.

Every input is generated (hostile_inputs.py). The server runs as `analyser serve` with short limits
(hostile_server.ENV) so heavy cases end quickly; the bounds below are what each case may cost.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from hostile_files import noise_png
from hostile_inputs import CASES, LETTER, Case
from hostile_server import ENV, Outcome, Server, run_case, running_server

# Bounds, measured on a 2-core machine with margin: a heavy case ends by the deadline (5 s) plus the
# kill grace (2 s) plus slack; a light one is refused at once. Memory: the biggest worker's peak.
HEAVY_SECONDS = 20.0
LIGHT_SECONDS = 5.0
WORKER_PEAK_MB = 1500.0
# A worker past 350 MB after a letter is replaced (ServerConfig.max_worker_rss_mb): none stays big.
WORKER_RECYCLED_MB = 400.0
NORMAL_LETTER_SECONDS = 15.0
CPU_STOPS_SECONDS = 30.0
HEAD_SECONDS = float(ENV["ANALYSER_HEAD_SECONDS"])
BODY_IDLE_SECONDS = float(ENV["ANALYSER_BODY_IDLE_SECONDS"])

pytestmark = pytest.mark.slow
statuses: list[int | None] = []


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("hostile")) as running:
        yield running


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_hostile_input_gets_its_typed_answer_within_bounds(server: Server, case: Case) -> None:
    outcome: Outcome = run_case(server, case)
    statuses.append(outcome.status)
    assert outcome.status in case.statuses, outcome
    if case.error_type:
        allowed = (case.error_type,) if isinstance(case.error_type, str) else case.error_type
        assert outcome.error_type in allowed, outcome
    assert outcome.seconds < (HEAVY_SECONDS if case.heavy else LIGHT_SECONDS), outcome
    assert outcome.peak_worker_mb < WORKER_PEAK_MB, outcome


def _closed_within(sock: socket.socket, seconds: float) -> bytes | None:
    """What the server sent before closing, or None if it kept the connection open past `seconds`."""
    sock.settimeout(seconds)
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except TimeoutError:
        return None
    return received


def test_idle_and_slow_connections_are_closed(server: Server) -> None:
    host, port = server.url.removeprefix("http://").split(":")
    # All three at once: each is closed by its own timer, so the test waits for the longest only.
    idle, slow_head, stalled = (socket.create_connection((host, int(port))) for _ in range(3))
    slow_head.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
    head = b"POST /api/analyse HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\n"
    stalled.sendall(head + b"Content-Length: 100000\r\n\r\n--x\r\n")
    started = time.monotonic()
    with idle, slow_head, stalled:
        assert _closed_within(idle, HEAD_SECONDS + 3) == b""
        assert _closed_within(slow_head, HEAD_SECONDS + 3) == b""
        answer = _closed_within(stalled, BODY_IDLE_SECONDS + 5)
        assert answer is not None and answer.startswith(b"HTTP/1.1 408"), answer
        assert b"SlowUpload" in answer
    assert time.monotonic() - started < max(HEAD_SECONDS, BODY_IDLE_SECONDS) + 8


def test_a_normal_letter_is_answered_while_hostile_ones_run(server: Server) -> None:
    noise = noise_png(4000, 4000)
    results: list[int] = []

    def hostile() -> None:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            results.append(http.post("/api/analyse", files={"file": ("n.png", noise)}).status_code)

    attackers = [threading.Thread(target=hostile) for _ in range(2)]
    for attacker in attackers:
        attacker.start()
    time.sleep(1.5)  # both are being read
    started = time.perf_counter()
    with httpx.Client(base_url=server.url, timeout=60) as http:
        normal = http.post("/api/analyse", files={"file": ("letter.txt", LETTER.encode())})
    waited = time.perf_counter() - started
    for attacker in attackers:
        attacker.join()
    statuses.extend([normal.status_code, *results])
    print(f"normal letter answered in {waited:.2f} s with 2 hostile letters in flight")
    assert normal.status_code == 200 and normal.json()["letter"]["is_wfi_summons"] is True
    assert waited < NORMAL_LETTER_SECONDS, waited
    assert results == [422, 422]


def test_the_cpu_stops_soon_after_the_client_gives_up(server: Server) -> None:
    with httpx.Client(base_url=server.url, timeout=1.5) as http, pytest.raises(httpx.TimeoutException):
        http.post("/api/analyse", files={"file": ("n.png", noise_png(4000, 4000))})
    gave_up = time.monotonic()
    before = server.cpu_seconds()
    while time.monotonic() - gave_up < CPU_STOPS_SECONDS:
        time.sleep(0.5)
        now = server.cpu_seconds()
        if now - before < 0.05:  # under 10% of a core over the last half second: nothing is being read
            break
        before = now
    print(f"server CPU idle {time.monotonic() - gave_up:.2f} s after the client gave up")
    assert time.monotonic() - gave_up < CPU_STOPS_SECONDS


def test_no_5xx_no_traceback_and_the_memory_came_back(server: Server) -> None:
    # Runs last in this module: everything above has been sent by now.
    time.sleep(2)  # replacements of recycled workers finish starting
    _, biggest_worker = server.rss_mb()
    assert biggest_worker < WORKER_RECYCLED_MB, biggest_worker
    assert statuses and not [status for status in statuses if status is None or status >= 500], statuses
    log = server.log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log and "Exception in ASGI" not in log, log[-3000:]
    assert "LETTER" not in log and "You must attend" not in log
