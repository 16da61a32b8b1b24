"""Calibrated confidence for each finding: how often findings reached the same way were right.

Each finding is filed under a key saying how it was reached (the type classifier's score band,
the attendance rule that decided, whether a live threat was found, the stated group's strength).
`fit` counts, over labelled letters the findings are checked against, how often each key was
right; `confidence` turns those counts into a probability, shrunk toward the finding's overall
accuracy where a key has been seen only a few times. The table lives in models/calibration.json
and is refitted by `analyser train`; without it every finding gets its prior below.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from analyser.settings import Settings

FINDINGS = ("type", "attendance", "sanction_language", "esa_group_stated")
TABLE_PATH = Path(Settings.from_env().calibration)
CALIBRATION_BINS = 10
SHRINK = 3.0  # pseudo-letters of the finding's overall accuracy mixed into every key's count
_PRIOR = {"type": 0.9, "attendance": 0.9, "sanction_language": 0.95, "esa_group_stated": 0.95}

Table = dict[str, dict[str, list[int]]]  # finding -> key -> [right, seen]


def type_key(score: float) -> str:
    """The classifier's (rule-corrected) share of the winning type, in bands of 0.1."""
    return f"p{min(9, int(score * 10))}"


def attendance_key(path: str, type_score: float) -> str:
    """The attendance rule that decided, and whether the letter's type itself was sure."""
    return f"{path}|{'sure' if type_score >= 0.8 else 'unsure'}"


def sanction_key(found: bool, threats: int, negated: bool) -> str:
    """Whether a threat was found, how many live threat phrases, and whether one was negated."""
    return f"{'yes' if found else 'no'}|{min(threats, 2)}|{'neg' if negated else '-'}"


def group_key(group: str | None, strength: float, mentions_groups: bool) -> str:
    """The stated group and its strength; for none, whether the letter names groups at all."""
    if group is None:
        return f"none|{'mentions' if mentions_groups else 'silent'}"
    return f"{group}|{round(strength, 1)}"


def confidence(keys: dict[str, str], table: Table | None = None) -> dict[str, float]:
    """A probability for each finding from its key's record (see module doc)."""
    table = load_table() if table is None else table
    found = {}
    for finding, key in keys.items():
        records = table.get(finding, {})
        right = sum(r for r, _ in records.values())
        seen = sum(n for _, n in records.values())
        prior = right / seen if seen else _PRIOR[finding]
        r, n = records.get(key, [0, 0])
        found[finding] = round((r + SHRINK * prior) / (n + SHRINK), 3)
    return found


@lru_cache(maxsize=1)
def load_table() -> Table:
    """The fitted table, or an empty one (priors only) when none has been fitted."""
    if TABLE_PATH.exists():
        found = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
        # The file also keeps the attendance weighing's weights (analyser/nlp/combine.py).
        table: Table = {finding: found[finding] for finding in FINDINGS if finding in found}
        return table
    return {}


def fit(rows: Iterable[tuple[dict[str, str], dict[str, bool]]]) -> Table:
    """Count, per finding and key, how often the finding was right: rows of (keys, right)."""
    table: Table = {finding: {} for finding in FINDINGS}
    for keys, right in rows:
        for finding, key in keys.items():
            if finding in right:
                record = table[finding].setdefault(key, [0, 0])
                record[0] += int(right[finding])
                record[1] += 1
    return table


def cross_validated_pairs(
    rows: list[tuple[dict[str, str], dict[str, bool]]], folds: int = 5, seed: int = 13
) -> list[tuple[float, bool]]:
    """(confidence, right) for every finding, each scored by a table fitted without its letter's fold."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    pairs: list[tuple[float, bool]] = []
    for fold in range(folds):
        held = {i for n, i in enumerate(order) if n % folds == fold}
        table = fit(row for i, row in enumerate(rows) if i not in held)
        for i in held:
            keys, right = rows[i]
            stated = confidence(keys, table)
            pairs.extend((stated[f], right[f]) for f in keys if f in right)
    return pairs


def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = CALIBRATION_BINS) -> float:
    """Expected calibration error: |mean confidence - accuracy| per equal-width bin, weighted by
    the bin's share of findings. 0.0 when there are no confidences to judge."""
    if not pairs:
        return 0.0
    filled: dict[int, list[tuple[float, bool]]] = {}
    for confidence, right in pairs:
        filled.setdefault(min(bins - 1, int(confidence * bins)), []).append((confidence, right))
    return sum(
        len(members)
        / len(pairs)
        * abs(sum(c for c, _ in members) / len(members) - sum(r for _, r in members) / len(members))
        for members in filled.values()
    )
