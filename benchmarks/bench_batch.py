"""Batch figures: 1 vs 2 workers on scans, 500 letters with 10% bad files, resume after a kill, peak RSS per worker."""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from fpdf import FPDF

from samples.rendering import render_letter, text_pdf

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "samples" / "corpus"
ANALYSER = Path(sys.executable).parent / "analyser"
SCAN_KINDS = ("scan-pdf", "scan-png", "scan-jpeg", "scan-tiff")
BAD_KINDS = {
    "truncated.pdf": "CorruptFile",
    "encrypted.pdf": "EncryptedPdf",
    "empty.pdf": "CorruptFile",
    "word.docx": "UnsupportedFileType",
    "binary.txt": "UnsupportedFileType",
}


def corpus_texts() -> list[str]:
    return [
        json.loads(line)["text"]
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.open(encoding="utf-8")
    ]


@dataclass
class Run:
    """One CLI run: how long it took, how far it got, and the peak memory of each process under it."""

    pid: int
    seconds: float = 0.0
    cpu: dict[int, float] = field(default_factory=dict)  # pid -> user + system seconds, as last seen
    returncode: int = 0
    peak_kib: dict[int, int] = field(default_factory=dict)  # pid -> VmHWM
    workers: set[int] = field(default_factory=set)  # pids of the pool's worker processes

    @property
    def cpu_seconds(self) -> float:
        """CPU time of the whole process tree (sampled every 0.2 s, so a little under the truth)."""
        return sum(self.cpu.values())

    def worker_peaks_mib(self) -> list[float]:
        return sorted(round(self.peak_kib[pid] / 1024, 1) for pid in self.workers if pid in self.peak_kib)


