"""Reading a file (path or bytes) into a Document of cleaned pages of text, OCR where needed."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analyser.errors import AnalyserError, CorruptFile, NoTextFound, TooLarge, UnreadableImage, UnsafeFile
from analyser.ingest import budget
from analyser.ingest.cleanup import clean_text, drop_lines, repeated_margin_lines
from analyser.ingest.image import read_image
from analyser.ingest.limits import Limits
from analyser.ingest.pdf import read_pdf
from analyser.ingest.readable import check_pages
from analyser.ingest.sniff import HEIC, JPEG, PDF, PNG, TEXT, TIFF, sniff_media_type
from analyser.ingest.text import read_text
from analyser.result import Page, TextSource

LOW_OCR_CONFIDENCE = 0.75
# Fewer letters than this in words of two or more is not a letter: a stray "a", a one-byte file.
MIN_LETTERS = 20
_WORD = re.compile(r"[^\W\d_]{2,}")

_READERS = {PDF: read_pdf, PNG: read_image, JPEG: read_image, TIFF: read_image, HEIC: read_image}


@dataclass
class Document:
    """A letter file read as text: what it was, and its pages."""

    name: str
    sha256: str
    media_type: str
    pages: list[Page]
    warnings: list[str] = field(default_factory=list)

    @property
    def text_source(self) -> TextSource:
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
        found = path.stat()
    except OSError as error:
        raise CorruptFile(f"The file {path.name} cannot be opened: {error.strerror}.") from error
    if not stat.S_ISREG(found.st_mode):
        # A device gives endless bytes and a pipe waits for a writer that may never come.
        raise UnsafeFile(
            f"{path.name} is not a file (a folder, a device or a pipe). Give the letter's own file."
        )
    if found.st_size > limits.max_bytes:
        raise TooLarge(
            f"This file is {found.st_size / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB."
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)  # one byte over tells a file that grew since stat()
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
        readability_warnings = check_pages(raw_pages)
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
    document.warnings.extend(readability_warnings)
    for page in pages:
        if page.ocr_confidence is not None and page.ocr_confidence < LOW_OCR_CONFIDENCE:
            document.warnings.append(
                f"low OCR confidence on page {page.number} ({page.ocr_confidence:.0%}): check the quoted evidence"
            )
    return document


def one_letter(
    files: Sequence[tuple[str, Callable[[], Document]]],
    name: str | None = None,
    limits: Limits | None = None,
    cancel: threading.Event | None = None,
) -> Document:
    """Several files (one photo per page, say), each (name, reader), read in order as one letter's pages.

    One budget covers them all: the limits are a letter's, however many files it comes in. A file that
    cannot be read is named in a warning; only when none can is its error raised. Any other error
    names the file it came from.
    """
    documents: list[Document] = []
    unread: list[str] = []
    first_error: NoTextFound | UnreadableImage | None = None
    with budget.budget(limits or Limits.from_env(), cancel):
        for number, (file_name, read) in enumerate(files, 1):
            try:
                documents.append(read())
            except (NoTextFound, UnreadableImage) as error:
                first_error = first_error or error
                unread.append(
                    f"file {number} could not be read, so this result leaves it out: {error.message}"
                )
            except AnalyserError as error:
                if len(files) == 1:
                    raise
                named = type(error)(f"file {number} ({file_name}): {error.message}")
                raise named from error
    if not documents:
        assert first_error is not None
        raise first_error
    pages: list[Page] = []
    warnings: list[str] = []
    for document in documents:
        offset = len(pages)
        pages.extend(page.model_copy(update={"number": offset + page.number}) for page in document.pages)
        warnings.extend(f"{document.name}: {warning}" for warning in document.warnings)
    media_types = {document.media_type for document in documents}
    return Document(
        name=name or documents[0].name,
        sha256=hashlib.sha256("".join(d.sha256 for d in documents).encode()).hexdigest(),
        media_type=media_types.pop() if len(media_types) == 1 else "mixed",
        pages=pages,
        warnings=unread + warnings,
    )


def _tidy(pages: list[Page]) -> list[Page]:
    margins = repeated_margin_lines([page.text for page in pages])
    # Plain Pages out: what the OCR judged of each page stays inside ingest.
    return [
        Page(
            number=page.number,
            text=clean_text(drop_lines(page.text, margins)).text.strip("\n"),
            text_source=page.text_source,
            ocr_confidence=page.ocr_confidence,
        )
        for page in pages
    ]
