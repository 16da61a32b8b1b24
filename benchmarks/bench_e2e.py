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

HERE = Path(__file__).resolve().parent
# Debian's ocrmypdf is a package of the system Python, not of the project's venv.
SYSTEM_PYTHON = "/usr/bin/python3"


def _ocrmypdf_warm(scan: Path, work: Path, repeat: int) -> Timing:
    """OCRmyPDF's own Python API called repeatedly in one long-lived process, after a warm-up."""
    output = subprocess.run(
        [SYSTEM_PYTHON, str(HERE / "ocrmypdf_warm.py"), str(scan), str(work / "ocrmypdf.pdf"), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Timing(json.loads(output.stdout.strip().splitlines()[-1]))


def _ocrmypdf_process(scan: Path, out: Path) -> None:
    subprocess.run(
        ["ocrmypdf", "--quiet", "--output-type", "pdf", "--optimize", "0", "--skip-text", "--jobs", "1"]
        + [str(scan), str(out)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, pdfplumber; pdf = pdfplumber.open(sys.argv[1]);"
            " print(''.join(p.extract_text() or '' for p in pdf.pages))",
            str(out),
        ],
        check=True,
        capture_output=True,
    )


def _ours_process(scan: Path) -> None:
    analyser = Path(sys.executable).with_name("analyser")
    subprocess.run([str(analyser), "analyse", str(scan), "--json"], check=True, capture_output=True)


def _ocrmypdf_rows(scan: Path, work: Path, ours_warm: Timing, repeat: int) -> list[dict]:
    """OCRmyPDF + pdfplumber against ours, like for like: warm in-process calls on both sides, then
    fresh processes on both sides (each paying its own start-up), alternated."""
    rows = []
    theirs_ocr = _ocrmypdf_warm(scan, work, repeat)
    theirs_text = timed(lambda: bare_pdfplumber(work / "ocrmypdf.pdf"), repeat)
    theirs = Timing([a + b for a, b in zip(theirs_ocr.runs, theirs_text.runs, strict=True)])
    speedup = ratio(theirs, ours_warm)
    rows.append(
        {
            "section": "end to end",
            "measure": "scanned page, warm vs warm: (OCRmyPDF API + pdfplumber) / analyse_file, both in a"
            " long-lived process, OCRmyPDF --output-type pdf --optimize 0 --skip-text --jobs 1",
            "value": f"{speedup:.2f}x faster",
            "detail": f"ocrmypdf {theirs_ocr} + pdfplumber {theirs_text}; ours {ours_warm}",
            "status": goal(speedup, 2.0, at_most=False),
        }
    )
    ours_cli, theirs_cli = timed_pair(
        lambda: _ours_process(scan), lambda: _ocrmypdf_process(scan, work / "cli.pdf"), repeat
    )
    speedup = ratio(theirs_cli, ours_cli)
    rows.append(
        {
            "section": "end to end",
            "measure": "scanned page, process vs process (cold start each): (ocrmypdf CLI + pdfplumber"
            " script) / `analyser analyse --json`, alternated",
            "value": f"{speedup:.2f}x faster",
            "detail": f"ocrmypdf+pdfplumber {theirs_cli}; ours {ours_cli}",
            "status": goal(speedup, 2.0, at_most=False),
        }
    )
    return rows


def run(smoke: bool = False) -> list[dict]:
    """Text PDF and scanned page analysed end to end, as ratios to the alternatives."""
    repeat = 1 if smoke else 9
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
        measure = (
            "scanned page: analyse_file / bare tesserocr on the same image"
            " (like for like: same language data, both PSM SINGLE_BLOCK, alternated)"
        )
        row = scanned_page_against_tesseract(work, repeat, analyse_file, "end to end", measure)
        scan, ours_runs = Path(row.pop("scan")), Timing(row.pop("ours_runs"))
        row.pop("ours_seconds")
        rows.append(row)
        if shutil.which("ocrmypdf") and Path(SYSTEM_PYTHON).exists():
            rows += _ocrmypdf_rows(scan, work, ours_runs, 1 if smoke else 5)
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
