"""Photo figures: the photo path's cost against bare Tesseract on the same corrected page, the character
error rate of photos read as scans (before) and through the photo path (after), peak memory on a 4000x3000 JPEG."""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tesserocr
from PIL import Image, ImageOps

from analyser.ingest import ingest_bytes
from analyser.ingest.ocr import recognise, tessdata_path
from analyser.ingest.photo import flatten_photo
from analyser.photo_eval import cer, photo_files
from benchmarks.common import REPO, goal, load_jsonl

ROUNDS = [REPO / "samples" / "holdout" / "round3_a.jsonl", REPO / "samples" / "holdout" / "round3_b.jsonl"]
SEED = 8
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so it would report this (big) parent.
RSS_CHILD = """
import re, sys
from analyser.ingest import ingest_path
ingest_path(sys.argv[1])
status = open("/proc/self/status").read()
print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) * 1024)
"""


def _spread(values: list[float], unit: str = "") -> str:
    return (
        f"median {statistics.median(values):.2f}{unit}, mean {statistics.mean(values):.2f}{unit}, "
        f"min {min(values):.2f}{unit}, max {max(values):.2f}{unit}, n={len(values)}"
    )


def _cpu(call) -> tuple[float, object]:
    started = time.process_time()
    value = call()
    return time.process_time() - started, value


def _bare_tesseract(image: Image.Image) -> str:
    """Tesseract alone, as the photo path calls it: same language data, page mode and resolution."""
    with tesserocr.PyTessBaseAPI(path=tessdata_path(), lang="eng", psm=tesserocr.PSM.SINGLE_BLOCK) as api:
        api.SetImage(image)
        return api.GetUTF8Text()


def photo_cost_and_cer(count: int) -> list[dict]:
    letters = [letter for path in ROUNDS for letter in load_jsonl(path)][:count]
    ratios, before, after, seconds = [], [], [], []
    _bare_tesseract(Image.new("L", (100, 100), 255))  # load the language data once, untimed
    for letter in letters:
        for data, name in photo_files(letter, SEED)[:1]:
            ours, document = _cpu(lambda data=data, name=name: ingest_bytes(data, name))
            upright = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
            flat = flatten_photo(upright)
            theirs, _ = _cpu(lambda flat=flat: _bare_tesseract(flat.image))
            ratios.append(ours / theirs)
            seconds.append(ours)
            gold = letter["text"] if len(photo_files(letter, SEED)) == 1 else None
            if gold:
                after.append(cer(gold, document.pages[0].text))
                before.append(cer(gold, recognise(upright).text))
    median_ratio = statistics.median(ratios)
    return [
        {
            "section": "photos",
            "measure": "phone photo: whole photo path / bare Tesseract on the same corrected page (CPU time)",
            "value": f"{median_ratio:.2f}x",
            "detail": _spread(ratios, "x"),
            "status": goal(median_ratio, 1.5, at_most=True),
        },
        {
            "section": "photos",
            "measure": "phone photo: CPU seconds per photo, photo path",
            "value": f"{statistics.median(seconds):.2f} s",
            "detail": _spread(seconds, " s"),
        },
        {
            "section": "photos",
            "measure": "phone photo CER, read by the scan path (before) -> through the photo path (after)",
            "value": f"{statistics.mean(before):.3f} -> {statistics.mean(after):.3f} (mean)",
            "detail": f"before {_spread(before)}; after {_spread(after)}; "
            f"over 10%: {sum(c > 0.1 for c in before)} -> {sum(c > 0.1 for c in after)} of {len(after)}",
        },
    ]


def peak_rss(count: int) -> list[dict]:
    """Each 4000x3000 JPEG read in a fresh process: its own peak resident memory."""
    sys.path.insert(0, str(REPO))
    from samples import photo

    peaks = []
    page = photo.page_images(load_jsonl(ROUNDS[0])[0]["text"])[0]
    with tempfile.TemporaryDirectory() as work:
        for number in range(count):
            rng = __import__("random").Random(f"rss:{number}")
            image = photo.photograph(page, rng, long_side=4000)
            path = Path(work) / f"photo{number}.jpg"
            path.write_bytes(photo.jpeg_bytes(image, rng, camera=True))
            assert Image.open(path).size == (3000, 4000)
            out = subprocess.run(
                [sys.executable, "-c", RSS_CHILD, str(path)],
                capture_output=True,
                text=True,
                cwd=REPO,
                check=True,
            )
            peaks.append(int(out.stdout.strip().splitlines()[-1]) / 1e6)
    worst = max(peaks)
    return [
        {
            "section": "photos",
            "measure": "4000 x 3000 JPEG phone photo: peak RSS of the reading process",
            "value": f"{worst:.0f} MB (worst)",
            "detail": _spread(peaks, " MB"),
            "status": goal(worst, 600, at_most=True),
        }
    ]


def run(smoke: bool) -> list[dict]:
    return photo_cost_and_cer(2 if smoke else 20) + peak_rss(1 if smoke else 3)


if __name__ == "__main__":
    for row in run("--smoke" in sys.argv):
        print(f"{row['measure']}: {row['value']}  {row.get('status', '')}\n    {row['detail']}", flush=True)
