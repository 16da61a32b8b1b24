"""`analyser evaluate` scores exactly as ../shared/eval/score.py does, on the same results."""

from __future__ import annotations

import importlib.util
import json
import os
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from analyser.evaluate import load_labels, score, trust
from analyser.result import ATTENDANCES, LETTER_TYPES

SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


def _shared_scorer() -> ModuleType:
    path = SHARED_EVAL / "score.py"
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI must check the scorer against the shared one")
        pytest.skip(f"{path} is not beside this checkout")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predictions(gold: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """A mix of right and wrong letter blocks, some missing, as an analyser might return."""
    rng = random.Random(seed)
    found = []
    for letter in gold:
        if rng.random() < 0.1:
            found.append({})
            continue
        appointment = letter.get("appointment") or {}
        found.append(
            {
                "type": letter["letter_type"] if rng.random() < 0.8 else rng.choice(LETTER_TYPES),
                "is_wfi_summons": letter["is_wfi_summons"]
                if rng.random() < 0.85
                else not letter["is_wfi_summons"],
                "attendance": letter["attendance"] if rng.random() < 0.75 else rng.choice(ATTENDANCES),
                "sanction_language": letter["sanction_language"]
                if rng.random() < 0.8
                else not letter["sanction_language"],
                "appointment": {"date": appointment.get("date") if rng.random() < 0.7 else "2020-01-01"},
            }
        )
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_scores_agree_with_the_shared_scorer(seed: int) -> None:
    shared = _shared_scorer()
    gold = load_labels(SHARED_EVAL / "dev" / "letters.jsonl")
    found = _predictions(gold, seed)
    results = [{"source": {"name": f"{g['id']}.pdf"}, "letter": f} for g, f in zip(gold, found, strict=True)]
    theirs, _ = shared.score(gold, json.loads(json.dumps(results)))
    ours = score(list(zip(gold, found, strict=True)))
    # The shared scorer's every metric, the same; ours adds the trust metrics (group, calibration).
    assert {key: ours[key] for key in theirs} == pytest.approx(theirs)
    assert 0 < ours["type_accuracy"] < 1 and ours["missing_or_error"] > 0  # the mix exercised both sides


def test_the_commit_rate_is_shown_beside_the_most_a_reader_always_right_could_reach() -> None:
    gold = [
        {"attendance": value, "esa_group_stated": None}
        for value in ("mandatory", "unclear", "none", "unclear")
    ]
    always_right = trust([(g, {"attendance": g["attendance"]}) for g in gold])
    assert always_right["commit_rate"] == always_right["commit_rate_if_always_right"] == 0.5
    assert always_right["commit_accuracy"] == 1.0
    # Answering "mandatory" to everything commits on every letter, right on one in four.
    bold = trust([(g, {"attendance": "mandatory"}) for g in gold])
    assert (bold["commit_rate"], bold["commit_accuracy"], bold["commit_rate_if_always_right"]) == (
        1.0,
        0.25,
        0.5,
    )
