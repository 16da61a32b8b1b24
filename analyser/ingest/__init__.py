"""Ingest: a file (path or bytes) becomes a Document of cleaned pages of text, OCR where needed."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from analyser.errors import CorruptFile, NoTextFound, TooLarge
from analyser.ingest import budget
from analyser.ingest.cleanup import clean_text, drop_lines, repeated_margin_lines
from analyser.ingest.image import read_image
from analyser.ingest.limits import Limits
from analyser.ingest.pdf import read_pdf
from analyser.ingest.sniff import JPEG, PDF, PNG, TEXT, TIFF, sniff_media_type
from analyser.ingest.text import read_text
from analyser.result import Page

__all__ = ["Document", "Limits", "ingest_bytes", "ingest_path", "LOW_OCR_CONFIDENCE"]

LOW_OCR_CONFIDENCE = 0.75
# Fewer letters than this in words of two or more is not a letter: a stray "a", a one-byte file.
MIN_LETTERS = 20
_WORD = re.compile(r"[^\W\d_]{2,}")

_READERS = {PDF: read_pdf, PNG: read_image, JPEG: read_image, TIFF: read_image}


@dataclass
class Document:
    """A letter file read as text: what it was, and its pages."""

    name: str
    sha256: str
    media_type: str
    pages: list[Page]
    warnings: list[str] = field(default_factory=list)

    @property
    def text_source(self) -> str:
        sources = {page.text_source for page in self.pages}
        return sources.pop() if len(sources) == 1 else "mixed"

    @property
    def ocr_confidence(self) -> float | None:
        scores = [page.ocr_confidence for page in self.pages if page.ocr_confidence is not None]
        return round(sum(scores) / len(scores), 3) if scores else None


def ingest_path(
    path: str | os.PathLike[str], limits: Limits | None = None, name: str | None = None
) -> Document:
    """Read a letter file from disk, checking its size before reading it."""
    limits = limits or Limits.from_env()
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise CorruptFile(f"The file {path.name} cannot be opened: {error.strerror}.") from error
    if size > limits.max_bytes:
        raise TooLarge(f"This file is {size / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CorruptFile(f"The file {path.name} cannot be read: {error.strerror}.") from error
    return ingest_bytes(data, name or path.name, limits)


def ingest_bytes(
    data: bytes, name: str, limits: Limits | None = None, cancel: threading.Event | None = None
) -> Document:
    """Read a letter from bytes within its work budget: sniff its type, extract or recognise each page, tidy."""
    limits = limits or Limits.from_env()
    if len(data) > limits.max_bytes:
        raise TooLarge(
            f"This file is {len(data) / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB."
        )
    media_type = sniff_media_type(data[:1024])
    with budget.budget(limits, cancel) as spent:
        raw_pages = read_text(data, limits) if media_type == TEXT else _READERS[media_type](data, limits)
        if media_type != TEXT:
            spent.spend_chars(sum(len(page.text) for page in raw_pages))
        pages = _tidy(raw_pages)
    letters = sum(len(word) for page in pages for word in _WORD.findall(page.text))
    if letters < MIN_LETTERS:
        raise NoTextFound(
            "No letter text could be found in this file"
            + (f" (only {letters} letters of words)." if letters else ".")
            + " If it is a photo or scan, try a clearer, well-lit, straight picture of the whole page."
        )
    document = Document(
        name=name, sha256=hashlib.sha256(data).hexdigest(), media_type=media_type, pages=pages
    )
    for page in pages:
        if page.ocr_confidence is not None and page.ocr_confidence < LOW_OCR_CONFIDENCE:
            document.warnings.append(
                f"low OCR confidence on page {page.number} ({page.ocr_confidence:.0%}): check the quoted evidence"
            )
    return document


def _tidy(pages: list[Page]) -> list[Page]:
    margins = repeated_margin_lines([page.text for page in pages])
    return [
        page.model_copy(update={"text": clean_text(drop_lines(page.text, margins)).text.strip("\n")})
        for page in pages
    ]
