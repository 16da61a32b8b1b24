"""samples/render.py: a blind round rendered the way benchmarks/first_touch.py reads it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber

REPO = Path(__file__).resolve().parents[2]
LETTER = {
    "id": "t-render-001",
    "text": "Kendal Jobcentre Plus\n\nDear Ms Hart\n\nPlease come to a work-focused interview on 12 June 2018 at 11.20am.",
}


def test_a_round_is_rendered_as_text_pdfs_and_scans_for_the_first_touch(tmp_path: Path) -> None:
    labels = tmp_path / "part.jsonl"
    labels.write_text(json.dumps(LETTER) + "\n", encoding="utf-8")
    out = tmp_path / "round"
    subprocess.run(
        [sys.executable, "samples/render.py", "--labels", str(labels), "--out", str(out), "--first-touch"],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with pdfplumber.open(out / "pdf" / "t-render-001.pdf") as pdf:
        assert "work-focused interview on 12 June 2018" in " ".join(
            (pdf.pages[0].extract_text() or "").split()
        )
    with pdfplumber.open(out / "scan" / "t-render-001.pdf") as scan:
        # A scan is a picture of the page: no text layer for pdfplumber, one image to OCR.
        assert not (scan.pages[0].extract_text() or "").strip()
        assert scan.pages[0].images
