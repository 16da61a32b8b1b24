"""Test batch for the campaign report: 20 letters, each as a text PDF, a degraded scan and a phone photo."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from analyser.render import Degradation, scan_images, text_pdf

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"
# Twenty WFI summonses: four from Ayr, three each from Bolton, Swansea and Wolverhampton (some from one
# template, so near-identical text with other dates and people), and others from single offices.
LETTERS = (
    "tp-0055", "tp-0100", "tp-0141", "tp-0145", "tp-0014", "tp-0060", "hw-ucjsa-001", "tp-0021", "tp-0063",
    "hw-ucjsa-020", "tp-0009", "tp-0048", "tp-0103", "hw-esais-001", "hw-esais-002", "hw-esais-014",
    "tp-0148", "tp-0072", "tp-0101", "tp-0052",
)  # fmt: skip
# One office spelled three ways across three of its letters.
RESPELT = {"tp-0100": "Ayr Jobcentre", "tp-0141": "AYR JOBCENTRE PLUS."}
# Situations that contradict the letter: an ESA support-group person with a UC letter, a WRAG letter.
CONFLICTING = {"tp-0014": ("esa", "support_group"), "hw-esais-002": ("esa", "support_group")}
SCAN = Degradation(dpi=150, skew_degrees=0.7, blur_radius=0.4, noise_sigma=6.0, jpeg_quality=75)


def corpus() -> dict[str, dict]:
    letters = {}
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            letters[record["id"]] = record
    return letters


def letter_text(record: dict) -> str:
    text = record["text"]
    if record["id"] in RESPELT:
        text = text.replace(record["office"], RESPELT[record["id"]])
    return text


def photo(page: Image.Image, seed: int) -> Image.Image:
    """A phone photo of a page: on a darker desk, tilted in perspective, with a shadow across it, as JPEG."""
    rng = np.random.default_rng(seed)
    width, height = page.size
    desk = Image.new("L", (int(width * 1.12), int(height * 1.1)), 90)
    desk.paste(page, (int(width * 0.06), int(height * 0.05)))
    w, h = desk.size
    # Perspective: the top edge a little narrower than the bottom, as when a phone is held low.
    inset = w * rng.uniform(0.015, 0.03)
    quad = (inset, 0, 0, h, w, h, w - inset, 0)
    warped = desk.transform((w, h), Image.QUAD, quad, resample=Image.BILINEAR, fillcolor=90)
    shade = np.linspace(1.0, rng.uniform(0.72, 0.82), w, dtype=np.float32)[None, :]
    pixels = np.asarray(warped, dtype=np.float32) * shade
    shot = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    shot.convert("RGB").save(buffer, format="JPEG", quality=80, dpi=(SCAN.dpi, SCAN.dpi))
    return Image.open(io.BytesIO(buffer.getvalue()))


def situation(record: dict) -> tuple[str, str]:
    if record["id"] in CONFLICTING:
        return CONFLICTING[record["id"]]
    benefit = record["benefits_mentioned"][0]
    group = {
        "esa": record["esa_group_stated"] or "support_group",
        "universal_credit": "no_work_related_requirements",
    }
    return benefit, group.get(benefit, "")


def _render(job: tuple[int, dict, str]) -> None:
    index, record, folder = job
    letter_id, out = record["id"], Path(folder)
    pdf = text_pdf(letter_text(record))
    (out / "pdf" / f"{letter_id}.pdf").write_bytes(pdf)
    pages = scan_images(pdf, SCAN)
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=SCAN.dpi)
    (out / "scan" / f"{letter_id}.pdf").write_bytes(buffer.getvalue())
    photo(pages[0], index).save(out / "photo" / f"{letter_id}.jpg", quality=80, dpi=(SCAN.dpi, SCAN.dpi))


def make_batch(folder: Path) -> tuple[Path, dict[str, dict]]:
    """The 60 files (pdf/NAME.pdf, scan/NAME.pdf, photo/NAME.jpg) and a situations CSV; returns it and the letters."""
    letters = {k: v for k, v in corpus().items() if k in LETTERS}
    for kind in ("pdf", "scan", "photo"):
        (folder / kind).mkdir(parents=True, exist_ok=True)
    jobs = [(index, letters[letter_id], str(folder)) for index, letter_id in enumerate(LETTERS)]
    with multiprocessing.get_context("forkserver").Pool(min(4, os.cpu_count() or 1)) as pool:
        pool.map(_render, jobs)
    rows = []
    for letter_id in LETTERS:
        benefit, group = situation(letters[letter_id])
        rows += [{"file": f"{kind}/{letter_id}.{'jpg' if kind == 'photo' else 'pdf'}", "benefit": benefit, "group": group}
                 for kind in ("pdf", "scan", "photo")]  # fmt: skip
    people = folder.parent / f"{folder.name}-situations.csv"
    with people.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "benefit", "group"])
        writer.writeheader()
        writer.writerows(rows)
    return people, letters
