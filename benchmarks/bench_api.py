"""Benchmark the HTTP API on loopback: mixed uploads at 20 at once vs analyse_file in process; prints figures.

Usage: .venv/bin/python -m benchmarks.bench_api [--requests 200] [--concurrency 20] [--workers N] [--deadline 900]

Starts `analyser serve` (benchmarks.serving) on a free 127.0.0.1 port, posts text letters, scanned letters and bad
uploads (empty, fake PDF, Word file, binary, one byte over the size limit) in a fixed mixed order, and reports:
status counts (the goal is zero 5xx), throughput against analyse_file run on the same files one after another
in this process (goal >= 0.8x), and the server's RSS at start, during and at the end (goal < 400 MB, flat).
Not a test: it prints figures and exits 0 unless it could not run or a 5xx was seen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from benchmarks.common import CORPUS, goal, load_jsonl
from benchmarks.serving import serving

LETTERS_PER_FILE = 1  # one letter from each handwritten corpus file: five kinds of letter
UPLOAD_LIMIT = 20_000_000  # the server's default, which the oversize upload passes by a byte
SITUATION = json.dumps({"benefit": "esa", "group": "support_group"})
MB = 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """One file the benchmark sends: its bytes, name and kind (text, scan or bad)."""

    path: Path
    kind: str

    @property
    def data(self) -> bytes:
        return self.path.read_bytes()


def make_uploads(folder: Path) -> list[Upload]:
    """Render corpus letters as text files, text PDFs and scans, and write the bad uploads."""
    from samples.rendering import render_letter

    uploads = []
    for corpus_file in sorted(CORPUS.glob("handwritten_*.jsonl")):
        for record in load_jsonl(corpus_file)[:LETTERS_PER_FILE]:
            stem = folder / record["id"]
            uploads.append(Upload(render_letter(record["text"], stem, "txt"), "text"))
            uploads.append(Upload(render_letter(record["text"], stem, "pdf"), "text"))
            scan = render_letter(record["text"], stem.with_name(f"{stem.name}-scan"), "scan-pdf")
            uploads.append(Upload(scan, "scan"))
    bad = {
        "empty.pdf": b"",
        "fake.pdf": b"%PDF-1.7\nnot really a PDF\n",
        "letter.docx": b"PK\x03\x04" + bytes(2000),
        "noise.bin": bytes(range(256)) * 40,
        "huge.txt": b"a" * (UPLOAD_LIMIT + 1),
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
        uploads.append(Upload(folder / name, "bad"))
    return uploads


def request_plan(uploads: list[Upload], total: int) -> list[Upload]:
    """A fixed interleaving of the uploads: every kind spread through the run, none bunched at the end."""
    return [uploads[(index * 7) % len(uploads)] for index in range(total)]


async def fire(base_url: str, plan: list[Upload], concurrency: int, deadline: float, server: psutil.Process):
    """Send the plan with at most `concurrency` requests in flight; the server's RSS every 50 replies, and its peak."""
    gate = asyncio.Semaphore(concurrency)
    statuses: Counter[str] = Counter()
    latencies: list[float] = []
    rss_timeline: list[tuple[int, float]] = []
    peak = [server.memory_info().rss / MB]
    done = 0
    payloads = {upload.path: upload.data for upload in set(plan)}

    async def one(client: httpx.AsyncClient, upload: Upload) -> None:
        nonlocal done
        async with gate:
            started = time.perf_counter()
            try:
                response = await client.post(
                    "/api/analyse",
                    files={"file": (upload.path.name, payloads[upload.path])},
                    data={"situation": SITUATION},
                )
                statuses[f"{upload.kind} {response.status_code}"] += 1
            except httpx.HTTPError as error:
                statuses[f"{upload.kind} {type(error).__name__}"] += 1
            latencies.append(time.perf_counter() - started)
            done += 1
            if done % 50 == 0:
                rss_timeline.append((done, server.memory_info().rss / MB))

    async def watch_memory() -> None:
        while True:
            peak[0] = max(peak[0], server.memory_info().rss / MB)
            await asyncio.sleep(0.25)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    watcher = asyncio.create_task(watch_memory())
    async with httpx.AsyncClient(base_url=base_url, timeout=300, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(one(client, upload) for upload in plan)), timeout=deadline)
        elapsed = time.perf_counter() - started
    watcher.cancel()
    return elapsed, statuses, sorted(latencies), rss_timeline, peak[0]


