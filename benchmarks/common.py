"""Shared benchmark helpers: timing with medians and spread, corpus letters, rendered test files."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev" / "letters.jsonl"
CORPUS = REPO / "samples" / "corpus"


@dataclass
class Timing:
    """Seconds per call over repeated runs."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> float:
        return (max(self.runs) - min(self.runs)) if len(self.runs) > 1 else 0.0

    def __str__(self) -> str:
        return f"{self.median * 1000:.1f} ms (spread {self.spread * 1000:.1f} ms, n={len(self.runs)})"


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


def ratio(ours: Timing, theirs: Timing) -> float:
    return ours.median / theirs.median if theirs.median else float("inf")


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_letters() -> list[dict]:
    return [letter for path in sorted(CORPUS.glob("*.jsonl")) for letter in load_jsonl(path)]


def goal(value: float, target: float, *, at_most: bool) -> str:
    met = value <= target if at_most else value >= target
    return f"{'met' if met else 'MISSED'} (goal {'≤' if at_most else '≥'} {target:g})"
