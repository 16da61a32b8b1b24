"""Leave writers out: train on every labelled file but the held-out writers', score those writers' letters.

Usage: .venv/bin/python -m benchmarks.held_out [--hold writers_t1.jsonl ...] [--workers 2]

A random split of letters flatters a model (one writer's habits on both sides), so whole files,
one writer or one blind round each, are held out. `analyser train` rebuilds the pipeline and the
calibration table from the rest into a temporary folder, and `analyser evaluate` scores each held
file with them, as a new user would meet that writer. Prints one markdown row per held file, and one for them all together.
The shipped model is untouched. Takes about four minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import REPO

FOLDERS = ("samples/corpus", "samples/holdout", "samples/blind", "samples/sentences")
DEFAULT_HOLD = (
    "round4_A_legacy_era.jsonl",
    "round4_B_uc_era.jsonl",
    "round4_F_fragments.jsonl",
    "writers_t1.jsonl",
)
SHOWN = (
    "attendance_accuracy",
    "wfi_f1",
    "mandatory_f1",
    "sanction_f1",
    "type_accuracy",
    "group_accuracy",
    "group_swaps",
    "calibration_error",
    "commit_rate",
    "commit_accuracy",
    "commit_rate_if_always_right",
)


def _metrics(output: str) -> dict[str, str]:
    found = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in SHOWN:
            found[parts[0]] = parts[1]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", nargs="+", default=list(DEFAULT_HOLD), help="file names to hold out")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    analyser = str(Path(sys.executable).with_name("analyser"))
    with tempfile.TemporaryDirectory() as work:
        train_dir, held_dir = Path(work) / "train", Path(work) / "held"
        train_dir.mkdir()
        held_dir.mkdir()
        for folder in FOLDERS:
            for path in sorted((REPO / folder).glob("*.jsonl")):
                target = held_dir if path.name in args.hold else train_dir
                shutil.copy(path, target / f"{path.parent.name}_{path.name}")
        env = os.environ | {
            "ANALYSER_MODEL": str(Path(work) / "model"),
            "ANALYSER_CALIBRATION": str(Path(work) / "calibration.json"),
        }
        subprocess.run(
            [analyser, "train", "--corpus", str(train_dir), "--out", env["ANALYSER_MODEL"]],
            env=env,
            check=True,
            capture_output=True,
        )
        print("| held-out file | n | " + " | ".join(SHOWN) + " |")
        print("|---|---|" + "---|" * len(SHOWN))
        held = sorted(held_dir.glob("*.jsonl"))
        pooled = Path(work) / "all held-out writers.jsonl"
        pooled.write_text("".join(path.read_text(encoding="utf-8") for path in held), encoding="utf-8")
        for path in [*held, pooled]:
            run = subprocess.run(
                [analyser, "evaluate", str(path), "--workers", str(args.workers)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            metrics = _metrics(run.stdout)
            count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
            print(f"| {path.name} | {count} | " + " | ".join(metrics.get(k, "-") for k in SHOWN) + " |")


if __name__ == "__main__":
    main()
