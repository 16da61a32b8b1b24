"""The benchmark runs end to end in its smoke form, so `make bench` cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_benchmark_smoke_run_writes_its_tables(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--out", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((tmp_path / "results.json").read_text())
    sections = {row["section"] for row in data["rows"]}
    assert {"ingest", "nlp", "end to end"} <= sections
    assert set(data["scripts"]) == {"batch", "api", "scale", "labeller agreement"}
    assert "labellers agree" in data["scripts"]["labeller agreement"]
    assert all("(exit" not in output for output in data["scripts"].values()), data["scripts"]
    table = (tmp_path / "results.md").read_text()
    assert "| section | measure | value | goal | detail |" in table
