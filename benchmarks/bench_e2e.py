"""End-to-end speed against what a user would otherwise run: pdfplumber, bare Tesseract, OCRmyPDF."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from analyser import analyse_file
from benchmarks.bench_ingest import _clean_letters, bare_pdfplumber, scanned_page_against_tesseract
from benchmarks.common import TEXT_PDF_REPEAT, Timing, goal, ratio, timed, timed_pair
from samples.rendering import text_pdf


def _ocrmypdf_then_pdfplumber(scan: Path, work: Path) -> str:
    out = work / "ocrmypdf-out.pdf"
    subprocess.run(
        ["ocrmypdf", "--quiet", "--force-ocr", "--output-type", "pdf", "--jobs", "1", str(scan), str(out)],
        check=True,
        capture_output=True,
    )
    return bare_pdfplumber(out)


def run(smoke: bool = False) -> list[dict]:
    """Text PDF and scanned page analysed end to end, as ratios to the alternatives."""
    repeat = 1 if smoke else 5
    letter = _clean_letters(1)[0]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pdf = work / "letter.pdf"
        pdf.write_bytes(text_pdf(letter["text"]))
        ours, theirs = timed_pair(
            lambda: analyse_file(pdf), lambda: bare_pdfplumber(pdf), 1 if smoke else TEXT_PDF_REPEAT
        )
        value = ratio(ours, theirs, "best")
        rows.append(
            {
                "section": "end to end",
                "measure": "text-PDF letter: analyse_file / bare pdfplumber extract_text (best of runs, alternated)",
                "value": f"{value:.2f}x",
                "detail": f"ours {ours}; pdfplumber {theirs}",
                "status": goal(value, 1.3, at_most=True),
            }
        )
        measure = "scanned page: analyse_file / bare tesserocr on the same image"
        row = scanned_page_against_tesseract(work, repeat, analyse_file, "end to end", measure)
        scan, ours = Path(row.pop("scan")), Timing([row.pop("ours_seconds")])
        rows.append(row)
        if shutil.which("ocrmypdf"):
            other = timed(lambda: _ocrmypdf_then_pdfplumber(scan, work), 1 if smoke else 3, warmup=0)
            speedup = other.median / ours.median
            rows.append(
                {
                    "section": "end to end",
                    "measure": "scanned page: OCRmyPDF + pdfplumber time / ours",
                    "value": f"{speedup:.2f}x faster",
                    "detail": f"ocrmypdf+pdfplumber {other}; ours {ours}",
                    "status": goal(speedup, 2.0, at_most=False),
                }
            )
        else:
            rows.append(
                {
                    "section": "end to end",
                    "measure": "scanned page vs OCRmyPDF + pdfplumber",
                    "value": "not measured",
                    "status": "ocrmypdf not installed (make bench installs it)",
                }
            )
    return rows


if __name__ == "__main__":
    print(json.dumps(run("--smoke" in sys.argv), indent=1))
