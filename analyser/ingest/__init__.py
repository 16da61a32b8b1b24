"""Ingest: a file (path or bytes) becomes a Document of cleaned pages of text, OCR where needed."""

from analyser.ingest.document import (
    LOW_OCR_CONFIDENCE,
    MIN_LETTERS,
    Document,
    ingest_bytes,
    ingest_path,
    one_letter,
)
from analyser.ingest.limits import Limits

__all__ = [
    "Document",
    "Limits",
    "ingest_bytes",
    "ingest_path",
    "one_letter",
    "LOW_OCR_CONFIDENCE",
    "MIN_LETTERS",
]
