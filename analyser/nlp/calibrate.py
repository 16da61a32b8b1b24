"""Fit models/calibration.json: run the reader over labelled letters and count when each finding was right.

The letters are those `analyser train` learns from (samples/corpus, holdout and blind; never the
dev set). Both classifiers are trained on them, so read by the shipped model they would look
right far too often. The table is therefore cross-fitted by writer: the letters' files (one file,
one writer or round) are dealt into folds, a model is trained without each fold, and that fold's
letters are read with it. The attendance weighing (analyser/nlp/combine.py) is fitted on those same out-of-writer
readings and kept in the same file. Each finding's key says how it was reached (the rule path, whether the
classifier agreed, overruled or was overruled, the type score band). The calibration error that
counts is the one `analyser evaluate` measures on writers held out of training altogether.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from analyser.ingest import ingest_bytes
from analyser.nlp.combine import WEIGHTS_KEY, by_answer
from analyser.nlp.confidence import (
    FINDINGS,
    TABLE_PATH,
    Table,
    cross_validated_pairs,
    expected_calibration_error,
    fit,
    load_table,
)
from analyser.nlp.read import Reading, load_pipeline, read_with_keys
from analyser.nlp.stacking import Weights, fit_weights, load_weights
from analyser.nlp.train import load_corpus, train

FOLDS = 3

GOLD_KEYS = {
    "type": "letter_type",
    "attendance": "attendance",
    "sanction_language": "sanction_language",
    "esa_group_stated": "esa_group_stated",
}


Row = tuple[dict[str, str], dict[str, bool]]  # (calibration keys, was each finding right)


def labelled_rows(letters: list[dict[str, Any]]) -> list[tuple[Row, Reading, dict[str, Any]]]:
    """For every letter: its calibration row, the reading behind it, and its gold labels."""
    rows = []
    for gold in letters:
        document = ingest_bytes(gold["text"].encode("utf-8"), f"{gold['id']}.txt")
        reading = read_with_keys(document.pages)
        found = reading.letter.model_dump(mode="json")
        right = {f: found[f] == gold.get(GOLD_KEYS[f]) for f in FINDINGS}
        rows.append(((reading.keys, right), reading, gold))
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


def cross_fitted_rows(folders: list[Path], work: Path) -> tuple[list[Row], Weights]:
    """Rows for every letter, each read by a model trained without its writer's fold, and the
    attendance weighing fitted on those same out-of-writer readings.

    Two passes: the first collects what the rules and the classifier said (the weighing does not
    change that), the weighing is fitted and written, and the second reads again with it, so
    the table is fitted on the answers the shipped analyser gives."""
    folds = writer_folds(folders)
    held = []
    for number, fold in enumerate(folds):
        rest = [path for other in folds if other is not fold for path in other]
        train(_gather(rest, work / f"train{number}"), work / f"model{number}")
        held.append(load_corpus(_gather(fold, work / f"held{number}")))
    readings = []
    for number, letters in enumerate(held):
        load_pipeline(work / f"model{number}")
        readings += [(reading, gold) for _, reading, gold in labelled_rows(letters)]
    # Templated letters are read right almost always, by both sides: they would teach the weighings
    # to trust whichever side agrees with them, not how to settle a disagreement on real wording.
    weights = fit_weights(
        [(by_answer(r.votes), gold["attendance"]) for r, gold in readings if gold.get("source") != "template"]
    )
    _write({}, weights)
    rows = []
    for number, letters in enumerate(held):
        load_pipeline(work / f"model{number}")
        rows += [row for row, _, _ in labelled_rows(letters)]
    return rows, weights


def _write(table: Table, weights: Weights) -> None:
    TABLE_PATH.write_text(
        json.dumps({**table, WEIGHTS_KEY: weights}, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    load_table.cache_clear()
    load_weights.cache_clear()


def calibrate(folders: list[Path], model_dir: Path) -> dict[str, float | int]:
    """Fit the weighing and the table cross-fitted by writer (module doc), write both to
    models/calibration.json (ANALYSER_CALIBRATION), load the shipped model in `model_dir` again,
    and return the table's own cross-validated calibration error."""
    with tempfile.TemporaryDirectory() as work:
        rows, weights = cross_fitted_rows(folders, Path(work))
    load_pipeline(model_dir)
    _write(fit(rows), weights)
    pairs = cross_validated_pairs(rows)
    return {"letters": len(rows), "findings": len(pairs), "cv_ece": expected_calibration_error(pairs)}
