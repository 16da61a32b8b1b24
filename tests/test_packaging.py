"""A non-editable install carries the trained pipeline: built as a wheel, installed apart, run from elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILES = ("config.cfg", "meta.json", "textcat/model", "cue_ruler/patterns.jsonl", "vocab/strings.json")
LETTER = (
    "Jobcentre Plus\n3 November 2014\nDear Ms Smith\n"
    "You must attend a work-focused interview on 14 November 2014 at 10:30am.\n"
    "If you do not take part, your Employment and Support Allowance may be reduced.\n"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy so the build leaves nothing in the worktree; no build isolation, so no downloads.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "analyser", source / "analyser", ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            dist,
            source,
        ],
        check=True,
        capture_output=True,
    )
    (built,) = dist.glob("*.whl")
    return built


def test_the_wheel_holds_the_trained_model(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in MODEL_FILES:
        assert f"analyser/models/letter_type/{name}" in names
    assert "analyser/nlp/pipeline.cfg" in names
    assert not any(name.startswith(("samples/", "tests/")) for name in names)


def test_installed_apart_it_reads_with_the_trained_model_from_another_directory(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            site,
            wheel,
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "letter.txt").write_text(LETTER, encoding="utf-8")
    code = (
        "import sys, analyser, analyser.nlp as nlp\n"
        "from analyser.cli import main\n"
        "print(analyser.__file__, nlp.MODEL_DIR, nlp.load_pipeline().pipe_names, file=sys.stderr)\n"
        "sys.argv = ['analyser', 'analyse', 'letter.txt', '--json']\n"
        "main()\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("ANALYSER_")}
    env["PYTHONPATH"] = str(site)  # ahead of the editable install of the worktree
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert str(site / "analyser") in run.stderr and str(ROOT) not in run.stderr
    assert "'textcat'" in run.stderr and "no trained model" not in run.stderr
    letter = json.loads(run.stdout)["letter"]
    assert letter["type"] == "wfi"
    assert letter["attendance"] == "mandatory" and letter["sanction_language"] is True
