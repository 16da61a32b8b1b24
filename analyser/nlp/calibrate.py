"""Fit models/calibration.json: run the reader over labelled letters and count when each finding was right.

The letters are those `analyser train` learns from (samples/corpus, holdout and blind; never the
dev set). Both classifiers are trained on them, so read by the shipped model they would look
right far too often. The table is therefore cross-fitted by writer: the letters' files (one file,
one writer or round) are dealt into folds, a model is trained without each fold, and that fold's
letters are read with it. Each finding's key says how it was reached (the rule path, whether the
classifier agreed, overruled or was overruled, the type score band). The calibration error that
counts is the one `analyser evaluate` measures on writers held out of training altogether.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from analyser.ingest import ingest_bytes
from analyser.nlp.confidence import (
    FINDINGS,
    cross_validated_pairs,
    expected_calibration_error,
    fit,
    load_table,
)
from analyser.nlp.read import load_pipeline, read_with_keys
from analyser.nlp.train import load_corpus, train

FOLDS = 3

GOLD_KEYS = {
    "type": "letter_type",
    "attendance": "attendance",
    "sanction_language": "sanction_language",
    "esa_group_stated": "esa_group_stated",
}


def labelled_rows(
    letters: list[dict[str, Any]], type_too: bool
) -> list[tuple[dict[str, str], dict[str, bool]]]:
    """(calibration keys, was each finding right) for every letter."""
    rows = []
    for gold in letters:
        document = ingest_bytes(gold["text"].encode("utf-8"), f"{gold['id']}.txt")
        letter, keys = read_with_keys(document.pages)
        found = letter.model_dump(mode="json")
        right = {f: found[f] == gold.get(GOLD_KEYS[f]) for f in FINDINGS if type_too or f != "type"}
        rows.append((keys, right))
    return rows


def writer_folds(folders: list[Path], folds: int = FOLDS) -> list[list[Path]]:
    """The folders' letter files (one writer or round each) dealt into folds of about equal size."""
    files = sorted((path for folder in folders for path in folder.glob("*.jsonl")), key=lambda p: p.name)
    sizes: dict[Path, int] = {}
    for path in files:
        sizes[path] = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    dealt: list[list[Path]] = [[] for _ in range(folds)]
    for path in sorted(files, key=lambda p: (-sizes[p], p.name)):
        dealt[min(range(folds), key=lambda i: sum(sizes[p] for p in dealt[i]))].append(path)
    return dealt


def _gather(paths: list[Path], into: Path) -> Path:
    into.mkdir()
    for path in paths:
        (into / f"{path.parent.name}_{path.name}").write_bytes(path.read_bytes())
    return into


def cross_fitted_rows(folders: list[Path], work: Path) -> list[tuple[dict[str, str], dict[str, bool]]]:
    """Rows for every letter, each read by a model trained without its writer's fold."""
    rows = []
    folds = writer_folds(folders)
    for number, fold in enumerate(folds):
        rest = [path for other in folds if other is not fold for path in other]
        train(_gather(rest, work / f"train{number}"), work / f"model{number}")
        load_pipeline(work / f"model{number}")
        rows += labelled_rows(load_corpus(_gather(fold, work / f"held{number}")), type_too=True)
    return rows


def calibrate(folders: list[Path], out: Path, model_dir: Path) -> dict[str, float | int]:
    """Fit the table cross-fitted by writer (module doc), write it to `out`, load the shipped model
    in `model_dir` again, and return the table's own cross-validated calibration error."""
    with tempfile.TemporaryDirectory() as work:
        rows = cross_fitted_rows(folders, Path(work))
    load_pipeline(model_dir)
    out.write_text(json.dumps(fit(rows), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    load_table.cache_clear()
    pairs = cross_validated_pairs(rows)
    return {"letters": len(rows), "findings": len(pairs), "cv_ece": expected_calibration_error(pairs)}