def high_water_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def run_cli(args: list[str], kill_at_lines: tuple[Path, int] | None = None) -> Run:
    """Run `analyser batch …` as a subprocess, sampling its processes' peak RSS; optionally SIGKILL it midway."""
    # Other work on the machine skews timings: say how busy it was.
    print(f"  (load average before: {os.getloadavg()[0]:.2f})")
    started = time.monotonic()
    process = subprocess.Popen(
        [str(ANALYSER), "batch", *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    run = Run(process.pid)
    stop = threading.Event()

    def sample() -> None:
        parent = psutil.Process(process.pid)
        while not stop.is_set():
            try:
                children = parent.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            for member in [parent, *children]:
                if (kib := high_water_kib(member.pid)) is not None:
                    run.peak_kib[member.pid] = max(kib, run.peak_kib.get(member.pid, 0))
                try:
                    times = member.cpu_times()
                    run.cpu[member.pid] = times.user + times.system
                except psutil.Error:
                    pass
            # Workers are grandchildren (forked by the forkserver); the direct children are helpers.
            run.workers |= {
                c.pid for c in children if c.ppid() != process.pid and "resource_tracker" not in _cmd(c)
            }
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if kill_at_lines:
        out, lines = kill_at_lines
        while process.poll() is None and (not out.exists() or _count_lines(out) < lines):
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    process.wait()
    stop.set()
    sampler.join()
    run.seconds, run.returncode = time.monotonic() - started, process.returncode
    return run


def _cmd(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def _count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n")


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.endswith("}")]


def encrypted_pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica")
    pdf.multi_cell(0, 5, text[:300].encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def docx_like(index: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document>{index}</w:document>")
    return buffer.getvalue()


def bad_file(kind: str, index: int, text: str) -> bytes:
    """A broken file of one kind; all but the empty ones differ, as real broken files do."""
    if kind == "truncated.pdf":
        pdf = text_pdf(text)
        return pdf[: len(pdf) // 2]
    if kind == "encrypted.pdf":
        return encrypted_pdf(text)
    if kind == "empty.pdf":
        return b""
    if kind == "word.docx":
        return docx_like(index)
    return bytes([index % 256]) + bytes(range(256)) * 4  # binary.txt


def make_scans(folder: Path, texts: list[str], count: int) -> None:
    for index in range(count):
        render_letter(
            texts[index * 7 % len(texts)], folder / f"scan_{index:03d}", SCAN_KINDS[index % len(SCAN_KINDS)]
        )


def make_mixed(folder: Path, texts: list[str], count: int) -> dict[str, str]:
    """count letters, one in ten a bad file (the five kinds in turn), one good letter in ten a PDF; -> bad name: type."""
    bad: dict[str, str] = {}
    kinds = list(BAD_KINDS)
    for index in range(count):
        text = texts[index % len(texts)]
        if index % 10 == 9:
            kind = kinds[(index // 10) % len(kinds)]
            name = f"bad/{index:04d}_{kind}"
            (folder / "bad").mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(bad_file(kind, index, text))
            bad[name] = BAD_KINDS[kind]
        else:
            render_letter(
                text, folder / f"box_{index % 7}" / f"letter_{index:04d}", "pdf" if index % 10 == 4 else "txt"
            )
    return bad


def bench_workers(tmp: Path, texts: list[str], scans: int, rounds: int) -> list[float]:
    """1 worker against 2 on the same scans, `rounds` times in alternating order: other work on a
    shared machine comes and goes, and the median of several pairs is fairer than one pair."""
    folder = tmp / "scans"
    started = time.monotonic()
    make_scans(folder, texts, scans)
    print(f"rendered {scans} scanned letters in {time.monotonic() - started:.1f} s")
    speedups = []
    for round_number in range(rounds):
        runs = {}
        for workers in (1, 2) if round_number % 2 == 0 else (2, 1):
            out = tmp / f"scans_{workers}.jsonl"
            run = runs[workers] = run_cli([str(folder), "--out", str(out), "--workers", str(workers)])
            records = read_records(out)
            errors = [r["source"]["name"] for r in records if "error" in r]
            print(
                f"scans, {workers} worker(s): {len(records)} records ({len(errors)} errors) in {run.seconds:.1f} s"
                f" = {scans / run.seconds:.2f} letters/s, {run.cpu_seconds:.0f} CPU s;"
                f" worker peak RSS MiB {run.worker_peaks_mib()}"
            )
        speedups.append(runs[1].seconds / runs[2].seconds)
        print(f"round {round_number + 1}: speed-up 2 workers vs 1: {speedups[-1]:.2f}x")
    print(
        f"speed-up 2 workers vs 1: {statistics.median(speedups):.2f}x (median of {rounds} rounds:"
        f" {', '.join(f'{value:.2f}' for value in speedups)})"
    )
    return speedups


def bench_mixed(tmp: Path, texts: list[str], letters: int, workers: int) -> tuple[Path, dict[str, str]]:
    folder = tmp / "mixed"
    bad = make_mixed(folder, texts, letters)
    out = tmp / "mixed.jsonl"
    run = run_cli(
        [str(folder), "--out", str(out), "--workers", str(workers), "--report", str(tmp / "mixed.html")]
    )
    records = read_records(out)
    errors = {r["source"]["name"]: r["error"]["type"] for r in records if "error" in r}
    results = [r for r in records if "error" not in r]
    exact = errors == bad
    print(
        f"mixed: {letters} files ({len(bad)} bad) -> {len(results)} results + {len(errors)} error records"
        f" in {run.seconds:.1f} s = {letters / run.seconds:.1f} files/s ({run.cpu_seconds:.0f} CPU s), exit {run.returncode};"
        f" errors exactly the bad files with the expected types: {exact}"
    )
    if not exact:
        for name in sorted(set(errors) ^ set(bad)):
            print(f"  mismatch: {name}: got {errors.get(name)}, planted {bad.get(name)}")
    print(
        f"mixed: worker peak RSS MiB {run.worker_peaks_mib()}; parent {run.peak_kib.get(run.pid, 0) / 1024:.1f} MiB"
    )
    return folder, bad


def bench_resume(tmp: Path, folder: Path, letters: int, workers: int) -> None:
    out = tmp / "resume.jsonl"
    args = [str(folder), "--out", str(out), "--workers", str(workers)]
    killed = run_cli(args, kill_at_lines=(out, letters // 2))
    before = out.read_bytes()
    complete = before[: before.rfind(b"\n") + 1]
    kept = read_records(out)
    alive_now = [pid for pid in killed.workers if _alive(pid)]
    time.sleep(2.5)  # workers notice their parent is gone within a second or two
    alive_later = [pid for pid in killed.workers if _alive(pid)]
    resumed = run_cli([*args, "--resume"])
    records = read_records(out)
    names = [r["source"]["name"] for r in records]
    redone = len(records) - len(kept)
    print(
        f"resume: killed (SIGKILL) after {killed.seconds:.1f} s with {len(kept)} complete lines"
        f" (torn tail: {before != complete}); workers alive right after: {len(alive_now)}, 2.5 s later: {len(alive_later)}"
    )
    nothing_redone = redone == letters - len(kept) and len(set(names)) == len(names) == letters
    print(
        f"resume: --resume wrote {redone} more in {resumed.seconds:.1f} s -> {len(records)} records,"
        f" {len(set(names))} distinct names of {letters}; kept lines unchanged: {out.read_bytes().startswith(complete)};"
        f" re-did nothing finished: {nothing_redone}"
    )


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def main() -> None:
    """Print the batch figures; every number comes from a real run of the CLI on files made here."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=int, default=40)
    parser.add_argument("--letters", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="1-vs-2-worker pairs to take the median of")
    parser.add_argument("--only", choices=["scans", "mixed"], help="run one part (mixed includes the resume)")
    options = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    texts = corpus_texts()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if options.only in (None, "scans"):
            bench_workers(tmp, texts, options.scans, options.rounds)
        if options.only in (None, "mixed"):
            folder, _ = bench_mixed(tmp, texts, options.letters, options.workers)
            bench_resume(tmp, folder, options.letters, options.workers)


if __name__ == "__main__":
    main()
