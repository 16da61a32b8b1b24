"""The whole pipeline at scale: N mixed letters through `analyser batch` with 1 and 2 workers and a
Dask LocalCluster of 2 workers; letters/s, CPU-s per letter, peak RSS per worker, and growth 100 -> N.

Usage: .venv/bin/python -m benchmarks.bench_scale [--letters 1000] [--small 100]

The mix: text PDFs, scanned letters (PDF, PNG, JPEG, TIFF in turn) and phone-photo JPEGs, every
letter a different corpus letter so that no file is a duplicate of another. Each configuration runs
the same folder with a fresh output; 'linear' compares seconds per letter at `--small` and at N
letters (2 workers, the first `--small` files of the same mix).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil

from benchmarks.bench_batch import Run, high_water_kib, read_records, run_cli
from benchmarks.common import REPO, load_jsonl
from samples.rendering import render_letter

SHARES = (("pdf", 0.80), ("scan", 0.15), ("photo", 0.05))


def _texts(count: int) -> list[str]:
    letters = [
        record["text"]
        for folder in (REPO / "samples" / "corpus", REPO / "samples" / "holdout")
        for path in sorted(folder.glob("*.jsonl"))
        for record in load_jsonl(path)
    ]
    if len(letters) < count:
        raise SystemExit(f"only {len(letters)} distinct letters for {count} files")
    # A seeded shuffle, so that the first `--small` files are a fair sample of the whole mix: the corpus
    # files differ in length (later writers sent many texts and fragments), and taking them in file
    # order made a prefix costlier per letter than the whole, which is not what 'linear' asks.
    random.Random(1000).shuffle(letters)
    return letters[:count]


def _photo(text: str, stem: Path, seed: int) -> Path:
    """A phone photo of the letter's first page, from the samples' seeded photo generator."""
    from samples.photo import jpeg_bytes, page_images, photograph

    rng = random.Random(f"scale:{seed}")
    path = stem.with_suffix(".jpg")
    path.write_bytes(jpeg_bytes(photograph(page_images(text)[0], rng), rng))
    return path


def make_folder(folder: Path, count: int) -> dict[str, int]:
    kinds: dict[str, int] = {}
    scan_kinds = ("scan-pdf", "scan-png", "scan-jpeg", "scan-tiff")
    for index, text in enumerate(_texts(count)):
        fraction = (index * 0.6180339887) % 1.0  # spreads the kinds evenly through the folder
        kind = "pdf" if fraction < SHARES[0][1] else "scan" if fraction < 1 - SHARES[2][1] else "photo"
        stem = folder / f"letter_{index:04d}"
        if kind == "pdf":
            render_letter(text, stem, "pdf")
        elif kind == "scan":
            render_letter(text, stem, scan_kinds[index % 4], seed=index)
        else:
            _photo(text, stem, index)
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def _dask_cluster(workers: int):
    from dask.distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def _dask_worker_peaks(cluster) -> tuple[list[float], float]:
    peaks, cpu = [], 0.0
    for worker in cluster.workers.values():
        pid = worker.process.process.pid
        if (kib := high_water_kib(pid)) is not None:
            peaks.append(round(kib / 1024, 1))
        try:
            times = psutil.Process(pid).cpu_times()
            cpu += times.user + times.system
        except psutil.Error:
            pass
    return sorted(peaks), cpu


def one_run(folder: Path, out: Path, label: str, count: int, extra: list[str]) -> Run:
    out.unlink(missing_ok=True)
    run = run_cli([str(folder), "--out", str(out), *extra])
    records = read_records(out)
    errors = sum(1 for record in records if "error" in record)
    print(
        f"{label}: {count} letters, {len(records)} records ({errors} errors) in {run.seconds:.1f} s"
        f" = {count / run.seconds:.2f} letters/s; {run.cpu_seconds / count:.3f} CPU-s per letter;"
        f" worker peak RSS MiB {run.worker_peaks_mib()}"
    )
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as name:
        tmp = Path(name)
        folder = tmp / "letters"
        started = time.monotonic()
        kinds = make_folder(folder, options.letters)
        print(f"rendered {options.letters} letters {kinds} in {time.monotonic() - started:.0f} s")
        middle = (options.small + options.letters) // 2
        subsets = {}
        for size in (options.small, middle):
            subsets[size] = tmp / f"first_{size}"
            subsets[size].mkdir()
            for path in sorted(folder.iterdir())[:size]:
                shutil.copy(path, subsets[size] / path.name)
        runs = {}
        for workers in (1, 2):
            runs[workers] = one_run(
                folder,
                tmp / f"w{workers}.jsonl",
                f"batch, {workers} worker(s)",
                options.letters,
                ["--workers", str(workers)],
            )
        cluster = _dask_cluster(2)
        try:
            dask_run = one_run(
                folder,
                tmp / "dask.jsonl",
                "batch --dask LocalCluster(2 workers, 1 thread each)",
                options.letters,
                ["--dask", cluster.scheduler_address],
            )
            peaks, cpu = _dask_worker_peaks(cluster)
            print(
                f"  dask workers: peak RSS MiB {peaks}; worker CPU-s per letter {cpu / options.letters:.3f}"
            )
        finally:
            cluster.close()
        sized = {
            size: one_run(where, tmp / f"first_{size}.jsonl", "batch, 2 worker(s)", size, ["--workers", "2"])
            for size, where in subsets.items()
        }
        speedup = runs[1].seconds / runs[2].seconds
        dask_speedup = runs[1].seconds / dask_run.seconds
        # Linear: the middle run's time on the straight line through the smallest and the largest
        # (start-up is the line's intercept, so it does not count against linearity).
        t_small, t_mid, t_large = sized[options.small].seconds, sized[middle].seconds, runs[2].seconds
        slope = (t_large - t_small) / (options.letters - options.small)
        expected = t_small + slope * (middle - options.small)
        growth = t_mid / expected
        print(f"2 workers vs 1: {speedup:.2f}x {'met' if speedup >= 1.8 else 'MISSED'} (goal >= 1.8)")
        print(
            f"Dask 2 workers vs 1 worker: {dask_speedup:.2f}x {'met' if dask_speedup >= 1.7 else 'MISSED'} (goal >= 1.7)"
        )
        print(
            f"time at {options.small} / {middle} / {options.letters} letters: {t_small:.1f} / {t_mid:.1f} /"
            f" {t_large:.1f} s; {slope:.3f} s per extra letter; {middle} letters took {growth:.2f}x the"
            f" straight line's {expected:.1f} s {'met' if abs(growth - 1) <= 0.10 else 'MISSED'}"
            " (goal: linear within 10%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
