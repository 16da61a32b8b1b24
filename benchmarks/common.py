"""Shared benchmark helpers: timing with medians and spread, corpus letters, rendered test files."""

from __future__ import annotations

import gc
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev" / "letters.jsonl"
CORPUS = REPO / "samples" / "corpus"
# A text PDF takes ~50 ms to read: enough runs that a busy moment on a shared machine is outvoted.
TEXT_PDF_REPEAT = 31


@dataclass
class Timing:
    """Seconds per call over repeated runs."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def spread(self) -> float:
        return (max(self.runs) - min(self.runs)) if len(self.runs) > 1 else 0.0

    def __str__(self) -> str:
        return (
            f"{self.median * 1000:.1f} ms (best {self.best * 1000:.1f}, spread {self.spread * 1000:.1f} ms,"
            f" n={len(self.runs)})"
        )


def timed(call: Callable[[], object], repeat: int, warmup: int = 1) -> Timing:
    """Time a call `repeat` times after `warmup` untimed calls."""
    for _ in range(warmup):
        call()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        runs.append(time.perf_counter() - started)
    return Timing(runs)


def timed_pair(
    ours: Callable[[], object], theirs: Callable[[], object], repeat: int, warmup: int = 1
) -> tuple[Timing, Timing]:
    """Time two calls in alternation, so that load from elsewhere on a shared machine falls on
    both alike instead of on whichever happened to run during it.

    Garbage is collected before each run, untimed: pdfplumber's pages sit in reference cycles that
    only the cycle collector frees, and otherwise whichever call set it off paid for the other's.
    """
    for _ in range(warmup):
        ours()
        theirs()
    ours_runs, theirs_runs = [], []
    for _ in range(repeat):
        for call, runs in ((ours, ours_runs), (theirs, theirs_runs)):
            gc.collect()
            started = time.perf_counter()
            call()
            runs.append(time.perf_counter() - started)
    return Timing(ours_runs), Timing(theirs_runs)


def ratio(ours: Timing, theirs: Timing, statistic: str = "median") -> float:
    """ours / theirs by median, or by best run: for calls of a few tens of milliseconds on a shared
    machine, other processes only ever add time, so the best of many runs is the call's own cost."""
    mine, other = getattr(ours, statistic), getattr(theirs, statistic)
    return mine / other if other else float("inf")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_letters() -> list[dict]:
    return [letter for path in sorted(CORPUS.glob("*.jsonl")) for letter in load_jsonl(path)]


def training_letters() -> list[dict]:
    """Every letter `analyser train` learns from, so a trained baseline sees what the analyser saw."""
    from analyser.cli_dev import TRAINING_FOLDERS
    from analyser.nlp.train import load_corpus

    return load_corpus([REPO / folder for folder in TRAINING_FOLDERS])


def goal(value: float, target: float, *, at_most: bool) -> str:
    met = value <= target if at_most else value >= target
    return f"{'met' if met else 'MISSED'} (goal {'≤' if at_most else '≥'} {target:g})"
