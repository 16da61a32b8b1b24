"""Score the analyser against gold-labelled letters, with the metrics of ../shared/eval/score.py."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from analyser.nlp.confidence import expected_calibration_error
from analyser.result import LETTER_TYPES

METRIC_NAMES = (
    "type_accuracy",
    "type_macro_f1",
    "wfi_f1",
    "attendance_accuracy",
    "mandatory_f1",
    "sanction_f1",
    "appointment_date_accuracy",
)
# The findings letter.confidence speaks for, and the gold key each is checked against.
CONFIDENCE_KEYS = {
    "type": "letter_type",
    "attendance": "attendance",
    "sanction_language": "sanction_language",
    "esa_group_stated": "esa_group_stated",
}
SWAPPED = {("support_group", "wrag"), ("wrag", "support_group")}


def load_labels(path: Path) -> list[dict[str, Any]]:
    """Gold letters, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def f1(pairs: list[tuple[object, object]], positive: object) -> float:
    """F1 of `positive` over (gold, predicted) pairs; 1.0 when there is nothing to find or to miss."""
    tp = sum(1 for g, p in pairs if g == positive and p == positive)
    fp = sum(1 for g, p in pairs if g != positive and p == positive)
    fn = sum(1 for g, p in pairs if g == positive and p != positive)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _accuracy(pairs: list[tuple[object, object]]) -> float:
    return sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0


def score(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, float | int]:
    """The reference scorer's metrics over (gold, predicted letter block) pairs."""
    types = [(g["letter_type"], p.get("type")) for g, p in rows]
    present = {g for g, _ in types}
    dated = [
        ((g.get("appointment") or {}).get("date"), (p.get("appointment") or {}).get("date"))
        for g, p in rows
        if (g.get("appointment") or {}).get("date")
    ]
    return {
        "letters": len(rows),
        "missing_or_error": sum(1 for _, p in rows if not p),
        "type_accuracy": _accuracy(types),
        "type_macro_f1": sum(f1(types, t) for t in LETTER_TYPES if t in present) / max(1, len(present)),
        "wfi_f1": f1([(g["is_wfi_summons"], p.get("is_wfi_summons")) for g, p in rows], True),
        "attendance_accuracy": _accuracy([(g["attendance"], p.get("attendance")) for g, p in rows]),
        "mandatory_f1": f1([(g["attendance"], p.get("attendance")) for g, p in rows], "mandatory"),
        "sanction_f1": f1([(g["sanction_language"], p.get("sanction_language")) for g, p in rows], True),
        "appointment_date_accuracy": _accuracy(dated),
        **trust(rows),
    }


def trust(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, float | int]:
    """The stated group (with support group <-> WRAG swaps), calibration and abstention."""
    groups = [(g.get("esa_group_stated"), p.get("esa_group_stated")) for g, p in rows]
    attendance = [(g["attendance"], p.get("attendance")) for g, p in rows]
    committed = [(g, p) for g, p in attendance if p != "unclear"]
    return {
        "group_accuracy": _accuracy(groups),
        "group_swaps": sum(1 for pair in groups if pair in SWAPPED),
        "calibration_error": expected_calibration_error(confidence_pairs(rows)),
        "commit_rate": len(committed) / len(attendance) if attendance else 0.0,
        "commit_accuracy": _accuracy(committed),
        # "unclear" is also a right answer: a letter that books a meeting and says nothing of whether
        # it is compulsory. A reader that is always right commits on every other letter, and no more.
        "commit_rate_if_always_right": (
            sum(1 for g, _ in attendance if g != "unclear") / len(attendance) if attendance else 0.0
        ),
    }


def confidence_pairs(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[tuple[float, bool]]:
    """(stated confidence, was the finding right) for every finding letter.confidence speaks for."""
    pairs = []
    for gold, found in rows:
        stated = found.get("confidence") or {}
        for key, gold_key in CONFIDENCE_KEYS.items():
            if key in stated:
                pairs.append((float(stated[key]), found.get(key) == gold.get(gold_key)))
    return pairs


def misses(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[str]:
    """One line per letter whose type, attendance or sanction language is wrong."""
    lines = []
    for gold, found in rows:
        want = (
            gold["letter_type"],
            gold["attendance"],
            gold["sanction_language"],
            gold.get("esa_group_stated"),
        )
        got = (
            found.get("type"),
            found.get("attendance"),
            found.get("sanction_language"),
            found.get("esa_group_stated"),
        )
        if want != got:
            lines.append(f"miss {gold['id']}: gold {list(want)} got {list(got)}")
    return lines


def scan_renderer_available() -> bool:
    """Whether the repository's samples/rendering.py (a development tool, not shipped) can be imported.

    Scans are rendered by it, so scoring scans runs from a checkout: its root is tried as well."""
    import importlib
    import sys

    for attempt in range(2):
        try:
            importlib.import_module("samples.rendering")
            return True
        except ImportError:
            if attempt == 0 and (Path.cwd() / "samples" / "rendering.py").is_file():
                sys.path.insert(0, str(Path.cwd()))  # worker processes inherit it
    return False


def _analyse_one(job: tuple[dict[str, Any], str, str]) -> dict[str, Any]:
    from analyser import analyse_file, analyse_text
    from analyser.errors import AnalyserError

    gold, mode, work = job
    try:
        if mode == "text":
            return analyse_text(gold["text"], name=f"{gold['id']}.txt").letter.model_dump(mode="json")
        from samples.rendering import render_letter

        path = render_letter(gold["text"], Path(work) / gold["id"], "scan-pdf", seed=7)
        try:
            return analyse_file(path).letter.model_dump(mode="json")
        finally:
            path.unlink(missing_ok=True)
    except AnalyserError:
        return {}


def run(
    labels: list[dict[str, Any]], mode: str, workers: int = 1
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Analyse every gold letter as text or as a rendered degraded scan."""
    with tempfile.TemporaryDirectory() as work:
        jobs = [(gold, mode, work) for gold in labels]
        if workers > 1:
            with ProcessPoolExecutor(workers) as pool:
                found = list(pool.map(_analyse_one, jobs, chunksize=2))
        else:
            found = [_analyse_one(job) for job in jobs]
    return list(zip(labels, found, strict=True))


SUBSETS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "hand-written": lambda g: g.get("source", "handwritten") != "template",
    "templated": lambda g: g.get("source") == "template",
    "hard": lambda g: bool(g.get("hard")),
    "not hard": lambda g: not g.get("hard"),
}


def report(rows: list[tuple[dict[str, Any], dict[str, Any]]], title: str) -> Iterable[str]:
    """Printable lines: the overall metrics, then each non-empty subset."""
    yield f"== {title}"
    for key, value in score(rows).items():
        yield f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}"
    for name, keep in SUBSETS.items():
        subset = [row for row in rows if keep(row[0])]
        if subset and len(subset) != len(rows):
            metrics = score(subset)
            summary = "  ".join(
                f"{k.split('_')[0]}={metrics[k]:.2f}" for k in METRIC_NAMES if k != "type_macro_f1"
            )
            yield f"  {name:13} n={len(subset):3}  {summary}"