def in_process_seconds(plan: list[Upload], parallel: int) -> float:
    """analyse_file on the same files, `parallel` at a time (the server's own analysis parallelism),
    after one warm-up letter: like for like, so the ratio is the HTTP layer's cost, not parallelism."""
    from concurrent.futures import ThreadPoolExecutor

    from analyser import analyse_file
    from analyser.errors import AnalyserError
    from analyser.ingest.limits import Limits

    limits = Limits(max_bytes=UPLOAD_LIMIT)
    analyse_file(next(upload.path for upload in plan if upload.kind == "text"), json.loads(SITUATION))

    def one(upload: Upload) -> None:
        try:
            analyse_file(upload.path, json.loads(SITUATION), limits=limits)
        except AnalyserError:
            pass

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        list(pool.map(one, plan))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="Analysis threads, in the server and in process alike (default: the cores).",
    )
    parser.add_argument(
        "--deadline", type=float, default=900, help="Give up on the HTTP run after this many seconds."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-api-") as work:
        folder = Path(work)
        uploads = make_uploads(folder)
        plan = request_plan(uploads, args.requests)
        mix = Counter(upload.kind for upload in plan)
        print(
            f"plan: {args.requests} requests at {args.concurrency} at once: "
            + ", ".join(f"{count} {kind}" for kind, count in sorted(mix.items()))
        )

        workers = {"ANALYSER_WORKERS": str(args.workers)}
        with serving(folder, env=workers, start_seconds=180) as server:
            process = psutil.Process(server.process.pid)
            rss_start = process.memory_info().rss / MB
            elapsed, statuses, latencies, timeline, peak_rss = asyncio.run(
                fire(server.url, plan, args.concurrency, args.deadline, process)
            )
            rss_end = process.memory_info().rss / MB
        server_errors = sum(count for key, count in statuses.items() if key.split()[-1].startswith("5"))

        print(
            f"server: ready in {server.startup_seconds:.1f}s; {elapsed:.1f}s for {args.requests} requests "
            f"= {args.requests / elapsed:.2f} requests/s"
        )
        print("statuses: " + ", ".join(f"{key}: {count}" for key, count in sorted(statuses.items())))
        print(f"5xx: {server_errors} {goal(server_errors, 0, at_most=True)}")
        print(
            f"latency: median {latencies[len(latencies) // 2]:.2f}s, "
            f"p95 {latencies[int(len(latencies) * 0.95) - 1]:.2f}s, max {latencies[-1]:.2f}s"
        )
        samples = [f"start {rss_start:.0f} MB", *(f"after {n}: {rss:.0f} MB" for n, rss in timeline)]
        peak = max(peak_rss, rss_end)
        print(
            f"server RSS: {', '.join(samples)}, end {rss_end:.0f} MB; "
            f"peak {peak:.0f} MB {goal(peak, 400, at_most=True)}"
        )

        in_process = in_process_seconds(plan, args.workers)
        print(
            f"in process (analyse_file, {args.workers} at a time, the server's analysis threads):"
            f" {in_process:.1f}s = {args.requests / in_process:.2f} files/s"
        )
        speed = in_process / elapsed
        print(
            f"HTTP throughput / in-process throughput at equal parallelism ({args.workers}):"
            f" {speed:.2f}x {goal(speed, 0.8, at_most=False)}"
        )
    return 1 if server_errors else 0


if __name__ == "__main__":
    sys.exit(main())
