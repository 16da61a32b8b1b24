"""Fit models/calibration.json: run the reader over labelled letters and count when each finding was right.

The letters are samples/corpus plus samples/holdout (never the dev set). The type classifier is
trained on the corpus, so its scores there are optimistic: type confidence is counted on the
held-out letters only. Every other finding comes from rules, which no letter trains, and is
counted on all of them. The expected calibration error is measured by 5-fold cross-validation.
"""

from __future__ import annotations

import json
from pathlib import Path

from analyser.ingest import ingest_bytes
from analyser.nlp.confidence import (
    FINDINGS,
    cross_validated_pairs,
    expected_calibration_error,
    fit,
    load_table,
)
from analyser.nlp.read import read_with_keys
from analyser.nlp.train import load_corpus

GOLD_KEYS = {
    "type": "letter_type",
    "attendance": "attendance",
    "sanction_language": "sanction_language",
    "esa_group_stated": "esa_group_stated",
}


def labelled_rows(letters: list[dict], type_too: bool) -> list[tuple[dict[str, str], dict[str, bool]]]:
    """(calibration keys, was each finding right) for every letter."""
    rows = []
    for gold in letters:
        document = ingest_bytes(gold["text"].encode("utf-8"), f"{gold['id']}.txt")
        letter, keys = read_with_keys(document.pages)
        found = letter.model_dump(mode="json")
        right = {f: found[f] == gold.get(GOLD_KEYS[f]) for f in FINDINGS if type_too or f != "type"}
        rows.append((keys, right))
    return rows


def calibrate(corpus_dir: Path, holdout_dir: Path, out: Path) -> dict[str, float | int]:
    """Fit the table, write it to `out`, and return its cross-validated calibration error."""
    rows = labelled_rows(load_corpus(corpus_dir), type_too=False)
    rows += labelled_rows(load_corpus(holdout_dir), type_too=True)
    out.write_text(json.dumps(fit(rows), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    load_table.cache_clear()
    pairs = cross_validated_pairs(rows)
    return {"letters": len(rows), "findings": len(pairs), "cv_ece": expected_calibration_error(pairs)}
