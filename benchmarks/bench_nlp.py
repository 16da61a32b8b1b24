"""NLP figures: time to read a one-page letter against pdfplumber's extraction of it; cold model load."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from analyser.ingest import ingest_path
from analyser.nlp import read_letter
from benchmarks.bench_ingest import _clean_letters, bare_pdfplumber
from benchmarks.common import TEXT_PDF_REPEAT, Timing, goal, ratio, timed_pair
from samples.rendering import text_pdf

COLD_START = """
import time
started = time.perf_counter()
from analyser.nlp import load_pipeline
load_pipeline()
print(time.perf_counter() - started)
"""
MODEL_LOAD = """
import time
import analyser.nlp as nlp
started = time.perf_counter()
nlp.load_pipeline()
print(time.perf_counter() - started)
"""


def _subprocess_seconds(code: str, repeat: int) -> Timing:
    return Timing(
        [
            float(
                subprocess.run(
                    [sys.executable, "-c", code], capture_output=True, text=True, check=True
                ).stdout
            )
            for _ in range(repeat)
        ]
    )


def run(smoke: bool = False) -> list[dict]:
    """NLP speed on a one-page letter, and how long the model takes to load."""
    repeat = 1 if smoke else TEXT_PDF_REPEAT
    letter = _clean_letters(1)[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.pdf"
        path.write_bytes(text_pdf(letter["text"]))
        pages = ingest_path(path).pages[:1]
        nlp_time, extract_time = timed_pair(lambda: read_letter(pages), lambda: bare_pdfplumber(path), repeat)
    share = ratio(nlp_time, extract_time, "best")
    load = _subprocess_seconds(MODEL_LOAD, 1 if smoke else 5)
    cold = _subprocess_seconds(COLD_START, 1 if smoke else 5)
    return [
        {
            "section": "nlp",
            "measure": "NLP on a one-page letter / pdfplumber extract_text of it (best of runs, alternated)",
            "value": f"{share:.2f}x",
            "detail": f"nlp {nlp_time}; pdfplumber {extract_time}",
            "status": goal(share, 0.2, at_most=True),
        },
        {
            "section": "nlp",
            "measure": "model load (pipeline already imported)",
            "value": f"{load.median:.2f} s",
            "detail": str(load),
            "status": goal(load.median, 1.0, at_most=True),
        },
        {
            "section": "nlp",
            "measure": "cold start: import + model load",
            "value": f"{cold.median:.2f} s",
            "detail": str(cold),
        },
    ]


if __name__ == "__main__":
    print(json.dumps(run("--smoke" in sys.argv), indent=1))
